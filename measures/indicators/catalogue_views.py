"""The catalogue's pages for the monitoring's indicators: create, edit, delete and the change
history. The indicator's own page and the overview are analysis_views.py's."""

from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.history import change_entries
from core.permissions import requires
from core.views import CreateRecordView, DeleteRecordView, UpdateRecordView

from ..models import ActionField, CityIndicator, Measure
from ..models.city_indicators import BREAKDOWN_CHOICES
from .catalogue_services import CatalogueError, delete_indicator
from .forms import CityIndicatorForm

HISTORY_LIMIT = 100
MONITORING = gettext_lazy("Integration monitoring")


def get_indicator(pk, queryset=None):
    """The one way views load a monitoring indicator: 404 for an unknown id."""
    return get_object_or_404(
        queryset if queryset is not None else CityIndicator.objects.all(), pk=pk
    )


def history_page(request, record, breadcrumbs, title):
    """A record's change history with who changed what and when (shared with the areas)."""
    history = record.history.select_related("history_user")
    entries = change_entries(history, limit=HISTORY_LIMIT)
    context = {
        "record": record,
        "title": title,
        "breadcrumbs": breadcrumbs,
        "changes": with_readable_lists(entries),
        "limit": HISTORY_LIMIT,
    }
    return render(request, "measures/indicators/catalogue/history.html", context)


# The models an indicator's history names by id: its links to action fields and measures.
LINKED = {"actionfield": ActionField, "measure": Measure}


def with_readable_lists(entries):
    """The history's lists in words: linked action fields and measures by name (one query
    each), breakdowns by their labels; the history stores ids and keys."""
    ids = {key: set() for key in LINKED}
    for change in (change for entry in entries for change in entry["changes"]):
        for value in (change["old"], change["new"]):
            for item in value if isinstance(value, list) else []:
                for key in LINKED.keys() & (item.keys() if isinstance(item, dict) else set()):
                    ids[key].add(item[key])
    names = {
        key: {obj.pk: str(obj) for obj in LINKED[key].objects.filter(pk__in=pks)}
        for key, pks in ids.items()
        if pks
    }
    labels = dict(BREAKDOWN_CHOICES)

    def readable(item):
        if isinstance(item, dict):
            key = next((key for key in LINKED if key in item), None)
            return names.get(key, {}).get(item.get(key), "–") if key else str(item)
        return str(labels.get(item, item))

    for change in (change for entry in entries for change in entry["changes"]):
        for side in ("old", "new"):
            if isinstance(change[side], list):
                change[side] = ", ".join(map(readable, change[side])) or "–"
    return entries


class IndicatorRecord:
    model = CityIndicator
    form_class = CityIndicatorForm
    template_name = "measures/indicators/catalogue/indicator_form.html"
    list_url_name = "indicators:overview"
    list_label = MONITORING
    new_title = gettext_lazy("New monitoring indicator")
    success_message = gettext_lazy("The indicator has been saved.")
    domain_error = CatalogueError

    def get_object(self, queryset=None):
        return get_indicator(self.kwargs["pk"])


class IndicatorCreateView(IndicatorRecord, CreateRecordView):
    permission_required = "measures.add_cityindicator"


class IndicatorUpdateView(IndicatorRecord, UpdateRecordView):
    permission_required = "measures.change_cityindicator"


class IndicatorDeleteView(IndicatorRecord, DeleteRecordView):
    """The confirmation names how many values go with the indicator."""

    permission_required = "measures.delete_cityindicator"
    template_name = "measures/indicators/catalogue/indicator_delete.html"
    success_message = gettext_lazy("The indicator and its values have been deleted.")

    def get_object(self, queryset=None):
        return get_indicator(
            self.kwargs["pk"], CityIndicator.objects.annotate(value_count=Count("values"))
        )

    def delete_record(self, record, user):
        delete_indicator(record, user)


@requires("measures.view_cityindicator")
def indicator_history(request, pk):
    indicator = get_indicator(pk)
    breadcrumbs = [
        (reverse("indicators:overview"), MONITORING),
        (indicator.get_absolute_url(), str(indicator)),
    ]
    title = _("Change history of “%s”") % indicator
    return history_page(request, indicator, breadcrumbs, title)
