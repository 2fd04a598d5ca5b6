"""`manage.py verify_backup`: row counts and file checksums before a backup and after a restore."""

import datetime
import hashlib
import json
from io import StringIO

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from committee.models import AgendaItem, Committee, Document, LegislativeTerm, Meeting
from measures.models import StatusReport
from tests.monitoring.builders import make_archived

pytestmark = pytest.mark.django_db

REPORT = b"%PDF-1.7 the issued monitoring report"
AGENDA = b"%PDF-1.7 a committee document"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def archived(db):
    return make_archived(REPORT)


@pytest.fixture
def document(db):
    committee = Committee.objects.create(name="Integrationsausschuss", short_name="IA")
    term = LegislativeTerm.objects.create(name="2024–2029", start=datetime.date(2024, 7, 1))
    meeting = Meeting.objects.create(
        committee=committee, term=term, number=1, start=timezone.now(), location="Rathaus"
    )
    item = AgendaItem.objects.create(meeting=meeting, number="1", order=1, title="Bericht")
    document = Document(
        agenda_item=item,
        title="Vorlage",
        file_name="vorlage.pdf",
        mime_type="application/pdf",
        size=len(AGENDA),
        sha1=hashlib.sha1(AGENDA, usedforsecurity=False).hexdigest(),
    )
    document.file.save("vorlage.pdf", ContentFile(AGENDA), save=True)
    return document


def verify(*args):
    """(stdout, stderr) of the command; raises CommandError as the command line exits 1."""
    out, err = StringIO(), StringIO()
    call_command("verify_backup", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def snapshot_file(tmp_path, name):
    path = tmp_path / name
    verify("--output", str(path))
    return path


def tamper(field_file, content):
    with open(field_file.path, "wb") as handle:
        handle.write(content)


def test_it_counts_the_rows_of_every_table_including_history_auth_and_links(
    measure, status_report, koordination
):
    out, err = verify()
    tables = json.loads(out)["tables"]
    for model in apps.get_models(include_auto_created=True):
        assert tables[model._meta.db_table] == model._default_manager.count(), model
    assert tables["measures_historicalmeasure"] >= 1
    assert tables["auth_user"] == 1
    assert tables["auth_user_groups"] == 1
    assert tables["django_migrations"] > 0
    assert "Tabellen" in err


def test_it_recomputes_the_checksum_of_every_stored_file_from_disk(archived, document):
    snapshot = json.loads(verify()[0])
    assert snapshot["problems"] == []
    assert snapshot["files"][archived.file.name] == {
        "model": "measures.ArchivedReport",
        "pk": archived.pk,
        "size": len(REPORT),
        "sha256": hashlib.sha256(REPORT).hexdigest(),
    }
    assert snapshot["files"][document.file.name]["sha256"] == hashlib.sha256(AGENDA).hexdigest()


def test_a_tampered_archived_report_is_detected(archived, tmp_path):
    tamper(archived.file, b"%PDF-1.7 a forged report")
    output = tmp_path / "snapshot.json"
    with pytest.raises(CommandError) as error:
        verify("--output", str(output))
    message = str(error.value)
    assert "Gespeicherte Dateien fehlen oder wurden verändert" in message
    assert f"{archived.file.name} stimmt nicht mehr mit ihrer gespeicherten SHA-256" in message
    # The snapshot is written all the same, for the record.
    assert json.loads(output.read_text())["problems"]


def test_a_changed_committee_document_and_a_missing_file_are_detected(document, archived):
    tamper(document.file, b"another document")
    archived.file.storage.delete(archived.file.name)
    with pytest.raises(CommandError) as error:
        verify("--output", "/dev/null")
    message = str(error.value)
    assert f"{document.file.name} stimmt nicht mehr mit ihrer gespeicherten SHA-1" in message
    assert f"Die Datei {archived.file.name} fehlt." in message


def test_two_equal_snapshots_compare_without_difference(archived, document, tmp_path):
    before = snapshot_file(tmp_path, "before.json")
    after = snapshot_file(tmp_path, "after.json")
    out, _err = verify("--compare", str(before), str(after))
    assert "Kein Unterschied" in out
    out, _err = verify("--compare", str(before))
    assert "Kein Unterschied" in out


def test_a_missing_row_and_a_changed_file_are_reported(status_report, archived, document, tmp_path):
    before = snapshot_file(tmp_path, "before.json")
    StatusReport.objects.filter(pk=status_report.pk).delete()
    # Changed consistently with its row, as a restore from another day would be: only the
    # comparison with the snapshot can tell.
    tamper(archived.file, b"%PDF-1.7 another report")
    type(archived).objects.filter(pk=archived.pk).update(
        sha256=hashlib.sha256(b"%PDF-1.7 another report").hexdigest()
    )
    after = snapshot_file(tmp_path, "after.json")
    with pytest.raises(CommandError) as error:
        verify("--compare", str(before), str(after))
    message = str(error.value)
    assert message.startswith("Der Stand weicht vom Schnappschuss ab:")
    assert "Tabelle measures_statusreport: vorher 1 Zeilen, jetzt 0 Zeilen." in message
    assert f"Die Datei {archived.file.name} hat einen anderen Inhalt." in message
    # The same against the live database and files.
    with pytest.raises(CommandError, match="measures_statusreport"):
        verify("--compare", str(before))


def test_a_file_missing_after_restore_is_reported(archived, tmp_path):
    before = snapshot_file(tmp_path, "before.json")
    archived.file.storage.delete(archived.file.name)
    with pytest.raises(CommandError) as error:
        verify("--compare", str(before))
    assert f"Die Datei {archived.file.name} fehlt." in str(error.value)


def test_an_unreadable_snapshot_is_refused_with_a_clear_message(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(CommandError, match=r"broken\.json ist keine JSON-Datei"):
        verify("--compare", str(broken))
    other = tmp_path / "other.json"
    other.write_text('{"rows": 3}')
    with pytest.raises(CommandError, match="ist kein Schnappschuss dieser Anwendung"):
        verify("--compare", str(other))
    with pytest.raises(CommandError, match="kann nicht gelesen werden"):
        verify("--compare", str(tmp_path / "absent.json"))
