"""The required pages of a public body (issue 14): accessibility statement, feedback form,
Impressum, Datenschutz and Leichte Sprache."""

import datetime
from email.utils import parseaddr

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.models import MailDelivery
from core.roles import KOORDINATION, LESEZUGRIFF
from public.feedback import MAX_SUBMISSIONS
from public.models import AccessibilityFeedback, PublicText

pytestmark = pytest.mark.django_db

STATEMENT_PAGES = [
    "public:accessibility",
    "public:imprint",
    "public:privacy",
    "public:easy_language",
]
FEEDBACK = reverse("public:feedback")
VALID = {
    "message": "Das Diagramm auf der Übersicht ist mit der Bildschirmlupe nicht lesbar.",
    "page": "/public/",
    "name": "Erika Muster",
    "email": "erika@example.org",
    "website": "",
}


def post_feedback(client, data=VALID, address="192.0.2.10", capture=None):
    with capture(execute=True):
        return client.post(FEEDBACK, data, REMOTE_ADDR=address)


@pytest.mark.parametrize("name", STATEMENT_PAGES)
def test_statement_pages_are_public_cacheable_and_set_no_cookie(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"
    assert response.has_header("ETag") and response.has_header("Last-Modified")
    assert response.cookies == {}
    assert "Set-Cookie" not in response.headers


def test_the_overview_sets_no_cookie(client):
    response = client.get(reverse("public:overview"))
    assert response.status_code == 200
    assert response.cookies == {}


@pytest.mark.parametrize("name", [*STATEMENT_PAGES, "public:feedback"])
def test_pages_are_gone_when_the_public_pages_are_off(client, settings, name):
    settings.PUBLIC_PAGES_ENABLED = False
    assert client.get(reverse(name)).status_code == 404


def test_statement_names_status_limitations_date_contact_and_enforcement(client, settings):
    settings.ACCESSIBILITY_STATEMENT_DATE = datetime.date(2026, 11, 30)
    settings.ACCESSIBILITY_CONTACT_PHONE = "07161 650-0"
    html = client.get(reverse("public:accessibility")).content.decode()
    assert "teilweise vereinbar" in html
    assert "PDF" in html and "Tabelle" in html  # third-party PDFs, charts described by tables
    assert "axe-core" in html
    assert "30.11.2026" in html
    assert 'href="mailto:integration@goeppingen.example"' in html
    assert 'href="tel:07161650-0"' in html
    assert f'href="{FEEDBACK}"' in html
    assert 'href="https://www.schlichtungsstelle-bgg.de/"' in html
    assert f'href="{settings.ACCESSIBILITY_STATE_COMMISSIONER_URL}"' in html


def test_statement_shows_the_date_from_the_setting(client, settings):
    settings.ACCESSIBILITY_STATEMENT_DATE = datetime.date(2027, 3, 5)
    assert "05.03.2027" in client.get(reverse("public:accessibility")).content.decode()


def test_statement_pages_need_few_queries(client, django_assert_max_num_queries):
    for name in STATEMENT_PAGES:
        # The data version, the page from the cache; Leichte Sprache reads its text.
        with django_assert_max_num_queries(3):
            assert client.get(reverse(name)).status_code == 200


def test_imprint_shows_the_office_without_a_city_page(client, settings):
    settings.PUBLIC_IMPRINT_URL = ""
    html = client.get(reverse("public:imprint")).content.decode()
    assert settings.OFFICE_UNIT in html and settings.OFFICE_ADDRESS in html


def test_imprint_links_to_the_city_page_when_set(client, settings):
    settings.PUBLIC_IMPRINT_URL = "https://www.goeppingen.example/impressum"
    html = client.get(reverse("public:imprint")).content.decode()
    assert 'href="https://www.goeppingen.example/impressum"' in html
    assert "Impressum der Stadt" in html


def test_privacy_text_tells_cookies_logs_and_the_feedback_retention(client, settings):
    settings.PUBLIC_PRIVACY_URL = ""
    html = client.get(reverse("public:privacy")).content.decode()
    assert "setzen keine Cookies" in html
    assert "Protokolldateien" in html
    assert "nach 365 Tagen automatisch gelöscht" in html


def test_privacy_links_to_the_city_page_when_set(client, settings):
    settings.PUBLIC_PRIVACY_URL = "https://www.goeppingen.example/datenschutz"
    html = client.get(reverse("public:privacy")).content.decode()
    assert 'href="https://www.goeppingen.example/datenschutz"' in html


def test_easy_language_shows_the_standard_text_while_none_is_written(client):
    html = client.get(reverse("public:easy_language")).content.decode()
    assert "Der Plan heißt: Integrations-Plan." in html
    assert "Was ist eine Maßnahme?" in html and "Was ist der Gemeinderat?" in html


def test_easy_language_shows_the_office_text_in_paragraphs(client):
    PublicText.objects.create(
        key=PublicText.Key.EASY_LANGUAGE, body="Das ist der Plan.\n\nDer Plan ist gut."
    )
    html = client.get(reverse("public:easy_language")).content.decode()
    assert "<p>Das ist der Plan.</p>" in html and "<p>Der Plan ist gut.</p>" in html
    assert "Der Plan heißt: Integrations-Plan." not in html


def test_feedback_form_is_not_cached_and_carries_a_csrf_token(client):
    response = client.get(FEEDBACK)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<div class="trap">' in html  # the trap field, hidden by CSS


def test_valid_feedback_is_stored_and_mailed_to_the_contact(
    client, settings, django_capture_on_commit_callbacks
):
    settings.ACCESSIBILITY_CONTACT_EMAIL = "barrieren@goeppingen.example"
    response = post_feedback(client, capture=django_capture_on_commit_callbacks)
    assert response.status_code == 303
    assert response["Location"] == f"{FEEDBACK}?sent=1"
    feedback = AccessibilityFeedback.objects.get()
    assert (feedback.page, feedback.email) == ("/public/", "erika@example.org")
    (message,) = mail.outbox
    assert [parseaddr(to)[1] for to in message.to] == ["barrieren@goeppingen.example"]
    assert message.reply_to == ["erika@example.org"]
    assert VALID["message"] in message.body and "Erika Muster" in message.body
    assert message.subject == "Rückmeldung zur Barrierefreiheit: /public/"
    # Once sent, the delivery keeps no copy of the visitor's text.
    assert MailDelivery.objects.get().body == ""


def test_thanks_page_confirms_as_a_status_message(client):
    html = client.get(f"{FEEDBACK}?sent=1").content.decode()
    assert 'role="status"' in html
    assert "Vielen Dank" in html
    assert "<form" not in html.split("<main", 1)[1]


def test_empty_feedback_shows_german_errors_and_sends_nothing(
    client, django_capture_on_commit_callbacks
):
    data = {**VALID, "message": "", "email": "keine-adresse"}
    response = post_feedback(client, data, capture=django_capture_on_commit_callbacks)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte korrigieren Sie die folgenden Angaben:" in html
    assert "Dieses Feld ist zwingend erforderlich." in html
    assert "Bitte gültige E-Mail-Adresse eingeben." in html
    assert "<title>Fehler:" in html
    assert AccessibilityFeedback.objects.count() == 0 and mail.outbox == []


def test_feedback_without_name_and_email_is_accepted(client, django_capture_on_commit_callbacks):
    data = {"message": "Die Tabelle ist zu breit.", "page": "", "name": "", "email": ""}
    response = post_feedback(client, data, capture=django_capture_on_commit_callbacks)
    assert response.status_code == 303
    (message,) = mail.outbox
    assert message.reply_to == []
    assert "keine, Antwort nicht möglich" in message.body


def test_a_filled_trap_field_is_thanked_but_nothing_is_sent(
    client, django_capture_on_commit_callbacks
):
    data = {**VALID, "website": "https://spam.example"}
    response = post_feedback(client, data, capture=django_capture_on_commit_callbacks)
    assert response.status_code == 303
    assert AccessibilityFeedback.objects.count() == 0 and mail.outbox == []


def test_one_address_sends_at_most_five_per_hour(client, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    for _ in range(MAX_SUBMISSIONS):
        assert post_feedback(client, capture=capture).status_code == 303
    refused = post_feedback(client, capture=capture)
    assert refused.status_code == 429
    assert "in der letzten Stunde schon mehrere Nachrichten" in refused.content.decode()
    assert len(mail.outbox) == MAX_SUBMISSIONS
    # Another address is not affected.
    assert post_feedback(client, address="192.0.2.99", capture=capture).status_code == 303
    assert AccessibilityFeedback.objects.count() == MAX_SUBMISSIONS + 1


def test_run_periodic_deletes_feedback_after_a_year(django_capture_on_commit_callbacks):
    now = timezone.now()
    old = AccessibilityFeedback.objects.create(
        message="alt", created_at=now - datetime.timedelta(days=366)
    )
    recent = AccessibilityFeedback.objects.create(
        message="neu", created_at=now - datetime.timedelta(days=300)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_periodic", verbosity=0)
    assert list(AccessibilityFeedback.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not AccessibilityFeedback.objects.filter(pk=old.pk).exists()


def test_koordination_reads_and_deletes_feedback_in_the_admin(client, koordination):
    feedback = AccessibilityFeedback.objects.create(message="Kontrast zu schwach")
    koordination.is_staff = True
    koordination.save()
    client.force_login(koordination)
    assert client.get(reverse("admin:public_accessibilityfeedback_changelist")).status_code == 200
    delete = reverse("admin:public_accessibilityfeedback_delete", args=[feedback.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not AccessibilityFeedback.objects.exists()


def test_only_koordination_deletes_feedback():
    # Lesezugriff holds every view permission by its rule but has no access to the admin.
    held = {
        (group.name, codename)
        for group in Group.objects.all()
        for codename in group.permissions.values_list("codename", flat=True)
        if codename.endswith("_accessibilityfeedback") and group.name != KOORDINATION
    }
    assert held == {(LESEZUGRIFF, "view_accessibilityfeedback")}
    assert (
        Group.objects.get(name=KOORDINATION)
        .permissions.filter(codename="delete_accessibilityfeedback")
        .exists()
    )


def test_a_statement_date_that_is_no_date_stops_the_start():
    from tests.test_settings import run_check

    result = run_check(DJANGO_DEBUG="true", ACCESSIBILITY_STATEMENT_DATE="30.11.2026")
    assert result.returncode != 0
    assert "ACCESSIBILITY_STATEMENT_DATE is not a date like 2026-11-30: '30.11.2026'" in (
        result.stderr
    )


def test_feedback_needs_a_fixed_number_of_queries(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    with django_assert_num_queries(0):
        assert client.get(FEEDBACK).status_code == 200
    ContentType.objects.clear_cache()  # as in a fresh process
    for round_ in range(2):  # the same for the first and a later feedback
        # savepoint, insert the feedback; queue_mail's savepoint, the content type (cached
        # after the first), the delivery's get_or_create (select, savepoint, insert, release);
        # two releases
        with django_assert_num_queries(10 if round_ == 0 else 9):
            response = client.post(FEEDBACK, VALID, REMOTE_ADDR=f"192.0.2.{round_}")
        assert response.status_code == 303
