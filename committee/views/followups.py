"""Follow-ups (Aufträge) from agenda items: overdue ones first."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_filters.views import FilterView

from core.concurrency import save_versioned
from core.exports import export_view
from core.permissions import PermissionMixin, requires

from ..filters import FollowUpFilter
from ..forms import FollowUpForm
from ..models import FollowUp
from ..resources import FollowUpResource
from ..services import CommitteeError, complete_follow_up
from .common import get_follow_up, get_item


def follow_up_queryset():
    return FollowUp.objects.select_related(
        "agenda_item__meeting__committee", "owner_user", "owner_actor"
    ).overdue_first()


class FollowUpListView(PermissionMixin, FilterView):
    permission_required = "committee.view_followup"
    filterset_class = FollowUpFilter
    template_name = "committee/followup_list.html"
    paginate_by = 25

    def get_queryset(self):
        return follow_up_queryset()


follow_up_export = export_view(
    "committee.view_followup",
    FollowUpFilter,
    follow_up_queryset,
    FollowUpResource,
    gettext_lazy("follow-ups"),
)


@requires("committee.add_followup")
def follow_up_create(request, pk):
    item = get_item(pk)
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.agenda_item = item
        form.instance._history_user = request.user
        form.save()
        messages.success(request, _("The follow-up has been saved."))
        return redirect("committee:item_edit", pk=item.pk)
    return render(request, "committee/followup_form.html", {"form": form, "item": item})


@requires("committee.change_followup")
def follow_up_edit(request, pk):
    follow_up = get_follow_up(pk)
    form = FollowUpForm(request.POST or None, instance=follow_up)
    conflict = None
    if request.method == "POST" and form.is_valid():
        conflict = save_versioned(request, form)
        if conflict is None:
            messages.success(request, _("The follow-up has been saved."))
            return redirect("committee:follow_up_list")
    return render(
        request,
        "committee/followup_form.html",
        {
            "form": form,
            "item": follow_up.agenda_item,
            "follow_up": follow_up,
            "conflict": conflict,
        },
    )


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
