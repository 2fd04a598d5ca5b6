"""The partner's page: one measure, reached through a personal link, without an account.

Every link that does not work (unknown, expired, used up, round closed) gets the same neutral
page with the same status, so that the answer reveals nothing about the token. Repeated
failures from one client address are throttled, counted in the database because the app runs
as several processes.
"""

import functools

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache

from core.client import client_address
from measures.models import Indicator, MonitoringRequest, StatusReport
from measures.models.monitoring import hash_token
from measures.monitoring.forms import PartnerReportForm
from measures.monitoring.services import (
    MonitoringError,
    is_throttled,
    record_refused_link,
    submit_report,
)

UNAVAILABLE_TEMPLATE = "measures/partner/unavailable.html"


def refuse(request):
    """The neutral answer to every link that does not work."""
    record_refused_link(client_address(request))
    return neutral_page(request)


def neutral_page(request, throttled=False):
    response = render(
        request,
        UNAVAILABLE_TEMPLATE,
        {"throttled": throttled},
        status=429 if throttled else 404,
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def find_request(token):
    """The request whose link this is, if the link works today; None otherwise."""
    item = (
        MonitoringRequest.objects.select_related(
            "round", "measure__action_field", "measure__lead_actor", "report"
        )
        .filter(token_hash=hash_token(token))
        .first()
    )
    return item if item is not None and item.is_answerable() else None


def partner_context(item):
    measure = item.measure
    return {
        "item": item,
        "measure": measure,
        "indicators": list(Indicator.objects.filter(measure=measure).with_latest()),
        "last": StatusReport.objects.accepted().latest_for(measure),
    }


def in_german(view):
    """Partners read the page in German (plain language), whatever their browser asks for."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            response = view(request, *args, **kwargs)
        response["Content-Language"] = settings.LANGUAGE_CODE
        return response

    return wrapper


def _private(response):
    # The link is a password: keep the page out of caches, search engines and other hosts'
    # referrers. "same-origin" (not "no-referrer"): with no referrer at all the browser posts
    # the form with "Origin: null", which the CSRF check must refuse.
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "same-origin"
    return response


@login_not_required
@never_cache
@in_german
def partner_report(request, token):
    if is_throttled(client_address(request)):
        return neutral_page(request, throttled=True)
    item = find_request(token)
    if item is None:
        return refuse(request)
    context = partner_context(item)
    reported = list(item.report.reported_values.all()) if item.report else []
    form = PartnerReportForm(
        request.POST or None,
        indicators=context["indicators"],
        initial=PartnerReportForm.initial_from(item, item.measure, reported),
    )
    if request.method == "POST" and form.is_valid():
        try:
            submit_report(item, form.report_fields(), form.indicator_values())
        except MonitoringError:
            return refuse(request)
        return redirect("partner:thanks", token=token)
    return _private(render(request, "measures/partner/report_form.html", {**context, "form": form}))


@login_not_required
@never_cache
@in_german
def partner_thanks(request, token):
    if is_throttled(client_address(request)):
        return neutral_page(request, throttled=True)
    item = find_request(token)
    if item is None or item.report is None:
        return refuse(request)
    return _private(
        render(
            request,
            "measures/partner/thanks.html",
            {"item": item, "measure": item.measure, "report": item.report, "token": token},
        )
    )
