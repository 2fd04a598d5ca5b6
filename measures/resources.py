from django.utils.translation import gettext_lazy as _
from import_export import fields, resources


class MeasureResource(resources.Resource):
    """Measure list export with German column headers."""

    plan = fields.Field(attribute="plan__version_label", column_name=_("Plan"))
    action_field = fields.Field(attribute="action_field__title", column_name=_("Action field"))
    code = fields.Field(attribute="code", column_name=_("Code"))
    title = fields.Field(attribute="title", column_name=_("Title"))
    status = fields.Field(attribute="get_status_display", column_name=_("Status"))
    progress = fields.Field(attribute="progress", column_name=_("Progress (%)"))
    priority = fields.Field(attribute="get_priority_display", column_name=_("Priority"))
    lead_actor = fields.Field(attribute="lead_actor__name", column_name=_("Lead actor"))
    start = fields.Field(attribute="start", column_name=_("Start"))
    end = fields.Field(attribute="end", column_name=_("End"))
    is_continuous = fields.Field(attribute="is_continuous", column_name=_("Continuous"))
    last_report_date = fields.Field(attribute="last_report_date", column_name=_("Last report"))
    goal = fields.Field(attribute="goal", column_name=_("Goal"))

    def dehydrate_is_continuous(self, measure):
        return _("yes") if measure.is_continuous else _("no")

    def dehydrate_start(self, measure):
        return measure.start.strftime("%d.%m.%Y") if measure.start else ""

    def dehydrate_end(self, measure):
        return measure.end.strftime("%d.%m.%Y") if measure.end else ""

    def dehydrate_last_report_date(self, measure):
        return measure.last_report_date.strftime("%d.%m.%Y") if measure.last_report_date else ""
