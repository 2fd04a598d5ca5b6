"""Members and their memberships (with the history of terms)."""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exports import export_view
from core.history import change_entries
from core.permissions import requires
from core.views import CreateRecordView, DeleteRecordView, ListView, UpdateRecordView

from ..filters import MemberFilter
from ..forms import EndMembershipForm, MemberForm, MembershipForm
from ..models import Member, Membership
from ..resources import MemberResource
from ..services import CommitteeError, delete_member, end_membership
from .common import CommitteeSection, get_member, get_membership


def member_list_queryset():
    return Member.objects.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("committee", "deputy_for").order_by(
                "-start"
            ),
        )
    ).order_by("last_name", "first_name")


class MemberListView(CommitteeSection, ListView):
    permission_required = "committee.view_member"
    export_url_name = "committee:member_export"
    filterset_class = MemberFilter
    template_name = "committee/member_list.html"

    def get_queryset(self):
        return member_list_queryset()


member_export = export_view(
    "committee.view_member",
    MemberFilter,
    member_list_queryset,
    MemberResource,
    gettext_lazy("members"),
)


@requires("committee.view_member")
def member_detail(request, pk):
    member = get_member(pk)
    memberships = member.memberships.select_related("committee", "deputy_for").order_by("-start")
    return render(
        request,
        "committee/member_detail.html",
        {
            "member": member,
            "memberships": memberships,
            "deputies": member.deputies.select_related("member", "committee").order_by("-start"),
            "attendance_count": member.attendances.count(),
            "changes": change_entries(member.history.select_related("history_user"), limit=10),
        },
    )


class MemberRecord(CommitteeSection):
    model = Member
    form_class = MemberForm
    list_url_name = "committee:member_list"

    def get_object(self, queryset=None):
        return get_member(self.kwargs["pk"])


class MemberCreateView(MemberRecord, CreateRecordView):
    permission_required = "committee.add_member"
    new_title = gettext_lazy("Add a member")
    success_message = gettext_lazy("The member has been added. Now add the membership.")

    def get_success_url(self):
        return f"{reverse('committee:membership_create')}?member={self.object.pk}"


class MemberUpdateView(MemberRecord, UpdateRecordView):
    permission_required = "committee.change_member"
    success_message = gettext_lazy("The member has been saved.")

    def get_title(self):
        return _("Edit member")

    def get_heading(self):
        return _("Edit %(member)s") % {"member": self.object}


class MemberDeleteView(MemberRecord, DeleteRecordView):
    """A member with memberships is kept; the page offers to end them instead."""

    permission_required = "committee.delete_member"
    template_name = "committee/member_delete.html"
    success_message = gettext_lazy("The member has been deleted.")

    def delete_record(self, record, user):
        delete_member(record, user)

    def get_context_data(self, **kwargs):
        member = self.object
        return super().get_context_data(
            open_memberships=member.memberships.filter(end__isnull=True).select_related(
                "committee"
            ),
            has_memberships=member.memberships.exists() or member.deputies.exists(),
            **kwargs,
        )


class MembershipRecord(CommitteeSection):
    model = Membership
    form_class = MembershipForm
    list_url_name = "committee:member_list"
    success_message = gettext_lazy("The membership has been saved.")

    def get_object(self, queryset=None):
        return get_membership(self.kwargs["pk"])

    def get_success_url(self):
        return self.object.member.get_absolute_url()

    def get_cancel_url(self):
        if self.object is not None:
            return self.object.member.get_absolute_url()
        return reverse(self.list_url_name)


class MembershipCreateView(MembershipRecord, CreateRecordView):
    permission_required = "committee.add_membership"
    new_title = gettext_lazy("Add a membership")

    def get_initial(self):
        member = self.request.GET.get("member", "")
        return {"member": int(member)} if member.isdigit() else {}


class MembershipUpdateView(MembershipRecord, UpdateRecordView):
    permission_required = "committee.change_membership"

    def get_title(self):
        return _("Edit membership")

    def get_heading(self):
        return _("Edit the membership of %(member)s") % {"member": self.object.member}


@requires("committee.change_membership")
def membership_end(request, pk):
    membership = get_membership(pk)
    form = EndMembershipForm(request.POST or None, membership=membership)
    if request.method == "POST" and form.is_valid():
        try:
            end_membership(membership, form.cleaned_data["end"], request.user)
        except CommitteeError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The membership has been ended."))
            return redirect(membership.member)
    return render(
        request, "committee/membership_end.html", {"form": form, "membership": membership}
    )
