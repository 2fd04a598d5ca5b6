from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from core.exports import export_view
from core.history import change_entries
from core.permissions import requires
from core.sections import sections_for
from core.views import CreateRecordView, DeleteRecordView, ListView, UpdateRecordView

from ..filters import WorkingGroupFilter
from ..forms import WorkingGroupForm
from ..models import ContactPerson, WorkingGroup
from ..resources import WorkingGroupResource
from .common import NetworkSection


def group_queryset():
    return (
        WorkingGroup.objects.select_related("chair")
        .annotate(
            actor_count=Count("member_actors", distinct=True),
            contact_count=Count("member_contacts", distinct=True),
        )
        .order_by("title")
    )


def group_export_queryset():
    return group_queryset().prefetch_related("member_actors", "member_contacts")


class WorkingGroupListView(NetworkSection, ListView):
    permission_required = "network.view_workinggroup"
    export_url_name = "network:group_export"
    filterset_class = WorkingGroupFilter
    template_name = "network/group_list.html"

    def get_queryset(self):
        return group_queryset()


group_export = export_view(
    "network.view_workinggroup",
    WorkingGroupFilter,
    group_export_queryset,
    WorkingGroupResource,
    _("working-groups"),
)


@requires("network.view_workinggroup")
def group_detail(request, pk):
    group = get_object_or_404(
        WorkingGroup.objects.select_related("chair__actor").prefetch_related(
            "member_actors",
            Prefetch("member_contacts", queryset=ContactPerson.objects.select_related("actor")),
        ),
        pk=pk,
    )
    return render(
        request,
        "network/group_detail.html",
        {
            "group": group,
            "detail_sections": sections_for("network.group_details", group),
            "changes": change_entries(group.history.select_related("history_user"), limit=15),
        },
    )


class GroupRecord(NetworkSection):
    model = WorkingGroup
    form_class = WorkingGroupForm
    list_url_name = "network:group_list"
    list_label = _("Working groups")
    new_title = _("New working group")


class WorkingGroupCreateView(GroupRecord, CreateRecordView):
    permission_required = "network.add_workinggroup"


class WorkingGroupUpdateView(GroupRecord, UpdateRecordView):
    permission_required = "network.change_workinggroup"


class WorkingGroupDeleteView(GroupRecord, DeleteRecordView):
    permission_required = "network.delete_workinggroup"
