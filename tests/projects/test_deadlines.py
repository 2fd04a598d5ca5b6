"""Funding deadlines (issue 17): the page of open deadlines with filters and its calendar file,
marking a deadline as done, the dashboard's "Fristen" and the reminders by e-mail."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
import vobject
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from ical.calendar_stream import IcsCalendarStream

from core.models import MailDelivery
from measures.models import FundingApplication, FundingDeadline, FundingProgramme, Project
from measures.projects.funding import remind_deadlines

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 1)


def days(number, base=None):
    return (base or timezone.localdate()) + datetime.timedelta(days=number)


@pytest.fixture
def programme(db):
    return FundingProgramme.objects.create(
        name="AMIF-Lokalfonds", funder="Europäische Union", funder_kind="eu"
    )


@pytest.fixture
def application(programme, sachbearbeitung):
    sachbearbeitung.email = "s.bearbeiter@example.org"
    sachbearbeitung.first_name, sachbearbeitung.last_name = "Sina", "Bearbeiter"
    sachbearbeitung.save()
    project = Project.objects.create(
        title="Elterncafé Südstadt", status="granted", responsible=sachbearbeitung
    )
    return FundingApplication.objects.create(
        project=project,
        programme=programme,
        amount_applied=Decimal("20000"),
        reference_number="AMIF-2026-3",
    )


def deadline(application, due_on, kind="final", **extra):
    return FundingDeadline.objects.create(
        application=application, kind=kind, due_on=due_on, **extra
    )


def test_the_page_lists_open_deadlines_overdue_first(client, lesezugriff, application):
    later = deadline(application, days(20), kind="interim")
    overdue = deadline(application, days(-3))
    deadline(application, days(-10), done_on=days(-11))
    client.force_login(lesezugriff)
    response = client.get(reverse("projects:deadlines"))
    assert list(response.context["page_obj"].object_list) == [overdue, later]
    page = response.content.decode()
    assert "<strong>überfällig</strong>" in page
    assert days(20).strftime("%d.%m.%Y") in page
    # Readers see no button that changes data.
    assert reverse("projects:deadline_done", args=[overdue.pk]) not in page


def test_the_page_filters_by_kind_and_programme(client, lesezugriff, application):
    interim = deadline(application, days(5), kind="interim")
    deadline(application, days(6), kind="final")
    other_programme = FundingProgramme.objects.create(
        name="Stiftung Zusammenhalt Filstal", funder="Stiftung"
    )
    other = FundingApplication.objects.create(
        project=application.project, programme=other_programme
    )
    elsewhere = deadline(other, days(7), kind="interim")
    client.force_login(lesezugriff)
    found = client.get(reverse("projects:deadlines"), {"kind": "interim"}).context["page_obj"]
    assert list(found.object_list) == [interim, elsewhere]
    found = client.get(
        reverse("projects:deadlines"), {"kind": "interim", "programme": other_programme.pk}
    ).context["page_obj"]
    assert list(found.object_list) == [elsewhere]


def test_the_page_keeps_its_query_count(
    client, lesezugriff, application, django_assert_num_queries
):
    client.force_login(lesezugriff)
    deadline(application, days(1))
    client.get(reverse("projects:deadlines"))
    # Session, user, the user's and the groups' permissions, the count, the deadlines with
    # application, programme and project, the programmes of the filter.
    with django_assert_num_queries(7):
        client.get(reverse("projects:deadlines"))
    for number in range(15):
        other = FundingApplication.objects.create(
            project=Project.objects.create(title=f"Projekt {number}"),
            programme=FundingProgramme.objects.create(name=f"Programm {number}", funder="Land"),
        )
        deadline(other, days(number))
    with django_assert_num_queries(7):
        client.get(reverse("projects:deadlines"))


def test_a_writer_marks_a_deadline_as_done(client, sachbearbeitung, application):
    due = deadline(application, days(-1))
    client.force_login(sachbearbeitung)
    response = client.post(reverse("projects:deadline_done", args=[due.pk]), {"next": "deadlines"})
    assert response["Location"] == reverse("projects:deadlines")
    due.refresh_from_db()
    assert due.done_on == timezone.localdate()
    assert due.history.latest().history_user == sachbearbeitung
    assert not client.get(reverse("projects:deadlines")).context["page_obj"].object_list


def test_a_deadline_is_added_to_an_application_with_a_german_date(
    client, sachbearbeitung, application
):
    client.force_login(sachbearbeitung)
    response = client.post(
        reverse("projects:deadline_create", args=[application.pk]),
        {"kind": "drawdown", "due_on": "15.07.2026", "note": "Erste Rate"},
    )
    assert response.status_code == 302
    created = application.deadlines.get()
    assert created.due_on == datetime.date(2026, 7, 15)
    assert created.get_kind_display() == "Mittelabruf"


def test_the_calendar_file_has_one_all_day_event_per_open_deadline(
    client, lesezugriff, application
):
    first = deadline(application, datetime.date(2026, 9, 30), note="Sachbericht und Belege")
    deadline(application, datetime.date(2026, 3, 1), done_on=datetime.date(2026, 2, 27))
    client.force_login(lesezugriff)
    response = client.get(reverse("projects:deadlines_ics"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    content = response.content.decode()

    parsed = vobject.readOne(content)
    (event,) = parsed.vevent_list
    assert event.summary.value == "Verwendungsnachweis: Elterncafé Südstadt"
    assert event.dtstart.value == datetime.date(2026, 9, 30)
    assert event.dtend.value == datetime.date(2026, 10, 1)
    assert "AMIF-2026-3" in event.description.value

    (other,) = IcsCalendarStream.calendar_from_ics(content).events
    assert other.dtstart == datetime.date(2026, 9, 30)
    assert other.uid == event.uid.value
    # The UID stays when the date moves, so that calendars replace the event.
    first.due_on = datetime.date(2026, 10, 15)
    first.save()
    again = vobject.readOne(client.get(reverse("projects:deadlines_ics")).content.decode())
    assert again.vevent.uid.value == event.uid.value


def test_the_dashboard_lists_overdue_and_upcoming_deadlines(client, lesezugriff, application):
    overdue = deadline(application, days(-5))
    soon = deadline(application, days(59), kind="interim")
    deadline(application, days(61), kind="drawdown")  # beyond the 60 days
    deadline(application, days(-20), done_on=days(-21))  # met
    client.force_login(lesezugriff)
    response = client.get(reverse("dashboard"))
    assert response.context["data"]["deadlines"] == [overdue, soon]
    page = response.content.decode()
    assert '<h2 id="deadlines-heading">Fristen</h2>' in page
    assert "(überfällig)</strong>: Verwendungsnachweis" in page
    assert reverse("projects:detail", args=[application.project_id]) in page


def test_the_reminder_goes_once_to_the_responsible_person(
    application, settings, django_capture_on_commit_callbacks
):
    settings.PROJECT_DEADLINE_REMINDER_DAYS = 14
    due = deadline(application, days(14, TODAY), note="Belege beilegen")
    deadline(application, days(15, TODAY), kind="interim")  # not yet
    deadline(application, days(3, TODAY), kind="drawdown", done_on=TODAY)  # met
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_deadlines(TODAY) == 1
    (message,) = mail.outbox
    assert "s.bearbeiter@example.org" in message.to[0]
    assert message.subject == "Frist am 15.06.2026: Verwendungsnachweis, Elterncafé Südstadt"
    assert "Guten Tag Sina Bearbeiter," in message.body
    assert "AMIF-Lokalfonds (AMIF-2026-3)" in message.body
    assert "Belege beilegen" in message.body
    assert "/projects/deadlines/" in message.body
    due.refresh_from_db()
    assert due.reminded_at is not None
    assert MailDelivery.objects.get().kind == "project.deadline_reminder"
    # A second run sends nothing again; the next day the interim report's turn comes.
    assert remind_deadlines(TODAY) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_deadlines(days(1, TODAY)) == 1
    assert len(mail.outbox) == 2


def test_a_project_without_a_responsible_address_gets_no_reminder(application):
    application.project.responsible.email = ""
    application.project.responsible.save()
    due = deadline(application, days(2, TODAY))
    assert remind_deadlines(TODAY) == 0
    due.refresh_from_db()
    assert due.reminded_at is None
    assert not mail.outbox


def test_run_periodic_sends_the_reminders(application, django_capture_on_commit_callbacks):
    deadline(application, days(1))
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_periodic", stdout=out)
    assert "1 Erinnerungen an Förderfristen eingereiht" in out.getvalue()
    assert len(mail.outbox) == 1
