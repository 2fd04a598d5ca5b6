from django.contrib import admin
from django.http import HttpRequest

from .models import AccessibilityFeedback


@admin.register(AccessibilityFeedback)
class AccessibilityFeedbackAdmin(admin.ModelAdmin):
    """Feedback as the visitor sent it: read and deleted, never written by hand (it is deleted
    automatically after a year, see public.feedback)."""

    list_display = ["created_at", "page", "name", "email"]
    search_fields = ["message", "page", "name", "email"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "message", "page", "name", "email"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
