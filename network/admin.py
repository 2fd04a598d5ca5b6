from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.admin import HistoryAdmin

from .models import Actor, ContactPerson, ErasureLog, Event, EventParticipant, WorkingGroup

CONSENT_FIELDS = ["legal_basis", "consent_date", "consent_scope", "source", "last_confirmed"]


class ContactPersonInline(admin.TabularInline):
    model = ContactPerson
    fields = ["first_name", "last_name", "function", "email", "phone", *CONSENT_FIELDS]
    extra = 0
    show_change_link = True


@admin.register(Actor)
class ActorAdmin(HistoryAdmin):
    list_display = ["name", "short_name", "kind", "city", "email", "phone", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "languages", "communities", "email", "city"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "short_name", "kind", "is_active"]}),
        (
            _("Address and contact"),
            {"fields": ["street", "postal_code", "city", "website", "email", "phone"]},
        ),
        (
            _("Languages and communities"),
            {"fields": ["languages", "communities", "founded_year", "member_count"]},
        ),
        (_("Internal"), {"fields": ["notes"]}),
    ]
    inlines = [ContactPersonInline]


@admin.register(ContactPerson)
class ContactPersonAdmin(HistoryAdmin):
    list_display = [
        "last_name",
        "first_name",
        "actor",
        "function",
        "email",
        "legal_basis",
        "consent_date",
        "last_confirmed",
    ]
    list_display_links = ["last_name", "first_name"]
    list_filter = ["legal_basis", "actor__kind"]
    search_fields = ["first_name", "last_name", "email", "function", "actor__name"]
    list_select_related = ["actor"]
    autocomplete_fields = ["actor"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "actor",
                    "salutation",
                    "first_name",
                    "last_name",
                    "function",
                    "email",
                    "phone",
                    "preferred_language",
                ]
            },
        ),
        (_("Legal basis (GDPR)"), {"fields": CONSENT_FIELDS}),
    ]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(HistoryAdmin):
    list_display = ["title", "chair", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["title", "description"]
    list_select_related = ["chair"]
    autocomplete_fields = ["chair", "member_actors", "member_contacts"]


class EventParticipantInline(admin.TabularInline):
    model = EventParticipant
    fields = ["actor", "contact", "attended"]
    autocomplete_fields = ["actor", "contact"]
    extra = 0


@admin.register(Event)
class EventAdmin(HistoryAdmin):
    list_display = ["title", "kind", "start", "location"]
    list_filter = ["kind"]
    search_fields = ["title", "location", "summary"]
    date_hierarchy = "start"
    inlines = [EventParticipantInline]


@admin.register(EventParticipant)
class EventParticipantAdmin(HistoryAdmin):
    list_display = ["event", "actor", "contact", "attended"]
    list_filter = ["attended", "event"]
    list_select_related = ["event", "actor", "contact"]
    autocomplete_fields = ["event", "actor", "contact"]


@admin.register(ErasureLog)
class ErasureLogAdmin(admin.ModelAdmin):
    """The log is written by the erasure itself; an entry may be added for an erasure done
    outside this application (paper files), but never changed or removed."""

    list_display = ["erased_at", "erased_by", "kind"]
    fields = ["erased_at", "kind"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        obj.erased_by = request.user
        super().save_model(request, obj, form, change)
