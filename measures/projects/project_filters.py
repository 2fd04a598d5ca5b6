import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.widgets import PickerFilter
from network.models import Actor
from network.search import ACTORS

from ..models import ActionField, FundingProgramme, Measure, Plan, Project
from ..search import MEASURES


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    status = django_filters.MultipleChoiceFilter(
        label=_("State"), choices=Project.Status.choices, widget=forms.CheckboxSelectMultiple
    )
    action_field = django_filters.ModelChoiceFilter(
        label=_("Action field"),
        field_name="action_fields",
        queryset=ActionField.objects.none(),
        empty_label=_("all action fields"),
    )
    measure = PickerFilter(
        label=_("Measure"),
        field_name="measures",
        queryset=Measure.objects.all(),
        empty_label=_("all measures"),
        source=MEASURES,
    )
    lead_actor = PickerFilter(
        label=_("Lead actor"),
        queryset=Actor.objects.all(),
        empty_label=_("all actors"),
        source=ACTORS,
    )
    programme = django_filters.ModelChoiceFilter(
        label=_("Funding programme"),
        field_name="funding_applications__programme",
        queryset=FundingProgramme.objects.only("name"),
        empty_label=_("all programmes"),
        distinct=True,
    )
    year = django_filters.NumberFilter(
        label=_("Year"),
        method="filter_year",
        widget=forms.NumberInput(attrs={"min": 2000, "max": 2100}),
    )
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("title", "title"), ("status", "status"), ("start", "start"), ("end", "end")),
        field_labels={
            "title": _("title"),
            "status": _("state"),
            "start": _("start"),
            "end": _("end"),
        },
        empty_label=_("title"),
    )

    class Meta:
        model = Project
        fields = ["q", "status", "action_field", "measure", "lead_actor", "programme", "year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The current plan's action fields: a project of an older plan is found by the others.
        plan = Plan.current()
        self.filters["action_field"].queryset = ActionField.objects.filter(plan=plan).only(
            "plan", "code", "title"
        )

    def filter_text(self, queryset, name, value):
        terms = Q()
        for field in ("title", "description", "goals"):
            terms |= Q(**{f"{field}__icontains": value})
        return queryset.filter(terms)

    def filter_year(self, queryset, name, value):
        """Projects whose period overlaps the year; an open start or end is open on that side,
        a project without any dates belongs to no year."""
        year = int(value)
        if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
            return queryset.none()
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        return queryset.filter(
            Q(start__isnull=True) | Q(start__lte=last),
            Q(end__isnull=True) | Q(end__gte=first),
            Q(start__isnull=False) | Q(end__isnull=False),
        )
