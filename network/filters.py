import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.filters import AllYesNoSelect, YearFilter
from core.widgets import PickerFilter

from .languages import LANGUAGE_CHOICES, has_language_q
from .models import Actor, ContactPerson, Event, WorkingGroup, reconfirm_q
from .search import ACTORS

YES_NO = [("yes", _("yes")), ("no", _("no"))]


def text_filter(fields):
    """A filter method that searches `fields` for the entered text."""

    def filter_text(self, queryset, name, value):
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": value})
        return queryset.filter(condition)

    return filter_text


def ordering_filter(fields):
    """The "sort by" choice: `fields` as (field, parameter value, label)."""
    return django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=[(field, value) for field, value, _label in fields],
        field_labels={field: label for field, _value, label in fields},
        empty_label=fields[0][2],
    )


class ActorFilter(django_filters.FilterSet):
    ORDERING = (("name", "name", _("name")), ("kind", "kind", _("kind")))

    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Actor.Kind.choices, empty_label=_("all kinds")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=LANGUAGE_CHOICES,
        empty_label=_("all languages"),
        method="filter_language",
    )
    is_active = django_filters.BooleanFilter(label=_("Active"), widget=AllYesNoSelect)
    ordering = ordering_filter(ORDERING)

    class Meta:
        model = Actor
        fields = ["q", "kind", "language", "is_active"]

    filter_text = text_filter(["name", "short_name", "notes"])

    def filter_language(self, queryset, name, value):
        return queryset.filter(has_language_q("languages", value))


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
    ordering = ordering_filter(
        (
            ("last_name", "name", _("name")),
            ("actor__name", "actor", _("actor")),
            ("last_confirmed", "confirmed", _("last confirmed on")),
        )
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
    is_active = django_filters.BooleanFilter(label=_("Active"), widget=AllYesNoSelect)

    class Meta:
        model = WorkingGroup
        fields = ["q", "is_active"]

    filter_text = text_filter(["title", "description"])


class EventFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Event.Kind.choices, empty_label=_("all kinds")
    )
    year = YearFilter(label=_("Year"), field_name="start")

    class Meta:
        model = Event
        fields = ["q", "kind", "year"]

    filter_text = text_filter(["title", "location", "summary"])
