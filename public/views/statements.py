"""The pages a German public body must offer: the accessibility statement (BITV 2.0) with its
feedback form, Impressum, Datenschutz, and the plan in Leichte Sprache."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from core.client import client_address
from core.middleware import NO_STORE
from public.feedback import count_submission, is_throttled, submit_feedback
from public.forms import FeedbackForm
from public.models import FEEDBACK_RETENTION, PublicText
from public.pages import public_page, public_view


def _contact() -> dict[str, str]:
    return {
        "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
        "contact_phone": settings.ACCESSIBILITY_CONTACT_PHONE,
    }


@public_page
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "public/accessibility.html",
        {
            **_contact(),
            "statement_date": settings.ACCESSIBILITY_STATEMENT_DATE,
            "conciliation_url": settings.ACCESSIBILITY_CONCILIATION_URL,
            "state_commissioner_url": settings.ACCESSIBILITY_STATE_COMMISSIONER_URL,
        },
    )


@public_view
@require_http_methods(["GET", "HEAD", "POST"])
def feedback(request: HttpRequest) -> HttpResponse:
    """GET shows the form (or the thanks after sending); POST stores and mails the feedback."""
    form = FeedbackForm(request.POST if request.method == "POST" else None)
    throttled = False
    if request.method == "POST":
        address = client_address(request)
        throttled = is_throttled(address)
        if not throttled and form.is_valid():
            count_submission(address)
            if not form.is_robot():  # a robot is thanked and nothing is sent
                submit_feedback(form.instance)
            done = HttpResponseRedirect(reverse("public:feedback") + "?sent=1")
            done.status_code = 303  # see the thanks with a GET, never send the form again
            return done
    response = render(
        request,
        "public/feedback.html",
        {
            **_contact(),
            "form": form,
            "sent": request.method != "POST" and request.GET.get("sent") == "1",
            "throttled": throttled,
        },
        status=429 if throttled else 200,
    )
    response["Cache-Control"] = NO_STORE  # it holds a CSRF token
    return response


@public_page
def imprint(request: HttpRequest) -> HttpResponse:
    return render(
        request, "public/imprint.html", {"city_url": settings.PUBLIC_IMPRINT_URL, **_contact()}
    )


@public_page
def privacy(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "public/privacy.html",
        {
            "city_url": settings.PUBLIC_PRIVACY_URL,
            "retention_days": FEEDBACK_RETENTION.days,
            **_contact(),
        },
    )


@public_page
def easy_language(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "public/easy_language.html",
        {"text": PublicText.text(PublicText.Key.EASY_LANGUAGE), **_contact()},
    )
