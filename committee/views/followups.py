"""Follow-ups (Aufträge) from agenda items: overdue ones first."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.exports import export_view
from core.permissions import requires
from core.views import CreateRecordView, ListView, UpdateRecordView

from ..filters import FollowUpFilter
from ..forms import FollowUpForm
from ..models import FollowUp
from ..resources import FollowUpResource
from ..services import CommitteeError, complete_follow_up
from .common import CommitteeSection, get_follow_up, get_item


def follow_up_queryset():
    return FollowUp.objects.select_related(
        "agenda_item__meeting__committee", "owner_user", "owner_actor"
    ).overdue_first()


class FollowUpListView(CommitteeSection, ListView):
    permission_required = "committee.view_followup"
    export_url_name = "committee:follow_up_export"
    filterset_class = FollowUpFilter
    template_name = "committee/followup_list.html"

    def get_queryset(self):
        return follow_up_queryset()


follow_up_export = export_view(
    "committee.view_followup",
    FollowUpFilter,
    follow_up_queryset,
    FollowUpResource,
    gettext_lazy("follow-ups"),
)


class FollowUpRecord(CommitteeSection):
    """A follow-up's page sits under its agenda item: breadcrumb and Cancel lead there."""

    model = FollowUp
    form_class = FollowUpForm
    success_message = gettext_lazy("The follow-up has been saved.")

    def get_breadcrumbs(self):
        return [
            (self.item.meeting.get_absolute_url(), str(self.item.meeting)),
            (self.item.get_absolute_url(), str(self.item)),
        ]

    def get_cancel_url(self):
        return self.item.get_absolute_url()


class FollowUpCreateView(FollowUpRecord, CreateRecordView):
    permission_required = "committee.add_followup"
    new_title = gettext_lazy("Add a follow-up")

    @cached_property
    def item(self):
        return get_item(self.kwargs["pk"])

    def save_record(self, form):
        form.instance.agenda_item = self.item
        return form.save()

    def get_success_url(self):
        return self.item.get_absolute_url()


class FollowUpUpdateView(FollowUpRecord, UpdateRecordView):
    permission_required = "committee.change_followup"
    success_url = reverse_lazy("committee:follow_up_list")

    @property
    def item(self):
        return self.object.agenda_item

    def get_object(self, queryset=None):
        return get_follow_up(self.kwargs["pk"])

    def get_title(self):
        return _("Edit follow-up")


@require_POST
@requires("committee.change_followup")
def follow_up_done(request, pk):
    follow_up = get_follow_up(pk)
    try:
        complete_follow_up(follow_up, request.user)
    except CommitteeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The follow-up has been marked as done."))
    return redirect("committee:follow_up_list")
