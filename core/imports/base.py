"""The common ground of our import resources: matching, validation, change list, history."""

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db.models import Field, Model, QuerySet
from import_export import fields, resources, widgets
from import_export.instance_loaders import CachedInstanceLoader
from import_export.resources import Diff

from core.columns import ExtensibleColumns
from core.history import recorded_by

from .engine import Table
from .matching import NameIndex
from .widgets import TextWidget, cell_text


def text_column(model: type[Model], attribute: str, label: object) -> fields.Field:
    """A text column as long as the model's field allows."""
    model_field = model._meta.get_field(attribute)
    max_length = model_field.max_length if isinstance(model_field, Field) else None
    return fields.Field(attribute=attribute, column_name=label, widget=TextWidget(max_length))


class KeepWhenEmptyField(fields.Field):
    """A number column whose empty cell changes nothing: an existing record keeps its value,
    a new one gets the model's default (progress 0). The preview says so."""

    def save(self, instance: Model, row: Any, is_m2m: bool = False, **kwargs: Any) -> None:
        if self.column_name in row and cell_text(row[self.column_name]) == "":
            return
        super().save(instance, row, is_m2m, **kwargs)

    def model_default(self, model: type[Model]) -> Any:
        model_field = model._meta.get_field(self.attribute)
        return model_field.get_default() if isinstance(model_field, Field) else None


class ChangeDiff(Diff):
    """Keeps the changed columns as (column, old, new) instead of import-export's HTML diff."""

    def __init__(self, resource: "ImportResource", instance: Model, new: bool) -> None:
        self.columns = [field.column_name for field in resource.get_import_fields()]
        self.new = new
        # A new row has nothing to compare with: reading its values would only cost queries.
        self.left = [] if new else self._read_field_values(resource, instance)
        self.right: list[Any] = []

    def compare_with(self, resource: "ImportResource", instance: Model) -> None:
        if not self.new:
            super().compare_with(resource, instance)

    def as_html(self) -> list[tuple[str, Any, Any]]:  # the preview reads tuples, not HTML
        if self.new:
            return []
        return [
            (column, old, new)
            for column, old, new in zip(self.columns, self.left, self.right, strict=True)
            if old != new
        ]


class ImportResource(ExtensibleColumns, resources.ModelResource):
    """A model's spreadsheet columns, for export and for the staff import pages.

    `key` names the field that finds an existing row; `required` the columns a file must have.
    `hints` explain a column's allowed values on the import page.
    """

    key = "name"
    required: tuple[str, ...] = ("name",)
    # Headings offices use for a column besides its name: {field name: ("PLZ", "Postleitzahl")}.
    aliases: dict[str, tuple[str, ...]] = {}
    # Whether a row finds its record by the key in other case or spacing, and similar keys are
    # offered to the user to link or to create anew (names of actors).
    loose_key = False
    # Headings that are no column of the resource but mark the heading row of its files
    # (the years of a table with one column per year), so that it is found below title rows.
    other_headings: tuple[str, ...] = ()

    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True
        instance_loader_class = CachedInstanceLoader

    def __init__(self, user: AbstractBaseUser | AnonymousUser | None = None, **kwargs: Any) -> None:
        self.user = user
        # The answers of the kind's options form on the upload page (ImportKind.options_form).
        self.options: dict[str, str] = {}
        self._name_index: NameIndex | None = None
        super().__init__(**kwargs)
        # Column names are looked up for every cell: translate them once, not every time.
        for field in self.fields.values():
            field.column_name = str(field.column_name)

    @classmethod
    def get_diff_class(cls) -> type[ChangeDiff]:
        return ChangeDiff

    def import_instance(self, instance: Model, row: Any, **kwargs: Any) -> None:
        """Collect the errors of every cell, many-to-many columns included, in one go."""
        errors: dict[str, Any] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [ValidationError(str(error))]
        errors.update(self.check_row(instance))
        if errors:
            raise ValidationError(errors)

    def get_queryset(self) -> QuerySet:
        # Existing rows come with their many-to-many columns: comparing them costs no query
        # per row.
        return (
            super()
            .get_queryset()
            .prefetch_related(
                *(
                    field.attribute
                    for field in self.fields.values()
                    if isinstance(field.widget, widgets.ManyToManyWidget)
                )
            )
        )

    def after_init_instance(self, instance: Model, new: bool, row: Any, **kwargs: Any) -> None:
        instance._imported_as_new = new  # type: ignore[attr-defined]  # read by the kinds' resources

    def validate_instance(
        self,
        instance: Model,
        import_validation_errors: dict[str, Any] | None = None,
        validate_unique: bool = True,
    ) -> None:
        # Rows are matched on their unique key before, and a key twice in one file is refused,
        # so the per-row uniqueness queries would find nothing; the database still enforces it.
        super().validate_instance(instance, import_validation_errors, validate_unique=False)

    def reshape(self, table: Table) -> Table:
        """The file's table as rows of the resource's columns, before the columns are matched.

        A kind whose files come in another layout (one column per year) turns them into its
        rows here; rows keep the number they have in the file, cells it refuses go to
        `table.errors` and what the user should know to `table.notes`.
        """
        return table

    def check_row(self, instance: Model) -> dict[str, Any]:
        """Rules across columns that the model does not check itself: {attribute: message}."""
        return {}

    def before_save_instance(self, instance: Model, row: Any, **kwargs: Any) -> None:
        recorded_by(instance, self.user)
        instance._change_reason = "Import"  # type: ignore[attr-defined]  # read by simple-history

    def column(self, name: str) -> str:
        return self.fields[name].column_name

    def key_field(self, row: Any) -> str:
        """The field whose cell identifies the row's record; errors about the key name it."""
        return self.key

    def row_key(self, row: Any) -> Any:
        """The value that identifies the row's record; ValueError if the cell is unusable."""
        return self.fields[self.key].clean(row)

    def row_label(self, row: Any) -> str:
        """How the preview names the row."""
        return cell_text(row.get(self.column(self.key)))

    # Rows that name a record in another spelling (`loose_key`).

    def name_index(self) -> NameIndex:
        """The keys of the existing records, read once per import."""
        if self._name_index is None:
            records = self.get_queryset().prefetch_related(None).values_list("pk", self.key)
            self._name_index = NameIndex(list(records))
        return self._name_index

    def existing_key(self, key: Any) -> Any | None:
        """The stored key of the record that `key` names in other case or spacing, or None."""
        found = self.name_index().find(key) if self.loose_key else None
        return found[1] if found else None

    def similar_records(self, key: Any) -> list[tuple[str, str]]:
        """(id, key) of existing records whose keys are similar to `key`, for the user to
        decide whether the row means one of them."""
        if not self.loose_key:
            return []
        return [(str(pk), name) for pk, name in self.name_index().similar(key)]
