"""The report's public summary and the staff's way to the public page (issue 14)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from measures.models import Measure, Plan, StatusReport
from tests.monitoring.builders import make_contact, make_request, make_round


def public_page(measure):
    return reverse("public:measure_detail", args=[measure.pk])


def test_staff_record_a_public_summary_that_shows_publicly(client, sachbearbeitung, measure):
    client.force_login(sachbearbeitung)
    client.post(
        reverse("measures:report", args=[measure.pk]),
        {
            "reporting_date": timezone.localdate().isoformat(),
            "status": "in_progress",
            "progress": 60,
            "text": "Interner Stand",
            "public_summary": "Zwei Kurse sind voll belegt.",
        },
    )

    report = measure.status_reports.get()
    staff_page = client.get(measure.get_absolute_url()).content.decode()
    client.logout()
    public = client.get(public_page(measure)).content.decode()

    assert report.public_summary == "Zwei Kurse sind voll belegt."
    assert "Öffentliche Zusammenfassung" in staff_page
    assert "Zwei Kurse sind voll belegt." in staff_page
    assert "Zwei Kurse sind voll belegt." in public
    assert "Interner Stand" not in public


def test_the_staff_form_explains_the_public_summary(client, sachbearbeitung, measure):
    client.force_login(sachbearbeitung)

    html = client.get(reverse("measures:report", args=[measure.pk])).content.decode()

    assert 'name="public_summary"' in html
    assert "Wird auf den öffentlichen Seiten angezeigt; bitte keine Namen" in html


def test_a_partner_may_write_a_public_summary_that_shows_after_acceptance(
    client, koordination, plan, measure, actor
):
    request, token = make_request(make_round(plan), measure, make_contact(actor))
    link = reverse("partner:report", args=[token])

    form = client.get(link).content.decode()
    client.post(
        link,
        {
            "status": "in_progress",
            "progress": "50",
            "text": "Erste Fassung",
            "public_summary": "Der Kurs läuft gut.",
            "author_name": "Katharina Seitz",
        },
    )
    report = StatusReport.objects.get()
    before = client.get(public_page(measure)).content.decode()
    client.force_login(koordination)
    review = client.get(reverse("monitoring:request_review", args=[request.pk])).content.decode()
    client.logout()
    report.review_state = StatusReport.ReviewState.ACCEPTED
    report.save()
    after = client.get(public_page(measure)).content.decode()

    assert "Zusammenfassung für die öffentlichen Seiten (freiwillig)" in form
    assert report.public_summary == "Der Kurs läuft gut."
    assert "Öffentliche Zusammenfassung:</strong> Der Kurs läuft gut." in review
    assert "Der Kurs läuft gut." not in before
    assert "Der Kurs läuft gut." in after
    assert "Katharina Seitz" not in after


def test_staff_page_links_to_the_public_page(client, lesezugriff, measure):
    client.force_login(lesezugriff)

    html = client.get(measure.get_absolute_url()).content.decode()

    assert f'<a href="{public_page(measure)}">So sieht es öffentlich aus</a>' in html


@pytest.mark.parametrize("case", ["not public", "draft plan", "pages off"])
def test_no_public_link_without_a_public_page(client, lesezugriff, plan, measure, settings, case):
    if case == "not public":
        Measure.objects.filter(pk=measure.pk).update(is_public=False)
    elif case == "draft plan":
        Plan.objects.filter(pk=plan.pk).update(state=Plan.State.DRAFT)
    else:
        settings.PUBLIC_PAGES_ENABLED = False
    client.force_login(lesezugriff)

    html = client.get(measure.get_absolute_url()).content.decode()

    assert "So sieht es öffentlich aus" not in html


def test_the_public_link_follows_the_setting_on_a_cached_page(
    client, lesezugriff, measure, settings
):
    client.force_login(lesezugriff)
    client.get(measure.get_absolute_url())

    settings.PUBLIC_PAGES_ENABLED = False

    assert (
        "So sieht es öffentlich aus" not in client.get(measure.get_absolute_url()).content.decode()
    )
