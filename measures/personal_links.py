"""What every page behind a personal link shares (monitoring partners, proposals for the
Fortschreibung, offer providers): no account, German, private, and one neutral answer.

Every link that does not work (unknown, expired, renewed, used up) gets the same neutral page
with the same status, and counts towards one throttle per client address across all kinds of
link (measures.monitoring.services.is_throttled), so that nobody can tell which links exist.
"""

import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from core.client import client_address
from measures.monitoring.services import is_throttled, record_refused_link


class LinkPages:
    """The neutral answers of one kind of link; `find(token)` returns what a working link
    opens, or None."""

    def __init__(self, unavailable_template: str, find: Callable[[str], Any]) -> None:
        self.unavailable_template = unavailable_template
        self.find = find

    def neutral_page(self, request: HttpRequest, throttled: bool = False) -> HttpResponse:
        response = render(
            request,
            self.unavailable_template,
            {"throttled": throttled},
            status=429 if throttled else 404,
        )
        response["X-Robots-Tag"] = "noindex"
        return response

    def refuse(self, request: HttpRequest) -> HttpResponse:
        """The neutral answer to a link that does not work; it counts towards the throttle."""
        record_refused_link(client_address(request))
        return self.neutral_page(request)

    def open(self, request: HttpRequest, token: str) -> tuple[Any, HttpResponse | None]:
        """(what the link opens, None) for a working link, else (None, the neutral answer)."""
        if is_throttled(client_address(request)):
            return None, self.neutral_page(request, throttled=True)
        found = self.find(token)
        if found is None:
            return None, self.refuse(request)
        return found, None


def in_german(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The people behind the links read the page in German (plain language), whatever their
    browser asks for."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with translation.override(settings.LANGUAGE_CODE):
            response = view(request, *args, **kwargs)
        response["Content-Language"] = settings.LANGUAGE_CODE
        return response

    return wrapper


def private(response: HttpResponse) -> HttpResponse:
    # The link is a password: keep the page out of caches, search engines and other hosts'
    # referrers. "same-origin" (not "no-referrer"): with no referrer at all the browser posts
    # the form with "Origin: null", which the CSRF check must refuse.
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "same-origin"
    return response
