"""The one PDF rendering helper: a template and a data snapshot in, a tagged PDF out.

WeasyPrint may read only the project's own static files (fonts, style sheets, images); every
other URL is refused, so rendering never touches the network or the file system beyond them.
"""

import logging
import mimetypes
from typing import Any

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .context_processors import office

logger = logging.getLogger(__name__)

# A base URL that no network can answer; only its /static/ part is served, by the fetcher.
BASE_URL = "https://pdf.invalid/"
STATIC_PREFIX = BASE_URL + "static/"


class StaticFilesFetcher(URLFetcher):
    """Fetches `/static/…` from the project's static files and refuses everything else."""

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        if url.startswith(STATIC_PREFIX):
            relative = url.removeprefix(STATIC_PREFIX).split("?")[0]
            body = read_static_file(relative) if ".." not in relative else None
            if body is not None:
                content_type = mimetypes.guess_type(relative)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body, {"Content-Type": content_type})
        logger.warning("PDF rendering refused to fetch %s", url)
        raise ValueError(f"Only the project's static files may be used in a PDF: {url}")


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


def render_pdf(template_name: str, context: dict[str, Any], language: str = "de") -> bytes:
    """Render `template_name` with `context` to PDF/UA bytes (tagged, with title and language).

    The template sets <html lang>, <title> and <meta name="author">; WeasyPrint writes them
    into the PDF's metadata.
    """
    with translation.override(language):
        html = render_to_string(template_name, {**office(None), **context})
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher())
    return document.write_pdf(pdf_variant="pdf/ua-1")
