"""What every public page shares (issue 14): no login, the setting that turns the pages off,
GET and HEAD only, and caching by browsers, proxies and the server.

A cached page is the same for every visitor: it carries no CSRF token and nothing of a user.
Its ETag follows the data version (core.caching), so a change in the office shows at once on
the next request after the browser's max-age; Last-Modified is the time the page was rendered
from the current data.
"""

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import caches
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from core.caching import FRAGMENTS, fragment_key

MAX_AGE = 300


def public_enabled() -> bool:
    return bool(settings.PUBLIC_PAGES_ENABLED)


def public_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A public page that is not cached (it holds a form): no login, 404 when the public pages
    are turned off."""

    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not public_enabled():
            raise Http404
        response = view(request, *args, **kwargs)
        response.headers.setdefault("X-Robots-Tag", "all")
        return response

    return login_not_required(checked)


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A public page or download, the same for every visitor: cached on the server under the
    data version, `Cache-Control: public, max-age=300`, ETag and Last-Modified, 304 when the
    client holds the current version. Only GET and HEAD."""

    @wraps(view)
    def cached(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        key = fragment_key("public-page", [request.path, sorted(request.GET.lists())])
        cache = caches[FRAGMENTS]
        stored = cache.get(key)
        if stored is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            stored = {
                "content": response.content,
                "headers": dict(response.headers),
                "etag": f'"{hashlib.sha256(key.encode()).hexdigest()[:32]}"',
                "rendered": int(timezone.now().timestamp()),
            }
            cache.set(key, stored, settings.CACHE_HTML_SECONDS)
        conditional = get_conditional_response(
            request, etag=stored["etag"], last_modified=stored["rendered"]
        )
        if conditional is None:
            response = HttpResponse(stored["content"])
            for name, value in stored["headers"].items():
                response.headers[name] = value
        else:
            response = conditional
        response["ETag"] = stored["etag"]
        response["Last-Modified"] = http_date(stored["rendered"])
        patch_cache_control(response, public=True, max_age=MAX_AGE)
        return response

    return public_view(require_safe(cached))
