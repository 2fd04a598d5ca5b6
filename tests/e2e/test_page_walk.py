"""Every HTML page, for every role that may see it, at 320 px and at 1280 px (WCAG 1.4.10).

`visit` audits each page: axe-core, console, no request to another host and reflow (the page
never scrolls sideways; a wide table scrolls inside its own labelled region). The list of pages
is checked against the URL resolver, so a new page cannot be left out of the walk.
"""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests.e2e import walk_data, walk_indicators
from tests.e2e.conftest import DESKTOP, NARROWEST, PHONE, audit, visit
from tests.network.helpers import csv_bytes
from tests.test_permissions import TABLE, named_patterns

WIDTHS = {"320": NARROWEST, "1280": DESKTOP}
STAFF_ROLES = ("koordination", "sachbearbeitung", "lesezugriff")
IMPORT_KINDS = ("actors", "contacts", "measures", "members", "offers", "indicator-values")


def pk(key):
    return lambda world: {"pk": world[key].pk}


# URL name -> kwargs from the walk's data (None: no arguments; a list: one page each). Who may
# see a page comes from the permission table (tests/url_permissions/): every role it answers
# with 200.
PAGES = {
    "dashboard": None,
    "benchmark_floor": None,  # base.html alone, the page benchmark's floor
    "benchmark_public_floor": None,  # public/base.html alone, the public load test's floor
    "reports": None,
    "measures:list": None,
    # A measure of the adopted plan, and one of the draft with its earlier history.
    "measures:detail": lambda world: [pk("measure")(world), pk("draft_part")(world)],
    "measures:edit": pk("measure"),
    "measures:report": pk("measure"),
    "monitoring:round_list": None,
    "monitoring:round_create": None,
    "monitoring:round_detail": pk("round"),
    "monitoring:round_edit": pk("round"),
    "monitoring:round_requests": pk("round"),
    "monitoring:round_close": pk("round"),
    "monitoring:request_review": pk("submitted"),
    "monitoring:request_enter": pk("open"),
    "reports:archive_list": None,
    "job_detail": pk("job"),
    "network:actor_list": None,
    "network:actor_create": None,
    "network:actor_detail": pk("organisation"),
    "network:actor_edit": pk("organisation"),
    "network:actor_delete": pk("organisation"),
    "network:contact_list": None,
    "network:contact_create": None,
    "network:contact_reconfirm": None,
    "network:erasure_log": None,
    "network:contact_detail": pk("contact"),
    "network:contact_edit": pk("contact"),
    "network:contact_delete": pk("contact"),
    "network:contact_disclosure": pk("contact"),
    "network:contact_erase": pk("contact"),
    "network:group_list": None,
    "network:group_create": None,
    "network:group_detail": pk("group"),
    "network:group_edit": pk("group"),
    "network:group_delete": pk("group"),
    "network:event_list": None,
    "network:event_create": None,
    "network:event_detail": pk("event"),
    "network:event_edit": pk("event"),
    "network:event_delete": pk("event"),
    "network:event_attendance": pk("event"),
    "network:import_index": None,
    "network:import_upload": lambda world: [{"kind": kind} for kind in IMPORT_KINDS],
    "committee:overview": None,
    "committee:meeting_list": None,
    "committee:meeting_create": None,
    "committee:meeting_detail": pk("meeting"),
    "committee:meeting_edit": pk("meeting"),
    "committee:agenda": pk("meeting"),
    "committee:attendance": pk("meeting"),
    "committee:invitation": pk("meeting"),
    "committee:item_edit": pk("item"),
    "committee:item_delete": pk("item"),
    "committee:item_correct": pk("finalised_item"),
    "committee:follow_up_create": pk("item"),
    "committee:document_delete": pk("document"),
    "committee:member_list": None,
    "committee:member_create": None,
    "committee:member_detail": pk("member"),
    "committee:member_edit": pk("member"),
    "committee:member_delete": pk("member"),
    "committee:membership_create": None,
    "committee:membership_edit": pk("membership"),
    "committee:membership_end": pk("membership"),
    "committee:follow_up_list": None,
    "committee:follow_up_edit": pk("follow_up"),
    "committee:calendar_subscription": None,
    "committee:calendar_revoke": None,
    "plans:plan_list": None,
    "plans:plan_detail": lambda world: [pk("draft")(world), {"pk": world["draft"].predecessor_id}],
    "plans:plan_edit": pk("draft"),
    "plans:measure_create": pk("draft"),
    "plans:measure_merge": pk("draft"),
    "plans:measure_split": lambda world: {
        "pk": world["draft"].pk,
        "measure_pk": world["draft_part"].pk,
    },
    "plans:measure_end": lambda world: {
        "pk": world["draft"].pk,
        "measure_pk": world["draft_part"].pk,
    },
    "plans:adopt": pk("draft"),
    "plans:compare": pk("draft"),
    "plans:proposal_list": pk("draft"),
    "plans:proposal_invite": pk("draft"),
    "plans:proposal_review": lambda world: {
        "pk": world["draft"].pk,
        "proposal_pk": world["proposal"].pk,
    },
    "projects:list": None,
    "projects:create": None,
    "projects:detail": pk("project"),
    "projects:edit": pk("project"),
    "projects:delete": pk("project"),
    "projects:document_delete": pk("project_document"),
    "projects:result_create": pk("project"),
    "projects:result_edit": pk("project_result"),
    "projects:result_delete": pk("project_result"),
    "projects:programme_list": None,
    "projects:programme_create": None,
    "projects:programme_edit": pk("programme"),
    "projects:programme_delete": pk("programme"),
    "projects:application_create": pk("project"),
    "projects:application_edit": pk("application"),
    "projects:application_delete": pk("application"),
    "projects:deadline_create": pk("application"),
    "projects:deadline_edit": pk("deadline"),
    "projects:deadline_delete": pk("deadline"),
    "projects:deadlines": None,
    "projects:funding_overview": None,
    "offers:list": None,
    "offers:create": None,
    "offers:detail": pk("offer"),
    "offers:edit": pk("offer"),
    "offers:translation_edit": pk("offer"),
    "offers:delete": pk("offer"),
    "offers:unconfirmed": None,
    "offers:invite": None,
    "offers:changes": None,
    "offers:change_review": pk("offer_change"),
    "public_texts:list": None,
    "public_texts:edit": lambda world: [{"key": "introduction"}, {"key": "easy_language"}],
}
# Pages without a login; walked by their own tests below.
PUBLIC_PAGES = {
    "login",
    "partner:report",
    "partner:thanks",
    "proposal:form",
    "proposal:thanks",
    "offer_link:form",
    "offer_link:change",
    "offer_link:thanks",
}
# GET answers that are not an HTML page to walk.
NOT_PAGES = {
    "logout": "POST only",
    "set_language": "POST; a GET redirects back",
    "admin:index": "the Django admin, audited by tests/e2e/test_admin.py",
    "measures:export": "download",
    "measures:sheet": "PDF",
    "measures:search": "JSON for the pickers",
    "monitoring:round_open": "POST only",
    "monitoring:round_invite": "POST only",
    "monitoring:round_remind": "POST only",
    "monitoring:round_resend": "POST only",
    "committee:invitation_resend": "POST only",
    "monitoring:request_accept": "POST only",
    "monitoring:request_return": "POST only",
    "plans:proposal_decline": "POST only",
    "reports:monitoring_pdf": "PDF",
    "plans:compare_xlsx": "download",
    "plans:compare_pdf": "PDF",
    "plans:beschlussvorlage": "PDF",
    "job_status": "JSON for the progress script",
    "job_file": "download",
    "reports:archive_create": "POST only",
    "reports:archive_download": "PDF",
    "network:actor_export": "download",
    "network:contact_export": "download",
    "network:group_export": "download",
    "network:event_export": "download",
    "network:actor_search": "JSON for the pickers",
    "network:contact_search": "JSON for the pickers",
    "network:contact_confirm": "POST only",
    "network:contact_disclosure_json": "JSON",
    "network:import_confirm": "POST only",
    "network:import_preview": "a large file's preview, walked by test_job_progress.py",
    "network:import_template": "download",
    "committee:meeting_export": "download",
    "committee:member_export": "download",
    "committee:follow_up_export": "download",
    "committee:staff_feed": "ICS",
    "committee:public_feed": "ICS",
    "committee:meeting_ics": "ICS",
    "committee:personal_feed": "ICS",
    "committee:agenda_renumber": "POST only",
    "committee:invitation_pdf": "PDF",
    "committee:minutes_pdf": "PDF",
    "committee:minutes_finalise": "POST only",
    "committee:meeting_mark_held": "POST only",
    "committee:archived_minutes": "PDF",
    "committee:item_move": "POST only",
    "committee:document_upload": "POST only",
    "committee:document_download": "download",
    "committee:follow_up_done": "POST only",
    "projects:export": "download",
    "offers:export": "download",
    "projects:document_upload": "POST only",
    "projects:document_download": "download",
    "projects:deadline_done": "POST only",
    "projects:deadlines_ics": "ICS",
    "plans:start": "refused while a draft exists, as in the walk's world; walked by "
    "test_fortschreibung_draft.py",
}


# The integration monitoring (issue 15).
PAGES.update(walk_indicators.PAGES)
NOT_PAGES.update(walk_indicators.NOT_PAGES)


def walked_elsewhere(name):
    # OParl answers JSON only; the public pages are walked by test_public_pages.py.
    return name.startswith(("oparl:", "public:"))


def test_every_html_page_is_walked():
    names = set(named_patterns()) | {"admin:index"}
    listed = [*PAGES, *PUBLIC_PAGES, *NOT_PAGES]
    assert len(listed) == len(set(listed)), "a URL name is listed twice"
    assert {name for name in names if not walked_elsewhere(name)} == set(listed)


# Tables that could widen the page: every table belongs in a focusable region of its own.
BARE_TABLES = (
    "() => [...document.querySelectorAll('main table')]"
    ".filter(table => !table.closest('.table-wrapper[role=region][tabindex]')).length"
)


def pages_for(role, world):
    """(path, status) of every page `role` may see, and of the error pages it may meet."""
    paths = []
    for name, build in PAGES.items():
        if TABLE[name][1][role] == 200:
            kwargs = build(world) if build else None
            for each in kwargs if isinstance(kwargs, list) else [kwargs]:
                paths.append((reverse(name, kwargs=each), 200))
    paths.append((reverse("measures:detail", args=[999999]), 404))
    if TABLE["measures:edit"][1][role] == 403:
        paths.append((reverse("measures:edit", args=[world["measure"].pk]), 403))
    return paths


def walk(page, paths):
    """Visit and audit every path; return every failure, not only the first."""
    failures = []
    for path, status in paths:
        try:
            visit(page, path, status=status)
            shown = urlsplit(page.url).path
            assert shown == urlsplit(path).path, f"redirected to {shown}"
            assert page.evaluate(BARE_TABLES) == 0, "a table outside a {% tableregion %}"
        except AssertionError as error:
            failures.append(f"{path} at {page.viewport_size['width']} px: {error}")
    return failures


@pytest.fixture
def world(settings, tmp_path, plan, action_field, measure, actor, status_report):
    settings.MEDIA_ROOT = tmp_path / "media"
    return walk_data.build_world(plan, action_field, measure, actor, status_report)


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_every_page_reflows_and_passes_axe(request, open_browser, world, role):
    user = request.getfixturevalue(role)
    paths = pages_for(role, world)
    failures = []
    for viewport in WIDTHS.values():
        failures += walk(open_browser(user, viewport), paths)
    assert failures == [], "\n".join(failures)


def test_partner_pages_reflow_and_pass_axe(open_browser, world):
    for viewport in (NARROWEST, PHONE, DESKTOP):
        page = open_browser(viewport=viewport)
        visit(page, reverse("partner:report", args=[world["open_token"]]))
        assert page.get_by_role("heading", level=1).inner_text()
        visit(page, reverse("partner:thanks", args=[world["thanks_token"]]))
        # A link that does not work gets the neutral page; it must reflow too.
        visit(page, reverse("partner:report", args=["kein-gueltiger-link"]), status=404)


def test_proposal_pages_reflow_and_pass_axe(open_browser, world):
    token = world["proposal_token"]
    for viewport in (NARROWEST, PHONE, DESKTOP):
        page = open_browser(viewport=viewport)
        visit(page, reverse("proposal:form", args=[token]))
        page.get_by_role("button", name="Vorschlag senden").click()
        audit(page)  # the form with its error summary
        assert "Bitte korrigieren Sie" in page.locator(".error-summary").inner_text()
        visit(page, reverse("proposal:thanks", args=[token]))
        visit(page, reverse("proposal:form", args=["kein-gueltiger-link"]), status=404)


def test_offer_link_pages_reflow_and_pass_axe(open_browser, world):
    token, offer = world["offer_token"], world["offer"]
    for viewport in (NARROWEST, PHONE, DESKTOP):
        page = open_browser(viewport=viewport)
        visit(page, reverse("offer_link:change", args=[token, offer.pk]))
        page.get_by_label("Kosten (EUR)").fill("abc")
        page.get_by_role("button", name="Änderungen senden").click()
        audit(page)  # the form with its error summary
        assert "Bitte korrigieren Sie" in page.locator(".error-summary").inner_text()
        visit(page, reverse("offer_link:thanks", args=[token]))
        visit(page, reverse("offer_link:form", args=[token]))
        visit(page, reverse("offer_link:form", args=["kein-gueltiger-link"]), status=404)


def test_login_form_with_errors_reflows_and_passes_axe(open_browser, db):
    for viewport in WIDTHS.values():
        page = open_browser(viewport=viewport)
        visit(page, reverse("login"))
        page.get_by_label("Benutzername").fill("niemand")
        page.get_by_label("Passwort").fill("falsch")
        page.get_by_role("button", name="Anmelden").click()
        audit(page)
        assert "Bitte korrigieren Sie" in page.locator(".error-summary").inner_text()


def test_import_preview_with_errors_reflows_and_passes_axe(
    open_browser, sachbearbeitung, action_field, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    upload = tmp_path / "akteure.csv"
    long_name = f"Verein {walk_data.LONG_WORDS[0]}"
    upload.write_bytes(csv_bytes([["Name", "Art"], [long_name, "Sonstige"], ["X", "Sportverein"]]))
    for viewport in WIDTHS.values():
        page = open_browser(sachbearbeitung, viewport)
        visit(page, reverse("network:import_upload", args=["actors"]))
        page.get_by_label(
            "Datei (Excel-Arbeitsmappe .xlsx, LibreOffice-Tabelle .ods oder CSV)"
        ).set_input_files(upload)
        page.get_by_role("button", name="Datei prüfen und Vorschau zeigen").click()
        audit(page)
        assert "Sportverein" in page.locator(".error-summary").inner_text()


def test_long_lists_with_long_german_words_stay_within_the_window(
    open_browser, koordination, plan, action_field, actor
):
    walk_data.long_measure_list(plan, action_field, actor)
    url_actors = reverse("network:actor_list")
    for viewport in WIDTHS.values():
        page = open_browser(koordination, viewport)
        for path, table in ((reverse("measures:list"), "Maßnahmen"), (url_actors, "Akteure")):
            visit(page, path)
            region = page.get_by_role("region", name=table, exact=True)
            assert region.locator("tbody tr").count() == 25  # a full page of rows
            # The table scrolls inside its region, which a keyboard user can focus and scroll.
            region.focus()
            if viewport is NARROWEST:
                assert region.evaluate("r => r.scrollWidth > r.clientWidth"), "not wide at all"
                page.keyboard.press("ArrowRight")
                # Keyboard scrolling is animated: wait until it has moved.
                page.wait_for_function("r => r.scrollLeft > 0", arg=region.element_handle())


def test_the_filter_panel_makes_way_for_the_list_on_a_phone(open_browser, koordination, measure):
    desktop = open_browser(koordination, DESKTOP)
    response = visit(desktop, reverse("measures:list"))
    # Without JavaScript the panel is open on every screen.
    assert '<details class="filter-panel" open>' in response.text()
    assert desktop.get_by_role("form", name="Filter").is_visible()

    phone = open_browser(koordination, NARROWEST)
    visit(phone, reverse("measures:list"))
    filters = phone.get_by_role("form", name="Filter")
    assert not filters.is_visible()  # the list comes first
    phone.locator("details.filter-panel > summary").click()
    filters.get_by_label("Suche").fill("Mama")
    filters.get_by_role("button", name="Filter anwenden").click()
    audit(phone)
    assert filters.is_visible()  # a filter in use stays in view
    results = phone.get_by_role("region", name="Maßnahmen", exact=True)
    rows = results.locator("tbody tr").all_inner_texts()
    assert [row.split("\t")[:2] for row in rows] == [["1.1", measure.title]]
