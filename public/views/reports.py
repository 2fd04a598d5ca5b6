"""The archive of the monitoring reports' public editions, with their checksums.

A download hands out the stored file only while it still matches the SHA-256 recorded when it
was issued (as the staff download does). It streams the file instead of going through
public_page's content cache, and sets the same public caching headers itself, with the
checksum as ETag.
"""

import hashlib
import logging

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from measures.models import ArchivedReport
from public.data import public_reports
from public.pages import MAX_AGE, public_page, public_view

logger = logging.getLogger(__name__)

PER_PAGE = 20
CHUNK = 64 * 1024


@public_page
def report_list(request):
    page = Paginator(
        public_reports().only("pk", "title", "size", "sha256", "created_at"), PER_PAGE
    ).get_page(request.GET.get("page"))
    return render(
        request, "public/reports.html", {"page_obj": page, "reports": list(page.object_list)}
    )


def download_filename(report: ArchivedReport) -> str:
    """E.g. monitoringbericht-herbst-2026-2026-11-02.pdf, umlauts kept."""
    stem = slugify(report.title, allow_unicode=True) or "monitoringbericht"
    return f"{stem}-{timezone.localdate(report.created_at):%Y-%m-%d}.pdf"


def _matches_checksum(report: ArchivedReport) -> bool:
    digest = hashlib.sha256()
    try:
        with report.file.open("rb") as handle:
            for chunk in iter(lambda: handle.read(CHUNK), b""):
                digest.update(chunk)
    except (FileNotFoundError, ValueError):
        return False
    finally:
        report.file.close()
    return digest.hexdigest() == report.sha256


@public_view
@require_safe
def report_download(request, pk):
    report = public_reports().filter(pk=pk).first()
    if report is None:
        raise Http404
    etag = f'"{report.sha256}"'
    modified = int(report.created_at.timestamp())
    response: HttpResponseBase | None = get_conditional_response(
        request, etag=etag, last_modified=modified
    )
    if response is None:
        if not _matches_checksum(report):
            logger.error("Public report %s is missing or its checksum does not match", pk)
            raise Http404
        response = FileResponse(
            report.file.open("rb"),
            as_attachment=True,
            filename=download_filename(report),
            content_type="application/pdf",
        )
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
