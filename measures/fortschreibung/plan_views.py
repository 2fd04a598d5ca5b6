"""Staff pages of the plans and of the draft: list, plan, start, edit, add, merge, split, end,
adopt. Each view declares its permission; the services do the work and refuse in German."""

import re
from collections import Counter
from typing import Any

from django.contrib import messages
from django.db.models import Count, F, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.extensions import extended
from core.permissions import requires
from core.sections import sections_for
from measures.models import Measure, Plan

from . import services
from .forms import AdoptForm, DraftMeasureForm, EndForm, MergeForm, PlanForm, SplitForm, StartForm
from .services import FortschreibungError


def code_key(code: str) -> tuple:
    """Sorts codes as people read them: 1.2 before 1.10."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", code))


def get_plan(pk: int) -> Plan:
    """The one way views load a plan: 404 for an unknown id."""
    return get_object_or_404(Plan.objects.select_related("predecessor"), pk=pk)


def get_draft_measure(plan: Plan, measure_pk: int) -> Measure:
    return get_object_or_404(
        Measure.objects.select_related("plan", "action_field"), pk=measure_pk, plan=plan
    )


def refuse_unless_draft(request: HttpRequest, plan: Plan) -> HttpResponse | None:
    if plan.state == Plan.State.DRAFT:
        return None
    messages.error(
        request, _("%(plan)s is not a draft; only a draft can be changed.") % {"plan": plan}
    )
    return redirect("plans:plan_detail", pk=plan.pk)


def plan_crumbs(plan: Plan | None = None) -> list[tuple[str, str]]:
    crumbs = [(reverse("plans:plan_list"), _("Plans"))]
    if plan is not None:
        crumbs.append((reverse("plans:plan_detail", args=[plan.pk]), str(plan)))
    return crumbs


def form_page(request: HttpRequest, plan: Plan, form: Any, **context: Any) -> HttpResponse:
    """The plan's form pages share one template: breadcrumb, heading, intro, fields, buttons."""
    context.setdefault("cancel_url", reverse("plans:plan_detail", args=[plan.pk]))
    return render(
        request,
        "measures/plans/form_page.html",
        {"plan": plan, "form": form, "breadcrumbs": plan_crumbs(plan), **context},
    )


@requires("measures.view_plan")
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = (
        Plan.objects.select_related("predecessor")
        .annotate(measure_count=Count("measures"))
        .order_by(F("adopted_on").desc(nulls_first=True), "-pk")
    )
    return render(request, "measures/plans/plan_list.html", {"plans": plans})


@requires("measures.view_plan")
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan(pk)
    measures = Measure.objects.select_related("lead_actor").prefetch_related(
        Prefetch("predecessors", queryset=Measure.objects.select_related("plan").order_by("code"))
    )
    fields = list(
        plan.action_fields.order_by("order", "code").prefetch_related(
            Prefetch("measures", queryset=measures, to_attr="measure_list")
        )
    )
    for field in fields:
        field.measure_list.sort(key=lambda measure: code_key(measure.code))
    # A predecessor continued by several measures of this plan was split.
    continued = Counter(
        predecessor.pk
        for field in fields
        for measure in field.measure_list
        for predecessor in measure.predecessors.all()
    )
    draft = services.draft_successor(plan) if plan.state == Plan.State.ADOPTED else None
    return render(
        request,
        "measures/plans/plan_detail.html",
        {
            "plan": plan,
            "fields": fields,
            "split_from": {pk for pk, count in continued.items() if count > 1},
            "measure_count": sum(len(field.measure_list) for field in fields),
            "forums": plan.forums.order_by("start"),
            "draft": draft,
            "is_draft": plan.state == Plan.State.DRAFT,
            "sections": sections_for("measures.plan_detail", plan),
        },
    )


@requires("measures.start_fortschreibung")
def start(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan(pk)
    try:
        services.check_may_start(plan)
    except FortschreibungError as error:
        messages.error(request, str(error))
        return redirect("plans:plan_detail", pk=plan.pk)
    form = StartForm(
        request.POST or None,
        initial={
            "title": plan.title,
            "version_label": _("Draft %(year)d") % {"year": timezone.localdate().year + 1},
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            draft = services.start_fortschreibung(
                plan, request.user, form.cleaned_data["title"], form.cleaned_data["version_label"]
            )
        except FortschreibungError as error:
            messages.error(request, str(error))
            return redirect("plans:plan_detail", pk=plan.pk)
        messages.success(
            request,
            _("The draft has been created with %(count)d measures. You can now work on it.")
            % {"count": draft.measures.count()},
        )
        return redirect("plans:plan_detail", pk=draft.pk)
    continuing = plan.measures.exclude(status__in=Measure.CLOSED_STATUSES).count()
    return form_page(
        request,
        plan,
        form,
        title=_("Start the update of %(plan)s") % {"plan": plan},
        intro=[
            _(
                "A draft of the next plan is created. It takes over the action fields and the "
                "%(count)d measures that are neither implemented nor dropped; each copy stays "
                "linked to its measure in this plan."
            )
            % {"count": continuing},
            _("This plan stays adopted and unchanged until the council adopts the draft."),
        ],
        submit_label=_("Start update"),
    )


@requires("measures.change_plan")
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan(pk)
    if (refused := refuse_unless_draft(request, plan)) is not None:
        return refused
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_plan(form.save(commit=False), request.user)
            form.save_m2m()
        except FortschreibungError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The draft has been saved."))
        return redirect("plans:plan_detail", pk=plan.pk)
    return form_page(request, plan, form, title=_("Edit draft %(plan)s") % {"plan": plan})


@requires("measures.add_measure")
def measure_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan(pk)
    if (refused := refuse_unless_draft(request, plan)) is not None:
        return refused
    form = extended(DraftMeasureForm)(request.POST or None, instance=Measure(plan=plan))
    if request.method == "POST" and form.is_valid():
        try:
            measure = services.add_measure(plan, request.user, form.save(commit=False))
            form.save_m2m()
        except FortschreibungError as error:
            messages.error(request, str(error))
            return redirect("plans:plan_detail", pk=plan.pk)
        messages.success(request, _("The measure has been added to the draft."))
        return redirect(measure)
    return form_page(
        request,
        plan,
        form,
        title=_("New measure in %(plan)s") % {"plan": plan},
        submit_label=_("Add measure"),
    )


def confirmed(request: HttpRequest) -> bool:
    """The second POST of a destructive step, sent from its confirmation page."""
    return request.POST.get("confirm") == "1"


@requires("measures.delete_measure")
def measure_merge(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan(pk)
    if (refused := refuse_unless_draft(request, plan)) is not None:
        return refused
    form = MergeForm(request.POST or None, plan=plan)
    title = _("Merge measures of %(plan)s") % {"plan": plan}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not confirmed(request):
            return form_page(
                request,
                plan,
                form,
                title=title,
                confirm=True,
                leaving=list(data["measures"]),
                creating=[(data["code"], data["title"])],
            )
        try:
            merged = services.merge_measures(
                plan,
                list(data["measures"]),
                request.user,
                action_field=data["action_field"],
                code=data["code"],
                title=data["title"],
                description=data["description"],
            )
        except FortschreibungError as error:
            messages.error(request, str(error))
            return redirect("plans:plan_detail", pk=plan.pk)
        messages.success(
            request,
            _("The measures have been merged into %(measure)s.") % {"measure": merged},
        )
        return redirect(merged)
    return form_page(request, plan, form, title=title, submit_label=_("Continue"))


@requires("measures.delete_measure")
def measure_split(request: HttpRequest, pk: int, measure_pk: int) -> HttpResponse:
    plan = get_plan(pk)
    if (refused := refuse_unless_draft(request, plan)) is not None:
        return refused
    measure = get_draft_measure(plan, measure_pk)
    form = SplitForm(request.POST or None, measure=measure)
    title = _("Split measure %(measure)s") % {"measure": measure}
    if request.method == "POST" and form.is_valid():
        if not confirmed(request):
            return form_page(
                request,
                plan,
                form,
                title=title,
                confirm=True,
                leaving=[measure],
                creating=form.parts(),
            )
        try:
            parts = services.split_measure(measure, form.parts(), request.user)
        except FortschreibungError as error:
            messages.error(request, str(error))
            return redirect("plans:plan_detail", pk=plan.pk)
        messages.success(
            request,
            ngettext(
                "%(measure)s has been split into %(count)d measure.",
                "%(measure)s has been split into %(count)d measures.",
                len(parts),
            )
            % {"measure": measure, "count": len(parts)},
        )
        return redirect("plans:plan_detail", pk=plan.pk)
    return form_page(
        request,
        plan,
        form,
        title=title,
        intro=[
            _(
                "Each new measure takes over the description, lead, partners, period and cost "
                "of %(measure)s and continues the same measures of the earlier plan. "
                "%(measure)s itself leaves the draft."
            )
            % {"measure": measure}
        ],
        split_rows=form.rows(),
        submit_label=_("Continue"),
    )


@requires("measures.delete_measure")
def measure_end(request: HttpRequest, pk: int, measure_pk: int) -> HttpResponse:
    plan = get_plan(pk)
    if (refused := refuse_unless_draft(request, plan)) is not None:
        return refused
    measure = get_draft_measure(plan, measure_pk)
    form = EndForm(request.POST or None)
    title = _("End measure %(measure)s") % {"measure": measure}
    if request.method == "POST" and form.is_valid():
        if not confirmed(request):
            return form_page(
                request,
                plan,
                form,
                title=title,
                confirm=True,
                leaving=[measure],
                reason_label=Measure.EndReason(form.cleaned_data["reason"]).label,
            )
        try:
            services.end_measure(
                measure, form.cleaned_data["reason"], form.cleaned_data["note"], request.user
            )
        except FortschreibungError as error:
            messages.error(request, str(error))
            return redirect("plans:plan_detail", pk=plan.pk)
        messages.success(
            request,
            _("%(measure)s is not continued; the reason is recorded on the earlier plan's measure.")
            % {"measure": measure},
        )
        return redirect("plans:plan_detail", pk=plan.pk)
    return form_page(
        request,
        plan,
        form,
        title=title,
        intro=[
            _(
                "The draft does not continue %(measure)s. The measure it continues in the "
                "earlier plan records why it ends, and the copy leaves the draft."
            )
            % {"measure": measure}
        ],
        submit_label=_("Continue"),
    )


@requires("measures.adopt_plan")
def adopt(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan(pk)
    if (refused := refuse_unless_draft(request, plan)) is not None:
        return refused
    form = extended(AdoptForm)(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.adopt(
                plan,
                request.user,
                data["adopted_on"],
                data["resolution_reference"],
                also=lambda adopted: form.after_adoption(adopted, request.user),
            )
        except FortschreibungError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(plan)s is now the adopted plan; the plan before it is archived.")
                % {"plan": plan},
            )
            return redirect("plans:plan_detail", pk=plan.pk)
    current = Plan.objects.filter(state=Plan.State.ADOPTED).first()
    rounds = services.open_rounds(current) if current is not None else []
    intro = [_("The draft becomes the adopted plan. The plan adopted until now is archived.")]
    return form_page(
        request,
        plan,
        form,
        title=_("Record the adoption of %(plan)s") % {"plan": plan},
        intro=intro,
        open_rounds=rounds,
        submit_label=_("Record adoption"),
    )
