import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.filters import YearFilter

from .models import FollowUp, LegislativeTerm, Meeting, Member, Membership


class MeetingFilter(django_filters.FilterSet):
    term = django_filters.ModelChoiceFilter(
        label=_("Legislative term"),
        queryset=LegislativeTerm.objects.all(),
        empty_label=_("all terms"),
    )
    state = django_filters.ChoiceFilter(
        label=pgettext_lazy("meeting", "State"),
        choices=Meeting.State.choices,
        empty_label=pgettext_lazy("meeting", "all states"),
    )
    year = YearFilter(label=_("Year"), field_name="start")

    class Meta:
        model = Meeting
        fields = ["term", "state", "year"]


class MemberFilter(django_filters.FilterSet):
    CURRENT, FORMER = "current", "former"

    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    status = django_filters.ChoiceFilter(
        label=_("Membership"),
        choices=[(CURRENT, _("current members")), (FORMER, _("former members only"))],
        method="filter_status",
        empty_label=_("all"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"),
        choices=Membership.Kind.choices,
        method="filter_kind",
        empty_label=_("all kinds"),
    )

    class Meta:
        model = Member
        fields = ["q", "status", "kind"]

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(last_name__icontains=value)
            | Q(first_name__icontains=value)
            | Q(faction__icontains=value)
        )

    def filter_status(self, queryset, name, value):
        current = Membership.objects.current().values("member_id")
        if value == self.CURRENT:
            return queryset.filter(pk__in=current)
        return queryset.exclude(pk__in=current)

    def filter_kind(self, queryset, name, value):
        return queryset.filter(pk__in=Membership.objects.filter(kind=value).values("member_id"))


class FollowUpFilter(django_filters.FilterSet):
    OPEN, OVERDUE, DONE = "open", "overdue", "done"

    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(OPEN, _("open")), (OVERDUE, _("overdue")), (DONE, _("done"))],
        method="filter_status",
        empty_label=_("all"),
    )
    q = django_filters.CharFilter(label=_("Search"), field_name="text", lookup_expr="icontains")

    class Meta:
        model = FollowUp
        fields = ["status", "q"]

    def filter_status(self, queryset, name, value):
        if value == self.OPEN:
            return queryset.open()
        if value == self.OVERDUE:
            return queryset.overdue(timezone.localdate())
        return queryset.filter(done_on__isnull=False)
