from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.admin import DerivedAdmin, HistoryAdmin, ReadOnlyInline
from core.archive import ARCHIVED_FILE_FIELDS

from .forms import DocumentForm
from .forms_records import MinutesCorrectionAdminForm
from .models import (
    AgendaItem,
    ArchivedInvitation,
    ArchivedMinutes,
    Attendance,
    CalendarFeedToken,
    Committee,
    Document,
    Faction,
    FactionMembership,
    FollowUp,
    LegislativeTerm,
    Meeting,
    Member,
    Membership,
    MinutesCorrection,
    Tombstone,
    Venue,
)
from .records import archive_again, correct_minutes


class FinalisedReadOnlyMixin:
    """Records of a meeting whose minutes are final are only shown, as on the staff pages;
    corrections go through the correction page, which records them."""

    meeting_path = "meeting"

    def _is_finalised(self, obj):
        meeting = obj
        for step in self.meeting_path.split("__") if self.meeting_path else ():
            meeting = getattr(meeting, step)
        return meeting.is_finalised

    def has_change_permission(self, request, obj=None):
        if obj is not None and self._is_finalised(obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and self._is_finalised(obj):
            return False
        return super().has_delete_permission(request, obj)


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
class MeetingAdmin(FinalisedReadOnlyMixin, HistoryAdmin):
    meeting_path = ""
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
class AgendaItemAdmin(FinalisedReadOnlyMixin, HistoryAdmin):
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
class AttendanceAdmin(FinalisedReadOnlyMixin, HistoryAdmin):
    list_display = ["meeting", "member", "state", "remark"]
    list_filter = ["state", "meeting__committee"]
    search_fields = ["member__last_name", "member__first_name"]
    list_select_related = ["meeting__committee", "member"]
    autocomplete_fields = ["meeting", "member"]


class DocumentAdminForm(DocumentForm):
    class Meta(DocumentForm.Meta):
        fields = ["agenda_item", "title", "file"]


@admin.register(Document)
class DocumentAdmin(FinalisedReadOnlyMixin, HistoryAdmin):
    """Uploads here pass the same type and size checks as on the staff pages."""

    meeting_path = "agenda_item__meeting"

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


@admin.register(ArchivedMinutes)
class ArchivedMinutesAdmin(admin.ModelAdmin):
    """Adding an entry archives finalised minutes once more; archived minutes never change."""

    list_display = ["title", "revision", "edition", "meeting", "created_at", "created_by_name"]
    list_filter = ["edition", "meeting__committee"]
    search_fields = ["title", "sha256"]
    list_select_related = ["meeting__committee"]
    readonly_fields = ["edition", "revision", "title", *ARCHIVED_FILE_FIELDS]

    def get_fields(self, request, obj=None):
        return ["meeting"] if obj is None else ["meeting", *self.readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else ["meeting", *self.readonly_fields]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "meeting":
            kwargs["queryset"] = Meeting.objects.filter(
                minutes_finalised_at__isnull=False
            ).select_related("committee")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        archive_again(obj.meeting, request.user, into=obj)


@admin.register(MinutesCorrection)
class MinutesCorrectionAdmin(admin.ModelAdmin):
    """Adding an entry corrects finalised minutes as the staff page does; corrections stay."""

    form = MinutesCorrectionAdminForm
    list_display = ["meeting", "agenda_item", "field", "created_at", "created_by_name"]
    list_select_related = ["meeting__committee", "agenda_item"]
    search_fields = ["reason", "old_value", "new_value"]
    autocomplete_fields = ["agenda_item"]
    readonly_fields = [
        "meeting",
        "agenda_item",
        "field",
        "old_value",
        "new_value",
        "reason",
        "created_by_name",
        "created_at",
    ]

    def get_fields(self, request, obj=None):
        return (
            ["agenda_item", "field", "new_value", "reason"] if obj is None else self.readonly_fields
        )

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        item = form.cleaned_data["agenda_item"]
        name = form.cleaned_data["field"]
        values = {name: form.cleaned_data["value"]}
        [recorded] = correct_minutes(item, values, form.cleaned_data["reason"], request.user)
        obj.pk, obj.meeting_id = recorded.pk, recorded.meeting_id
        obj._state.adding = False


@admin.register(CalendarFeedToken)
class CalendarFeedTokenAdmin(admin.ModelAdmin):
    """Who has a personal calendar link; a link can be revoked here (deleted), for example when
    someone leaves. Links are made only by their owners, who alone see the address, once."""

    list_display = ["user", "created", "last_used"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    fields = readonly_fields = ["user", "created", "last_used"]

    def has_change_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        """Explains where links are made instead of making one nobody would ever see."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Add calendar link"),
            "subscription_url": reverse("committee:calendar_subscription"),
        }
        return TemplateResponse(request, "admin/committee/calendarfeedtoken/add.html", context)


# Derived for OParl (committee/oparl/): places from the meetings' rooms, factions from the
# members' data, deletion markers, and the public invitations archived when they were sent.
@admin.register(Venue)
class VenueAdmin(DerivedAdmin):
    list_display = ["building", "room", "address"]
    search_fields = ["building", "room", "address"]


@admin.register(Faction)
class FactionAdmin(DerivedAdmin):
    list_display = ["name"]
    search_fields = ["name"]


@admin.register(FactionMembership)
class FactionMembershipAdmin(DerivedAdmin):
    list_display = ["member", "faction"]
    list_select_related = ["member", "faction"]


@admin.register(Tombstone)
class TombstoneAdmin(DerivedAdmin):
    list_display = ["object_type", "object_pk", "deleted"]
    list_filter = ["object_type"]


@admin.register(ArchivedInvitation)
class ArchivedInvitationAdmin(DerivedAdmin):
    list_display = ["meeting", "title"]
    list_select_related = ["meeting"]
