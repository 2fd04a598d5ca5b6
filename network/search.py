"""How pickers and their search endpoints find actors and contact persons (one rule each)."""

from django.db.models import Case, Value, When
from django.utils.translation import gettext as _

from core.widgets import PickerSource, text_matches


def search_actors(queryset, text):
    """Actors whose name or short name contains every word; names starting with it first."""
    if not text:
        return queryset.order_by("name")
    starts = Case(When(name__istartswith=text, then=Value(0)), default=Value(1))
    return queryset.filter(text_matches(text, "name__icontains", "short_name__icontains")).order_by(
        starts, "name"
    )


def actor_label(actor):
    label = actor.name
    if actor.short_name and actor.short_name.lower() not in actor.name.lower():
        label = f"{label} ({actor.short_name})"
    return label if actor.is_active else _("%(name)s (inactive)") % {"name": label}


def search_contacts(queryset, text):
    """Persons whose name, e-mail or actor contains every word; matching last names first."""
    queryset = queryset.select_related("actor")
    if not text:
        return queryset.order_by("last_name", "first_name")
    lookups = ("first_name__icontains", "last_name__icontains", "email__icontains")
    starts = Case(When(last_name__istartswith=text, then=Value(0)), default=Value(1))
    return queryset.filter(text_matches(text, *lookups, "actor__name__icontains")).order_by(
        starts, "last_name", "first_name"
    )


def contact_label(contact):
    if contact.actor_id:
        return f"{contact.full_name} ({contact.actor.short_name or contact.actor.name})"
    return contact.full_name


ACTORS = PickerSource("network:actor_search", search_actors, actor_label)
# Forms offer active actors only (and keep the ones a record already links to).
ACTIVE_ACTORS = PickerSource("network:actor_search", search_actors, actor_label, "active=1")
CONTACTS = PickerSource("network:contact_search", search_contacts, contact_label)
