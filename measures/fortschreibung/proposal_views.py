"""Staff pages of the proposals for a draft plan: invite, the review queue, review one."""

from django.contrib import messages
from django.db.models import Case, IntegerField, Value, When
from django.forms import Form
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_filters.views import FilterView

from core.concurrency import save_versioned
from core.permissions import PermissionMixin, requires
from measures.models import Plan, Proposal

from . import proposal_mail
from .proposal_forms import (
    AcceptChangeForm,
    AcceptNewForm,
    DeclineForm,
    InviteForm,
    ProposalFilter,
    default_invite_initial,
)
from .proposals import ProposalError, accept_as_change, accept_as_new, decline, invite, state_counts

REVIEW_TEMPLATE = "measures/plans/proposal_review.html"


def get_plan(pk):
    return get_object_or_404(Plan, pk=pk)


def get_proposal(plan_pk, pk):
    """The one way views load a proposal: 404 for an unknown id or another plan's."""
    return get_object_or_404(
        Proposal.objects.select_related(
            "plan",
            "measure__action_field",
            "action_field",
            "forum",
            "result",
            "reviewed_by",
            "invitation__contact",
        ),
        plan_id=plan_pk,
        pk=pk,
    )


def base_url(request):
    return request.build_absolute_uri("/")


class ProposalListView(PermissionMixin, FilterView):
    """The review queue: open proposals first, then accepted and declined ones."""

    permission_required = "measures.view_proposal"
    filterset_class = ProposalFilter
    template_name = "measures/plans/proposal_list.html"
    paginate_by = 50

    def get_queryset(self):
        self.plan = get_plan(self.kwargs["pk"])
        open_first = Case(
            When(state=Proposal.State.OPEN, then=Value(0)),
            When(state=Proposal.State.ACCEPTED, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        return (
            Proposal.objects.filter(plan=self.plan)
            .select_related("measure", "action_field", "result", "forum")
            .order_by(open_first, "-submitted_at", "-pk")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            plan=self.plan,
            counts=state_counts(self.plan),
            invited=self.plan.proposal_invitations.count(),
            deliveries=proposal_mail.delivery_summary(self.plan),
            **kwargs,
        )


@requires("measures.invite_proposals")
def proposal_invite(request, pk):
    plan = get_plan(pk)
    if plan.state != Plan.State.DRAFT:
        messages.error(request, _("Proposals can only be made for a draft plan."))
        return redirect("plans:proposal_list", pk=plan.pk)
    form = InviteForm(
        request.POST if request.method == "POST" else None,
        plan=plan,
        initial=default_invite_initial(proposal_mail.default_message()),
    )
    if request.method == "POST" and form.is_valid():
        try:
            count = invite(
                plan,
                form.recipients(),
                form.cleaned_data["expires_on"],
                form.cleaned_data["message"],
                request.user,
                base_url(request),
            )
        except ProposalError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)d invitation is being sent.",
                    "%(count)d invitations are being sent.",
                    count,
                )
                % {"count": count},
            )
            return redirect("plans:proposal_list", pk=plan.pk)
    return render(
        request,
        "measures/plans/proposal_invite.html",
        {"plan": plan, "form": form, "invited": plan.proposal_invitations.count()},
    )


def review_forms(proposal, data=None, action=None):
    """The accept and decline forms; only the one that was sent is bound to `data`."""
    forms: dict[str, Form] = {"decline_form": DeclineForm(data if action == "decline" else None)}
    if proposal.state != Proposal.State.OPEN or proposal.plan.state != Plan.State.DRAFT:
        return {}
    forms["new_form"] = AcceptNewForm(data if action == "new" else None, proposal=proposal)
    if proposal.kind == Proposal.Kind.CHANGE and proposal.measure is not None:
        forms["change_form"] = AcceptChangeForm(
            data if action == "change" else None, proposal=proposal
        )
    return forms


def render_review(request, proposal, forms, conflict=None, status=200):
    return render(
        request,
        REVIEW_TEMPLATE,
        {"plan": proposal.plan, "proposal": proposal, "conflict": conflict, **forms},
        status=status,
    )


@requires("measures.change_proposal")
def proposal_review(request, pk, proposal_pk):
    """GET shows the proposal with its accept and decline forms; POST accepts it, as a new
    measure (action "new") or as a change of the measure it names (action "change")."""
    proposal = get_proposal(pk, proposal_pk)
    if request.method != "POST":
        return render_review(request, proposal, review_forms(proposal))
    action = "change" if request.POST.get("action") == "change" else "new"
    forms = review_forms(proposal, request.POST, action)
    form = forms.get(f"{action}_form")
    if form is None:
        messages.error(request, _("This proposal has already been reviewed."))
        return redirect("plans:proposal_review", pk=pk, proposal_pk=proposal.pk)
    if not form.is_valid():
        return render_review(request, proposal, forms)
    try:
        if action == "change":
            conflict = save_versioned(
                request,
                form,
                save=lambda: accept_as_change(proposal, form.instance, request.user),
            )
            if conflict is not None:
                return render_review(request, proposal, forms, conflict=conflict)
            measure = form.instance
        else:
            measure = accept_as_new(proposal, form.save(commit=False), request.user)
    except ProposalError as error:
        messages.error(request, str(error))
        return redirect("plans:proposal_review", pk=pk, proposal_pk=proposal.pk)
    messages.success(
        request,
        _("The proposal has been accepted: measure %(code)s of the draft plan.")
        % {"code": measure.code},
    )
    return redirect("plans:proposal_list", pk=pk)


@require_POST
@requires("measures.change_proposal")
def proposal_decline(request, pk, proposal_pk):
    proposal = get_proposal(pk, proposal_pk)
    forms = review_forms(proposal, request.POST, "decline")
    form = forms.get("decline_form")
    if form is None:
        messages.error(request, _("This proposal has already been reviewed."))
        return redirect("plans:proposal_review", pk=pk, proposal_pk=proposal.pk)
    if not form.is_valid():
        return render_review(request, proposal, forms)
    try:
        mailed = decline(proposal, form.cleaned_data["reason"], request.user)
    except ProposalError as error:
        messages.error(request, str(error))
        return redirect("plans:proposal_review", pk=pk, proposal_pk=proposal.pk)
    if mailed:
        messages.success(
            request, _("The proposal has been declined; the reason is being sent by e-mail.")
        )
    else:
        messages.warning(
            request,
            _(
                "The proposal has been declined. There is no e-mail address (any more): please "
                "inform the proposer yourself."
            ),
        )
    return redirect("plans:proposal_list", pk=pk)
