"""The data subject's rights (DSGVO): access to everything stored about a person, and erasure."""

from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.history import change_entries, display_value, recorded_by
from core.imports.uploads import remove_all_uploads

from .models import ContactPerson, ErasureLog, EventParticipant
from .services import NetworkError

# Stands in for an erased person's name in records that are kept (e.g. status reports).
ERASED_NAME = gettext_lazy("erased")

# Higher apps (e.g. measures) register what they store about a person, because the network must
# not import them: each provider has reports(contact), archived_documents(contact) and
# erase(contact, erased_name).
PROVIDERS = []


def register(provider):
    if provider not in PROVIDERS:
        PROVIDERS.append(provider)


PERSON_FIELDS = [
    "salutation",
    "first_name",
    "last_name",
    "actor",
    "function",
    "email",
    "phone",
    "preferred_language",
    "legal_basis",
    "consent_date",
    "consent_scope",
    "source",
    "last_confirmed",
]


def historical_models():
    return [model for model in apps.get_models() if hasattr(model, "instance_type")]


def erase_contact(contact, user):
    """Erase a person's data everywhere, change history and admin log included.

    What stays is one erasure log entry saying who erased a person's data and when – not whose.
    Records of other kinds that point at the person lose that link (the database's rules for
    each relation apply); their history rows lose it too. Kept records that carry the person's
    name as text (status reports) get ERASED_NAME instead; stored import previews, which may
    contain the person, are removed.
    """
    pk = contact.pk
    try:
        with transaction.atomic():
            with translation.override(settings.LANGUAGE_CODE):
                erased_name = str(ERASED_NAME)
            for provider in PROVIDERS:
                provider.erase(contact, erased_name)
            recorded_by(contact, user).delete()
            for model in historical_models():
                for field in model._meta.concrete_fields:
                    if field.related_model is not ContactPerson:
                        continue
                    rows = model.objects.filter(**{field.attname: pk})
                    if field.null and model.instance_type is not EventParticipant:
                        rows.update(**{field.attname: None})
                    else:
                        rows.delete()
            ContactPerson.history.filter(id=pk).delete()
            LogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(ContactPerson), object_id=str(pk)
            ).delete()
            transaction.on_commit(remove_all_uploads)
            return ErasureLog.objects.create(erased_by=user, kind=ErasureLog.Kind.CONTACT_PERSON)
    except ProtectedError as error:
        blockers = sorted({str(item._meta.verbose_name_plural) for item in error.protected_objects})
        raise NetworkError(
            _("The person's data cannot be erased while these records refer to them: %s.")
            % ", ".join(blockers)
        ) from error


def disclosure(contact):
    """Everything stored about the person, as plain data for the JSON and the HTML page."""
    person = [
        {
            "field": str(capfirst(ContactPerson._meta.get_field(name).verbose_name)),
            "value": plain(display_value(ContactPerson, name, getattr(contact, name))),
        }
        for name in PERSON_FIELDS
    ]
    participations = contact.event_participations.select_related("event").order_by("event__start")
    history = contact.history.select_related("history_user")
    return {
        "controller": f"{settings.OFFICE_NAME}, {settings.OFFICE_UNIT}, {settings.OFFICE_ADDRESS}",
        "created_at": timezone.localtime().isoformat(timespec="seconds"),
        "person": person,
        "working_groups": [
            {"title": group.title, "role": str(_("chair"))}
            for group in contact.chaired_groups.all()
        ]
        + [
            {"title": group.title, "role": str(_("member"))}
            for group in contact.working_groups.all()
        ],
        "events": [
            {
                "title": participation.event.title,
                "date": participation.event.start.date().isoformat(),
                "attended": participation.attended,
            }
            for participation in participations
        ],
        "other_records": other_records(contact),
        "reports": [item for provider in PROVIDERS for item in provider.reports(contact)],
        "archived_documents": archived_documents(contact),
        "history": [
            {
                "date": timezone.localtime(entry["date"]).isoformat(timespec="seconds"),
                "by": entry["user"].get_username() if entry["user"] else "",
                "action": str(entry["action"]),
                "changes": [
                    {key: plain(value) for key, value in change.items()}
                    for change in entry["changes"]
                ],
            }
            for entry in change_entries(history, limit=1000)
        ],
    }


def archived_documents(contact):
    """Archived official documents that may name the person; erasure keeps them
    (Art. 17(3)(b) and (e) GDPR)."""
    return [item for provider in PROVIDERS for item in provider.archived_documents(contact)]


def other_records(contact):
    """How many records of other kinds refer to the person (e.g. monitoring requests)."""
    counts = []
    for relation in ContactPerson._meta.related_objects:
        model = relation.related_model
        # The network's own relations are listed above; history rows are the history.
        if model._meta.app_label == "network" or relation.many_to_many:
            continue
        if hasattr(model, "instance_type") or relation.related_name == "+":
            continue
        count = relation.related_model._default_manager.filter(
            **{relation.field.name: contact}
        ).count()
        if count:
            counts.append(
                {"kind": str(relation.related_model._meta.verbose_name_plural), "count": count}
            )
    return counts


def plain(value):
    """A value JSON can hold: dates as ISO text, everything else as text."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bool | int | float) or value is None:
        return value
    return str(value)
