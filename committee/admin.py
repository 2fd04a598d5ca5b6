from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from integration_office.admin import HistoryAdmin, ReadOnlyInline

from .forms import DocumentForm
from .models import (
    AgendaItem,
    Attendance,
    Committee,
    Document,
    FollowUp,
    LegislativeTerm,
    Meeting,
    Member,
    Membership,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "member"
    fields = ["committee", "role", "kind", "deputy_for", "start", "end"]
    autocomplete_fields = ["deputy_for"]
    extra = 0


class CommitteeMembershipInline(MembershipInline):
    fk_name = "committee"
    fields = ["member", "role", "kind", "deputy_for", "start", "end"]
    autocomplete_fields = ["member", "deputy_for"]


@admin.register(Committee)
class CommitteeAdmin(HistoryAdmin):
    list_display = ["name", "short_name", "kind", "contact_email"]
    search_fields = ["name", "short_name"]
    inlines = [CommitteeMembershipInline]


@admin.register(LegislativeTerm)
class LegislativeTermAdmin(HistoryAdmin):
    list_display = ["name", "start", "end"]
    search_fields = ["name"]


@admin.register(Member)
class MemberAdmin(HistoryAdmin):
    list_display = ["last_name", "first_name", "title", "faction", "email"]
    list_display_links = ["last_name", "first_name"]
    list_filter = ["memberships__committee", "memberships__kind"]
    search_fields = ["last_name", "first_name", "faction", "email"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(HistoryAdmin):
    list_display = ["member", "committee", "role", "kind", "start", "end", "current"]
    list_filter = ["committee", "role", "kind"]
    search_fields = ["member__last_name", "member__first_name", "committee__name"]
    list_select_related = ["member", "committee"]
    autocomplete_fields = ["member", "committee", "deputy_for"]

    @admin.display(description=_("current"), boolean=True)
    def current(self, obj):
        return obj.is_current


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    fields = ["order", "number", "title", "kind", "is_public", "measures"]
    autocomplete_fields = ["measures"]
    extra = 0
    show_change_link = True


class AttendanceInline(admin.TabularInline):
    model = Attendance
    fields = ["member", "state", "remark"]
    autocomplete_fields = ["member"]
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(HistoryAdmin):
    list_display = ["number", "committee", "term", "start", "location", "is_public", "state"]
    list_filter = ["committee", "term", "state", "is_public"]
    search_fields = ["=number", "location", "committee__name", "committee__short_name"]
    list_select_related = ["committee", "term"]
    date_hierarchy = "start"
    fields = [
        "committee",
        "term",
        "number",
        "start",
        "end",
        "location",
        "room",
        "address",
        "is_public",
        "state",
        "guests",
        "invitation_sent_at",
        "minutes_finalised_at",
    ]
    readonly_fields = ["invitation_sent_at", "minutes_finalised_at"]
    inlines = [AgendaItemInline, AttendanceInline]

    def get_queryset(self, request):
        # A meeting's name includes its committee; the autocomplete lists use this too.
        return super().get_queryset(request).select_related("committee")


class DocumentInline(ReadOnlyInline):
    """Uploads go through the staff pages, which check type and size."""

    model = Document
    fields = ["title", "file_name", "mime_type", "size"]


@admin.register(AgendaItem)
class AgendaItemAdmin(HistoryAdmin):
    list_display = ["number", "title", "meeting", "kind", "is_public"]
    list_display_links = ["number", "title"]
    list_filter = ["kind", "is_public", "meeting__committee"]
    search_fields = ["title", "minutes", "resolution"]
    list_select_related = ["meeting__committee"]
    autocomplete_fields = ["meeting", "measures", "status_reports"]
    fieldsets = [
        (None, {"fields": ["meeting", "number", "order", "title", "kind", "is_public"]}),
        (_("Linked measures"), {"fields": ["measures", "status_reports"]}),
        (_("Minutes"), {"fields": ["minutes"]}),
        (
            _("Resolution and vote"),
            {
                "fields": [
                    "resolution",
                    "votes_yes",
                    "votes_no",
                    "votes_abstain",
                    "unanimous",
                    "result",
                ]
            },
        ),
    ]
    inlines = [DocumentInline]


@admin.register(Attendance)
class AttendanceAdmin(HistoryAdmin):
    list_display = ["meeting", "member", "state", "remark"]
    list_filter = ["state", "meeting__committee"]
    search_fields = ["member__last_name", "member__first_name"]
    list_select_related = ["meeting__committee", "member"]
    autocomplete_fields = ["meeting", "member"]


class DocumentAdminForm(DocumentForm):
    class Meta(DocumentForm.Meta):
        fields = ["agenda_item", "title", "file"]


@admin.register(Document)
class DocumentAdmin(HistoryAdmin):
    """Uploads here pass the same type and size checks as on the staff pages."""

    form = DocumentAdminForm
    list_display = ["title", "agenda_item", "file_name", "mime_type", "size", "created"]
    search_fields = ["title", "file_name"]
    list_select_related = ["agenda_item"]
    autocomplete_fields = ["agenda_item"]
    readonly_fields = ["file_name", "mime_type", "size", "sha1", "uploaded_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(FollowUp)
class FollowUpAdmin(HistoryAdmin):
    list_display = ["__str__", "agenda_item", "owner_user", "owner_actor", "due_date", "done_on"]
    list_filter = ["done_on"]
    search_fields = ["text"]
    list_select_related = ["agenda_item", "owner_user", "owner_actor"]
    autocomplete_fields = ["agenda_item", "owner_actor"]
