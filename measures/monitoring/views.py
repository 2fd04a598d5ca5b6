"""Staff pages of the monitoring rounds: list, round, requests, review queue."""

import datetime

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_filters.views import FilterView

from core.concurrency import save_versioned
from core.jobs import latest_job
from core.permissions import PermissionMixin, requires
from measures.models import (
    Indicator,
    Measure,
    MonitoringRequest,
    MonitoringRound,
    Plan,
    StatusReport,
)
from measures.monitoring.filters import RoundFilter
from measures.monitoring.forms import PartnerReportForm, RequestSelectionForm, ReturnForm, RoundForm
from measures.monitoring.services import MonitoringError
from measures.monitoring.tasks import CLOSE_KIND, round_subject

from . import mail as monitoring_mail
from . import services


def get_round(pk, rounds=MonitoringRound.objects):
    """The one way views load a round: 404 for an unknown id."""
    return get_object_or_404(rounds.select_related("plan", "created_by"), pk=pk)


def get_request(pk):
    return get_object_or_404(
        MonitoringRequest.objects.select_related(
            "round", "measure__action_field", "measure__lead_actor", "contact", "report"
        ),
        pk=pk,
    )


def base_url(request):
    return request.build_absolute_uri("/")


class RoundListView(PermissionMixin, FilterView):
    permission_required = "measures.view_monitoringround"
    filterset_class = RoundFilter
    template_name = "measures/monitoring/round_list.html"
    paginate_by = 25

    def get_queryset(self):
        return (
            MonitoringRound.objects.select_related("plan")
            .with_response()
            .order_by("-reporting_date", "-pk")
        )


@requires("measures.add_monitoringround")
def round_create(request):
    if request.method == "POST":
        form = RoundForm(request.POST)
        if form.is_valid():
            try:
                monitoring_round = services.create_round(form.instance, request.user)
            except MonitoringError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("The round has been created as a draft. Check the measures and contacts."),
                )
                return redirect(monitoring_round)
    else:
        today = timezone.localdate()
        form = RoundForm(
            initial={"reporting_date": today, "due_date": today + datetime.timedelta(days=28)}
        )
    return render(
        request, "measures/monitoring/round_form.html", {"form": form, "plan": Plan.current()}
    )


@requires("measures.change_monitoringround")
def round_edit(request, pk):
    monitoring_round = get_round(pk)
    if monitoring_round.is_closed:
        messages.error(request, _("The round is closed and can no longer be changed."))
        return redirect(monitoring_round)
    form = RoundForm(request.POST or None, instance=monitoring_round)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            conflict = save_versioned(
                request, form, save=lambda: services.save_round(form.instance, request.user)
            )
        except MonitoringError as error:
            messages.error(request, str(error))
            return redirect(monitoring_round)
        if conflict is None:
            messages.success(request, _("The round has been saved."))
            return redirect(monitoring_round)
    return render(
        request,
        "measures/monitoring/round_form.html",
        {
            "form": form,
            "round": monitoring_round,
            "plan": monitoring_round.plan,
            "conflict": conflict,
        },
    )


@requires("measures.view_monitoringround")
def round_detail(request, pk):
    monitoring_round = get_round(pk, MonitoringRound.objects.with_response())
    requests = list(
        monitoring_round.requests.select_related(
            "measure__action_field", "contact", "report"
        ).order_by("measure__action_field__order", "measure__code")
    )
    today = timezone.localdate()
    job = latest_job(CLOSE_KIND, round_subject(monitoring_round))
    return render(
        request,
        "measures/monitoring/round_detail.html",
        {
            "round": monitoring_round,
            # The archiving after the close, while it runs or when it failed.
            "job": job if job is not None and job.state != job.State.DONE else None,
            "requests": requests,
            "queue": [item for item in requests if item.state == MonitoringRequest.State.SUBMITTED],
            "figures": {
                "total": monitoring_round.request_count,
                "answered": monitoring_round.answered_count,
                "rate": monitoring_round.response_rate,
                "overdue": sum(1 for item in requests if item.is_overdue(today)),
                "uninvited": sum(
                    1
                    for item in requests
                    if item.invited_at is None
                    and item.state == MonitoringRequest.State.OPEN
                    and item.contact_id
                ),
                "without_contact": sum(1 for item in requests if not item.contact_id),
            },
            "archived": list(monitoring_round.archived_reports.order_by("-created_at")),
            "deliveries": monitoring_mail.delivery_summary(monitoring_round),
            "today": today,
        },
    )


@requires("measures.change_monitoringround")
def round_requests(request, pk):
    monitoring_round = get_round(pk)
    if monitoring_round.is_closed:
        messages.error(request, _("The round is closed and can no longer be changed."))
        return redirect(monitoring_round)
    existing = {item.measure_id: item for item in monitoring_round.requests.all()}
    measures = list(
        Measure.objects.filter(plan=monitoring_round.plan)
        .filter(~Q(status__in=Measure.CLOSED_STATUSES) | Q(pk__in=list(existing)))
        .select_related("action_field", "lead_actor")
        .order_by("action_field__order", "code")
    )
    contacts = services.contact_choices(measures)
    rows = [(measure, contacts[measure.pk], existing.get(measure.pk)) for measure in measures]
    form = RequestSelectionForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        try:
            changed, dropped = services.update_requests(
                monitoring_round, form.selection(), request.user
            )
        except MonitoringError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Saved: %(changed)d requests added or changed, %(dropped)d removed.")
                % {"changed": changed, "dropped": dropped},
            )
            return redirect(monitoring_round)
    return render(
        request,
        "measures/monitoring/round_requests.html",
        {"round": monitoring_round, "form": form},
    )


@require_POST
@requires("measures.change_monitoringround")
def round_open(request, pk):
    monitoring_round = get_round(pk)
    try:
        services.open_round(monitoring_round, request.user)
    except MonitoringError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The round is open. Now send the invitations."))
    return redirect(monitoring_round)


def _send(request, pk, sender, done_message):
    monitoring_round = get_round(pk)
    try:
        mails, requests = sender(monitoring_round, request.user, base_url(request))
    except MonitoringError as error:
        messages.error(request, str(error))
    else:
        if mails:
            messages.success(request, done_message(mails, requests))
        else:
            messages.info(request, _("There was nobody to write to."))
    return redirect(monitoring_round)


@require_POST
@requires("measures.change_monitoringround")
def round_invite(request, pk):
    return _send(
        request,
        pk,
        monitoring_mail.send_invitations,
        lambda mails, requests: (
            ngettext(
                "%(mails)d invitation for %(requests)d requests is being sent.",
                "%(mails)d invitations for %(requests)d requests are being sent.",
                mails,
            )
            % {"mails": mails, "requests": requests}
        ),
    )


@require_POST
@requires("measures.change_monitoringround")
def round_remind(request, pk):
    return _send(
        request,
        pk,
        monitoring_mail.send_reminders,
        lambda mails, requests: (
            ngettext(
                "%(mails)d reminder for %(requests)d requests is being sent.",
                "%(mails)d reminders for %(requests)d requests are being sent.",
                mails,
            )
            % {"mails": mails, "requests": requests}
        ),
    )


@require_POST
@requires("measures.change_monitoringround")
def round_resend(request, pk, delivery):
    """Send a failed e-mail of the round once more (a person asks for it)."""
    monitoring_round = get_round(pk)
    try:
        name = monitoring_mail.send_again_for(monitoring_round, delivery, request.user)
    except MonitoringError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The e-mail to %(name)s will be sent again.") % {"name": name})
    return redirect(monitoring_round)


@requires("measures.issue_official_report")
def round_close(request, pk):
    """GET asks for confirmation; POST closes the round and archives its report."""
    monitoring_round = get_round(pk)
    if request.method == "POST":
        try:
            services.close_round(monitoring_round, request.user)
        except MonitoringError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("The round is closed; its report is being archived in both editions."),
            )
        return redirect(monitoring_round)
    pending = monitoring_round.requests.filter(state=MonitoringRequest.State.SUBMITTED).count()
    unanswered = monitoring_round.requests.filter(state=MonitoringRequest.State.OPEN).count()
    return render(
        request,
        "measures/monitoring/round_close.html",
        {"round": monitoring_round, "pending": pending, "unanswered": unanswered},
    )


def previous_accepted(item):
    """The measure's latest accepted report other than the one under review."""
    reports = StatusReport.objects.accepted().select_related("author")
    if item.report_id:
        reports = reports.exclude(pk=item.report_id)
    return reports.latest_for(item.measure_id)


@requires("measures.review_statusreport")
def request_review(request, pk):
    item = get_request(pk)
    if item.report is None:
        raise Http404
    reported = {value.indicator_id: value.value for value in item.report.reported_values.all()}
    indicators = Indicator.objects.filter(measure_id=item.measure_id).with_latest()
    return render(
        request,
        "measures/monitoring/request_review.html",
        {
            "item": item,
            "report": item.report,
            "previous": previous_accepted(item),
            "indicator_rows": [
                {"indicator": indicator, "reported": reported.get(indicator.pk)}
                for indicator in indicators
            ],
            "return_form": ReturnForm(),
        },
    )


@require_POST
@requires("measures.review_statusreport")
def request_accept(request, pk):
    item = get_request(pk)
    try:
        services.accept_report(item, request.user)
    except MonitoringError as error:
        messages.error(request, str(error))
        return redirect("monitoring:request_review", pk=item.pk)
    messages.success(
        request,
        _("The report on %(code)s has been accepted; the measure is up to date.")
        % {"code": item.measure.code},
    )
    return redirect(item.round)


@require_POST
@requires("measures.review_statusreport")
def request_return(request, pk):
    item = get_request(pk)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please tell the partner what to change."))
        return redirect("monitoring:request_review", pk=item.pk)
    try:
        item = services.return_report(item, request.user, form.cleaned_data["comment"])
    except MonitoringError as error:
        messages.error(request, str(error))
        return redirect("monitoring:request_review", pk=item.pk)
    if monitoring_mail.send_return_notice(item, request.user, base_url(request)):
        messages.success(request, _("The report has been returned; the partner was informed."))
    else:
        messages.warning(
            request,
            _(
                "The report has been returned. There is no e-mail address: please inform the "
                "partner yourself."
            ),
        )
    return redirect(item.round)


@requires("measures.add_statusreport")
def request_enter(request, pk):
    """Staff enter a report on the partner's behalf, e.g. from a phone call."""
    item = get_request(pk)
    if not item.round.is_open or item.state not in MonitoringRequest.ANSWERABLE_STATES:
        messages.error(request, _("This request can no longer be answered."))
        return redirect(item.round)
    indicators = Indicator.objects.filter(measure_id=item.measure_id).with_latest()
    reported = list(item.report.reported_values.all()) if item.report else []
    form = PartnerReportForm(
        request.POST or None,
        indicators=indicators,
        initial=PartnerReportForm.initial_from(item, item.measure, reported),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_report(
                item, form.report_fields(), form.indicator_values(), user=request.user
            )
        except MonitoringError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The report has been entered and is waiting for review."))
            return redirect(item.round)
    return render(request, "measures/monitoring/request_enter.html", {"item": item, "form": form})
