"""What the plan adds to the network's pages: the action fields and measures of actors, working
groups and events.

The plan declares these links (ActionField.actors, .working_groups, .events; Measure.events and
the measures' lead and partner actors), so the network knows nothing of them. This module extends
the network's forms and filters (core.extensions), adds the export columns and the sections of
the detail pages (core.sections); MeasuresConfig.ready() registers it.
"""

from operator import attrgetter

import django_filters
from django import forms
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _
from import_export import fields

from core import sections
from core.extensions import extends
from core.widgets import PickerFilter, PickerMultipleChoiceField, PickerSelectMultiple
from network.filters import ActorFilter, EventFilter, WorkingGroupFilter, ordering_filter
from network.forms import ActorForm, EventForm, WorkingGroupForm
from network.resources import EventResource, WorkingGroupResource

from .models import ActionField, Measure, Plan
from .search import MEASURES


def adopted_or_linked(queryset, linked):
    """The adopted plan's entries, and those a record links already (of older plans)."""
    return queryset.filter(Q(plan__state=Plan.State.ADOPTED) | Q(pk__in=list(linked)))


def linked_pks(record, relation):
    return list(getattr(record, relation).values_list("pk", flat=True)) if record.pk else []


# Forms ---------------------------------------------------------------------------------------


class ActionFieldsFormMixin:
    """The record's action fields as checkboxes: the adopted plan's and those linked already."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        linked = linked_pks(self.instance, "action_fields")
        field = self.fields["action_fields"]
        field.queryset = adopted_or_linked(ActionField.objects.select_related("plan"), linked)
        if not self.is_bound:
            self.initial["action_fields"] = linked

    def _save_m2m(self):
        super()._save_m2m()
        self.instance.action_fields.set(self.cleaned_data["action_fields"])


def action_fields_field():
    return forms.ModelMultipleChoiceField(
        label=_("Action fields"),
        queryset=ActionField.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


@extends(ActorForm)
class ActorPlanForm(ActionFieldsFormMixin, ActorForm):
    action_fields = action_fields_field()
    field_order = ["name", "short_name", "kind", "action_fields"]


@extends(WorkingGroupForm)
class WorkingGroupPlanForm(WorkingGroupForm):
    """A working group works in one action field (or none)."""

    action_field = forms.ModelChoiceField(
        label=_("Action field"), queryset=ActionField.objects.none(), required=False
    )
    field_order = ["title", "action_field"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        linked = linked_pks(self.instance, "action_fields")
        field = self.fields["action_field"]
        field.queryset = adopted_or_linked(ActionField.objects.select_related("plan"), linked)
        if not self.is_bound and linked:
            self.initial["action_field"] = linked[0]

    def _save_m2m(self):
        super()._save_m2m()
        chosen = self.cleaned_data["action_field"]
        self.instance.action_fields.set([chosen] if chosen else [])


@extends(EventForm)
class EventPlanForm(ActionFieldsFormMixin, EventForm):
    action_fields = action_fields_field()
    measures = PickerMultipleChoiceField(
        label=_("Measures"),
        queryset=Measure.objects.none(),
        required=False,
        widget=PickerSelectMultiple(MEASURES),
    )
    field_order = ["title", "kind", "start", "end", "location", "action_fields", "measures"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        linked = linked_pks(self.instance, "measures")
        measures = adopted_or_linked(Measure.objects.all(), linked).order_by("plan", "code")
        self.fields["measures"].queryset = measures
        if not self.is_bound:
            self.initial["measures"] = linked

    def _save_m2m(self):
        super()._save_m2m()
        self.instance.measures.set(self.cleaned_data["measures"])


# Filters -------------------------------------------------------------------------------------


def current_action_fields(request=None):
    return ActionField.objects.filter(plan__state=Plan.State.ADOPTED)


def current_measures(request=None):
    return Measure.objects.filter(plan__state=Plan.State.ADOPTED).order_by(
        "action_field__order", "code"
    )


def action_field_filter():
    return django_filters.ModelChoiceFilter(
        label=_("Action field"),
        queryset=current_action_fields,
        empty_label=_("all action fields"),
        method="filter_action_field",
    )


class ActionFieldFilterMixin:
    def filter_action_field(self, queryset, name, value):
        # A subquery, so that the list does not repeat a record.
        links = queryset.model.action_fields.through.objects.filter(actionfield=value)
        column = f"{queryset.model._meta.model_name}_id"
        return queryset.filter(Exists(links.filter(**{column: OuterRef("pk")})))


@extends(ActorFilter)
class ActorPlanFilter(ActionFieldFilterMixin, ActorFilter):
    class MeasureRole:
        LEAD = "lead"
        PARTNER = "partner"
        NONE = "none"
        CHOICES = [
            (LEAD, _("lead")),
            (PARTNER, _("partner")),
            ("any", _("lead or partner")),
            (NONE, _("neither")),
        ]

    action_field = action_field_filter()
    measure = PickerFilter(
        label=_("Measure"),
        queryset=current_measures,
        empty_label=_("any measure"),
        method="filter_measure",
        source=MEASURES,
    )
    measure_role = django_filters.ChoiceFilter(
        label=_("Role in measures"),
        choices=MeasureRole.CHOICES,
        empty_label=_("any role"),
        method="filter_measure",
    )
    ordering = ordering_filter(
        (
            *ActorFilter.ORDERING,
            ("lead_count", "lead_count", _("lead of measures")),
            ("partner_count", "partner_count", _("partner in measures")),
        )
    )

    class Meta(ActorFilter.Meta):
        fields = ["q", "kind", "action_field", "language", "is_active", "measure", "measure_role"]

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        # The list shows (and sorts by) how many measures an actor leads and partners.
        self.queryset = self.queryset.annotate(
            lead_count=Count("led_measures", distinct=True),
            partner_count=Count("partner_measures", distinct=True),
        )

    def filter_measure(self, queryset, name, value):
        """Both measure filters in one: the role, on the chosen measure or on any of the plan."""
        data = self.form.cleaned_data
        chosen = data.get("measure")  # a measure, or the measures matching a typed text
        if name == "measure_role" and chosen is not None:
            return queryset  # applied together with the measure
        if chosen is None:
            measures = current_measures().values("pk")
        elif isinstance(chosen, Measure):
            measures = [chosen.pk]
        else:
            measures = chosen.values("pk")
        role = data.get("measure_role") or "any"
        leads = Exists(Measure.objects.filter(pk__in=measures, lead_actor=OuterRef("pk")))
        partners = Exists(
            Measure.partner_actors.through.objects.filter(
                measure_id__in=measures, actor_id=OuterRef("pk")
            )
        )
        condition = {
            self.MeasureRole.LEAD: Q(leads),
            self.MeasureRole.PARTNER: Q(partners),
            self.MeasureRole.NONE: ~Q(leads) & ~Q(partners),
        }.get(role, Q(leads) | Q(partners))
        return queryset.filter(condition)


@extends(WorkingGroupFilter)
class WorkingGroupPlanFilter(ActionFieldFilterMixin, WorkingGroupFilter):
    action_field = action_field_filter()

    class Meta(WorkingGroupFilter.Meta):
        fields = ["q", "action_field", "is_active"]

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        # The list's column: the group's action field, in the same query as the groups.
        links = ActionField.working_groups.through.objects.filter(workinggroup=OuterRef("pk"))
        self.queryset = self.queryset.annotate(
            action_field_title=Subquery(links.values("actionfield__title")[:1])
        )


@extends(EventFilter)
class EventPlanFilter(ActionFieldFilterMixin, EventFilter):
    action_field = action_field_filter()
    measure = PickerFilter(
        label=_("Measure"),
        queryset=current_measures,
        empty_label=_("any measure"),
        field_name="measures",
        source=MEASURES,
    )

    class Meta(EventFilter.Meta):
        fields = ["q", "kind", "action_field", "year", "measure"]


# Export columns and page sections ------------------------------------------------------------


def listed_column(label, relation, text):
    """An export column listing the record's `relation` entries, e.g. its action fields."""
    field = fields.Field(
        column_name=label,
        dehydrate_method=lambda record: ", ".join(
            text(entry) for entry in getattr(record, relation).all()
        ),
    )
    return {"field": field, "prefetch": relation}


def action_fields_row(list_url, extra):
    """The "action fields" row of a network record's details, linking to `list_url` filtered by
    each field; `extra(record)` adds to the template context."""

    def context(record):
        fields = record.action_fields.select_related("plan")
        return {"action_fields": fields, "list_url": list_url, **extra(record)}

    return context


def register():
    WorkingGroupResource.add_column(
        "action_field",
        **listed_column(_("Action field"), "action_fields", attrgetter("title")),
        after="title",
    )
    EventResource.add_column(
        "action_fields",
        **listed_column(_("Action fields"), "action_fields", attrgetter("title")),
        after="location",
    )
    EventResource.add_column(
        "measures",
        **listed_column(_("Measures"), "measures", attrgetter("code")),
        after="action_fields",
    )
    row = "measures/sections/action_fields_row.html"
    sections.register(
        "network.actor_details", row, action_fields_row("network:actor_list", lambda actor: {})
    )
    sections.register(
        "network.group_details",
        row,
        action_fields_row("network:group_list", lambda group: {"single": True}),
    )
    sections.register(
        "network.event_details",
        row,
        action_fields_row(
            "network:event_list", lambda event: {"measures": event.measures.order_by("code")}
        ),
    )
    sections.register(
        "network.actor_detail",
        "measures/sections/actor_measures.html",
        lambda actor: {
            "led": actor.led_measures.select_related("plan"),
            "partnered": actor.partner_measures.select_related("plan"),
        },
    )
