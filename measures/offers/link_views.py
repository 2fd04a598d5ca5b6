"""The provider's page behind a personal link, without an account: each offer confirmed with
one button, or corrected on a short form whose changed fields go to the staff's review.

Every link that does not work gets the same neutral page with the same status, and counts
towards the same throttle per client address as the monitoring and proposal links.
"""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from measures.personal_links import LinkPages, in_german, private

from .forms import ProviderOfferForm
from .services import confirm_offer, find_invitation, provider_offers, submit_change

UNAVAILABLE_TEMPLATE = "measures/offer_link/unavailable.html"


LINKS = LinkPages(UNAVAILABLE_TEMPLATE, find_invitation)


def answered_ids(invitation):
    return set(invitation.changes.values_list("offer_id", flat=True))


@login_not_required
@never_cache
@in_german
def offer_form(request, token):
    """The provider's offers; POST "confirm" with an offer id confirms it as it is."""
    invitation, refused = LINKS.open(request, token)
    if refused is not None:
        return refused
    offers = list(provider_offers(invitation))
    if request.method == "POST":
        offer = next((o for o in offers if str(o.pk) == request.POST.get("confirm")), None)
        if offer is None:
            return LINKS.refuse(request)
        confirm_offer(offer, invitation)
        return redirect("offer_link:thanks", token=token)
    context = {
        "invitation": invitation,
        "offers": offers,
        "answered": answered_ids(invitation),
        "token": token,
    }
    return private(render(request, "measures/offer_link/form.html", context))


@login_not_required
@never_cache
@in_german
def offer_change(request, token, pk):
    """The correction form of one offer; only changed fields are sent for review."""
    invitation, refused = LINKS.open(request, token)
    if refused is not None:
        return refused
    offer = provider_offers(invitation).filter(pk=pk).first()
    if offer is None:
        return LINKS.refuse(request)
    form = ProviderOfferForm(request.POST if request.method == "POST" else None, instance=offer)
    if request.method == "POST" and form.is_valid():
        changes = form.proposed_changes()
        comment = form.cleaned_data.get("comment", "")
        if changes or comment:
            submit_change(offer, invitation, changes, comment)
        else:
            confirm_offer(offer, invitation)
        return redirect("offer_link:thanks", token=token)
    context = {"invitation": invitation, "offer": offer, "form": form, "token": token}
    return private(render(request, "measures/offer_link/change.html", context))


@login_not_required
@never_cache
@in_german
def offer_thanks(request, token):
    invitation, refused = LINKS.open(request, token)
    if refused is not None:
        return refused
    offers = list(provider_offers(invitation))
    answered = answered_ids(invitation)
    if not answered:
        return LINKS.refuse(request)
    context = {
        "invitation": invitation,
        "remaining": [offer for offer in offers if offer.pk not in answered],
        "token": token,
    }
    return private(render(request, "measures/offer_link/thanks.html", context))
