"""A draft plan with measures and forums, invitations with known tokens, and proposals."""

import datetime

from django.utils import timezone

from measures.models import ActionField, Measure, Plan, Proposal, ProposalInvitation
from network.models import Actor, ContactPerson, Event


def make_draft(plan, measures=3, version_label="Fortschreibung 2027"):
    """A draft successor of `plan` with one action field, `measures` measures and a forum."""
    draft = Plan.objects.create(
        title=plan.title, version_label=version_label, predecessor=plan, state=Plan.State.DRAFT
    )
    field = ActionField.objects.create(plan=draft, code="1", title="Sprache", order=1)
    add_draft_measures(draft, field, measures)
    forum = Event.objects.create(
        title="Fachforum Sprache und Bildung",
        kind=Event.Kind.SPECIALIST_FORUM,
        start=timezone.make_aware(datetime.datetime(2026, 10, 14, 17)),
    )
    draft.forums.add(forum)
    return draft


def add_draft_measures(draft, field, count, start=1):
    return Measure.objects.bulk_create(
        Measure(
            plan=draft,
            action_field=field,
            code=f"{field.code}.{number}",
            title=f"Maßnahme {field.code}.{number}",
            goal=f"Ziel {number}",
        )
        for number in range(start, start + count)
    )


def make_person(first_name="Derya", last_name="Kaya", email=None, actor=None, kind=None):
    if actor is None:
        actor = Actor.objects.create(
            name=f"Verein {last_name}", kind=kind or Actor.Kind.MIGRANT_ORGANISATION
        )
    return ContactPerson.objects.create(
        actor=actor,
        first_name=first_name,
        last_name=last_name,
        email=f"{first_name}.{last_name}@example.org".lower() if email is None else email,
    )


def make_invitation(draft, contact=None, expires_on=None):
    """An invitation with a working link; returns (invitation, token)."""
    invitation = ProposalInvitation(
        plan=draft,
        contact=contact or make_person(),
        expires_on=expires_on or timezone.localdate() + datetime.timedelta(days=30),
        invited_at=timezone.now(),
    )
    token = invitation.issue_token()
    invitation.save()
    return invitation, token


def make_proposal(invitation, **fields):
    draft = invitation.plan
    contact = invitation.contact
    values = {
        "kind": Proposal.Kind.NEW,
        "action_field": draft.action_fields.first(),
        "title": "Sprachcafé für Eltern",
        "description": "Ein offenes Sprachcafé in der Stadtbibliothek.",
        "goal": "Eltern sprechen sicherer Deutsch.",
        "proposer_name": contact.full_name,
        "proposer_organisation": contact.actor.name if contact.actor_id else "",
        **fields,
    }
    return Proposal.objects.create(plan=draft, invitation=invitation, **values)
