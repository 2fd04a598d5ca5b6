"""Spreadsheet columns that a higher app adds to a lower app's export or import resource."""

from collections import OrderedDict
from typing import Any

from django.db.models import QuerySet
from import_export.fields import Field


class ExtensibleColumns:
    """Mixin for import-export resources: `add_column`, and exports in one pass.

    A higher app adds a column because its model holds the relation the column shows or
    writes (e.g. the action fields of actors); the column follows the column `after`, in imports,
    exports and templates alike, and its relation is fetched with the export's rows.
    """

    fields: "OrderedDict[str, Field]"
    _meta: Any
    hints: dict[str, object] = {}
    prefetch: tuple[str, ...] = ()

    @classmethod
    def add_column(
        cls,
        name: str,
        field: Field,
        after: str,
        hint: object | None = None,
        prefetch: str | None = None,
    ) -> None:
        items = list(cls.fields.items())
        position = [existing for existing, _field in items].index(after) + 1
        items.insert(position, (name, field))
        cls.fields = OrderedDict(items)
        for option in ("fields", "export_order"):
            names = list(getattr(cls._meta, option) or ())
            if after in names:
                names.insert(names.index(after) + 1, name)
                setattr(cls._meta, option, tuple(names))
        if hint:
            cls.hints = {**cls.hints, name: hint}
        if prefetch and prefetch not in cls.prefetch:
            cls.prefetch = (*cls.prefetch, prefetch)

    def iter_queryset(self, queryset: QuerySet) -> QuerySet:
        # One pass with the prefetched relations: an export costs the same queries at any size.
        return queryset.prefetch_related(*self.prefetch)
