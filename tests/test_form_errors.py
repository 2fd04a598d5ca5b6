"""Form errors as every form shows them (WCAG 1.3.1, 3.3.1): summary, title, ids, descriptions."""

import re
from collections import Counter
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from committee.models import Committee, Meeting
from measures.models import ArchivedReport
from tests.monitoring.builders import make_contact, make_request, make_round

pytestmark = pytest.mark.django_db

FIELDS = {"input", "select", "textarea"}
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Page(HTMLParser):
    """Every element's attributes, the text inside each element with an id, and the id order."""

    def __init__(self, html):
        super().__init__()
        self.elements = []
        self.text = {}
        self.ids = []
        self._open = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if "id" in attrs:
            self.ids.append(attrs["id"])
            self.text.setdefault(attrs["id"], "")
        if tag not in VOID:
            self._open.append((tag, attrs.get("id")))

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        for _tag, element_id in self._open:
            if element_id:
                self.text[element_id] += data

    def find(self, tag, **wanted):
        return [
            attrs
            for name, attrs in self.elements
            if name == tag
            and all(attrs.get(key.replace("_", "-")) == v for key, v in wanted.items())
        ]

    def described_by(self, attrs):
        return [self.text[element_id] for element_id in attrs["aria-describedby"].split()]


def title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def assert_unique_ids(page):
    assert [id_ for id_, count in Counter(page.ids).items() if count > 1] == []


def assert_summary_links_lead_to_fields(page):
    targets = [attrs["href"][1:] for attrs in page.find("a") if attrs.get("href", "")[:1] == "#"]
    fields = {attrs.get("id") for tag, attrs in page.elements if tag in FIELDS}
    assert all(target in fields for target in targets if target not in ("main",)), targets


@pytest.fixture
def partner_url(plan, measure, actor):
    monitoring_round = make_round(plan)
    _request, token = make_request(monitoring_round, measure, make_contact(actor))
    return reverse("partner:report", args=[token])


def test_an_invalid_field_is_described_by_its_help_text_and_its_error(client, partner_url):
    response = client.post(
        partner_url, {"status": "in_progress", "progress": "150", "text": "Zwei Kurse."}
    )
    html = response.content.decode()
    page = Page(html)
    assert title(html).startswith("Fehler: ")
    [progress] = page.find("input", name="progress")
    assert progress["aria-invalid"] == "true"
    assert progress["aria-describedby"] == "id_progress_helptext id_progress_error"
    help_text, error = page.described_by(progress)
    assert "Schätzung" in help_text
    assert "Fehler: Dieser Wert muss kleiner oder gleich 100 sein." in error
    [name] = page.find("input", name="author_name")
    assert name["aria-invalid"] == "true"
    assert page.find("a", href="#id_progress") and page.find("a", href="#id_author_name")
    assert_summary_links_lead_to_fields(page)
    assert_unique_ids(page)


def test_the_partner_sees_the_error_summary_right_after_the_introduction(client, partner_url):
    html = client.post(partner_url, {"progress": "150"}).content.decode()
    lead_end = html.index("</p>", html.index('<p class="lead">'))
    summary = html.index('<div class="error-summary" tabindex="-1">')
    assert html[lead_end + len("</p>") : summary].strip() == ""
    assert html.count("* Pflichtfeld") == 1
    assert html.index("* Pflichtfeld") > html.index('id="form-heading"')


def test_a_checkbox_list_describes_its_group_and_the_summary_links_the_first_box(
    client, sachbearbeitung
):
    client.force_login(sachbearbeitung)
    response = client.post(
        reverse("network:actor_create"),
        {"name": "Verein Brücke", "kind": "other", "languages": ["xx"], "is_active": "on"},
    )
    page = Page(response.content.decode())
    assert len(page.find("fieldset", aria_describedby="id_languages_error")) == 1
    assert "Auswahl" in page.text["id_languages_error"]
    boxes = page.find("input", name="languages")
    assert boxes and all(attrs["aria-invalid"] == "true" for attrs in boxes)
    # Django describes the group, not each box: no box repeats the description.
    assert not any("aria-describedby" in attrs for attrs in boxes)
    assert page.find("a", href="#id_languages_0") and boxes[0]["id"] == "id_languages_0"
    assert_summary_links_lead_to_fields(page)
    assert_unique_ids(page)


def test_a_wrong_password_prefixes_the_title_and_is_summarised(client, sachbearbeitung):
    response = client.post(reverse("login"), {"username": "sachbearbeitung", "password": "x"})
    html = response.content.decode()
    assert title(html) == "Fehler: Anmelden – Stadt Göppingen"
    summary = html[html.index('<div class="error-summary"') :]
    assert (
        "Beide Felder berücksichtigen die Groß-/Kleinschreibung."
        in summary[: summary.index("</ul>")]
    )


def test_an_invalid_filter_prefixes_the_title(client, lesezugriff):
    client.force_login(lesezugriff)
    html = client.get(reverse("measures:list"), {"status": "nonsense"}).content.decode()
    assert title(html).startswith("Fehler: ")


def test_a_form_without_errors_has_a_plain_title_and_explains_the_marker_once(
    client, sachbearbeitung, measure
):
    client.force_login(sachbearbeitung)
    html = client.get(reverse("measures:edit", args=[measure.pk])).content.decode()
    assert not title(html).startswith("Fehler")
    assert html.count('<p class="required-note">* Pflichtfeld</p>') == 1
    assert html.index("* Pflichtfeld") < html.index('<form method="post"')
    assert "Pflichtfeld" not in client.get(reverse("dashboard")).content.decode()


@pytest.mark.parametrize(
    "url_name, args",
    [
        ("measures:report", "measure"),
        ("network:actor_create", None),
        ("committee:member_create", None),
        ("committee:meeting_create", None),
    ],
)
def test_every_form_with_a_required_field_explains_the_marker(
    client, sachbearbeitung, measure, url_name, args
):
    client.force_login(sachbearbeitung)
    url = reverse(url_name, args=[measure.pk] if args else [])
    assert client.get(url).content.decode().count("* Pflichtfeld") == 1


def test_the_archive_page_has_unique_ids_and_a_labelled_radio_group(client, koordination):
    client.force_login(koordination)
    page = Page(client.get(reverse("reports:archive_list")).content.decode())
    assert_unique_ids(page)
    labelled = {attrs["for"] for attrs in page.find("label") if "for" in attrs}
    selects = [attrs for tag, attrs in page.elements if tag == "select"]
    assert selects and all(attrs["id"] in labelled for attrs in selects)
    editions = page.find("input", type="radio", name="edition")
    assert {attrs["value"] for attrs in editions} == set(ArchivedReport.Edition.values)
    html = client.get(reverse("reports:archive_list")).content.decode()
    group = html[html.index('id="archive-heading"') :]
    group = group[group.index("<fieldset") : group.index("</fieldset>")]
    assert "<legend>Ausgabe <span" in group and group.count('type="radio"') == 2


def test_the_agenda_form_with_pickers_links_its_errors_to_fields(client, sachbearbeitung):
    client.force_login(sachbearbeitung)
    committee = Committee.objects.create(name="Integrationsausschuss", short_name="IA")
    meeting = Meeting.objects.create(committee=committee, number=3, start=timezone.now())
    response = client.post(
        reverse("committee:agenda", args=[meeting.pk]), {"title": "", "measures_search": "Mama"}
    )
    html = response.content.decode()
    page = Page(html)
    assert title(html).startswith("Fehler: ")
    assert page.find("a", href="#id_title")
    assert_summary_links_lead_to_fields(page)
    assert_unique_ids(page)
