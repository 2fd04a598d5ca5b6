"""The import of measures of the current plan, and the actors' action fields column; both
registered in MeasuresConfig.ready()."""

from functools import partial

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, widgets

from core.imports import registry
from core.imports.base import ImportResource, KeepWhenEmptyField, text_column
from core.imports.widgets import (
    LIST_SEPARATORS,
    BooleanWidget,
    ChoiceWidget,
    CodeWidget,
    DateWidget,
    DecimalWidget,
    IntegerWidget,
    cell_text,
    choice_labels,
)
from core.validators import has_control_characters
from network.imports import ActorResource, ActorsWidget, ActorWidget

from .models import ActionField, Measure, Plan


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


class CurrentPlanFields:
    """Finds action fields of the current plan by code, title or both ("1 Sprache")."""

    def __init__(self):
        self._fields = None

    def find(self, text):
        if self._fields is None:
            self._fields = list(ActionField.objects.filter(plan__state=Plan.State.ADOPTED))
        for field in self._fields:
            if text.casefold() in {
                field.code.casefold(),
                field.title.casefold(),
                f"{field.code} {field.title}".casefold(),
            }:
                return field
        raise ValueError(
            _("There is no action field '%(value)s' in the current plan.") % {"value": text}
        )


class ActionFieldsWidget(widgets.ManyToManyWidget):
    """Several action fields of the current plan, separated by commas."""

    def __init__(self, **kwargs):
        self.fields = CurrentPlanFields()
        super().__init__(ActionField, separator=", ", **kwargs)

    def clean(self, value, row=None, **kwargs):
        parts = [part.strip() for part in LIST_SEPARATORS.split(cell_text(value))]
        found = [self.fields.find(part) for part in parts if part]
        return list({field.pk: field for field in found}.values())

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return ", ".join(f"{field.code} {field.title}" for field in value.all())


class ActionFieldWidget(widgets.Widget):
    """One action field of the current plan; exported by its title, as the measure list does."""

    def __init__(self, **kwargs):
        self.fields = CurrentPlanFields()
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        return self.fields.find(text) if text else None

    def render(self, value, obj=None, **kwargs):
        return value.title if value else ""


text = partial(text_column, Measure)


class MeasureImportResource(ImportResource):
    """The columns match the measure list's export, so that an exported list imports again."""

    code = fields.Field(
        attribute="code",
        column_name=gettext_lazy("Code"),
        widget=CodeWidget(Measure._meta.get_field("code").max_length),
    )
    action_field = fields.Field(
        attribute="action_field",
        column_name=gettext_lazy("Action field"),
        widget=ActionFieldWidget(),
    )
    title = text("title", gettext_lazy("Title"))
    description = text("description", gettext_lazy("Description"))
    goal = text("goal", gettext_lazy("Goal"))
    target_groups = text("target_groups", gettext_lazy("Target groups"))
    lead_actor = fields.Field(
        attribute="lead_actor", column_name=gettext_lazy("Lead actor"), widget=ActorWidget()
    )
    partner_actors = fields.Field(
        attribute="partner_actors",
        column_name=gettext_lazy("Partner actors"),
        widget=ActorsWidget(),
    )
    priority = fields.Field(
        attribute="priority",
        column_name=gettext_lazy("Priority"),
        widget=ChoiceWidget(Measure.Priority.choices, default=Measure.Priority.MEDIUM),
    )
    start = fields.Field(attribute="start", column_name=gettext_lazy("Start"), widget=DateWidget())
    end = fields.Field(attribute="end", column_name=gettext_lazy("End"), widget=DateWidget())
    is_continuous = fields.Field(
        attribute="is_continuous", column_name=gettext_lazy("Continuous"), widget=BooleanWidget()
    )
    status = fields.Field(
        attribute="status",
        column_name=gettext_lazy("Status"),
        widget=ChoiceWidget(Measure.Status.choices, default=Measure.Status.PLANNED),
    )
    progress = KeepWhenEmptyField(
        attribute="progress",
        column_name=gettext_lazy("Progress (%)"),
        widget=IntegerWidget(minimum=0, maximum=100),
    )
    cost_estimate = fields.Field(
        attribute="cost_estimate",
        column_name=gettext_lazy("Cost estimate (EUR)"),
        widget=DecimalWidget(),
    )
    funding_source = text("funding_source", gettext_lazy("Funding source"))
    is_public = fields.Field(
        attribute="is_public",
        column_name=gettext_lazy("Public"),
        widget=BooleanWidget(default=True),
    )

    key = "code"
    required = ("code", "action_field", "title")
    aliases = {
        "code": ("Nr.", "Maßnahmennummer", "Maßnahme Nr."),
        "title": ("Maßnahme", "Bezeichnung", "Titel der Maßnahme"),
        "progress": ("Fortschritt", "Fortschritt in %", "Umsetzungsstand (%)"),
        "cost_estimate": ("Kosten", "Kostenschätzung", "Kosten (EUR)", "Kosten in EUR"),
        "start": ("Von", "Startdatum"),
        "end": ("Bis", "Enddatum"),
    }
    hints = {
        "code": gettext_lazy("Identifies the measure within the current plan, for example 1.3."),
        "action_field": gettext_lazy("Code or title of an action field of the current plan."),
        "lead_actor": gettext_lazy("Name or short name of an actor that exists already."),
        "partner_actors": gettext_lazy("Names of existing actors, separated by semicolons."),
        "priority": choice_labels(Measure.Priority.choices),
        "status": choice_labels(Measure.Status.choices),
        "progress": gettext_lazy(
            "A whole number from 0 to 100 (or a percentage cell). Empty: unchanged; new "
            "measures start at 0."
        ),
        "cost_estimate": gettext_lazy("For example 1.234,50"),
        "start": gettext_lazy("DD.MM.YYYY"),
        "end": gettext_lazy("DD.MM.YYYY; empty for a continuous measure."),
        "is_continuous": gettext_lazy("yes or no"),
    }

    class Meta(ImportResource.Meta):
        model = Measure
        import_id_fields = ("code",)
        fields = (
            "code",
            "action_field",
            "title",
            "description",
            "goal",
            "target_groups",
            "lead_actor",
            "partner_actors",
            "priority",
            "start",
            "end",
            "is_continuous",
            "status",
            "progress",
            "cost_estimate",
            "funding_source",
            "is_public",
        )
        export_order = fields

    def __init__(self, user=None, **kwargs):
        super().__init__(user=user, **kwargs)
        self.plan = Plan.current()

    def get_queryset(self):
        return Measure.objects.filter(plan=self.plan)

    def init_instance(self, row=None):
        return Measure(plan=self.plan)

    def check_row(self, instance):
        errors = {}
        if has_control_characters(instance.code or ""):
            errors["code"] = [_("The code must not contain control characters.")]
        if instance.is_continuous and instance.end:
            errors["end"] = [_("A continuous measure has no end date.")]
        return errors


def register():
    ActorResource.add_column(
        "action_fields",
        CurrentPlanField(
            attribute="action_fields",
            column_name=gettext_lazy("Action fields"),
            widget=ActionFieldsWidget(),
        ),
        after="kind",
        hint=gettext_lazy("Codes or titles of the current plan, separated by commas."),
        prefetch="action_fields",
    )
    registry.register(
        registry.ImportKind(
            "measures",
            gettext_lazy("Measures of the current plan"),
            MeasureImportResource,
            ("measures.add_measure", "measures.change_measure"),
            "measures:list",
        )
    )
    from .offers.resources import register as register_offers

    register_offers()
    from .indicators.imports import register as register_indicator_values

    register_indicator_values()
