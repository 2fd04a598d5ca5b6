from django.db.models import Exists, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from core.exports import export_view
from core.history import change_entries
from core.permissions import requires
from core.sections import sections_for
from core.views import CreateRecordView, DeleteRecordView, ListView, UpdateRecordView
from core.widgets import search_response

from ..filters import ActorFilter
from ..forms import ActorForm
from ..imports import ActorResource
from ..models import Actor, ContactPerson, Event, EventParticipant
from ..search import ACTORS
from .common import NetworkSection


def get_actor(pk, queryset=None):
    """The one way views load an actor: 404 for an unknown id."""
    return get_object_or_404(queryset if queryset is not None else Actor.objects.all(), pk=pk)


def actor_queryset():
    return Actor.objects.order_by("name")


class ActorListView(NetworkSection, ListView):
    permission_required = "network.view_actor"
    export_url_name = "network:actor_export"
    filterset_class = ActorFilter
    template_name = "network/actor_list.html"
    # The same for everybody who may see the list: its filter panel (with choices from the
    # database) and its results are cached per query until the next save (core.caching).
    extra_context = {"filter_cache": "actor-filters", "results_cache": "actor-list"}

    def get_queryset(self):
        # What the list shows (no address, notes or communities; the export takes everything).
        return actor_queryset().only("name", "short_name", "kind", "languages", "is_active")


actor_export = export_view(
    "network.view_actor", ActorFilter, actor_queryset, ActorResource, _("actors")
)


@requires("network.view_actor")
def actor_detail(request, pk):
    actor = get_actor(
        pk,
        Actor.objects.prefetch_related(
            Prefetch("contacts", queryset=ContactPerson.objects.order_by("last_name")),
            "working_groups",
        ),
    )
    # Events the actor took part in itself or through one of its contact persons.
    mine = EventParticipant.objects.filter(event=OuterRef("pk")).filter(
        Q(actor=actor) | Q(contact__actor=actor)
    )
    events = (
        Event.objects.filter(Exists(mine))
        .annotate(attended=Exists(mine.filter(attended=True)))
        .order_by("-start")
    )
    return render(
        request,
        "network/actor_detail.html",
        {
            "actor": actor,
            "detail_sections": sections_for("network.actor_details", actor),
            "sections": sections_for("network.actor_detail", actor),
            "events": events,
            "changes": change_entries(actor.history.select_related("history_user"), limit=15),
        },
    )


@require_GET
@requires("network.view_actor")
def actor_search(request):
    """JSON for the pickers: actors matching `q`; with `active=1` only active ones."""
    actors = Actor.objects.all()
    if request.GET.get("active"):
        actors = actors.filter(is_active=True)
    return search_response(request, ACTORS, actors)


class ActorRecord(NetworkSection):
    model = Actor
    form_class = ActorForm
    list_url_name = "network:actor_list"
    list_label = _("Network")
    new_title = _("New actor")


class ActorCreateView(ActorRecord, CreateRecordView):
    permission_required = "network.add_actor"


class ActorUpdateView(ActorRecord, UpdateRecordView):
    permission_required = "network.change_actor"


class ActorDeleteView(ActorRecord, DeleteRecordView):
    permission_required = "network.delete_actor"
