from django.utils.translation import gettext_lazy as _
from import_export import fields, resources


def german_date(value):
    return value.strftime("%d.%m.%Y") if value else ""


def names(related):
    return ", ".join(str(obj) for obj in related.all())


class ProjectResource(resources.Resource):
    """The project list's export with German column headers; the sums come from the queryset
    (project_views.project_queryset)."""

    title = fields.Field(attribute="title", column_name=_("Title"))
    status = fields.Field(attribute="get_status_display", column_name=_("State"))
    lead_actor = fields.Field(attribute="lead_actor__name", column_name=_("Lead actor"))
    partner_actors = fields.Field(column_name=_("Partner actors"))
    action_fields = fields.Field(column_name=_("Action fields"))
    measures = fields.Field(column_name=_("Measures"))
    target_groups = fields.Field(attribute="target_groups", column_name=_("Target groups"))
    start = fields.Field(attribute="start", column_name=_("Start"))
    end = fields.Field(attribute="end", column_name=_("End"))
    responsible = fields.Field(column_name=_("Responsible staff member"))
    applied = fields.Field(attribute="applied_sum", column_name=_("Applied for (EUR)"))
    granted = fields.Field(attribute="granted_sum", column_name=_("Granted (EUR)"))
    funding = fields.Field(attribute="funding", column_name=_("Funding note"))
    description = fields.Field(attribute="description", column_name=_("Description"))
    goals = fields.Field(attribute="goals", column_name=_("Goals"))

    def dehydrate_partner_actors(self, project):
        return names(project.partner_actors)

    def dehydrate_action_fields(self, project):
        return names(project.action_fields)

    def dehydrate_measures(self, project):
        return ", ".join(measure.code for measure in project.measures.all())

    def dehydrate_start(self, project):
        return german_date(project.start)

    def dehydrate_end(self, project):
        return german_date(project.end)

    def dehydrate_responsible(self, project):
        user = project.responsible
        return (user.get_full_name() or user.get_username()) if user else ""
