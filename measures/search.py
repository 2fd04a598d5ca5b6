"""How pickers and the search endpoint find measures (one rule)."""

from core.widgets import PickerSource, text_matches


def search_measures(queryset, text):
    """Measures whose code starts with, or whose title contains, every word; in plan order."""
    queryset = queryset.order_by("plan_id", "action_field__order", "code")
    if not text:
        return queryset
    return queryset.filter(text_matches(text, "code__istartswith", "title__icontains"))


MEASURES = PickerSource("measures:search", search_measures)
