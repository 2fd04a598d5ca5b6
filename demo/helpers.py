"""Small database and text helpers shared by the demo writers."""

import datetime
import unicodedata

from simple_history.utils import bulk_create_with_history

CHANGE_REASON = "Demodaten"
BATCH_SIZE = 500

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i"})


def day(iso):
    return datetime.date.fromisoformat(iso) if iso else None


def bulk(model, objects):
    """Insert `objects` in batches; models with a change history get their history rows too."""
    if hasattr(model, "history"):
        return bulk_create_with_history(
            objects, model, batch_size=BATCH_SIZE, default_change_reason=CHANGE_REASON
        )
    return model.objects.bulk_create(objects, batch_size=BATCH_SIZE)


def link(m2m_field, pairs):
    """Bulk-insert rows of a many-to-many table from (source pk, target pk) pairs."""
    through = m2m_field.remote_field.through
    source = m2m_field.m2m_field_name()
    target = m2m_field.m2m_reverse_field_name()
    through.objects.bulk_create(
        [through(**{f"{source}_id": a, f"{target}_id": b}) for a, b in pairs],
        batch_size=BATCH_SIZE,
    )


def clone(obj, **changes):
    """An unsaved copy of `obj` with `changes` applied."""
    model = type(obj)
    values = {
        field.attname: getattr(obj, field.attname)
        for field in model._meta.concrete_fields
        if not field.primary_key
    }
    values.update(changes)
    return model(**values)


def email_address(first_name, last_name, domain):
    """An ASCII example address such as "derya.kaya@example.com"."""
    name = f"{first_name}.{last_name}".lower().replace(" ", "-").translate(_UMLAUTS)
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return f"{ascii_name}@{domain}"
