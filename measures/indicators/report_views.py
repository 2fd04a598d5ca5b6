"""The indicator report: choose indicators on a page, get them as a PDF (issue 15)."""

from itertools import groupby

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.permissions import requires
from measures.reports.views import pdf_response

from ..models import CityIndicator, Topic
from .report import default_indicators, indicator_report_pdf, report_filename


def chosen_indicators(request):
    """The indicators named by ?indicator=<id> (repeatable), in the catalogue's order; 404 for
    an id that is not a number or names no indicator."""
    ids = request.GET.getlist("indicator")
    if not ids:
        return None
    if not all(value.isdigit() for value in ids):
        raise Http404
    indicators = list(CityIndicator.objects.filter(pk__in=ids).order_by("topic", "code"))
    if len(indicators) != len(set(ids)):
        raise Http404
    return sorted(indicators, key=topic_order)


def topic_order(indicator):
    return (Topic.values.index(indicator.topic), indicator.code)


@requires("measures.view_cityindicator")
def report(request):
    indicators = sorted(CityIndicator.objects.all(), key=topic_order)
    checked = {indicator.pk for indicator in default_indicators()}
    topics = [
        (Topic(topic).label, list(group))
        for topic, group in groupby(indicators, key=lambda indicator: indicator.topic)
    ]
    context = {"topics": topics, "checked": checked}
    return render(request, "measures/indicators/report/choose.html", context)


@requires("measures.view_cityindicator")
def report_pdf(request):
    indicators = chosen_indicators(request)
    if indicators is None:
        indicators = sorted(default_indicators(), key=topic_order)
    if not indicators:
        messages.info(request, _("There is no indicator with values to report on yet."))
        return redirect("indicators:report")
    pdf, report = indicator_report_pdf(indicators)
    return pdf_response(pdf, report_filename(report))
