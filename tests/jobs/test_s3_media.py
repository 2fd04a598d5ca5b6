"""Several app servers share their media through S3-compatible storage (issue 11, "Scale out"):
DJANGO_MEDIA_STORAGE names django-storages' S3 backend. Tested against moto's S3 server on
127.0.0.1 — nothing leaves the machine."""

import json
import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from moto.server import ThreadedMotoServer

from measures.models import ArchivedReport
from measures.reports.archive import archive_report
from tests.monitoring.builders import make_archived

ROOT = Path(__file__).resolve().parents[2]
# A bucket of its own per server: moto keeps its buckets in the process's memory.
BUCKET = "integrationsplan-medien-"
CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "eu-central-1",
}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    bucket = BUCKET + uuid.uuid4().hex[:8]
    boto3.client("s3", endpoint_url=endpoint, **lower(CREDENTIALS)).create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
    )
    yield endpoint, bucket
    server.stop()


def lower(credentials):
    return {
        "aws_access_key_id": credentials["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": credentials["AWS_SECRET_ACCESS_KEY"],
        "region_name": credentials["AWS_DEFAULT_REGION"],
    }


def objects(s3):
    endpoint, bucket = s3
    listing = boto3.client("s3", endpoint_url=endpoint, **lower(CREDENTIALS)).list_objects_v2(
        Bucket=bucket
    )
    return {entry["Key"] for entry in listing.get("Contents", [])}


def test_the_setting_makes_the_media_store_an_s3_bucket(s3_endpoint, tmp_path):
    endpoint, bucket = s3_endpoint
    """The project's own settings, configured only by the environment, in a process of their
    own: a file saved there lands in the bucket, privately, and is never overwritten."""
    script = (
        "import json\n"
        "from django.conf import settings\n"
        "from django.core.files.base import ContentFile\n"
        "from django.core.files.storage import default_storage as s\n"
        "first = s.save('archiv/bericht.pdf', ContentFile(b'%PDF-1.7 eins'))\n"
        "second = s.save('archiv/bericht.pdf', ContentFile(b'%PDF-1.7 zwei'))\n"
        "print(json.dumps({'backend': settings.STORAGES['default']['BACKEND'],\n"
        "  'acl': s.default_acl, 'names': [first, second],\n"
        "  'read': s.open(first).read().decode()}))\n"
    )
    environment = {
        **os.environ,
        **CREDENTIALS,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'leer.sqlite3'}",
        "DJANGO_MEDIA_STORAGE": "storages.backends.s3.S3Storage",
        "DJANGO_S3_BUCKET": bucket,
        "DJANGO_S3_ENDPOINT_URL": endpoint,
        "DJANGO_S3_REGION": "eu-central-1",
    }
    environment.pop("DJANGO_SETTINGS_MODULE", None)  # the production settings, not the tests'
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["backend"] == "storages.backends.s3.S3Storage"
    assert shown["acl"] == "private"
    first, second = shown["names"]
    assert first == "archiv/bericht.pdf" and second != first  # never overwritten
    assert shown["read"] == "%PDF-1.7 eins"
    assert {first, second} <= objects(s3_endpoint)


@pytest.fixture
def s3_media(settings, s3_endpoint, monkeypatch):
    endpoint, bucket = s3_endpoint
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "region_name": "eu-central-1",
                "endpoint_url": endpoint,
                "default_acl": "private",
                "file_overwrite": False,
            },
        },
    }
    return s3_endpoint


@pytest.mark.django_db
def test_an_archived_report_is_stored_and_verified_in_the_bucket(
    s3_media, koordination, plan, measure
):
    archived = archive_report(koordination, edition=ArchivedReport.Edition.PUBLIC)
    assert archived.file.name in objects(s3_media)
    content = archived.read_verified()
    assert content is not None and content.startswith(b"%PDF")


@pytest.mark.django_db
def test_a_changed_or_missing_file_in_the_bucket_is_refused(s3_media):
    archived = make_archived(b"%PDF-1.7 the issued report")
    default_storage.delete(archived.file.name)
    default_storage.save(archived.file.name, ContentFile(b"%PDF-1.7 forged"))
    assert ArchivedReport.objects.get(pk=archived.pk).read_verified() is None
    default_storage.delete(archived.file.name)
    assert ArchivedReport.objects.get(pk=archived.pk).read_verified() is None
