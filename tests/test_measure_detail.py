import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from measures.models import Indicator, IndicatorValue, Project, StatusReport


@pytest.fixture
def logged_in(client, lesezugriff):
    client.force_login(lesezugriff)
    return client


def test_it_shows_all_fields_reports_and_indicators(logged_in, measure, status_report, actor):
    measure.partner_actors.add(actor)
    indicator = Indicator.objects.create(
        measure=measure, title="Teilnehmerinnen", unit="Personen", baseline=12, target=40
    )
    IndicatorValue.objects.create(indicator=indicator, date=datetime.date(2025, 6, 30), value=28.5)
    page = logged_in.get(measure.get_absolute_url()).content.decode()
    assert "Mama lernt Deutsch" in page
    assert "Zwei Kurse laufen." in page
    assert "Teilnehmerinnen" in page
    assert "30.06.2025" in page  # German date format
    assert '<td class="number">28,5</td>' in page  # German decimal comma, no needless zero
    assert actor.get_absolute_url() in page


def test_reading_role_sees_no_edit_buttons(logged_in, measure):
    page = logged_in.get(measure.get_absolute_url()).content.decode()
    assert f"/measures/{measure.pk}/edit/" not in page
    assert f"/measures/{measure.pk}/report/" not in page


def test_query_count_does_not_grow_with_reports_indicators_and_history(logged_in, measure, actor):
    def add_data(count, offset):
        for number in range(offset, offset + count):
            StatusReport.objects.create(
                measure=measure,
                reporting_date=datetime.date(2024, 1, 1) + datetime.timedelta(number),
                status="in_progress",
                progress=number % 100,
                text="Bericht",
                review_state="accepted",
            )
            indicator = Indicator.objects.create(measure=measure, title=f"Kennzahl {number}")
            IndicatorValue.objects.create(
                indicator=indicator, date=datetime.date(2025, 1, 1), value=1
            )
            Project.objects.create(title=f"Projekt {number}").measures.add(measure)
            measure.title = f"Titel {number}"
            measure.save()

    add_data(2, 0)
    with CaptureQueriesContext(connection) as small:
        logged_in.get(measure.get_absolute_url())
    add_data(25, 2)
    with CaptureQueriesContext(connection) as large:
        logged_in.get(measure.get_absolute_url())
    assert len(small) == len(large)
    assert len(large) <= 16  # 15, and one for the measure's projects (issue 17)


def test_it_lists_the_agenda_items_that_discussed_the_measure(logged_in, measure):
    from django.utils import timezone

    from committee.models import AgendaItem, Committee, Meeting

    committee = Committee.objects.create(name="Integrationsausschuss", short_name="IA")
    meeting = Meeting.objects.create(
        committee=committee, number=4, start=timezone.make_aware(datetime.datetime(2025, 3, 12, 17))
    )
    item = AgendaItem.objects.create(
        meeting=meeting, number="3", title="Sprachkurse", resolution="Der Ausschuss stimmt zu."
    )
    item.measures.add(measure)
    page = logged_in.get(measure.get_absolute_url()).content.decode()
    assert meeting.get_absolute_url() in page
    assert "12.03.2025" in page
    assert "TOP 3: Sprachkurse" in page
    assert "Der Ausschuss stimmt zu." in page


def test_indicator_numbers_are_german_without_needless_decimals(logged_in, measure):
    indicator = Indicator.objects.create(
        measure=measure, title="Beratungen", baseline=Decimal("74.00"), target=Decimal("1500")
    )
    IndicatorValue.objects.create(
        indicator=indicator, date=datetime.date(2025, 6, 30), value=Decimal("1234.50")
    )
    page = logged_in.get(measure.get_absolute_url()).content.decode()
    assert "Ausgangswert 74, Zielwert 1.500</caption>" in page
    assert '<td class="number">1.234,5</td>' in page


def test_the_change_history_has_the_same_name_as_everywhere_else(logged_in, measure):
    page = logged_in.get(measure.get_absolute_url()).content.decode()
    assert '<h2 id="history-heading">Änderungshistorie</h2>' in page
