from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Actor, ContactPerson

CONSENT_FIELDS = ["legal_basis", "consent_date", "consent_scope", "last_confirmed"]


class ContactPersonInline(admin.TabularInline):
    model = ContactPerson
    fields = ["first_name", "last_name", "function", "email", "phone", *CONSENT_FIELDS]
    extra = 0
    show_change_link = True


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "city", "email", "phone", "is_active"]
    list_filter = ["kind", "is_active", "action_fields__plan", "action_fields"]
    search_fields = ["name", "short_name", "languages", "communities", "email", "city"]
    filter_horizontal = ["action_fields"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "short_name", "kind", "action_fields", "is_active"]}),
        (
            _("Address and contact"),
            {"fields": ["street", "postal_code", "city", "website", "email", "phone"]},
        ),
        (_("Languages and communities"), {"fields": ["languages", "communities"]}),
        (_("Internal"), {"fields": ["notes"]}),
    ]
    inlines = [ContactPersonInline]


@admin.register(ContactPerson)
class ContactPersonAdmin(SimpleHistoryAdmin):
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
        (None, {"fields": ["actor", "first_name", "last_name", "function", "email", "phone"]}),
        (_("Legal basis (GDPR)"), {"fields": CONSENT_FIELDS}),
    ]
