"""The one PDF rendering helper: a template and a data snapshot in, a tagged PDF out.

Staff downloads are PDF/UA-1; archived copies (issued monitoring reports, finalised minutes)
are PDF/A-3a and PDF/UA-1 at once: the same tagged structure, plus what an archive needs (an
sRGB output intent, the PDF/A identification in the XMP metadata). docs/pdf.md explains the
choice and what `core.pdf_structure` adds to WeasyPrint's tagging.

WeasyPrint may read only the project's own static files (fonts, style sheets, images) and
`data:` images the templates embed (the report's charts); every other URL is refused, so
rendering never touches the network or the file system beyond them.
"""

import base64
import logging
import mimetypes
from typing import Any
from urllib.parse import unquote_to_bytes

import pydyf
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .context_processors import office
from .pdf_structure import finish_structure
from .pdf_xmp import write_xmp

logger = logging.getLogger(__name__)

# A base URL that no network can answer; only its /static/ part is served, by the fetcher.
BASE_URL = "https://pdf.invalid/"
STATIC_PREFIX = BASE_URL + "static/"
PDF_UA = "pdf/ua-1"
PDF_A = "pdf/a-3a"


class StaticFilesFetcher(URLFetcher):
    """Fetches `/static/…` from the project's static files and `data:` images; refuses
    everything else."""

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        if url.startswith(STATIC_PREFIX):
            relative = url.removeprefix(STATIC_PREFIX).split("?")[0]
            body = read_static_file(relative) if ".." not in relative else None
            if body is not None:
                content_type = mimetypes.guess_type(relative)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body, {"Content-Type": content_type})
        elif url.startswith("data:image/"):
            content_type, body = read_data_url(url)
            return URLFetcherResponse(url, body, {"Content-Type": content_type})
        logger.warning("PDF rendering refused to fetch %s", url[:200])
        raise ValueError(f"Only the project's static files may be used in a PDF: {url[:200]}")


def read_static_file(relative: str) -> bytes | None:
    """A static file's bytes from the source folders or, in production, the collected files."""
    path = finders.find(relative)
    if path:
        with open(path, "rb") as handle:
            return handle.read()
    if staticfiles_storage.exists(relative):
        with staticfiles_storage.open(relative) as handle:
            return handle.read()
    return None


def read_data_url(url: str) -> tuple[str, bytes]:
    """The media type and the bytes of a `data:` URL (RFC 2397)."""
    header, _comma, payload = url.removeprefix("data:").partition(",")
    content_type, *parameters = header.split(";")
    if "base64" in parameters:
        return content_type, base64.b64decode(payload)
    return content_type, unquote_to_bytes(payload)


def render_pdf(
    template_name: str, context: dict[str, Any], language: str = "de", archival: bool = False
) -> bytes:
    """Render `template_name` with `context` to tagged PDF bytes with title and language.

    The template sets <html lang>, <title> and <meta name="author">; they go into the PDF's
    catalogue, document information and XMP metadata. `archival` makes the file PDF/A-3a as
    well as PDF/UA-1, for the archive.
    """

    def finish(document: Document, pdf: pydyf.PDF) -> None:
        finish_structure(document, pdf)
        write_xmp(pdf, archival)

    with translation.override(language):
        html = render_to_string(template_name, {**office(None), **context})
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher())
        return document.write_pdf(pdf_variant=PDF_A if archival else PDF_UA, finisher=finish)
