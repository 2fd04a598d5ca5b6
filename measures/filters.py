import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.widgets import PickerFilter
from network.models import Actor
from network.search import ACTORS

from .models import ActionField, Measure, Plan, overdue_q, stale_q

YES_NO = [("yes", _("yes")), ("no", _("no"))]


class MeasureFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    plan = django_filters.ModelChoiceFilter(
        label=_("Plan"), queryset=Plan.objects.all(), empty_label=_("all plans")
    )
    action_field = django_filters.ModelChoiceFilter(
        label=_("Action field"),
        # The options show code and title (not the guiding goal's long text).
        queryset=ActionField.objects.only("plan", "code", "title"),
        empty_label=_("all action fields"),
    )
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=Measure.Status.choices, widget=forms.CheckboxSelectMultiple
    )
    lead_actor = PickerFilter(
        label=_("Lead actor"),
        queryset=Actor.objects.all(),
        empty_label=_("all actors"),
        source=ACTORS,
    )
    priority = django_filters.ChoiceFilter(
        label=_("Priority"), choices=Measure.Priority.choices, empty_label=_("all priorities")
    )
    overdue = django_filters.ChoiceFilter(
        label=_("Overdue"), choices=YES_NO, method="filter_overdue", empty_label=_("all")
    )
    stale = django_filters.ChoiceFilter(
        label=_("No recent report"), choices=YES_NO, method="filter_stale", empty_label=_("all")
    )
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(
            ("code", "code"),
            ("title", "title"),
            ("status", "status"),
            ("progress", "progress"),
            ("end", "end"),
            ("last_report_date", "last_report"),
        ),
        field_labels={
            "code": _("code"),
            "title": _("title"),
            "status": _("status"),
            "progress": _("progress"),
            "end": _("end"),
            "last_report_date": _("last report"),
        },
        empty_label=_("code"),
    )

    class Meta:
        model = Measure
        fields = ["q", "plan", "action_field", "status", "lead_actor", "priority"]

    def __init__(self, data=None, *args, **kwargs):
        # Without an explicit choice the list shows the current plan, as staff expect.
        if data is None or "plan" not in data:
            data = data.copy() if data is not None else {}
            current = Plan.current()
            if current:
                data["plan"] = str(current.pk)
        super().__init__(data, *args, **kwargs)

    def filter_text(self, queryset, name, value):
        terms = Q()
        for field in ("code", "title", "description", "goal", "target_groups"):
            terms |= Q(**{f"{field}__icontains": value})
        return queryset.filter(terms)

    def filter_overdue(self, queryset, name, value):
        condition = overdue_q()
        return queryset.filter(condition) if value == "yes" else queryset.exclude(condition)

    def filter_stale(self, queryset, name, value):
        condition = stale_q()
        return queryset.filter(condition) if value == "yes" else queryset.exclude(condition)
