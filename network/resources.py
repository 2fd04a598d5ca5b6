"""Spreadsheet export of working groups and events (actors and contacts: network/imports.py)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources

from core.columns import ExtensibleColumns


class ListResource(ExtensibleColumns, resources.Resource):
    pass


class WorkingGroupResource(ListResource):
    title = fields.Field(attribute="title", column_name=_("Title"))
    chair = fields.Field(attribute="chair", column_name=_("Chair"))
    member_actors = fields.Field(column_name=_("Member actors"))
    member_contacts = fields.Field(column_name=_("Member persons"))
    is_active = fields.Field(attribute="is_active", column_name=_("Active"))

    def dehydrate_chair(self, group):
        return group.chair.full_name if group.chair else ""

    def dehydrate_member_actors(self, group):
        return "; ".join(actor.name for actor in group.member_actors.all())

    def dehydrate_member_contacts(self, group):
        return "; ".join(contact.full_name for contact in group.member_contacts.all())

    def dehydrate_is_active(self, group):
        return _("yes") if group.is_active else _("no")


class EventResource(ListResource):
    title = fields.Field(attribute="title", column_name=_("Title"))
    kind = fields.Field(attribute="get_kind_display", column_name=_("Kind"))
    start = fields.Field(column_name=_("Start"))
    location = fields.Field(attribute="location", column_name=_("Location"))
    participants = fields.Field(attribute="participant_count", column_name=_("Participants"))
    attended = fields.Field(attribute="attended_count", column_name=_("Attended"))

    def dehydrate_start(self, event):
        return timezone.localtime(event.start).strftime("%d.%m.%Y %H:%M")
