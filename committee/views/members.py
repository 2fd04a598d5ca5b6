"""Members and their memberships (with the history of terms)."""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters.views import FilterView

from core.concurrency import save_versioned
from core.exports import export_view
from core.history import change_entries
from core.permissions import PermissionMixin, requires

from ..filters import MemberFilter
from ..forms import EndMembershipForm, MemberForm, MembershipForm
from ..models import Member, Membership
from ..resources import MemberResource
from ..services import CommitteeError, delete_member, end_membership
from .common import get_member, get_membership


def member_list_queryset():
    return Member.objects.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("committee", "deputy_for").order_by(
                "-start"
            ),
        )
    ).order_by("last_name", "first_name")


class MemberListView(PermissionMixin, FilterView):
    permission_required = "committee.view_member"
    filterset_class = MemberFilter
    template_name = "committee/member_list.html"
    paginate_by = 25

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


@requires("committee.add_member")
def member_create(request):
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance._history_user = request.user
        member = form.save()
        messages.success(request, _("The member has been added. Now add the membership."))
        return redirect(f"{reverse('committee:membership_create')}?member={member.pk}")
    return render(request, "committee/member_form.html", {"form": form})


@requires("committee.change_member")
def member_edit(request, pk):
    member = get_member(pk)
    form = MemberForm(request.POST or None, instance=member)
    conflict = None
    if request.method == "POST" and form.is_valid():
        conflict = save_versioned(request, form)
        if conflict is None:
            messages.success(request, _("The member has been saved."))
            return redirect(member)
    return render(
        request,
        "committee/member_form.html",
        {"form": form, "member": member, "conflict": conflict},
    )


@requires("committee.delete_member")
def member_delete(request, pk):
    """Confirmation first; a member with memberships is kept and the page offers to end them."""
    member = get_member(pk)
    if request.method == "POST":
        try:
            delete_member(member, request.user)
        except CommitteeError as error:
            messages.error(request, str(error))
            return redirect(member)
        messages.success(request, _("The member has been deleted."))
        return redirect("committee:member_list")
    return render(
        request,
        "committee/member_delete.html",
        {
            "member": member,
            "open_memberships": member.memberships.filter(end__isnull=True).select_related(
                "committee"
            ),
            "has_memberships": member.memberships.exists() or member.deputies.exists(),
        },
    )


@requires("committee.add_membership")
def membership_create(request):
    initial = {}
    if request.GET.get("member", "").isdigit():
        initial["member"] = int(request.GET["member"])
    form = MembershipForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        form.instance._history_user = request.user
        membership = form.save()
        messages.success(request, _("The membership has been saved."))
        return redirect(membership.member)
    return render(request, "committee/membership_form.html", {"form": form})


@requires("committee.change_membership")
def membership_edit(request, pk):
    membership = get_membership(pk)
    form = MembershipForm(request.POST or None, instance=membership)
    conflict = None
    if request.method == "POST" and form.is_valid():
        conflict = save_versioned(request, form)
        if conflict is None:
            messages.success(request, _("The membership has been saved."))
            return redirect(membership.member)
    return render(
        request,
        "committee/membership_form.html",
        {"form": form, "membership": membership, "conflict": conflict},
    )


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
