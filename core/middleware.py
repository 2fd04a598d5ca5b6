"""Middleware of the whole project."""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse

NO_STORE = "private, no-store"


class PrivateResponsesMiddleware:
    """Tell browsers and proxies not to keep what a logged-in user sees.

    Pages and downloads of staff carry personal data (contacts, minutes, exports), so none of
    them may stay in a shared proxy or the browser's disk cache. Public views (login page,
    public calendar, OParl, partner links) decide their caching themselves.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not getattr(request, "_public", False):
            response["Cache-Control"] = NO_STORE
        return response

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., HttpResponse],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> None:
        # The same marker LoginRequiredMiddleware reads: `login_not_required` views are public.
        # An attribute of our own on the request, which its type does not declare.
        request._public = getattr(view_func, "login_required", True) is False  # type: ignore[attr-defined]
