"""The public overview /public/ (issue 14)."""

import datetime

from django.urls import reverse
from django.utils import timezone

from committee.models import Committee, Meeting
from core import caching
from measures.models import ActionField, ArchivedReport, Measure, Plan
from measures.reports.charts import text_width
from public.charts import FONT, TRACK, WIDTH, progress_bars
from public.models import PublicText
from tests.factories import add_measures
from tests.public.builders import archived_report, measure_in

OVERVIEW = reverse("public:overview")


def meeting(committee, number, days, **fields):
    return Meeting.objects.create(
        committee=committee,
        number=number,
        start=timezone.now() + datetime.timedelta(days=days),
        **fields,
    )


def test_overview_shows_the_plan_and_its_adoption(client, plan):
    Plan.objects.filter(pk=plan.pk).update(resolution_reference="GR 2019/042")

    html = client.get(OVERVIEW).content.decode()

    assert "<h1>Integrationsplan Göppingen</h1>" in html
    assert "Fortschreibung 2019" in html
    assert "vom Gemeinderat beschlossen am 11.04.2019" in html
    assert "Beschluss GR 2019/042" in html


def test_overview_without_an_adopted_plan_still_answers(client, db):
    response = client.get(OVERVIEW)

    assert response.status_code == 200
    assert "Es wurde noch kein Plan beschlossen." in response.content.decode()


def test_introduction_is_split_into_escaped_paragraphs(client, plan):
    PublicText.objects.create(
        key=PublicText.Key.INTRODUCTION,
        body="Göppingen lebt Vielfalt.\r\n\r\n"
        "Der Plan hat <b>fünf</b> Handlungsfelder.\nZeile zwei",
    )

    html = client.get(OVERVIEW).content.decode()

    assert "<p>Göppingen lebt Vielfalt.</p>" in html
    assert "<p>Der Plan hat &lt;b&gt;fünf&lt;/b&gt; Handlungsfelder.<br>Zeile zwei</p>" in html


def test_progress_per_action_field_counts_public_measures_only(client, plan, action_field, measure):
    measure_in(plan, code="1.2", title="Versteckt", is_public=False, progress=100)
    measure_in(plan, code="1.3", title="Sprachcafé", progress=60)
    ActionField.objects.create(plan=plan, code="4", title="Wohnen", order=4)

    html = client.get(OVERVIEW).content.decode()

    # Average of 40 % and 60 %; the hidden measure counts neither in number nor progress.
    assert '<td class="number">2</td><td class="number">50 %</td>' in html
    assert '4 Wohnen</th><td class="number">0</td><td class="number">0 %</td>' in html
    assert '<svg class="chart__svg" role="img"' in html
    assert '<title id="progress-chart-title">' in html
    assert "Durchschnittlicher Fortschritt je Handlungsfeld: 1 Sprache 50 %; 4 Wohnen 0 %." in html
    assert f'href="{reverse("public:measure_list")}?action_field={action_field.pk}"' in html


def test_counts_per_status(client, plan, measure):
    measure_in(plan, code="1.2", status=Measure.Status.DONE, progress=100)
    measure_in(plan, code="1.3", status=Measure.Status.DONE, progress=100)
    measure_in(plan, code="1.4", status=Measure.Status.DONE, progress=100, is_public=False)

    html = client.get(OVERVIEW).content.decode()

    assert '?status=done">umgesetzt</a></th><td class="number">2</td>' in html
    assert '?status=in_progress">in Umsetzung</a></th><td class="number">1</td>' in html
    assert '<th scope="row">verzögert</th><td class="number">0</td>' in html
    assert '<th scope="row">Insgesamt</th><td class="number">3</td>' in html


def test_links_to_the_newest_public_report_only(client, plan):
    older = archived_report(title="Monitoringbericht 2025")
    newer = archived_report(title="Monitoringbericht 2026")
    ArchivedReport.objects.filter(pk=older.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=300)
    )
    archived_report(edition=ArchivedReport.Edition.INTERNAL, title="Interner Bericht")
    ArchivedReport.objects.filter(pk=newer.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=30)
    )

    html = client.get(OVERVIEW).content.decode()

    assert "Monitoringbericht 2026" in html
    assert reverse("public:report_download", args=[newer.pk]) in html
    assert "Monitoringbericht 2025" not in html
    assert "Interner Bericht" not in html
    assert reverse("public:reports") in html


def test_without_a_public_report_says_so(client, plan):
    archived_report(edition=ArchivedReport.Edition.INTERNAL)

    html = client.get(OVERVIEW).content.decode()

    assert "Es wurde noch kein öffentlicher Monitoringbericht herausgegeben." in html


def test_next_three_public_meetings(client, plan):
    committee = Committee.objects.create(name="Integrationsausschuss", short_name="IA")
    soon = meeting(committee, 1, 2, location="Rathaus")
    for number in (2, 3, 4):
        meeting(committee, number, 10 * number)
    meeting(committee, 5, 1, is_public=False)
    meeting(committee, 6, -5)
    meeting(committee, 7, 3, state=Meeting.State.CANCELLED)

    html = client.get(OVERVIEW).content.decode()

    assert reverse("public:meeting_detail", args=[soon.pk]) in html
    assert "1. Sitzung des IA" in html
    assert "3. Sitzung des IA" in html
    assert "4. Sitzung des IA" not in html
    for hidden in ("5.", "6.", "7."):
        assert f"{hidden} Sitzung des IA" not in html
    assert timezone.localtime(soon.start).strftime("%d.%m.%Y, %H:%M") + " · Rathaus" in html


def test_links_to_measures_open_data_and_easy_language(client, plan):
    html = client.get(OVERVIEW).content.decode()

    for name in ("public:measure_list", "public:open_data", "public:easy_language"):
        assert f'href="{reverse(name)}"' in html


def test_overview_answers_with_a_fixed_number_of_queries(
    client, plan, action_field, django_assert_num_queries
):
    committee = Committee.objects.create(name="Integrationsausschuss", short_name="IA")
    archived_report()

    def count_for(total):
        existing = Measure.objects.count()
        add_measures(plan, action_field, total - existing, start=existing)
        meeting(committee, total, total)
        caching.forget_everything()
        # data version, plan, introduction, action fields with counts, statuses, report,
        # meetings with their committee
        with django_assert_num_queries(7):
            assert client.get(OVERVIEW).status_code == 200

    count_for(3)
    count_for(30)


def test_a_saved_change_shows_on_the_next_request(client, plan, measure):
    first = client.get(OVERVIEW)
    assert first["Cache-Control"] == "public, max-age=300"
    assert client.get(OVERVIEW, headers={"if-none-match": first["ETag"]}).status_code == 304

    plan.title = "Integrationsplan Göppingen 2030"
    plan.save()
    second = client.get(OVERVIEW, headers={"if-none-match": first["ETag"]})

    assert second.status_code == 200
    assert "<h1>Integrationsplan Göppingen 2030</h1>" in second.content.decode()


def test_chart_labels_fit_the_narrow_chart_and_bars_scale_to_the_track():
    long_label = "2 Bildung und Ausbildung junger Menschen in Schule, Beruf und Weiterbildung"
    chart = progress_bars(
        [{"label": long_label, "progress": 50}, {"label": "3 Arbeit", "progress": 0}]
    )

    shortened, short = chart["bars"]
    assert shortened["label"].endswith("…")
    assert text_width(shortened["label"], FONT) <= WIDTH
    assert shortened["full_label"] == long_label
    assert float(shortened["width"]) == TRACK / 2
    assert short["label"] == "3 Arbeit"
    assert chart["value_x"] + text_width("100 %", FONT, bold=True) <= WIDTH
