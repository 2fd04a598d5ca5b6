"""The common ground of our import resources: matching, validation, change list, history."""

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets
from import_export.instance_loaders import CachedInstanceLoader
from import_export.resources import Diff

from measures.models import Plan

from .widgets import cell_text


class ChangeDiff(Diff):
    """Keeps the changed columns as (column, old, new) instead of import-export's HTML diff."""

    def __init__(self, resource, instance, new):
        self.columns = [field.column_name for field in resource.get_import_fields()]
        self.new = new
        # A new row has nothing to compare with: reading its values would only cost queries.
        self.left = [] if new else self._read_field_values(resource, instance)
        self.right = []

    def compare_with(self, resource, instance):
        if not self.new:
            super().compare_with(resource, instance)

    def as_html(self):
        if self.new:
            return []
        return [
            (column, old, new)
            for column, old, new in zip(self.columns, self.left, self.right, strict=True)
            if old != new
        ]


class ImportResource(resources.ModelResource):
    """A model's spreadsheet columns, for export and for the staff import pages.

    `key` names the field that finds an existing row; `required` the columns a file must have.
    `hints` explain a column's allowed values on the import page.
    """

    key = "name"
    required = ("name",)
    hints = {}

    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True
        instance_loader_class = CachedInstanceLoader

    def __init__(self, user=None, **kwargs):
        self.user = user
        super().__init__(**kwargs)
        # Column names are looked up for every cell: translate them once, not every time.
        for field in self.fields.values():
            field.column_name = str(field.column_name)

    @classmethod
    def get_diff_class(cls):
        return ChangeDiff

    def import_instance(self, instance, row, **kwargs):
        """Collect the errors of every cell, many-to-many columns included, in one go."""
        errors = {}
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

    def iter_queryset(self, queryset):
        # One pass with the prefetched relations: an export costs the same queries at any size.
        return queryset

    def after_init_instance(self, instance, new, row, **kwargs):
        instance._imported_as_new = new

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # Rows are matched on their unique key before, and a key twice in one file is refused,
        # so the per-row uniqueness queries would find nothing; the database still enforces it.
        super().validate_instance(instance, import_validation_errors, validate_unique=False)

    def check_row(self, instance):
        """Rules across columns that the model does not check itself: {attribute: message}."""
        return {}

    def before_save_instance(self, instance, row, **kwargs):
        instance._history_user = self.user
        instance._change_reason = "Import"

    def column(self, name):
        return self.fields[name].column_name

    def key_field(self, row):
        """The field whose cell identifies the row's record; errors about the key name it."""
        return self.key

    def row_key(self, row):
        """The value that identifies the row's record; ValueError if the cell is unusable."""
        return self.fields[self.key].clean(row)

    def row_label(self, row):
        """How the preview names the row."""
        return cell_text(row.get(self.column(self.key)))


class CurrentPlanField(fields.Field):
    """A many-to-many field of which only the current plan's part is imported and exported.

    Links to action fields of older plans stay as they are, so that an import based on the
    current plan does not cut an actor's history.
    """

    def __init__(self, **kwargs):
        self._plan_id = None
        super().__init__(**kwargs)

    def plan_id(self):
        # Asked once per resource: every resource instance works on its own copy of the field.
        if self._plan_id is None:
            plan = Plan.objects.filter(state=Plan.State.ADOPTED).values_list("pk", flat=True)
            self._plan_id = plan.first() or 0
        return self._plan_id

    def get_value(self, instance):
        if instance.pk is None:
            return None
        plan_id = self.plan_id()
        return RelatedList(
            item for item in getattr(instance, self.attribute).all() if item.plan_id == plan_id
        )

    def save(self, instance, row, is_m2m=False, **kwargs):
        if self.readonly:
            return
        manager = getattr(instance, self.attribute)
        current = set()
        if not getattr(instance, "_imported_as_new", False):
            # all(): the instance loader prefetches the links of existing rows.
            current = {item for item in manager.all() if item.plan_id == self.plan_id()}
        wanted = set(self.clean(row, **kwargs))
        if current - wanted:
            manager.remove(*(current - wanted))
        if wanted - current:
            manager.add(*(wanted - current))


class RelatedList(list):
    """A list that answers `.all()` like a related manager, for widgets and comparisons."""

    def all(self):
        return self
