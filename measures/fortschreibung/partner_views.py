"""The proposer's pages: the proposal form behind a personal link, without an account.

Every link that does not work (unknown, expired, renewed, plan no longer a draft) gets the same
neutral page with the same status, and counts towards the same throttle per client address as
the monitoring partner links.
"""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from core.client import client_address
from measures.monitoring.partner_views import _private, in_german
from measures.monitoring.services import is_throttled, record_refused_link

from .proposal_forms import ProposalForm
from .proposals import ProposalError, find_invitation, submit_proposal

UNAVAILABLE_TEMPLATE = "measures/proposal_partner/unavailable.html"


def neutral_page(request, throttled=False):
    response = render(
        request, UNAVAILABLE_TEMPLATE, {"throttled": throttled}, status=429 if throttled else 404
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def refuse(request):
    record_refused_link(client_address(request))
    return neutral_page(request)


def _invitation(request, token):
    """(invitation, None) for a working link, else (None, the neutral answer)."""
    if is_throttled(client_address(request)):
        return None, neutral_page(request, throttled=True)
    invitation = find_invitation(token)
    if invitation is None:
        return None, refuse(request)
    return invitation, None


@login_not_required
@never_cache
@in_german
def proposal_form(request, token):
    invitation, refused = _invitation(request, token)
    if refused is not None:
        return refused
    data = request.POST if request.method == "POST" else None
    form = ProposalForm(data, plan=invitation.plan)
    if request.method == "POST" and form.is_valid():
        try:
            submit_proposal(invitation, form.proposal_fields())
        except ProposalError:
            return refuse(request)
        return redirect("proposal:thanks", token=token)
    context = {"invitation": invitation, "plan": invitation.plan, "form": form}
    return _private(render(request, "measures/proposal_partner/form.html", context))


@login_not_required
@never_cache
@in_german
def proposal_thanks(request, token):
    invitation, refused = _invitation(request, token)
    if refused is not None:
        return refused
    proposals = list(invitation.proposals.order_by("-submitted_at", "-pk"))
    if not proposals:
        return refuse(request)
    context = {
        "invitation": invitation,
        "plan": invitation.plan,
        "proposals": proposals,
        "token": token,
    }
    return _private(render(request, "measures/proposal_partner/thanks.html", context))
