"""The partner's page: one measure, reached through a personal link, without an account.

Every link that does not work (unknown, expired, used up, round closed) gets the same neutral
page with the same status, so that the answer reveals nothing about the token. Repeated
failures from one client address are throttled, counted in the database because the app runs
as several processes.
"""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from measures.models import Indicator, MonitoringRequest, StatusReport
from measures.models.links import hash_token
from measures.monitoring.forms import PartnerReportForm
from measures.monitoring.services import (
    MonitoringError,
    submit_report,
)
from measures.personal_links import LinkPages, in_german, private

UNAVAILABLE_TEMPLATE = "measures/partner/unavailable.html"


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


LINKS = LinkPages(UNAVAILABLE_TEMPLATE, find_request)


def partner_context(item):
    measure = item.measure
    return {
        "item": item,
        "measure": measure,
        "indicators": list(Indicator.objects.filter(measure=measure).with_latest()),
        "last": StatusReport.objects.accepted().latest_for(measure),
    }


@login_not_required
@never_cache
@in_german
def partner_report(request, token):
    item, refused = LINKS.open(request, token)
    if refused is not None:
        return refused
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
            return LINKS.refuse(request)
        return redirect("partner:thanks", token=token)
    return private(render(request, "measures/partner/report_form.html", {**context, "form": form}))


@login_not_required
@never_cache
@in_german
def partner_thanks(request, token):
    item, refused = LINKS.open(request, token)
    if refused is not None:
        return refused
    if item.report is None:
        return LINKS.refuse(request)
    return private(
        render(
            request,
            "measures/partner/thanks.html",
            {"item": item, "measure": item.measure, "report": item.report, "token": token},
        )
    )
