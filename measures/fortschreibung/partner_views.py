"""The proposer's pages: the proposal form behind a personal link, without an account.

Every link that does not work (unknown, expired, renewed, plan no longer a draft) gets the same
neutral page with the same status, and counts towards the same throttle per client address as
the monitoring partner links.
"""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from measures.personal_links import LinkPages, in_german, private

from .proposal_forms import ProposalForm
from .proposals import ProposalError, find_invitation, submit_proposal

UNAVAILABLE_TEMPLATE = "measures/proposal_partner/unavailable.html"


LINKS = LinkPages(UNAVAILABLE_TEMPLATE, find_invitation)


@login_not_required
@never_cache
@in_german
def proposal_form(request, token):
    invitation, refused = LINKS.open(request, token)
    if refused is not None:
        return refused
    data = request.POST if request.method == "POST" else None
    form = ProposalForm(data, plan=invitation.plan)
    if request.method == "POST" and form.is_valid():
        try:
            submit_proposal(invitation, form.proposal_fields())
        except ProposalError:
            return LINKS.refuse(request)
        return redirect("proposal:thanks", token=token)
    context = {"invitation": invitation, "plan": invitation.plan, "form": form}
    return private(render(request, "measures/proposal_partner/form.html", context))


@login_not_required
@never_cache
@in_german
def proposal_thanks(request, token):
    invitation, refused = LINKS.open(request, token)
    if refused is not None:
        return refused
    proposals = list(invitation.proposals.order_by("-submitted_at", "-pk"))
    if not proposals:
        return LINKS.refuse(request)
    context = {
        "invitation": invitation,
        "plan": invitation.plan,
        "proposals": proposals,
        "token": token,
    }
    return private(render(request, "measures/proposal_partner/thanks.html", context))
