"""DSGVO: erasure reaches status reports and import previews; the Auskunft lists reports and
the archived documents that are kept."""

import io
import json
import os
import time

from django.core.management import call_command
from django.urls import reverse

from measures.models import StatusReport
from network.models import Actor
from tests.monitoring.builders import make_archived, make_contact, make_request, make_round, submit
from tests.network.helpers import csv_bytes
from tests.network.test_import_views import ACTORS, confirm, upload


def partner_report(plan, measure, contact, **fields):
    monitoring_round = make_round(plan)
    request, _token = make_request(monitoring_round, measure, contact)
    report = submit(request, author_name="Derya Kaya", **fields)
    report.text = "Zweite Fassung"
    report.save()  # a second history row with the name
    return monitoring_round, report


def test_erasure_replaces_the_name_in_reports_and_their_history(
    client, koordination, plan, measure, contact
):
    _round, report = partner_report(plan, measure, contact)
    colleague = StatusReport.objects.create(
        measure=measure, status="in_progress", progress=10, text="x", author_name="Ali Demir"
    )
    client.force_login(koordination)

    client.post(reverse("network:contact_erase", args=[contact.pk]))

    report.refresh_from_db()
    assert report.author_name == "gelöscht"
    assert report.text == "Zweite Fassung"
    assert set(StatusReport.history.filter(id=report.pk).values_list("author_name", flat=True)) == {
        "gelöscht"
    }
    assert not StatusReport.history.filter(author_name__icontains="Kaya").exists()
    colleague.refresh_from_db()
    assert colleague.author_name == "Ali Demir"


def test_erasure_leaves_reports_of_a_namesake_elsewhere(
    client, koordination, plan, measure, contact, actor
):
    other = make_contact(actor, first_name="Derya", last_name="Kaya", email="d.k@example.org")
    _round, report = partner_report(plan, measure, other)
    client.force_login(koordination)

    client.post(reverse("network:contact_erase", args=[contact.pk]))

    report.refresh_from_db()
    assert report.author_name == "Derya Kaya"


def test_disclosure_lists_the_reports_and_the_archived_documents(
    client, sachbearbeitung, plan, measure, contact
):
    monitoring_round, _report = partner_report(plan, measure, contact)
    make_archived(monitoring_round=monitoring_round)
    make_archived(content=b"%PDF other")  # no round: does not name the person
    client.force_login(sachbearbeitung)

    response = client.get(reverse("network:contact_disclosure_json", args=[contact.pk]))

    data = json.loads(response.content)
    assert data["reports"] == [
        {
            "measure": measure.code,
            "title": measure.title,
            "date": "2026-11-05",
            "state": "eingereicht",
        }
    ]
    assert len(data["archived_documents"]) == 1
    assert data["archived_documents"][0]["title"] == "Monitoringbericht – Aktueller Stand"
    page = client.get(reverse("network:contact_disclosure", args=[contact.pk])).content.decode()
    assert "Sachstandsberichte und Vorschläge der Person" in page
    assert measure.title in page
    assert "Art. 17 Abs. 3 Buchst. b und e DSGVO" in page


def test_erase_confirmation_names_the_archived_documents_that_are_kept(
    client, koordination, plan, measure, contact
):
    monitoring_round, _report = partner_report(plan, measure, contact)
    make_archived(monitoring_round=monitoring_round)
    client.force_login(koordination)

    page = client.get(reverse("network:contact_erase", args=[contact.pk])).content.decode()

    assert "Archivierte Dokumente, in denen die Person genannt sein kann" in page
    assert "Monitoringbericht – Aktueller Stand" in page


def test_erasure_removes_every_stored_import_preview(
    client,
    koordination,
    sachbearbeitung,
    media_root,
    action_field,
    contact,
    django_capture_on_commit_callbacks,
):
    client.force_login(sachbearbeitung)
    upload(client, "actors", csv_bytes(ACTORS))
    assert list((media_root / "imports").iterdir())
    client.force_login(koordination)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("network:contact_erase", args=[contact.pk]))

    assert not list((media_root / "imports").iterdir())


def test_cancelling_the_preview_deletes_the_file(client, sachbearbeitung, media_root, action_field):
    client.force_login(sachbearbeitung)
    upload(client, "actors", csv_bytes(ACTORS))

    response = client.post(reverse("network:import_confirm", args=["actors"]), {"cancel": "1"})

    assert response.status_code == 302
    assert not list((media_root / "imports").iterdir())
    assert confirm(client, "actors").status_code == 302
    assert not Actor.objects.exists()


def test_a_preview_with_errors_keeps_no_file(client, sachbearbeitung, media_root, action_field):
    client.force_login(sachbearbeitung)
    upload(client, "actors", csv_bytes(ACTORS))

    page = upload(client, "actors", csv_bytes([["Name", "Art"], ["X", "Sportverein"]]))

    assert "es wird nichts gespeichert" in page.content.decode()

    assert not list((media_root / "imports").iterdir())


def test_previews_older_than_an_hour_are_swept(client, sachbearbeitung, media_root, action_field):
    folder = media_root / "imports"
    folder.mkdir(parents=True)
    old, fresh = folder / "old.upload", folder / "fresh.upload"
    old.write_bytes(b"Derya Kaya;derya.kaya@example.com")
    fresh.write_bytes(b"x")
    an_hour_ago = time.time() - 3601
    os.utime(old, (an_hour_ago, an_hour_ago))
    out = io.StringIO()

    call_command("sweep_import_uploads", stdout=out)

    assert sorted(path.name for path in folder.iterdir()) == ["fresh.upload"]
    old.write_bytes(b"again")
    os.utime(old, (an_hour_ago, an_hour_ago))
    client.force_login(sachbearbeitung)
    upload(client, "actors", csv_bytes(ACTORS))  # each new upload sweeps too
    assert not old.exists()
