"""Measures of the current plan, matched on their code (the Measure model stays as it is)."""

from django.utils.translation import gettext_lazy as _
from import_export import fields

from core.validators import has_control_characters
from measures.models import Measure, Plan
from network.models import Actor

from .base import ImportResource
from .widgets import (
    ActionFieldWidget,
    ActorsWidget,
    ActorWidget,
    BooleanWidget,
    ChoiceWidget,
    DateWidget,
    DecimalWidget,
    IntegerWidget,
    TextWidget,
)


def text(attribute, label):
    max_length = Measure._meta.get_field(attribute).max_length
    return fields.Field(attribute=attribute, column_name=label, widget=TextWidget(max_length))


class MeasureImportResource(ImportResource):
    """The columns match the measure list's export, so that an exported list imports again."""

    code = text("code", _("Code"))
    action_field = fields.Field(
        attribute="action_field",
        column_name=_("Action field"),
        widget=ActionFieldWidget(),
    )
    title = text("title", _("Title"))
    description = text("description", _("Description"))
    goal = text("goal", _("Goal"))
    target_groups = text("target_groups", _("Target groups"))
    lead_actor = fields.Field(
        attribute="lead_actor", column_name=_("Lead actor"), widget=ActorWidget(Actor)
    )
    partner_actors = fields.Field(
        attribute="partner_actors", column_name=_("Partner actors"), widget=ActorsWidget(Actor)
    )
    priority = fields.Field(
        attribute="priority",
        column_name=_("Priority"),
        widget=ChoiceWidget(Measure.Priority.choices, default=Measure.Priority.MEDIUM),
    )
    start = fields.Field(attribute="start", column_name=_("Start"), widget=DateWidget())
    end = fields.Field(attribute="end", column_name=_("End"), widget=DateWidget())
    is_continuous = fields.Field(
        attribute="is_continuous", column_name=_("Continuous"), widget=BooleanWidget()
    )
    status = fields.Field(
        attribute="status",
        column_name=_("Status"),
        widget=ChoiceWidget(Measure.Status.choices, default=Measure.Status.PLANNED),
    )
    progress = fields.Field(
        attribute="progress",
        column_name=_("Progress (%)"),
        widget=IntegerWidget(minimum=0, maximum=100),
    )
    cost_estimate = fields.Field(
        attribute="cost_estimate", column_name=_("Cost estimate (EUR)"), widget=DecimalWidget()
    )
    funding_source = text("funding_source", _("Funding source"))
    is_public = fields.Field(
        attribute="is_public", column_name=_("Public"), widget=BooleanWidget(default=True)
    )

    key = "code"
    required = ("code", "action_field", "title")
    hints = {
        "code": _("Identifies the measure within the current plan, for example 1.3."),
        "action_field": _("Code or title of an action field of the current plan."),
        "lead_actor": _("Name or short name of an actor that exists already."),
        "partner_actors": _("Names of existing actors, separated by semicolons."),
        "priority": ", ".join(str(label) for _v, label in Measure.Priority.choices),
        "status": ", ".join(str(label) for _v, label in Measure.Status.choices),
        "progress": _("A whole number from 0 to 100."),
        "cost_estimate": _("For example 1.234,50"),
        "start": _("DD.MM.YYYY"),
        "end": _("DD.MM.YYYY; empty for a continuous measure."),
        "is_continuous": _("yes or no"),
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
