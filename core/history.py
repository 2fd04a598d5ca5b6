"""Readable change history (who, when, what) from django-simple-history records."""

from collections import defaultdict
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser

M = TypeVar("M", bound=models.Model)

ACTIONS = {"+": gettext_lazy("created"), "~": gettext_lazy("changed"), "-": gettext_lazy("deleted")}


def recorded_by(instance: M, user: "AbstractBaseUser | AnonymousUser | None") -> M:
    """Name `user` as the author of the history record that the next save of `instance` writes."""
    # django-simple-history reads this attribute, which no model declares.
    setattr(instance, "_history_user", user)  # noqa: B010
    return instance


def display_value(model: type[models.Model], name: str, value: Any) -> Any:
    """A field value as staff read it: choice labels, yes/no, empty as a dash."""
    field = model._meta.get_field(name)
    if isinstance(field, models.Field) and field.choices:
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if value in (None, ""):
        return "–"
    return value


def change_entries(history: QuerySet, limit: int) -> list[dict[str, Any]]:
    """The latest `limit` history records, each with the fields it changed.

    Reads limit + 1 records in one query, so that every entry can be compared with the one
    before it, and one query per kind of related object to name changed foreign keys.
    """
    records = list(history.order_by("-history_date", "-history_id")[: limit + 1])
    entries: list[dict[str, Any]] = []
    foreign_ids: defaultdict[Any, set[Any]] = defaultdict(set)
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes: list[dict[str, Any]] = []
        if previous is not None and record.history_type == "~":
            model = record.instance_type
            for change in record.diff_against(previous).changes:
                field = model._meta.get_field(change.field)
                if field.many_to_one:
                    foreign_ids[field.related_model].update({change.old, change.new} - {None})
                changes.append({"field": field, "old": change.old, "new": change.new})
        entries.append(
            {
                "date": record.history_date,
                "user": record.history_user,
                "action": ACTIONS.get(record.history_type, record.history_type),
                "changes": changes,
            }
        )
    names = {
        related: {obj.pk: str(obj) for obj in related._default_manager.filter(pk__in=ids)}
        for related, ids in foreign_ids.items()
    }
    for entry in entries:
        for change in entry["changes"]:
            field = change.pop("field")
            for key in ("old", "new"):
                if field.many_to_one:
                    change[key] = names[field.related_model].get(change[key], "–")
                else:
                    change[key] = display_value(field.model, field.name, change[key])
            change["field"] = field.verbose_name
    return entries
