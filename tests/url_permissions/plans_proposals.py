"""The proposals for a draft plan (issue 13, plans:proposal_* and proposal:*); joined into
plans.TABLE."""

import datetime

from django.utils import timezone

from core.models import MailDelivery
from measures.models import Proposal, ProposalInvitation
from tests.plans.proposal_builders import make_invitation, make_person, make_proposal
from tests.url_permissions import (
    COORDINATION,
    DONE_BY_COORDINATION,
    DONE_BY_WRITE,
    POST_ONLY,
    PUBLIC,
    READ,
    WRITE,
    Post,
)
from tests.url_permissions.plans_draft import draft_plan


def draft_with_proposal(data):
    """The adopted plan's draft with an invitation of a person of its own and an open
    proposal, kept in `data` for the form data (several builders may share one `data`)."""
    kwargs = draft_plan(data)
    number = ProposalInvitation.objects.count() + 1
    person = make_person("Derya", f"Kaya{number}", email=f"vorschlag{number}@example.org")
    invitation, token = make_invitation(data["draft"], person)
    data["proposal"] = make_proposal(invitation)
    data["person"] = invitation.contact
    data["token"] = token
    return kwargs


def proposal_kwargs(data):
    kwargs = draft_with_proposal(data)
    return {**kwargs, "proposal_pk": data["proposal"].pk}


def token_kwargs(data):
    draft_with_proposal(data)
    return {"token": data["token"]}


def proposal_row(kwargs):
    return Proposal.objects.filter(pk=kwargs["proposal_pk"]).values().first()


def mails_queued(kwargs):
    return MailDelivery.objects.count()


def invitation_data(data):
    return {
        "contacts": [data["person"].pk],
        "expires_on": (timezone.localdate() + datetime.timedelta(days=42)).isoformat(),
        "message": "Guten Tag {name}, hier ist Ihr Link: {link}",
    }


def accept_data(data):
    proposal = data["proposal"]
    return {
        "action": "new",
        "new-code": "1.9",
        "new-action_field": proposal.action_field_id,
        "new-title": proposal.title,
        "new-description": proposal.description,
    }


PROPOSAL_TABLE = {
    "plans:proposal_list": (draft_with_proposal, READ),
    "plans:proposal_invite": (
        draft_with_proposal,
        COORDINATION,
        Post(DONE_BY_COORDINATION, data=invitation_data, changes=mails_queued),
    ),
    # GET shows the proposal with its forms; POST accepts it (here as a new measure).
    "plans:proposal_review": (
        proposal_kwargs,
        WRITE,
        Post(DONE_BY_WRITE, data=accept_data, changes=proposal_row),
    ),
    "plans:proposal_decline": (
        proposal_kwargs,
        POST_ONLY,
        Post(
            DONE_BY_WRITE,
            data=lambda d: {"decline-reason": "Das gibt es schon als Maßnahme 1.2."},
            changes=proposal_row,
        ),
    ),
    # The proposer's link works without an account, for whoever holds it.
    "proposal:form": (token_kwargs, PUBLIC),
    "proposal:thanks": (token_kwargs, PUBLIC),
}
