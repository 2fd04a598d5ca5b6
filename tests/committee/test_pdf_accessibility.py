"""Invitation and minutes as a screen reader, an archive and a printer read them.

PDF/UA-1 (and PDF/A-3a for the archived minutes) checked with pikepdf and `qpdf --check`
(tests/pdf_checks.py); the layout read back as page text with pypdf.
"""

import io

import pytest
from pypdf import PdfReader

from committee import pdfs
from committee.models import AgendaItem, Committee
from committee.services import invitation_recipients
from tests.pdf_checks import assert_accessible, descendants, scope

pytestmark = pytest.mark.django_db

TOP_MARGIN = 842 - 25 / 25.4 * 72  # A4 height minus the 25 mm top margin, in points


def page_texts(content):
    reader = PdfReader(io.BytesIO(content))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_the_invitation_passes_the_pdf_ua_checks(meeting, items, members):
    content = pdfs.invitation_pdf(meeting, invitation_recipients(meeting))
    assert_accessible(content, "Einladung zur 5. Sitzung des IA")


@pytest.mark.parametrize(
    ("edition", "title"),
    [
        ("internal", "Niederschrift über die 5. Sitzung des IA"),
        ("public", "Niederschrift über die 5. Sitzung des IA (öffentliche Ausgabe)"),
    ],
)
def test_the_minutes_pass_the_pdf_ua_checks_with_headed_attendance_tables(attended, edition, title):
    _pdf, tree = assert_accessible(pdfs.minutes_pdf(attended, edition), title)
    attendance = [
        table
        for table in tree.of_type("/Table")
        if any(cell.get("/S") == "/THead" for cell in descendants(table))
        and len([cell for cell in descendants(table) if cell.get("/S") == "/TR"]) <= 3
    ]
    # Present (two members), excused, absent: each table has a header row, and each member's
    # name heads its row.
    assert len(attendance) == 3
    for table in attendance:
        headers = [cell for cell in descendants(table) if cell.get("/S") == "/TH"]
        columns = [cell for cell in headers if scope(cell) == "/Column"]
        rows = [cell for cell in headers if scope(cell) == "/Row"]
        assert len(columns) == (3 if edition == "internal" else 2)
        assert len(rows) == len(headers) - len(columns) >= 1


def test_the_archived_minutes_are_pdf_a_3a_and_pdf_ua_1(finalised_meeting):
    archived = list(finalised_meeting.archived_minutes.all())
    assert {entry.edition for entry in archived} == {"internal", "public"}
    for entry in archived:
        with entry.file.open("rb") as handle:
            assert_accessible(handle.read(), entry.title, archival=True)


def grow_until_a_new_page(render, low=0, high=80):
    """The smallest size at which `render(size)` needs one page more than at `low`."""

    def pages(size):
        return len(PdfReader(io.BytesIO(render(size))).pages)

    fewest = pages(low)
    assert pages(high) > fewest
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if pages(middle) == fewest else (low, middle)
    return high


def body_lines(content, running, closing):
    """The last page's text without the running header and footer and without `closing`."""
    text = page_texts(content)[-1]
    for part in (*running, *closing):
        assert part in text
        text = text.replace(part, "")
    return " ".join(text.split()[:-4])  # "Seite 3 von 3"


def test_the_minutes_never_end_with_their_closing_alone_on_a_page(attended):
    """The last item's minutes grow paragraph by paragraph; where the minutes first need
    another page, the closing takes the last lines along."""
    item = AgendaItem.objects.get(meeting=attended, number="1.1")

    def render(paragraphs):
        item.minutes = "\n\n".join(f"Wortbeitrag {number}." for number in range(paragraphs))
        item.save()
        return pdfs.minutes_pdf(attended, pdfs.PUBLIC)

    first = grow_until_a_new_page(render)
    running = ("Niederschrift über die 5. Sitzung des IA (öffentliche Ausgabe)", "Stadt Göppingen")
    closing = ("Ulrike Bosch, Vorsitz · Niederschrift: Geschäftsstelle des Ausschusses",)
    for paragraphs in (first, first + 1, first + 2):
        assert body_lines(render(paragraphs), running, closing), f"{paragraphs}: closing alone"


def test_the_invitation_never_ends_with_its_greeting_alone_on_a_page(meeting, members):
    def render(count):
        AgendaItem.objects.filter(meeting=meeting).delete()
        for number in range(1, count + 1):
            AgendaItem.objects.create(
                meeting=meeting, number=str(number), order=number, title=f"Punkt {number}"
            )
        return pdfs.invitation_pdf(meeting, invitation_recipients(meeting))

    first = grow_until_a_new_page(render, low=1, high=60)
    running = ("Einladung zur 5. Sitzung des IA", "Stadt Göppingen")
    closing = ("Mit freundlichen Grüßen", "Ulrike Bosch Vorsitz des Ausschusses")
    for count in (first, first + 1, first + 2):
        assert "Punkt" in body_lines(render(count), running, closing), f"{count}: greeting alone"


def header_lines(content, page_number):
    """The distinct baselines (points from the bottom) of the running header's text."""
    page = PdfReader(io.BytesIO(content)).pages[page_number]
    found = []

    def visit(text, cm, tm, _font, _size):
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip() and y > TOP_MARGIN:
            found.append((round(y, 1), text))

    page.extract_text(visitor_text=visit)
    return found


def test_the_running_header_stays_on_one_line_with_a_long_title(attended):
    Committee.objects.filter(pk=attended.committee_id).update(
        short_name="",
        name="Ausschuss für Integration, Teilhabe, Chancengleichheit und das interkulturelle "
        "Zusammenleben in der Stadt Göppingen und ihren Stadtbezirken",
    )
    attended.refresh_from_db()
    AgendaItem.objects.filter(meeting=attended, number="1").update(
        minutes="\n\n".join(f"Wortbeitrag {number}." for number in range(60))
    )
    content = pdfs.minutes_pdf(attended, pdfs.INTERNAL)
    assert len(page_texts(content)) >= 2
    assert header_lines(content, 0) == []  # the first page carries the letterhead instead
    lines = header_lines(content, 1)
    assert {y for y, _text in lines} == {lines[0][0]}, lines
    header = " ".join(text for _y, text in lines)
    assert header.startswith("Niederschrift über die 5. Sitzung des Ausschuss")
    assert header.endswith("… Stadt Göppingen")
