"""Proposals from the network for a draft plan (issue 13): invitations by personal link, the
proposer's submission, and staff's review (accept as a new or changed measure, or decline).

Every step runs in one transaction and refuses with a ProposalError whose message says why.
The links follow the monitoring partner links: only the token's hash is stored, refused links
count towards the same throttle (PartnerLinkFailure), and mails go through the worker.
"""

import datetime
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.history import recorded_by
from measures.models import Measure, Plan, Proposal, ProposalInvitation
from measures.models.links import hash_token
from network.models import ContactPerson

from . import proposal_mail

# How long an invitation's link works unless Koordination chooses otherwise.
DEFAULT_VALIDITY = datetime.timedelta(weeks=6)


class ProposalError(Exception):
    """A proposal step is not possible now; the message tells staff or the proposer why."""


def default_expiry(today: datetime.date | None = None) -> datetime.date:
    return (today or timezone.localdate()) + DEFAULT_VALIDITY


def invitable_contacts() -> QuerySet[ContactPerson]:
    """Contact persons who can receive an invitation: those with an e-mail address."""
    return ContactPerson.objects.exclude(email="")


def find_invitation(token: str) -> ProposalInvitation | None:
    """The invitation whose link this is, if the link works today; None otherwise."""
    invitation = (
        ProposalInvitation.objects.select_related("plan", "contact__actor")
        .filter(token_hash=hash_token(token))
        .first()
    )
    return invitation if invitation is not None and invitation.is_usable() else None


def state_counts(plan: Plan) -> dict[str, int]:
    """How many proposals of the plan are open, accepted and declined (one query)."""
    figures = Proposal.objects.filter(plan=plan).aggregate(
        total=Count("pk"),
        **{state: Count("pk", filter=Q(state=state)) for state in Proposal.State.values},
    )
    return figures


def _require_draft(plan: Plan) -> None:
    if plan.state != Plan.State.DRAFT:
        raise ProposalError(_("Proposals can only be made for a draft plan."))


def invite(
    plan: Plan,
    contacts: Iterable[ContactPerson],
    expires_on: datetime.date,
    message: str,
    user: User,
    base_url: str,
) -> int:
    """Create or renew one invitation per contact and queue one e-mail each; a renewal issues a
    new link, and the old one stops working. Returns the number of e-mails."""
    _require_draft(plan)
    if expires_on < timezone.localdate():
        raise ProposalError(_("The links must be valid at least until today."))
    contacts = [contact for contact in contacts if contact.email]
    now = timezone.now()
    with transaction.atomic():
        existing = {
            invitation.contact_id: invitation
            for invitation in ProposalInvitation.objects.select_for_update().filter(
                plan=plan, contact__in=contacts
            )
        }
        for contact in contacts:
            invitation = existing.get(contact.pk) or ProposalInvitation(plan=plan, contact=contact)
            token = invitation.issue_token()
            invitation.expires_on = expires_on
            invitation.invited_at = now
            invitation.invited_by = user
            recorded_by(invitation, user).save()
            proposal_mail.queue_invitation(invitation, token, message, user, base_url)
    return len(contacts)


def submit_proposal(invitation: ProposalInvitation, fields: dict[str, Any]) -> Proposal:
    """Store a proposal sent through the invitation's link; the proposer is the contact."""
    with transaction.atomic():
        invitation = (
            ProposalInvitation.objects.select_for_update(of=("self",))
            .select_related("plan", "contact__actor")
            .get(pk=invitation.pk)
        )
        if not invitation.is_usable():
            raise ProposalError(_("This link can no longer be used."))
        contact = invitation.contact
        actor = contact.actor
        measure = fields.get("measure")
        if measure is not None and measure.plan_id != invitation.plan_id:
            raise ProposalError(_("The measure does not belong to the draft plan."))
        proposal = Proposal(
            plan=invitation.plan,
            invitation=invitation,
            proposer_name=contact.full_name,
            proposer_organisation=actor.name if actor is not None else "",
            **fields,
        )
        if proposal.kind == Proposal.Kind.CHANGE and proposal.measure is not None:
            proposal.action_field_id = proposal.measure.action_field_id
        else:
            proposal.measure = None
        proposal.save()
    return proposal


def _lock_open(proposal: Proposal) -> Proposal:
    """The proposal, locked for its review; refused when it has been reviewed already."""
    locked = (
        Proposal.objects.select_for_update(of=("self",)).select_related("plan").get(pk=proposal.pk)
    )
    if locked.state != Proposal.State.OPEN:
        raise ProposalError(_("This proposal has already been reviewed."))
    _require_draft(locked.plan)
    return locked


def _reviewed(proposal: Proposal, user: User | None, state: str, **fields: Any) -> Proposal:
    proposal.state = state
    proposal.reviewed_at = timezone.now()
    proposal.reviewed_by = user
    for name, value in fields.items():
        setattr(proposal, name, value)
    recorded_by(proposal, user).save()
    return proposal


def accept_as_new(proposal: Proposal, measure: Measure, user: User | None) -> Measure:
    """Create `measure` (unsaved, filled from the proposal by staff) in the draft and mark
    the proposal accepted with the measure as its result."""
    with transaction.atomic():
        locked = _lock_open(proposal)
        measure.plan = locked.plan
        if measure.action_field.plan_id != locked.plan_id:
            raise ProposalError(_("The action field belongs to another plan."))
        if Measure.objects.filter(plan=locked.plan, code=measure.code).exists():
            raise ProposalError(_("A measure with this code already exists in this plan."))
        measure.source_forum_id = locked.forum_id
        recorded_by(measure, user).save()
        _reviewed(locked, user, Proposal.State.ACCEPTED, result=measure)
    proposal.refresh_from_db()
    return measure


def accept_as_change(proposal: Proposal, measure: Measure, user: User | None) -> Measure:
    """Save the draft measure with the proposed (and reviewed) changes and mark the proposal
    accepted. The measure's version counter refuses a save over someone else's (the caller
    runs this inside core.concurrency.save_versioned)."""
    with transaction.atomic():
        locked = _lock_open(proposal)
        if measure.plan_id != locked.plan_id:
            raise ProposalError(_("The measure does not belong to the draft plan."))
        recorded_by(measure, user).save()
        _reviewed(locked, user, Proposal.State.ACCEPTED, result=measure)
    proposal.refresh_from_db()
    return measure


def decline(proposal: Proposal, reason: str, user: User) -> bool:
    """Decline the proposal with a reason and e-mail the reason to the proposer. Returns
    whether the mail was queued (False when the contact has no e-mail address any more)."""
    reason = reason.strip()
    if not reason:
        raise ProposalError(_("Please give a reason for declining."))
    with transaction.atomic():
        locked = _lock_open(proposal)
        _reviewed(locked, user, Proposal.State.DECLINED, decline_reason=reason)
        # The proposer's address as it is now (the contact may have changed it, or be erased).
        contact = ContactPerson.objects.filter(proposal_invitations__proposals=locked).first()
        mailed = contact is not None and bool(contact.email)
        if contact is not None and mailed:
            proposal_mail.queue_decline_notice(locked, contact, user)
    proposal.refresh_from_db()
    return mailed
