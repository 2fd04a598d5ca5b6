from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exports import export_view
from core.history import change_entries
from core.permissions import requires
from core.sections import sections_for
from core.views import CreateRecordView, DeleteRecordView, ListView, UpdateRecordView

from ..filters import EventFilter
from ..forms import AttendanceForm, EventForm
from ..models import Event, EventParticipant
from ..resources import EventResource
from ..services import record_attendance, set_participants
from .common import NetworkSection


def get_event(pk):
    """The one way views load an event: 404 for an unknown id."""
    return get_object_or_404(Event, pk=pk)


def event_queryset():
    return Event.objects.annotate(
        participant_count=Count("participants", distinct=True),
        attended_count=Count("participants", filter=Q(participants__attended=True), distinct=True),
    ).order_by("-start")


def participants_of(event):
    return (
        EventParticipant.objects.filter(event=event)
        .select_related("actor", "contact__actor")
        .order_by("contact__last_name", "actor__name")
    )


class EventListView(NetworkSection, ListView):
    permission_required = "network.view_event"
    export_url_name = "network:event_export"
    filterset_class = EventFilter
    template_name = "network/event_list.html"

    def get_queryset(self):
        return event_queryset()


event_export = export_view(
    "network.view_event", EventFilter, event_queryset, EventResource, gettext_lazy("events")
)


@requires("network.view_event")
def event_detail(request, pk):
    event = get_event(pk)
    participants = list(participants_of(event))
    return render(
        request,
        "network/event_detail.html",
        {
            "event": event,
            "detail_sections": sections_for("network.event_details", event),
            "participants": participants,
            "attended_count": sum(1 for participant in participants if participant.attended),
            "changes": change_entries(event.history.select_related("history_user"), limit=15),
        },
    )


class EventRecord(NetworkSection):
    model = Event
    form_class = EventForm
    list_url_name = "network:event_list"
    list_label = gettext_lazy("Events")
    new_title = gettext_lazy("New event")


class EventFormMixin(EventRecord):
    """Create and edit save the participants with the event; the delete page has no such fields."""

    def save_record(self, form):
        event = form.save()
        set_participants(
            event,
            form.cleaned_data["participant_actors"],
            form.cleaned_data["participant_contacts"],
            self.request.user,
        )
        return event


class EventCreateView(EventFormMixin, CreateRecordView):
    permission_required = "network.add_event"


class EventUpdateView(EventFormMixin, UpdateRecordView):
    permission_required = "network.change_event"


class EventDeleteView(EventRecord, DeleteRecordView):
    permission_required = "network.delete_event"


@requires("network.change_event")
def event_attendance(request, pk):
    """Record who attended: one checkbox per participant, one save."""
    event = get_event(pk)
    participants = list(participants_of(event))
    form = AttendanceForm(participants, request.POST or None)
    if request.method == "POST" and form.is_valid():
        record_attendance(event, form.attended_ids(), request.user)
        messages.success(request, _("The attendance has been saved."))
        return redirect(event)
    return render(
        request,
        "network/event_attendance.html",
        {"event": event, "form": form, "participants": participants},
    )
