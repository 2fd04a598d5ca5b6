"""The public archive of monitoring reports: public editions only, with their checksums, and a
download that hands out the issued file unchanged, cacheable by everyone."""

import hashlib
from email.message import EmailMessage

import pytest
from django.urls import reverse

from core import caching
from core.archive import Edition
from tests.public.archive_data import SECRET_REPORT, issue_report

CONTENT = b"%PDF-1.7\n% Monitoringbericht, oeffentliche Ausgabe\n" + b"x" * 200_000


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def report(db):
    return issue_report("Monitoringbericht Herbst 2026", content=CONTENT)


@pytest.fixture
def internal(db):
    return issue_report(SECRET_REPORT, edition=Edition.INTERNAL)


def download(client, pk, **headers):
    return client.get(reverse("public:report_download", args=[pk]), **headers)


def test_the_archive_lists_public_editions_with_checksum_date_and_size(client, report, internal):
    html = client.get(reverse("public:reports")).content.decode()
    assert "Monitoringbericht Herbst 2026" in html
    assert f'<code class="checksum">{hashlib.sha256(CONTENT).hexdigest()}</code>' in html
    assert report.created_at.astimezone().strftime("%d.%m.%Y") in html
    assert "195,4\xa0KB" in html or "195,4 KB" in html
    assert reverse("public:report_download", args=[report.pk]) in html


def test_the_archive_leaves_out_internal_editions(client, report, internal):
    html = client.get(reverse("public:reports")).content.decode()
    assert SECRET_REPORT not in html
    assert reverse("public:report_download", args=[internal.pk]) not in html


def test_the_archive_does_not_name_who_issued_a_report(client, report, koordination):
    report.created_by_name = "Miriam Kessler"
    report.save()
    caching.forget_everything()
    assert "Kessler" not in client.get(reverse("public:reports")).content.decode()


def test_an_empty_archive_says_so(client, db):
    html = client.get(reverse("public:reports")).content.decode()
    assert "Bisher wurde kein Monitoringbericht veröffentlicht." in html


def test_the_download_is_the_issued_file_as_a_pdf_attachment(client, report):
    response = download(client, report.pk)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert hashlib.sha256(body).hexdigest() == report.sha256
    assert response["Content-Type"] == "application/pdf"
    header = EmailMessage()
    header["Content-Disposition"] = response["Content-Disposition"]
    assert header.get_content_disposition() == "attachment"
    stamp = report.created_at.astimezone().strftime("%Y-%m-%d")
    assert header.get_filename() == f"monitoringbericht-herbst-2026-{stamp}.pdf"


def test_the_download_is_cacheable_with_the_checksum_as_etag(client, report):
    response = download(client, report.pk)
    assert response["ETag"] == f'"{report.sha256}"'
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert response["Last-Modified"]
    again = download(client, report.pk, HTTP_IF_NONE_MATCH=f'"{report.sha256}"')
    assert again.status_code == 304


def test_an_internal_edition_cannot_be_downloaded(client, internal):
    assert download(client, internal.pk).status_code == 404


def test_an_unknown_report_is_not_found(client, db):
    assert download(client, 424242).status_code == 404


def test_a_changed_file_is_not_handed_out(client, report):
    with open(report.file.path, "ab") as handle:
        handle.write(b"tampered")
    assert download(client, report.pk).status_code == 404


def test_the_download_refuses_post(client, report):
    assert client.post(reverse("public:report_download", args=[report.pk])).status_code == 405


def test_the_download_is_gone_when_the_public_pages_are_off(client, report, settings):
    settings.PUBLIC_PAGES_ENABLED = False
    assert download(client, report.pk).status_code == 404


@pytest.mark.parametrize("count", [1, 25])
def test_the_archive_needs_a_fixed_number_of_queries(client, db, django_assert_num_queries, count):
    for number in range(count):
        issue_report(f"Monitoringbericht {number}")
    caching.forget_everything()
    # data version, the count for the pages, one page of reports
    with django_assert_num_queries(3):
        assert client.get(reverse("public:reports")).status_code == 200


def test_the_download_needs_one_query(client, report, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = download(client, report.pk)
    b"".join(response.streaming_content)
