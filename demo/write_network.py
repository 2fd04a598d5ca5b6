"""Writes the actors and their contact persons, the working groups and the events."""

import datetime

from django.utils import timezone

from measures.models import ActionField, Measure
from network.models import Actor, ContactPerson, Event, EventParticipant, WorkingGroup

from . import content_network_activities as activities
from .content_network import (
    ACTORS,
    CITY,
    CONSENT_SCOPE,
    FEMALE_FIRST_NAMES,
    INDIVIDUAL_CONTACTS,
    ORGANISATION_FACTS,
    PREFERRED_LANGUAGES,
    SOURCES,
)
from .helpers import bulk, day, email_address, link

# Staff of public bodies get a city address, everyone else a neutral one.
PUBLIC_DOMAIN = "example.org"
PRIVATE_DOMAIN = "example.com"
# Staff contacts were last checked in the office's yearly review of its address list.
LAST_REVIEW = "2026-01-20"


def load_network(fields):
    """Create the actors and contacts; returns the actors by name."""
    actors = bulk(
        Actor,
        [
            Actor(
                name=spec["name"],
                short_name=spec.get("short_name", ""),
                kind=spec["kind"],
                street=spec.get("street", ""),
                postal_code=spec.get("postal_code", ""),
                city=CITY,
                website=spec.get("website", ""),
                email=spec.get("email", ""),
                languages=spec.get("languages", ""),
                communities=spec.get("communities", ""),
                is_active=spec.get("active", True),
                notes=spec.get("notes", ""),
                founded_year=ORGANISATION_FACTS.get(spec["name"], (None, None))[0],
                member_count=ORGANISATION_FACTS.get(spec["name"], (None, None))[1],
            )
            for spec in ACTORS
        ],
    )
    link(
        ActionField._meta.get_field("actors"),
        [
            (fields[code].pk, actor.pk)
            for actor, spec in zip(actors, ACTORS, strict=True)
            for code in spec["fields"].split()
        ],
    )
    contacts = [
        _contact(actor, contact)
        for actor, spec in zip(actors, ACTORS, strict=True)
        for contact in spec.get("contacts", [])
    ]
    contacts += [_contact(None, contact) for contact in INDIVIDUAL_CONTACTS]
    bulk(ContactPerson, contacts)
    return {actor.name: actor for actor in actors}


def _contact(actor, spec):
    first_name, last_name, function, legal_basis, consent_date = spec
    is_public_task = legal_basis == ContactPerson.LegalBasis.PUBLIC_TASK
    return ContactPerson(
        actor=actor,
        salutation="ms" if first_name in FEMALE_FIRST_NAMES else "mr",
        first_name=first_name,
        last_name=last_name,
        function=function,
        email=email_address(
            first_name, last_name, PUBLIC_DOMAIN if is_public_task else PRIVATE_DOMAIN
        ),
        legal_basis=legal_basis,
        consent_date=day(consent_date),
        consent_scope=CONSENT_SCOPE if consent_date else "",
        last_confirmed=day(consent_date or LAST_REVIEW),
        preferred_language=PREFERRED_LANGUAGES.get(f"{first_name} {last_name}", "de"),
        source=SOURCES[legal_basis],
    )


def first_contact_names():
    """The name of each actor's first contact, who answers its monitoring requests."""
    return {
        spec["name"]: f"{spec['contacts'][0][0]} {spec['contacts'][0][1]}"
        for spec in ACTORS
        if spec.get("contacts")
    }


def load_activities(fields, actors, measures):
    """Create the working groups and the events with their participants and attendance."""
    contacts = list(ContactPerson.objects.select_related("actor").order_by("pk"))
    by_name = {contact.full_name: contact for contact in contacts}
    _load_groups(fields, actors, by_name)
    specs = [(activities.KICK_OFF, list(actors.values()), contacts, [])]
    for code, (start, location) in activities.FORUM_DATES.items():
        field = fields[code]
        forum = {
            "title": f"Fachforum {field.title}",
            "kind": "specialist_forum",
            "start": start,
            "location": location,
            "field": code,
            "summary": f"Sammlung von Maßnahmenvorschlägen für das Handlungsfeld {field.title}.",
        }
        specs.append((forum, *_working_on(field, actors, contacts), _measures_of(code, measures)))
    for spec in activities.LATER_EVENTS:
        if "kind_of_actors" in spec:
            invited = [a for a in actors.values() if a.kind == spec["kind_of_actors"]]
            people = [c for c in contacts if c.actor in invited]
        else:
            invited, people = _working_on(fields[spec["field"]], actors, contacts)
        specs.append((spec, invited, people, []))
    events = bulk(Event, [_event(spec) for spec, *_rest in specs])
    link(
        ActionField._meta.get_field("events"),
        [
            (fields[spec["field"]].pk, event.pk)
            for event, (spec, *_r) in zip(events, specs, strict=True)
            if "field" in spec
        ],
    )
    link(
        Measure._meta.get_field("events"),
        [
            (measure.pk, event.pk)
            for event, (_spec, _actors, _people, linked) in zip(events, specs, strict=True)
            for measure in linked
        ],
    )
    bulk(
        EventParticipant,
        [
            participant
            for event, (_spec, invited, people, _linked) in zip(events, specs, strict=True)
            for participant in _participants(event, invited, people)
        ],
    )


def _load_groups(fields, actors, by_name):
    groups = bulk(
        WorkingGroup,
        [
            WorkingGroup(
                title=spec["title"],
                chair=by_name[spec["chair"]],
                description=spec["description"],
            )
            for spec in activities.WORKING_GROUPS
        ],
    )
    link(
        ActionField._meta.get_field("working_groups"),
        [
            (fields[spec["field"]].pk, group.pk)
            for group, spec in zip(groups, activities.WORKING_GROUPS, strict=True)
        ],
    )
    members = []
    for spec in activities.WORKING_GROUPS:
        if "kind" in spec:
            members.append([a for a in actors.values() if a.kind == spec["kind"] and a.is_active])
        else:
            members.append([actors[name] for name in spec["actors"]])
    link(
        WorkingGroup._meta.get_field("member_actors"),
        [
            (group.pk, actor.pk)
            for group, chosen in zip(groups, members, strict=True)
            for actor in chosen
        ],
    )
    link(
        WorkingGroup._meta.get_field("member_contacts"),
        [
            (group.pk, contact.pk)
            for group, chosen in zip(groups, members, strict=True)
            for contact in by_name.values()
            if contact.actor in chosen
        ],
    )


def _working_on(field, actors, contacts):
    """The active actors of an action field and their contact persons."""
    working = set(
        ActionField.actors.through.objects.filter(actionfield=field).values_list(
            "actor_id", flat=True
        )
    )
    invited = [a for a in actors.values() if a.is_active and a.pk in working]
    return invited, [c for c in contacts if c.actor in invited]


def _measures_of(code, measures):
    return [measure for key, measure in measures.items() if key.split(".")[0] == code]


def _event(spec):
    start = timezone.make_aware(datetime.datetime.fromisoformat(spec["start"]))
    end = spec.get("end")
    return Event(
        title=spec["title"],
        kind=spec["kind"],
        start=start,
        end=timezone.make_aware(datetime.datetime.fromisoformat(end)) if end else None,
        location=spec["location"],
        summary=spec["summary"],
    )


def _participants(event, invited, people):
    """Everyone invited; attendance is recorded for past events only."""
    past = event.start < timezone.now()
    rows = [EventParticipant(event=event, actor=actor) for actor in invited]
    rows += [EventParticipant(event=event, contact=contact) for contact in people]
    for number, row in enumerate(rows, start=1):
        row.attended = past and number % activities.ABSENT_EVERY != 0
    return rows
