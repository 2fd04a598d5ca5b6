"""The Django admin in Chromium under the strict Content-Security-Policy.

Every page is audited like the staff pages (a CSP violation is a console error). The admin's
markup needed a few template overrides (templates/admin/, templates/auth/widgets/,
templates/simple_history/), css/admin.css and js/admin.js; no axe rule is excluded.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from committee.models import AgendaItem, Attendance, Committee, Meeting, Member
from measures.models import MonitoringRound
from network.models import ContactPerson
from tests.conftest import PASSWORD
from tests.e2e.conftest import audit, visit


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", PASSWORD)


@pytest.fixture
def records(measure, status_report, actor, plan):
    """One record of each model whose admin pages the tests open, with related rows."""
    contact = ContactPerson.objects.create(
        actor=actor, first_name="Katharina", last_name="Seitz", email="seitz@example.org"
    )
    committee = Committee.objects.create(name="Integrationsausschuss", short_name="IA")
    meeting = Meeting.objects.create(
        committee=committee, number=3, start=timezone.now() + datetime.timedelta(days=3)
    )
    item = AgendaItem.objects.create(meeting=meeting, number="1", title="Bericht", minutes="Text")
    item.measures.add(measure)
    member = Member.objects.create(first_name="Ulrike", last_name="Bosch")
    Attendance.objects.create(meeting=meeting, member=member, state=Attendance.State.PRESENT)
    monitoring_round = MonitoringRound.objects.create(
        plan=plan,
        title="Monitoring Herbst 2026",
        reporting_date=datetime.date(2026, 11, 5),
        due_date=datetime.date(2099, 12, 1),
    )
    return {
        "measure": measure,
        "actor": actor,
        "contactperson": contact,
        "meeting": meeting,
        "agendaitem": item,
        "monitoringround": monitoring_round,
    }


def admin_url(name, *args):
    return reverse(f"admin:{name}", args=args)


def history_pages(records, user):
    apps = {
        "measure": "measures",
        "monitoringround": "measures",
        "actor": "network",
        "contactperson": "network",
        "meeting": "committee",
        "agendaitem": "committee",
    }
    pages = [admin_url(f"{apps[name]}_{name}_history", obj.pk) for name, obj in records.items()]
    return [*pages, admin_url("auth_user_history", user.pk)] if user.is_superuser else pages


def filter_and_search_measures(page):
    """Narrow the measure list with a filter of the sidebar and the search box."""
    visit(page, admin_url("measures_measure_changelist"))
    page.locator("#changelist-filter").get_by_role("link", name="in Umsetzung").click()
    audit(page)
    page.get_by_role("textbox", name="Suche").fill("Mama")
    page.get_by_role("textbox", name="Suche").press("Enter")
    audit(page)
    assert "status__exact=in_progress" in page.url and "q=Mama" in page.url
    expect(
        page.locator("#result_list").get_by_role("link", name="Mama lernt Deutsch")
    ).to_be_visible()


def test_superuser_works_in_the_admin_within_the_csp(open_browser, superuser, records):
    page = open_browser(superuser)
    visit(page, admin_url("index"))
    expect(page.get_by_role("heading", name="Verwaltungsbereich")).to_be_visible()
    filter_and_search_measures(page)

    # A change form with two inlines, a date with the calendar and a select with "+".
    meeting = records["meeting"]
    visit(page, admin_url("committee_meeting_change", meeting.pk))
    expect(page.get_by_label("Titel", exact=True).first).to_have_value("Bericht")
    page.locator("#calendarlink0").click()
    expect(page.locator("#calendarbox0")).to_be_visible()
    audit(page)  # the open calendar, too
    page.locator("#calendarbox0").get_by_role("link", name="15", exact=True).click()
    expect(page.get_by_label("Datum:").first).to_have_value(re.compile(r"^15\.\d\d\.\d{4}$"))

    with page.expect_popup() as popup_info:
        page.locator("#add_id_committee").click()
    popup = popup_info.value
    audit(popup)
    popup.get_by_role("textbox", name="Name:", exact=True).fill("Beirat für Integration")
    with popup.expect_event("close"):
        popup.get_by_role("button", name="Speichern", exact=True).click()
    expect(page.locator("#id_committee option:checked")).to_have_text("Beirat für Integration")

    page.get_by_role("button", name="Speichern", exact=True).click()
    audit(page)
    expect(page.locator(".messagelist")).to_contain_text("erfolgreich geändert")
    meeting.refresh_from_db()
    assert meeting.committee.name == "Beirat für Integration"
    assert timezone.localtime(meeting.start).day == 15

    # An add form whose autocomplete fields are named by js/admin.js.
    visit(page, admin_url("measures_measure_add"))
    expect(page.get_by_role("combobox", name=re.compile("^Plan"))).to_be_visible()
    visit(page, admin_url("auth_user_change", superuser.pk))
    visit(page, admin_url("measures_actionfield_change", records["measure"].action_field_id))
    # The two boxes of a many-to-many field, in German (locale/de/LC_MESSAGES/djangojs.po).
    expect(page.get_by_role("button", name="Alle Akteure auswählen")).to_be_visible()

    for path in history_pages(records, superuser):
        visit(page, path)
        expect(page.get_by_role("heading", level=1)).to_contain_text("Änderungshistorie: ")

    contact = records["contactperson"]
    visit(page, admin_url("network_contactperson_delete", contact.pk))
    page.get_by_role("button", name="Ja, ich bin sicher").click()
    audit(page)
    assert not ContactPerson.objects.filter(pk=contact.pk).exists()


def test_clerk_works_in_the_admin_within_the_csp(open_browser, sachbearbeitung, records, plan):
    page = open_browser(sachbearbeitung)
    visit(page, admin_url("index"))
    filter_and_search_measures(page)

    measure = records["measure"]
    visit(page, admin_url("measures_measure_change", measure.pk))
    expect(page.get_by_role("link", name="Änderungshistorie")).to_be_visible()
    page.locator("#calendarlink1").click()  # the end of the measure
    expect(page.locator("#calendarbox1")).to_be_visible()
    audit(page)
    # It opens on the month of the end (July 2030); one month back, the 1st.
    page.locator("#calendarbox1 .calendarnav-previous").click()
    page.locator("#calendarbox1").get_by_role("link", name="1", exact=True).click()
    expect(page.get_by_role("textbox", name="Ende:", exact=True)).to_have_value("01.06.2030")
    page.get_by_role("button", name="Speichern", exact=True).click()
    audit(page)
    measure.refresh_from_db()
    assert measure.end == datetime.date(2030, 6, 1)

    visit(page, admin_url("network_actor_change", records["actor"].pk))
    visit(page, admin_url("network_contactperson_add"))
    for path in history_pages(records, sachbearbeitung):
        visit(page, path)
    visit(page, admin_url("committee_agendaitem_delete", records["agendaitem"].pk))
    # A clerk may not delete a plan: the site's own "access denied" page.
    visit(page, admin_url("measures_plan_delete", plan.pk), status=403)
    expect(page.get_by_role("heading", name="Zugriff verweigert")).to_be_visible()


def test_staff_logs_in_through_the_admins_own_login_page(open_browser, sachbearbeitung):
    page = open_browser()
    visit(page, admin_url("index"))
    assert "/admin/login/" in page.url
    page.get_by_label("Benutzername").fill("sachbearbeitung")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    audit(page)
    expect(page.get_by_role("heading", name="Verwaltungsbereich")).to_be_visible()
