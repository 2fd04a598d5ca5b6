"""Workflows on the network that touch several rows; each runs in one transaction."""

from collections.abc import Collection, Iterable
from typing import Any

from django.contrib.auth.models import User
from django.db import models, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from core.history import recorded_by

from .models import Actor, ContactPerson, Event, EventParticipant


class NetworkError(Exception):
    """A network workflow cannot be done; the message says why, in German."""


def delete_record(obj: models.Model, user: User) -> None:
    """Delete `obj`; its change history stays. Refused while other records depend on it."""
    try:
        with transaction.atomic():
            recorded_by(obj, user).delete()
    except ProtectedError as error:
        blockers = sorted({str(item._meta.verbose_name_plural) for item in error.protected_objects})
        raise NetworkError(
            _("“%(object)s” cannot be deleted while these records refer to it: %(blockers)s.")
            % {"object": obj, "blockers": ", ".join(blockers)}
        ) from error


def set_participants(
    event: Event, actors: Iterable[Actor], contacts: Iterable[ContactPerson], user: User
) -> None:
    """Make exactly `actors` and `contacts` the event's participants; keeps recorded attendance."""
    with transaction.atomic():
        current = list(event.participants.all())
        wanted_actors = {actor.pk for actor in actors}
        wanted_contacts = {contact.pk for contact in contacts}
        for participant in current:
            if (participant.actor_id and participant.actor_id not in wanted_actors) or (
                participant.contact_id and participant.contact_id not in wanted_contacts
            ):
                recorded_by(participant, user).delete()
        present_actors = {p.actor_id for p in current if p.actor_id}
        present_contacts = {p.contact_id for p in current if p.contact_id}
        for actor_id in wanted_actors - present_actors:
            add_participant(event, user, actor_id=actor_id)
        for contact_id in wanted_contacts - present_contacts:
            add_participant(event, user, contact_id=contact_id)


def add_participant(event: Event, user: User, **person: Any) -> None:
    recorded_by(EventParticipant(event=event, **person), user).save()


def record_attendance(event: Event, attended_ids: Collection[int], user: User) -> int:
    """Save who attended the event, for all participants at once."""
    with transaction.atomic():
        changed: list[EventParticipant] = []
        for participant in event.participants.select_for_update():
            attended = participant.pk in attended_ids
            if participant.attended != attended:
                participant.attended = attended
                changed.append(participant)
        bulk_update_with_history(changed, EventParticipant, ["attended"], default_user=user)
    return len(changed)


def confirm_contact(contact: ContactPerson, user: User) -> None:
    """Record that the person confirmed their data today."""
    contact.last_confirmed = timezone.localdate()
    recorded_by(contact, user).save(update_fields=["last_confirmed"])
