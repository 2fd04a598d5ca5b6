from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, render
from django_filters.views import FilterView

from integration_office.permissions import PermissionMixin, requires
from measures.models import Measure

from .filters import MeetingFilter
from .models import AgendaItem, Meeting


class MeetingListView(PermissionMixin, FilterView):
    permission_required = "committee.view_meeting"
    filterset_class = MeetingFilter
    template_name = "committee/meeting_list.html"
    paginate_by = 25

    def get_queryset(self):
        return (
            Meeting.objects.select_related("committee")
            .annotate(item_count=Count("agenda_items"))
            .order_by("-start")
        )


@requires("committee.view_meeting")
def meeting_detail(request, pk):
    meeting = get_object_or_404(
        Meeting.objects.select_related("committee").prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.prefetch_related(
                    Prefetch("measures", queryset=Measure.objects.only("pk", "code", "title"))
                ),
            )
        ),
        pk=pk,
    )
    return render(request, "committee/meeting_detail.html", {"meeting": meeting})
