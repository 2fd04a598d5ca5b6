"""The areas of the monitoring (the city and its districts): the list, create, edit (with a
GeoJSON boundary), delete, the change history and the upload of all districts' boundaries in
one file. A district's profile is analysis_views.py's."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from core.permissions import requires
from core.views import CreateRecordView, DeleteRecordView, UpdateRecordView

from ..models import Area
from .catalogue_services import CatalogueError, delete_area, store_boundaries
from .catalogue_views import MONITORING, history_page
from .choropleth import MapArea, choropleth_figure
from .forms import AreaForm, BoundariesForm
from .geojson import match_features

AREAS = gettext_lazy("Areas")


def get_area(pk, queryset=None):
    """The one way views load an area: 404 for an unknown id."""
    return get_object_or_404(queryset if queryset is not None else Area.objects.all(), pk=pk)


def area_crumbs():
    return [(reverse("indicators:overview"), MONITORING), (reverse("indicators:areas"), AREAS)]


@requires("measures.view_area")
def area_list(request):
    areas = Area.objects.annotate(value_count=Count("values")).order_by(*Area._meta.ordering)
    context = {"areas": areas, "breadcrumbs": area_crumbs()[:1]}
    return render(request, "measures/indicators/catalogue/area_list.html", context)


def boundary_preview(area):
    """A small map of the stored boundary, or None without one."""
    if area is None or not area.boundary:
        return None
    return choropleth_figure(
        title=area.name,
        unit="",
        decimal_places=0,
        period_label="",
        areas=[MapArea(code=area.code, name=area.name, boundary=area.boundary, value=None)],
        direction="neutral",
        figure_id="boundary-preview",
    )


class AreaRecord:
    model = Area
    form_class = AreaForm
    template_name = "measures/indicators/catalogue/area_form.html"
    list_url_name = "indicators:areas"
    list_label = AREAS
    new_title = gettext_lazy("New area")
    success_message = gettext_lazy("The area has been saved.")
    domain_error = CatalogueError

    def get_object(self, queryset=None):
        return get_area(self.kwargs["pk"])

    def get_breadcrumbs(self):
        crumbs = area_crumbs()
        if self.object is not None:
            crumbs.append((self.object.get_absolute_url(), str(self.object)))
        return crumbs

    def get_cancel_url(self):
        return reverse(self.list_url_name)

    def get_success_url(self):
        return reverse(self.list_url_name)


class AreaCreateView(AreaRecord, CreateRecordView):
    permission_required = "measures.add_area"


class AreaUpdateView(AreaRecord, UpdateRecordView):
    permission_required = "measures.change_area"

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=boundary_preview(self.object), **kwargs)


class AreaDeleteView(AreaRecord, DeleteRecordView):
    """An area that values refer to is kept: the page says so, and a POST is refused."""

    permission_required = "measures.delete_area"
    template_name = "measures/indicators/catalogue/area_delete.html"
    success_message = gettext_lazy("The area has been deleted.")

    def get_object(self, queryset=None):
        return get_area(self.kwargs["pk"], Area.objects.annotate(value_count=Count("values")))

    def delete_record(self, record, user):
        delete_area(record, user)


@requires("measures.view_area")
def area_history(request, pk):
    area = get_area(pk)
    crumbs = [*area_crumbs(), (area.get_absolute_url(), str(area))]
    return history_page(request, area, crumbs, _("Change history of “%s”") % area)


def match_and_store(request, form):
    """Match the file's features to the areas and store all boundaries, or none: what
    matched and what did not, for the page."""
    areas = list(Area.objects.all())
    try:
        matched, unmatched = match_features(form.cleaned_data["file"], areas)
    except ValidationError as error:
        form.add_error("file", error)
        return None
    stored = None
    try:
        stored = store_boundaries(matched, unmatched, request.user)
    except CatalogueError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            ngettext(
                "%(count)d boundary has been stored.",
                "%(count)d boundaries have been stored.",
                stored,
            )
            % {"count": stored},
        )
    return {
        "matched": [area for area in areas if area in matched],
        "unmatched": unmatched,
        "without": [area for area in areas if area not in matched],
        "stored": stored is not None,
    }


@require_http_methods(["GET", "HEAD", "POST"])
@requires("measures.change_area")
def area_boundaries(request):
    """One GeoJSON file with every district: its features are matched to the areas by key or
    name; the boundaries are stored only when every feature matched an area."""
    result = None
    if request.method == "POST":
        form = BoundariesForm(request.POST, request.FILES)
        if form.is_valid():
            result = match_and_store(request, form)
    else:
        form = BoundariesForm()
    context = {"form": form, "result": result, "breadcrumbs": area_crumbs()}
    return render(request, "measures/indicators/catalogue/area_boundaries.html", context)
