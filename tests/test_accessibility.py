"""Structural accessibility checks on every staff page (WCAG 2.1: 1.3.1, 2.4.1, 2.4.6, 3.1.1)."""

from html.parser import HTMLParser

from django.urls import reverse


class PageStructure(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang = None
        self.headings = []
        self.ids = set()
        self.label_targets = set()
        self.controls = []
        self.skip_target = None
        self.label_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "html":
            self.lang = attrs.get("lang")
        elif len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        elif tag == "label":
            self.label_depth += 1
            if "for" in attrs:
                self.label_targets.add(attrs["for"])
        elif tag == "a" and "skip-link" in attrs.get("class", ""):
            self.skip_target = attrs["href"].lstrip("#")
        elif tag in ("input", "select", "textarea") and attrs.get("type") not in (
            "hidden",
            "submit",
        ):
            self.controls.append((attrs, self.label_depth > 0))

    def handle_endtag(self, tag):
        if tag == "label":
            self.label_depth -= 1


def structure(response):
    parser = PageStructure()
    parser.feed(response.content.decode())
    return parser


def assert_accessible_structure(page, url):
    assert page.lang == "de", url
    assert page.headings.count(1) == 1, f"{url}: exactly one h1"
    for before, after in zip(page.headings, page.headings[1:], strict=False):
        assert after <= before + 1, f"{url}: heading level skipped (h{before} → h{after})"
    assert page.skip_target in page.ids, f"{url}: the skip link leads nowhere"
    for attrs, wrapped in page.controls:
        named = wrapped or attrs.get("id") in page.label_targets or "aria-label" in attrs
        assert named, f"{url}: form control {attrs.get('name')} has no label"


def test_staff_pages_have_language_headings_skip_link_and_labels(client, koordination, core_pages):
    client.force_login(koordination)
    for url in core_pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_accessible_structure(structure(response), url)


def test_login_page_is_accessible(client):
    response = client.get(reverse("login"))
    assert_accessible_structure(structure(response), "login")


def test_form_errors_are_summarised_and_linked_to_the_field(client, sachbearbeitung, measure):
    client.force_login(sachbearbeitung)
    response = client.post(reverse("measures:report", args=[measure.pk]), {"progress": "200"})
    page = response.content.decode()
    assert '<div class="error-summary" tabindex="-1">\n  <div role="alert">' in page
    assert 'href="#id_progress"' in page
    assert 'aria-invalid="true"' in page
