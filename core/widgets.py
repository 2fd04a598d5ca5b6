"""Pickers for long lists of actors, contact persons and measures, usable by keyboard and touch.

A page never ships the whole list: the widget renders only what is selected, and
static/js/picker.js turns its search field into an ARIA 1.2 combobox that asks the server's
search endpoint (JSON, at most MAX_RESULTS entries) while the user types.

Without JavaScript the same markup works on its own: the selected entries are ticked checkboxes
(radio buttons for a single choice) and the search field is submitted as ``<name>_search``.
In a form the typed text stops the save: the form comes back with the matching entries to tick
(`PickerMultipleChoiceField`, `PickerChoiceField`). In a filter panel the text is a criterion
of its own - every entry whose name matches - and the matches are offered to narrow it down
(`PickerFilter`).

Short lists (a few dozen entries) stay checkboxes; `FilterableCheckboxSelectMultiple` adds a text
field that hides the checkboxes that do not match.

The templates live in core/templates/widgets/, where the form renderer finds them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

MAX_RESULTS = 20


@dataclass(frozen=True)
class PickerSource:
    """Where a picker finds its entries: the search endpoint and the one search rule."""

    url_name: str
    # search(queryset, text) -> the entries of `queryset` matching `text` (all for ""), ordered,
    # with whatever `label` needs already joined.
    search: Callable[[QuerySet, str], QuerySet]
    label: Callable[[object], str] = str
    params: str = ""  # added to the endpoint's query string, e.g. "active=1"

    @property
    def url(self) -> str:
        return reverse(self.url_name) + (f"?{self.params}" if self.params else "")


def text_matches(text: str, *lookups: str) -> Q:
    """The condition "every word of `text` matches one of `lookups`" (e.g. "name__icontains")."""
    condition = Q()
    for word in text.split():
        condition &= reduce(or_, (Q(**{lookup: word}) for lookup in lookups))
    return condition


def search_response(request: HttpRequest, source: PickerSource, queryset: QuerySet) -> JsonResponse:
    """The endpoint's answer: at most MAX_RESULTS matches for the text in `q`, as JSON."""
    text = request.GET.get("q", "").strip()[:100]
    matches = list(source.search(queryset, text)[: MAX_RESULTS + 1]) if text else []
    return JsonResponse(
        {
            "results": [{"id": obj.pk, "label": source.label(obj)} for obj in matches][
                :MAX_RESULTS
            ],
            "more": len(matches) > MAX_RESULTS,
        }
    )


class Picked(list[Any]):
    """The ids a picker submitted, and the text typed into its search field (without script)."""

    def __init__(self, ids: Any = (), search: str = "") -> None:
        super().__init__(ids)
        self.search = search


class PickerWidget(forms.Widget):
    """Shared by both pickers; the field's queryset and label come from `self.choices`."""

    keep_search = False  # filters keep the typed text: it is a criterion of its own
    # Set by the field (ModelChoiceField gives its widget its ModelChoiceIterator).
    choices: Any

    def __init__(self, source: PickerSource, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.source = source

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Picked:
        values = data.getlist(name) if hasattr(data, "getlist") else data.get(name)
        if not isinstance(values, list | tuple):
            values = [values]
        search = (data.get(f"{name}_search") or "").strip()[:100]
        return Picked([value for value in values if value not in (None, "")], search)

    def use_required_attribute(self, initial: Any) -> bool:
        return False  # the search field may stay empty; the field reports a missing choice

    def id_for_label(self, id_: str) -> str:
        return id_  # the search field

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        search = getattr(value, "search", "")
        ids = [str(pk) for pk in self._ids(value) if str(pk).isdigit()]
        queryset = self.choices.queryset
        # In a filter a chosen entry counts only while it matches the text (see PickerChoiceField).
        criterion = search if self.keep_search else ""
        selected: Any = self.source.search(queryset.filter(pk__in=ids), criterion) if ids else []
        matches: list[Any] = []
        if search:
            found = self.source.search(queryset, search).exclude(pk__in=ids)
            matches = list(found[: MAX_RESULTS + 1])
        hint = f"{widget['attrs'].get('id', name)}_hint"
        widget["attrs"]["aria-describedby"] = " ".join(
            filter(None, [hint, widget["attrs"].get("aria-describedby")])
        )
        widget.update(
            label=self.choices.field.label,
            hint_id=hint,
            search_url=self.source.url,
            search=search,
            search_value=search if self.keep_search else "",
            keep_search=self.keep_search,
            # Ids as text: a number would be localised ("1.234") by the template.
            selected=[(str(obj.pk), self.source.label(obj)) for obj in selected],
            matches=[(str(obj.pk), self.source.label(obj)) for obj in matches[:MAX_RESULTS]],
            more=len(matches) > MAX_RESULTS,
        )
        return context

    @staticmethod
    def _ids(value: Any) -> Any:
        if value in (None, ""):
            return []
        if isinstance(value, list | tuple):
            return value
        return [value]


class PickerSelectMultiple(PickerWidget):
    """Several entries: ticked checkboxes, or removable chips with hidden inputs (script)."""

    template_name = "widgets/picker_multiple.html"
    allow_multiple_selected = True
    use_fieldset = True

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return False  # an empty selection sends nothing, like unticked checkboxes


class PickerSelect(PickerWidget):
    """One entry: radio buttons for the choice and its matches, or a combobox (script)."""

    template_name = "widgets/picker_single.html"

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return name not in data and f"{name}_search" not in data

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        field = self.choices.field
        widget = context["widget"]
        widget["offer_empty"] = not field.required and (widget["selected"] or widget["matches"])
        widget["empty_label"] = field.empty_label or ""
        return context


SEARCH_PENDING = _("Please choose among the matches shown below, then save again.")
NO_CHOICE = _("no choice")


class PickerMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A form field for a `PickerSelectMultiple`; a search typed without script stops the save."""

    widget = PickerSelectMultiple

    def prepare_value(self, value: Any) -> Any:
        prepared = super().prepare_value(value)
        if isinstance(value, Picked):
            return Picked(prepared, value.search)
        return prepared

    def clean(self, value: Any) -> Any:
        if getattr(value, "search", ""):
            raise forms.ValidationError(SEARCH_PENDING, code="search")
        return super().clean(list(value or []))

    def has_changed(self, initial: Any, data: Any) -> bool:
        return super().has_changed(initial, list(data or []))


class PickerChoiceField(forms.ModelChoiceField):
    """A form or filter field for a `PickerSelect`.

    In a form a search typed without script stops the save; with `resolve_search` (filters) it
    cleans to every entry that matches, unless the chosen entry is one of them.
    """

    widget = PickerSelect

    def __init__(
        self,
        queryset: QuerySet,
        *,
        resolve_search: bool = False,
        empty_label: Any = NO_CHOICE,
        **kwargs: Any,
    ) -> None:
        super().__init__(queryset, empty_label=empty_label, **kwargs)
        self.resolve_search = resolve_search
        self.widget.keep_search = resolve_search

    def clean(self, value: Any) -> Any:
        if not isinstance(value, Picked):
            return super().clean(value)
        search = value.search
        if search and not self.resolve_search:
            raise forms.ValidationError(SEARCH_PENDING, code="search")
        chosen = super().clean(value[0] if value else None)
        if not search or self.queryset is None:
            return chosen
        # A filter: the chosen entry narrows the text's matches down to one; a chosen entry that
        # does not match means the user typed a new text, which then wins.
        matches = self.widget.source.search(self.queryset, search)
        if chosen is not None and matches.filter(pk=chosen.pk).exists():
            return chosen
        return matches

    def has_changed(self, initial: Any, data: Any) -> bool:
        if isinstance(data, Picked):
            data = data[0] if data else None
        return super().has_changed(initial, data)


class PickerFilter(django_filters.ModelChoiceFilter):
    """A filter choosing one entry with a `PickerSelect`, or all entries matching a typed text."""

    field_class = PickerChoiceField

    def __init__(self, *args: Any, source: PickerSource, **kwargs: Any) -> None:
        kwargs.setdefault("widget", PickerSelect(source))
        kwargs["resolve_search"] = True
        super().__init__(*args, **kwargs)

    def filter(self, qs: QuerySet, value: Any) -> QuerySet:
        if isinstance(value, QuerySet):
            # A subquery, so that a many-to-many field does not repeat rows.
            lookup = {f"{self.field_name}__in": value.values("pk")}
            matching = qs.model._default_manager.filter(**lookup)
            return qs.filter(pk__in=matching.values("pk"))
        return super().filter(qs, value)


class FilterableCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes for a short list; picker.js adds a text field that hides those not matching."""

    template_name = "widgets/checkbox_filter.html"


class DateInput(forms.DateInput):
    """The browser's date picker; the value in ISO form, as the picker expects it."""

    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    """The browser's date-and-time picker (local time)."""

    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)
