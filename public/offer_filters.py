"""The public guide's filter: category, language, district, target group, free of charge
(issue 17). The language and district choices are those of the visible offers."""

from typing import Any

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from measures.models import Offer
from network.languages import has_language_q

MAX_TEXT = 100


class PublicOfferFilter(django_filters.FilterSet):
    category = django_filters.ChoiceFilter(
        label=_("Category"), choices=Offer.Category.choices, empty_label=_("all categories")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), method="filter_language", empty_label=_("all languages")
    )
    district = django_filters.ChoiceFilter(label=_("District"), empty_label=_("all districts"))
    target_group = django_filters.CharFilter(
        label=_("Target group"),
        method="filter_target_group",
        help_text=_("For example women, young people or families."),
    )
    free = django_filters.BooleanFilter(
        label=_("Free of charge only"), method="filter_free", widget=forms.CheckboxInput
    )

    class Meta:
        model = Offer
        fields = ["category", "language", "district", "target_group", "free"]

    def __init__(self, *args: Any, options: dict, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["language"].extra["choices"] = options["languages"]
        self.filters["district"].extra["choices"] = options["districts"]

    @property
    def is_filtered(self) -> bool:
        """Whether the visitor narrowed the list (a reset link and a different empty text)."""
        return self.is_bound and any(self.data.get(name) for name in self.filters)

    def filter_language(self, queryset, name, value):
        return queryset.filter(has_language_q("languages", value))

    def filter_target_group(self, queryset, name, value):
        return queryset.filter(target_groups__icontains=value.strip()[:MAX_TEXT])

    def filter_free(self, queryset, name, value):
        return queryset.filter(is_free=True) if value else queryset
