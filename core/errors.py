"""The German error pages: bad request, CSRF failure, not found and server error.

Each renders in the site's layout with a way back. A partner (reached by a personal link,
without an account) gets the partner layout and is told to open their link again.
"""

import logging
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def _is_partner(request: HttpRequest) -> bool:
    return request.path.startswith("/partner/")


def _render(
    request: HttpRequest, template: str, status: int, context: dict[str, Any] | None = None
) -> HttpResponse:
    context = {"partner": _is_partner(request), **(context or {})}
    return render(request, template, context, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render(request, "400.html", 400)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render(request, "404.html", 404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """The form's security check failed: usually an old page or blocked cookies."""
    logger.warning("CSRF check failed for %s: %s", request.path, reason)
    return _render(request, "403_csrf.html", 403)


def server_error(request: HttpRequest) -> HttpResponse:
    # The database or a template may be what failed: fall back to a page that needs neither.
    try:
        return _render(request, "500.html", 500)
    except Exception:
        logger.exception("The error page itself could not be rendered.")
        return HttpResponseServerError(
            '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
            f"<title>{_('Server error')}</title></head><body><main><h1>{_('Server error')}</h1>"
            f"<p>{_('Something went wrong on our side. Please try again in a few minutes.')}</p>"
            f'<p><a href="/">{_("Back to the overview")}</a></p></main></body></html>'
        )
