"""The queued and sent e-mails in the admin, for reading and support (issue 11); a failed one
is sent again from its meeting's or round's page."""

from django.contrib import admin

from .admin import DerivedAdmin
from .models import MailDelivery


@admin.register(MailDelivery)
class MailDeliveryAdmin(DerivedAdmin):
    list_display = ["subject", "recipient_name", "kind", "state", "attempts", "sent_at", "created"]
    list_filter = ["kind", "state"]
    search_fields = ["subject", "recipient_name", "recipient_email", "last_error"]
    date_hierarchy = "created"
