import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from core.filters import AllYesNoSelect, YearFilter
from core.widgets import PickerFilter
from measures.models import ActionField, Measure, Plan
from measures.search import MEASURES

from .languages import LANGUAGE_CHOICES, has_language_q
from .models import Actor, ContactPerson, Event, WorkingGroup, reconfirm_q
from .search import ACTORS

YES_NO = [("yes", _("yes")), ("no", _("no"))]


def current_action_fields(request=None):
    return ActionField.objects.filter(plan__state=Plan.State.ADOPTED)


def current_measures(request=None):
    return Measure.objects.filter(plan__state=Plan.State.ADOPTED).order_by(
        "action_field__order", "code"
    )


def text_filter(fields):
    """A filter method that searches `fields` for the entered text."""

    def filter_text(self, queryset, name, value):
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": value})
        return queryset.filter(condition)

    return filter_text


def action_field_filter():
    return django_filters.ModelChoiceFilter(
        label=_("Action field"),
        queryset=current_action_fields,
        empty_label=_("all action fields"),
        method="filter_action_field",
    )


class ActorFilter(django_filters.FilterSet):
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

    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Actor.Kind.choices, empty_label=_("all kinds")
    )
    action_field = action_field_filter()
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=LANGUAGE_CHOICES,
        empty_label=_("all languages"),
        method="filter_language",
    )
    is_active = django_filters.BooleanFilter(label=_("Active"), widget=AllYesNoSelect)
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
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(
            ("name", "name"),
            ("kind", "kind"),
            ("lead_count", "lead_count"),
            ("partner_count", "partner_count"),
        ),
        field_labels={
            "name": _("name"),
            "kind": _("kind"),
            "lead_count": _("lead of measures"),
            "partner_count": _("partner in measures"),
        },
        empty_label=_("name"),
    )

    class Meta:
        model = Actor
        fields = ["q", "kind", "action_field", "language", "is_active"]

    filter_text = text_filter(["name", "short_name", "notes"])

    def filter_action_field(self, queryset, name, value):
        return queryset.filter(action_fields=value)

    def filter_language(self, queryset, name, value):
        return queryset.filter(has_language_q("languages", value))

    def filter_measure(self, queryset, name, value):
        """Both measure filters in one: the role, on the chosen measure or on any of the plan."""
        data = self.form.cleaned_data
        chosen = data.get("measure")  # a measure, or the measures matching a typed text
        if name == "measure_role" and chosen is not None:
            return queryset  # applied together with the measure
        if chosen is None:
            measures = current_measures()
        else:
            measures = [chosen] if isinstance(chosen, Measure) else chosen
        role = data.get("measure_role") or "any"
        leads = Exists(
            Measure.objects.filter(pk__in=measures_pks(measures), lead_actor=OuterRef("pk"))
        )
        partners = Exists(
            Measure.partner_actors.through.objects.filter(
                measure_id__in=measures_pks(measures), actor_id=OuterRef("pk")
            )
        )
        condition = {
            self.MeasureRole.LEAD: Q(leads),
            self.MeasureRole.PARTNER: Q(partners),
            self.MeasureRole.NONE: ~Q(leads) & ~Q(partners),
        }.get(role, Q(leads) | Q(partners))
        return queryset.filter(condition)


def measures_pks(measures):
    if isinstance(measures, list):
        return [measure.pk for measure in measures]
    return measures.values("pk")


class ContactFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    actor = PickerFilter(
        label=_("Actor"), queryset=Actor.objects.all(), empty_label=_("all actors"), source=ACTORS
    )
    legal_basis = django_filters.ChoiceFilter(
        label=_("Legal basis"),
        choices=ContactPerson.LegalBasis.choices,
        empty_label=_("all legal bases"),
    )
    preferred_language = django_filters.ChoiceFilter(
        label=_("Preferred language"), choices=LANGUAGE_CHOICES, empty_label=_("all languages")
    )
    without_actor = django_filters.BooleanFilter(
        label=_("Without actor (individuals)"),
        widget=forms.CheckboxInput,
        method="filter_without_actor",
    )
    reconfirm = django_filters.ChoiceFilter(
        label=_("Re-confirmation due"),
        choices=YES_NO,
        empty_label=_("all"),
        method="filter_reconfirm",
    )
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("last_name", "name"), ("actor__name", "actor"), ("last_confirmed", "confirmed")),
        field_labels={
            "last_name": _("name"),
            "actor__name": _("actor"),
            "last_confirmed": _("last confirmed on"),
        },
        empty_label=_("name"),
    )

    class Meta:
        model = ContactPerson
        fields = ["q", "actor", "legal_basis", "preferred_language"]

    filter_text = text_filter(["first_name", "last_name", "email", "function", "actor__name"])

    def filter_without_actor(self, queryset, name, value):
        # An unticked box means "everyone", not "only persons with an actor".
        return queryset.filter(actor__isnull=True) if value else queryset

    def filter_reconfirm(self, queryset, name, value):
        return queryset.filter(reconfirm_q()) if value == "yes" else queryset.exclude(reconfirm_q())


class WorkingGroupFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    action_field = action_field_filter()
    is_active = django_filters.BooleanFilter(label=_("Active"), widget=AllYesNoSelect)

    class Meta:
        model = WorkingGroup
        fields = ["q", "action_field", "is_active"]

    filter_text = text_filter(["title", "description"])

    def filter_action_field(self, queryset, name, value):
        return queryset.filter(action_field=value)


class EventFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Event.Kind.choices, empty_label=_("all kinds")
    )
    action_field = action_field_filter()
    year = YearFilter(label=_("Year"), field_name="start")
    measure = PickerFilter(
        label=_("Measure"),
        queryset=current_measures,
        empty_label=_("any measure"),
        field_name="measures",
        source=MEASURES,
    )

    class Meta:
        model = Event
        fields = ["q", "kind", "action_field", "year", "measure"]

    filter_text = text_filter(["title", "location", "summary"])

    def filter_action_field(self, queryset, name, value):
        return queryset.filter(
            Exists(
                Event.action_fields.through.objects.filter(
                    event_id=OuterRef("pk"), actionfield_id=value.pk
                )
            )
        )
