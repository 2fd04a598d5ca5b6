"""The office writes the texts of the public pages (issue 14): Koordination only, a text that
was never written is created on its first save, parallel edits are detected."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from public.models import PublicText

pytestmark = pytest.mark.django_db

LIST = reverse("public_texts:list")
EASY = reverse("public_texts:edit", args=["easy_language"])
INTRO = reverse("public_texts:edit", args=["introduction"])


def test_list_names_both_texts_not_written_yet(client, koordination):
    client.force_login(koordination)
    html = client.get(LIST).content.decode()
    assert html.count("Noch nicht geschrieben") == 2
    assert f'href="{EASY}"' in html and f'href="{INTRO}"' in html
    assert f'href="{reverse("public:easy_language")}"' in html


def test_list_shows_when_a_text_was_changed(client, koordination):
    PublicText.objects.create(key=PublicText.Key.INTRODUCTION, body="Willkommen.")
    client.force_login(koordination)
    html = client.get(LIST).content.decode()
    assert html.count("Noch nicht geschrieben") == 1
    assert "Geschrieben, zuletzt geändert am" in html


def test_list_needs_one_query_for_the_texts(client, koordination, django_assert_num_queries):
    client.force_login(koordination)
    client.get(LIST)  # the user's permissions are cached on the user after this
    PublicText.objects.create(key=PublicText.Key.INTRODUCTION, body="Willkommen.")
    # session, user, permissions (user and groups), the texts
    with django_assert_num_queries(5):
        assert client.get(LIST).status_code == 200


def test_opening_the_form_does_not_create_the_text(client, koordination):
    client.force_login(koordination)
    response = client.get(EASY)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Leichter Sprache" in html and "Lassen Sie das Feld leer" in html
    assert '<label for="id_body">' in html
    assert f'href="{reverse("public:easy_language")}"' in html  # view the public page
    assert not PublicText.objects.exists()


def test_first_save_creates_the_text_and_the_public_page_shows_it(client, koordination):
    client.force_login(koordination)
    assert (
        "Der Plan heißt: Integrations-Plan."
        in client.get(reverse("public:easy_language")).content.decode()
    )
    response = client.post(EASY, {"body": "Das ist der Plan.\n\nDer Plan hilft allen."})
    assert response.status_code == 302 and response["Location"] == LIST
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages == [
        "Der Text wurde gespeichert. Besucherinnen und Besucher sehen ihn spätestens in fünf "
        "Minuten."
    ]
    text = PublicText.objects.get(key=PublicText.Key.EASY_LANGUAGE)
    assert text.history.get().history_user == koordination
    client.logout()
    html = client.get(reverse("public:easy_language")).content.decode()
    assert "<p>Der Plan hilft allen.</p>" in html  # the cached page is replaced at once


def test_a_parallel_edit_is_not_overwritten(client, koordination):
    text = PublicText.objects.create(key=PublicText.Key.INTRODUCTION, body="Erste Fassung")
    client.force_login(koordination)
    opened = text.version
    other = PublicText.objects.get(pk=text.pk)
    other.body = "Fassung der Kollegin"
    other.save()
    response = client.post(INTRO, {"body": "Meine Fassung", "version": opened})
    assert response.status_code == 200
    assert "Fassung der Kollegin" in response.content.decode()
    assert PublicText.objects.get(pk=text.pk).body == "Fassung der Kollegin"


def test_unknown_key_is_404(client, koordination):
    client.force_login(koordination)
    assert client.get(reverse("public_texts:edit", args=["impressum"])).status_code == 404


@pytest.mark.parametrize("url", [LIST, EASY])
def test_sachbearbeitung_may_not_edit_the_texts(client, sachbearbeitung, url):
    client.force_login(sachbearbeitung)
    assert client.get(url).status_code == 403
    assert client.post(EASY, {"body": "Nein"}).status_code == 403
    assert not PublicText.objects.exists()


def test_the_demo_writes_both_texts_once():
    from demo.write_public import load_public_texts

    load_public_texts()
    load_public_texts()
    texts = dict(PublicText.objects.values_list("key", "body"))
    assert set(texts) == {"introduction", "easy_language"}
    assert "Der Plan heißt: Integrations-Plan." in texts["easy_language"]
