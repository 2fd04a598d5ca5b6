"""Writes the actors and their contact persons."""

from network.models import Actor, ContactPerson

from .content_network import ACTORS, CITY, CONSENT_SCOPE, INDIVIDUAL_CONTACTS
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
            )
            for spec in ACTORS
        ],
    )
    link(
        Actor._meta.get_field("action_fields"),
        [
            (actor.pk, fields[code].pk)
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
    )


def first_contact_names():
    """The name of each actor's first contact, who answers its monitoring requests."""
    return {
        spec["name"]: f"{spec['contacts'][0][0]} {spec['contacts'][0][1]}"
        for spec in ACTORS
        if spec.get("contacts")
    }
