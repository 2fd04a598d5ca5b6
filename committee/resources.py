"""Spreadsheet exports of the committee's lists, with German column headers."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from import_export import fields, resources

from .imports import MemberImportResource


def german_date(value):
    return value.strftime("%d.%m.%Y") if value else ""


class MeetingResource(resources.Resource):
    number = fields.Field(attribute="number", column_name=_("Number"))
    committee = fields.Field(attribute="committee__name", column_name=_("Committee"))
    term = fields.Field(attribute="term__name", column_name=_("Legislative term"))
    start = fields.Field(attribute="start", column_name=_("Start"))
    place = fields.Field(attribute="place", column_name=_("Location"))
    public = fields.Field(attribute="is_public", column_name=_("Public"))
    state = fields.Field(
        attribute="get_state_display", column_name=pgettext_lazy("meeting", "State")
    )
    items = fields.Field(attribute="item_count", column_name=_("Agenda items"))

    def dehydrate_start(self, meeting):
        return timezone.localtime(meeting.start).strftime("%d.%m.%Y %H:%M")

    def dehydrate_public(self, meeting):
        return _("yes") if meeting.is_public else _("no")


class MemberResource(MemberImportResource):
    """The member list with the import's columns, so that an exported list imports again
    unchanged: each member with the latest membership. Never e-mail addresses: exports travel
    further than the app (the import then finds members by name)."""

    def get_export_fields(self, selected_fields=None):
        return [
            field
            for field in super().get_export_fields(selected_fields)
            if field.attribute != "email"
        ]

    def export_resource(self, instance, selected_fields=None, **kwargs):
        # The memberships come prefetched, latest first; the columns show the latest.
        memberships = sorted(instance.memberships.all(), key=lambda m: m.start, reverse=True)
        instance._membership = memberships[0] if memberships else None
        return super().export_resource(instance, selected_fields, **kwargs)

    def dehydrate_kind(self, member):
        # "Stadträtin" rather than "Stadträtin/Stadtrat"; the import reads both.
        membership = member.__dict__.get("_membership")
        return membership.kind_title if membership else ""


class FollowUpResource(resources.Resource):
    meeting = fields.Field(column_name=_("Meeting"))
    item = fields.Field(attribute="agenda_item__number", column_name=_("Item"))
    text = fields.Field(attribute="text", column_name=_("Task"))
    owner = fields.Field(column_name=_("Responsible"))
    due_date = fields.Field(
        attribute="due_date", column_name=pgettext_lazy("follow-up", "Due date")
    )
    done_on = fields.Field(attribute="done_on", column_name=_("Done on"))

    def dehydrate_meeting(self, follow_up):
        return str(follow_up.agenda_item.meeting)

    def dehydrate_owner(self, follow_up):
        if follow_up.owner_user:
            return follow_up.owner_user.get_full_name() or follow_up.owner_user.get_username()
        return follow_up.owner_actor.name if follow_up.owner_actor else ""

    def dehydrate_due_date(self, follow_up):
        return german_date(follow_up.due_date)

    def dehydrate_done_on(self, follow_up):
        return german_date(follow_up.done_on)
