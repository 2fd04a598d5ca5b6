import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.filters import AllYesNoSelect
from core.widgets import PickerFilter
from network.filters import text_filter
from network.languages import LANGUAGE_CHOICES, has_language_q
from network.models import Actor
from network.search import ACTORS

from ..models import Offer
from .services import unconfirmed_q


class OfferFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    category = django_filters.ChoiceFilter(
        label=_("Category"), choices=Offer.Category.choices, empty_label=_("all categories")
    )
    provider = PickerFilter(
        label=_("Provider"),
        queryset=Actor.objects.all(),
        empty_label=_("all providers"),
        source=ACTORS,
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=LANGUAGE_CHOICES,
        empty_label=_("all languages"),
        method="filter_language",
    )
    district = django_filters.CharFilter(label=_("District"), lookup_expr="icontains")
    is_free = django_filters.BooleanFilter(label=_("Free of charge"), widget=AllYesNoSelect)
    is_published = django_filters.BooleanFilter(
        label=_("In the public guide"), widget=AllYesNoSelect
    )
    unconfirmed = django_filters.BooleanFilter(
        label=_("Not confirmed for 15 months"),
        widget=forms.CheckboxInput,
        method="filter_unconfirmed",
    )

    class Meta:
        model = Offer
        fields = ["q", "category", "provider", "language", "district", "is_free", "is_published"]

    filter_text = text_filter(["title", "description", "target_groups", "address"])

    def filter_language(self, queryset, name, value):
        return queryset.filter(has_language_q("languages", value))

    def filter_unconfirmed(self, queryset, name, value):
        return queryset.filter(unconfirmed_q()) if value else queryset
