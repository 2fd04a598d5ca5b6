from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import AgendaItem, Committee, Meeting, Member, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    fields = ["committee", "member", "role", "kind", "start", "end"]
    autocomplete_fields = ["member"]
    extra = 0


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "contact_email"]
    search_fields = ["name", "short_name"]
    inlines = [MembershipInline]


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "title", "faction", "email"]
    list_display_links = ["last_name", "first_name"]
    list_filter = ["memberships__committee", "memberships__kind"]
    search_fields = ["last_name", "first_name", "faction", "email"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["member", "committee", "role", "kind", "start", "end", "current"]
    list_filter = ["committee", "role", "kind"]
    search_fields = ["member__last_name", "member__first_name", "committee__name"]
    list_select_related = ["member", "committee"]
    autocomplete_fields = ["member", "committee"]

    @admin.display(description=_("current"), boolean=True)
    def current(self, obj):
        return obj.is_current


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    fields = ["order", "number", "title", "kind", "is_public", "measures"]
    autocomplete_fields = ["measures"]
    extra = 0
    show_change_link = True


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["number", "committee", "start", "location", "is_public", "state"]
    list_filter = ["committee", "state", "is_public"]
    search_fields = ["=number", "location", "committee__name", "committee__short_name"]
    list_select_related = ["committee"]
    date_hierarchy = "start"
    fields = ["committee", "number", "start", "end", "location", "is_public", "state"]
    inlines = [AgendaItemInline]

    def get_queryset(self, request):
        # A meeting's name includes its committee; the autocomplete lists use this too.
        return super().get_queryset(request).select_related("committee")


@admin.register(AgendaItem)
class AgendaItemAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "meeting", "kind", "is_public"]
    list_display_links = ["number", "title"]
    list_filter = ["kind", "is_public", "meeting__committee"]
    search_fields = ["title", "minutes", "resolution"]
    list_select_related = ["meeting__committee"]
    autocomplete_fields = ["meeting", "measures"]
    fieldsets = [
        (None, {"fields": ["meeting", "number", "order", "title", "kind", "is_public"]}),
        (_("Linked measures"), {"fields": ["measures"]}),
        (_("Minutes"), {"fields": ["minutes"]}),
        (
            _("Resolution and vote"),
            {"fields": ["resolution", "votes_yes", "votes_no", "votes_abstain", "unanimous"]},
        ),
    ]
