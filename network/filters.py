import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Actor


class ActorFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Actor.Kind.choices, empty_label=_("all kinds")
    )
    is_active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = Actor
        fields = ["q", "kind", "is_active"]

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value) | Q(short_name__icontains=value) | Q(notes__icontains=value)
        )
