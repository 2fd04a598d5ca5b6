"""Workflow 6 in Chromium: a committee meeting from planning to the finalised minutes.

Sachbearbeitung plans the meeting and builds the agenda (main and sub-items, linked measures,
moved and renumbered); Koordination sends the invitation (PDF and calendar file by e-mail),
the attendance and the minutes are recorded, the meeting is marked held, Koordination
finalises the minutes, and the public edition of the minutes leaves out the non-public item.
The finalised meeting is read-only; Koordination corrects the minutes with a reason, and the
corrected minutes are archived again with the correction in an appendix.
"""

import io
from email.utils import parseaddr

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from committee.models import (
    AgendaItem,
    Attendance,
    Committee,
    LegislativeTerm,
    Meeting,
    MinutesCorrection,
)
from measures.models import Measure
from tests.committee.conftest import TERM_START, add_member
from tests.e2e.conftest import audit, visit

CONFIDENTIAL = "Vertrauliche Beratung über den Antrag des Vereins Brücke."
REASON = "Der Beschluss wurde in der Niederschrift verkürzt wiedergegeben."


@pytest.fixture
def setting(measure, plan, action_field, actor):
    committee = Committee.objects.create(
        name="Integrationsausschuss", short_name="IA", contact_email="ia@example.org"
    )
    LegislativeTerm.objects.create(name="Wahlperiode 2024–2029", start=TERM_START)
    Measure.objects.create(
        plan=plan, action_field=action_field, code="1.2", title="Sprachcafé", lead_actor=actor
    )
    return [
        add_member(committee, "Ulrike", "Bosch", role="chair", faction="CDU"),
        add_member(committee, "Kemal", "Arslan", role="vice_chair", faction="SPD"),
        add_member(committee, "Sevgi", "Yılmaz", kind="citizen_expert", faction="Brücke e. V."),
        add_member(committee, "Otto", "Ohnemail", email=False),
    ]


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data) if isinstance(data, bytes) else data)
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def ics_properties(text):
    """The calendar's lines, unfolded (RFC 5545, 3.1), as (name with parameters, value)."""
    unfolded = text.replace("\r\n ", "").replace("\r\n\t", "")
    return [tuple(line.split(":", 1)) for line in unfolded.split("\r\n") if ":" in line]


def choose_measure(page, name):
    """Link a measure in an item form, whether the form offers a checkbox list, a
    combobox with suggestions or a multiple select."""
    checkbox = page.get_by_role("checkbox", name=name)
    if checkbox.count():
        checkbox.check()
        return
    combobox = page.get_by_role("combobox", name="Maßnahmen")
    if combobox.count():
        combobox.fill(name.split()[0])
        page.get_by_role("option", name=name).click()
        return
    page.get_by_role("listbox", name="Maßnahmen").select_option(label=name)


def add_item(page, title, number="", kind="Information", public=True, measure=None):
    page.get_by_label("Nummer").fill(number)
    page.get_by_label("Titel").fill(title)
    page.get_by_label("Art").select_option(label=kind)
    page.get_by_label("öffentlich").set_checked(public)
    if measure:
        choose_measure(page, measure)
    page.get_by_role("button", name="Hinzufügen").click()
    audit(page)


def agenda(page):
    """The agenda editor's items in their order, as "number title"."""
    rows = page.get_by_role("table").locator("tbody tr")
    return [
        " ".join(rows.nth(index).locator("td").nth(cell).inner_text() for cell in (0, 1))
        .split("\n")[0]
        .strip()
        for index in range(rows.count())
    ]


def move(page, direction, line):
    page.get_by_role("button", name=f"{direction} {line}").click()
    audit(page)


def test_a_meeting_from_planning_to_the_public_minutes(
    open_browser, sachbearbeitung, koordination, setting
):
    # The meeting is today, so that it can be marked as held once the agenda is sent.
    day = timezone.localdate()
    clerk = open_browser(sachbearbeitung)
    visit(clerk, reverse("committee:meeting_list"))
    clerk.get_by_role("link", name="Sitzung planen").click()
    audit(clerk)
    clerk.get_by_role("combobox", name="Ausschuss").select_option(label="Integrationsausschuss")
    clerk.get_by_label("Beginn").fill(f"{day:%Y-%m-%d}T17:00")
    clerk.get_by_label("Ende").fill(f"{day:%Y-%m-%d}T19:00")
    clerk.get_by_label("Ort").fill("Rathaus Göppingen")
    clerk.get_by_label("Raum").fill("Großer Sitzungssaal")
    clerk.get_by_label("Anschrift").fill("Hauptstraße 1, 73033 Göppingen")
    clerk.get_by_label("öffentlich").check()
    clerk.get_by_role("button", name="Speichern").click()
    audit(clerk)
    meeting = Meeting.objects.get()
    assert (meeting.number, meeting.term.name) == (1, "Wahlperiode 2024–2029")
    assert clerk.get_by_role("heading", level=1).inner_text() == (
        "Tagesordnung der 1. Sitzung des IA"
    )

    # The agenda, first in the order the items came to mind.
    add_item(clerk, "Begrüßung und Tagesordnung")
    assert clerk.get_by_text("TOP 1 wurde hinzugefügt.").is_visible()
    add_item(clerk, "Zuschussanträge von Vereinen", kind="Beschluss", public=False)
    add_item(clerk, "Bericht zum Integrationsplan", measure="1.2 Sprachcafé")
    add_item(
        clerk,
        "Ausweitung von Mama lernt Deutsch",
        number="3.1",
        kind="Beschluss",
        measure="1.1 Mama lernt Deutsch",
    )
    add_item(clerk, "Verschiedenes")
    assert agenda(clerk) == [
        "1 Begrüßung und Tagesordnung",
        "2 Zuschussanträge von Vereinen",
        "3 Bericht zum Integrationsplan",
        "3.1 Ausweitung von Mama lernt Deutsch",
        "4 Verschiedenes",
    ]
    # The non-public item goes last: down past item 3 with its sub-item, then 4 up past it.
    move(clerk, "nach unten", "TOP 2: Zuschussanträge von Vereinen")
    move(clerk, "nach oben", "TOP 4: Verschiedenes")
    assert agenda(clerk) == [
        "1 Begrüßung und Tagesordnung",
        "3 Bericht zum Integrationsplan",
        "3.1 Ausweitung von Mama lernt Deutsch",
        "4 Verschiedenes",
        "2 Zuschussanträge von Vereinen",
    ]
    assert clerk.get_by_text("entsprechen nicht mehr der Reihenfolge").is_visible()
    clerk.get_by_role("button", name="In dieser Reihenfolge neu nummerieren").click()
    audit(clerk)
    assert agenda(clerk) == [
        "1 Begrüßung und Tagesordnung",
        "2 Bericht zum Integrationsplan",
        "2.1 Ausweitung von Mama lernt Deutsch",
        "3 Verschiedenes",
        "4 Zuschussanträge von Vereinen",
    ]
    assert "1.2" in clerk.get_by_role("row", name="Bericht zum Integrationsplan").inner_text()
    item = AgendaItem.objects.get(number="2.1")
    assert [measure.code for measure in item.measures.all()] == ["1.1"]

    # Koordination sends the invitation: a PDF and a calendar entry to every member by e-mail.
    office = open_browser(koordination)
    visit(office, meeting.get_absolute_url())
    office.get_by_role("link", name="Einladung versenden").click()
    audit(office)
    assert "Ohnemail" in office.get_by_role("main").inner_text()
    office.get_by_role("button", name="Einladung jetzt versenden").click()
    audit(office)
    assert office.get_by_text("Die Einladung wird an 3 Mitglieder versandt").is_visible()
    assert office.get_by_text("bitte per Post einladen: Otto Ohnemail").is_visible()
    assert sorted(parseaddr(message.to[0])[1] for message in mail.outbox) == [
        "kemal@example.org",
        "sevgi@example.org",
        "ulrike@example.org",
    ]
    attachments = {name: (content, mime) for name, content, mime in mail.outbox[0].attachments}
    assert len(attachments) == 2
    [invitation] = [content for content, mime in attachments.values() if mime == "application/pdf"]
    [calendar] = [content for content, mime in attachments.values() if "calendar" in mime]
    invitation_text = pdf_text(invitation)
    for title in ("Begrüßung und Tagesordnung", "Ausweitung von Mama lernt Deutsch", "Rathaus"):
        assert title in invitation_text
    properties = ics_properties(calendar if isinstance(calendar, str) else calendar.decode())
    assert ("DTSTART;TZID=Europe/Berlin", f"{day:%Y%m%d}T170000") in properties
    assert ("DTEND;TZID=Europe/Berlin", f"{day:%Y%m%d}T190000") in properties
    assert ("METHOD", "REQUEST") in properties
    location = dict(properties)["LOCATION"].replace("\\,", ",")
    assert location == "Rathaus Göppingen, Großer Sitzungssaal, Hauptstraße 1, 73033 Göppingen"

    # On the day: attendance, the meeting held, minutes and the vote.
    clerk.get_by_role("link", name="Zurück zur Sitzung").click()
    audit(clerk)
    clerk.get_by_role("link", name="Anwesenheit erfassen").click()
    audit(clerk)
    for name in ("Ulrike Bosch", "Kemal Arslan", "Sevgi Yılmaz"):
        clerk.get_by_role("group", name=f"Anwesenheit von {name}").get_by_label("anwesend").check()
    clerk.get_by_role("group", name="Anwesenheit von Otto Ohnemail").get_by_label(
        "entschuldigt"
    ).check()
    clerk.get_by_label("Bemerkung zu Kemal Arslan").fill("ab TOP 2")
    clerk.get_by_role("button", name="Anwesenheit speichern").click()
    audit(clerk)
    # The meeting page says why the minutes cannot be finalised yet and offers the way there.
    assert clerk.get_by_text(
        "Bitte markieren Sie die Sitzung zuerst als durchgeführt."
    ).is_visible()
    clerk.get_by_role("button", name="Sitzung als durchgeführt markieren").click()
    audit(clerk)
    assert clerk.get_by_text("Die Sitzung wurde als durchgeführt markiert.").is_visible()

    clerk.get_by_role("link", name="Punkt, Niederschrift und Vorlagen bearbeiten 2.1").click()
    audit(clerk)
    clerk.get_by_label("Niederschrift").fill("Die VHS stellt die Kurse in drei Stadtteilen vor.")
    clerk.get_by_label("Beschluss", exact=True).fill("Der Ausschuss empfiehlt die Ausweitung.")
    clerk.get_by_label("Ergebnis").select_option(label="beschlossen")
    # More votes than members present are refused; three members were present.
    clerk.get_by_label("Ja-Stimmen").fill("9")
    clerk.get_by_label("Nein-Stimmen").fill("2")
    clerk.get_by_label("Enthaltungen").fill("1")
    clerk.get_by_role("button", name="Speichern").click()
    audit(clerk)
    assert "nur 3 Mitglieder anwesend" in clerk.locator(".error-summary").inner_text()
    clerk.get_by_label("Ja-Stimmen").fill("2")
    clerk.get_by_label("Nein-Stimmen").fill("1")
    clerk.get_by_label("Enthaltungen").fill("0")
    clerk.get_by_role("button", name="Speichern").click()
    audit(clerk)
    clerk.get_by_role("link", name="Punkt, Niederschrift und Vorlagen bearbeiten 4").click()
    audit(clerk)
    clerk.get_by_label("Niederschrift").fill(CONFIDENTIAL)
    clerk.get_by_role("button", name="Speichern").click()
    audit(clerk)
    assert "2 Ja, 1 Nein, 0 Enthaltungen" in clerk.get_by_role("main").inner_text()

    # Koordination finalises the minutes; both editions as PDF.
    visit(office, meeting.get_absolute_url())
    office.get_by_role("button", name="Niederschrift abschließen").click()
    audit(office)
    assert office.get_by_text("Die Niederschrift wurde abgeschlossen.").is_visible()
    internal = pdf_text(download(office, "Niederschrift, interne Ausgabe (PDF)"))
    public = pdf_text(download(office, "Niederschrift, öffentliche Ausgabe (PDF)"))
    for text in (internal, public):
        assert "Der Ausschuss empfiehlt die Ausweitung." in text
        assert "Bericht zum Integrationsplan" in text
        assert "Entwurf" not in text  # the minutes are final
    assert "Zuschussanträge von Vereinen" in internal
    assert CONFIDENTIAL in internal
    assert "Zuschussanträge" not in public
    assert "Vertrauliche Beratung" not in public

    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.HELD
    assert meeting.minutes_finalised_at is not None
    assert dict(meeting.attendances.values_list("member__last_name", "state")) == {
        "Bosch": Attendance.State.PRESENT,
        "Arslan": Attendance.State.PRESENT,
        "Yılmaz": Attendance.State.PRESENT,
        "Ohnemail": Attendance.State.EXCUSED,
    }

    # The finalised meeting is read-only: the state instead of edit controls.
    visit(clerk, meeting.get_absolute_url())
    main = clerk.get_by_role("main")
    assert f"Die Niederschrift wurde am {day:%d.%m.%Y} abgeschlossen." in main.inner_text()
    for control in ("Sitzung bearbeiten", "Tagesordnung bearbeiten", "Anwesenheit erfassen"):
        assert main.get_by_role("link", name=control).count() == 0, control
    clerk.get_by_role("link", name="Punkt und Aufträge ansehen 2.1").click()
    audit(clerk)
    assert clerk.get_by_role("button", name="Speichern").count() == 0
    assert clerk.get_by_role("link", name="Auftrag hinzufügen").is_visible()
    visit(clerk, reverse("committee:attendance", args=[meeting.pk]))  # typed in: sent back
    assert clerk.url.endswith(meeting.get_absolute_url())
    assert clerk.get_by_text("Die Niederschrift dieser Sitzung ist abgeschlossen").is_visible()
    archived = pdf_text(download(clerk, "Fassung 1, interne Ausgabe (PDF)"))
    assert "Der Ausschuss empfiehlt die Ausweitung." in archived

    # Koordination corrects the resolution; the reason is required.
    visit(office, meeting.get_absolute_url())
    office.get_by_role("link", name="Niederschrift berichtigen 2.1").click()
    audit(office)
    office.get_by_label("Beschluss", exact=True).fill("Der Ausschuss beschließt die Ausweitung.")
    office.get_by_role("button", name="Berichtigung erfassen").click()
    audit(office)
    assert "Grund für die Berichtigung" in office.locator(".error-summary").inner_text()
    office.get_by_label("Grund der Berichtigung").fill(REASON)
    office.get_by_role("button", name="Berichtigung erfassen").click()
    audit(office)
    assert office.get_by_text("Die Berichtigung wurde erfasst").is_visible()
    corrections = office.get_by_role("region", name="Berichtigungen")
    assert REASON in corrections.inner_text()
    corrected = pdf_text(download(office, "Fassung 2, interne Ausgabe (PDF)"))
    for text in ("Der Ausschuss beschließt die Ausweitung.", "Anhang: Berichtigungen", REASON):
        assert text in corrected
    assert "Berichtigungen" not in pdf_text(download(office, "Fassung 1, interne Ausgabe (PDF)"))
    correction = MinutesCorrection.objects.get()
    assert (correction.field, correction.created_by) == ("resolution", koordination)


def download(page, link_name):
    """The PDF behind a link on the page, fetched with the browser's session.

    The minutes are served inline, so a click opens Chromium's PDF viewer (an extension
    page, not a download); the request goes through the same browser context instead.
    """
    href = page.get_by_role("link", name=link_name).get_attribute("href")
    response = page.request.get(href)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    return response.body()
