from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.admin import HistoryAdmin, ReadOnlyInline
from core.archive import ARCHIVED_FILE_FIELDS

# The integration monitoring's admin pages (issue 15) live beside its staff pages.
from .indicators import admin as indicators_admin  # noqa: F401
from .models import (
    ActionField,
    ArchivedReport,
    FundingApplication,
    FundingDeadline,
    FundingProgramme,
    Indicator,
    IndicatorValue,
    Measure,
    MonitoringRequest,
    MonitoringRound,
    Offer,
    OfferChange,
    OfferInvitation,
    OfferTranslation,
    PartnerLinkFailure,
    Plan,
    Project,
    ProjectDocument,
    ProjectResult,
    Proposal,
    ProposalInvitation,
    ReportedIndicatorValue,
    StatusReport,
)
from .reports.archive import archive_report


class ActionFieldInline(admin.TabularInline):
    model = ActionField
    fields = ["order", "code", "title", "guiding_goal"]
    extra = 0
    show_change_link = True


@admin.register(Plan)
class PlanAdmin(HistoryAdmin):
    list_display = ["title", "version_label", "state", "adopted_on", "resolution_reference"]
    list_filter = ["state"]
    search_fields = ["title", "version_label", "resolution_reference"]
    autocomplete_fields = ["predecessor"]
    inlines = [ActionFieldInline]


@admin.register(ActionField)
class ActionFieldAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "plan", "order"]
    list_filter = ["plan"]
    search_fields = ["code", "title", "plan__version_label"]
    list_select_related = ["plan"]
    autocomplete_fields = ["plan"]
    # The network's actors, working groups and events of the action field: the plan holds
    # these links, so they are edited here (and on the network's own pages).
    filter_horizontal = ["actors", "working_groups", "events"]


class MonitoringFilter(admin.SimpleListFilter):
    """Overdue and stale measures, each found with one query over the whole list."""

    title = _("monitoring")
    parameter_name = "monitoring"

    def lookups(self, request, model_admin):
        return [("overdue", _("overdue")), ("stale", _("no recent status report"))]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.overdue()
        if self.value() == "stale":
            return queryset.stale()
        return queryset


class StatusReportInline(ReadOnlyInline):
    """The measure's reports; they are written and reviewed on their own pages."""

    model = StatusReport
    fields = ["reporting_date", "status", "progress", "review_state", "reporter"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")

    @admin.display(description=_("reported by"))
    def reporter(self, obj):
        return obj.reporter


@admin.register(Measure)
class MeasureAdmin(HistoryAdmin):
    list_display = ["code", "title", "action_field", "status", "progress", "lead_actor", "overdue"]
    list_display_links = ["code", "title"]
    list_filter = [
        "plan",
        "action_field",
        "status",
        MonitoringFilter,
        "priority",
        ("lead_actor", admin.RelatedOnlyFieldListFilter),
        "is_public",
    ]
    search_fields = ["code", "title", "description", "target_groups", "lead_actor__name"]
    list_select_related = ["action_field", "lead_actor"]
    autocomplete_fields = [
        "plan",
        "action_field",
        "lead_actor",
        "partner_actors",
        "predecessors",
        "source_forum",
    ]
    readonly_fields = ["version", "updated_at"]
    fieldsets = [
        (None, {"fields": ["plan", "action_field", "code", "title"]}),
        (_("Content"), {"fields": ["description", "goal", "target_groups"]}),
        (_("Responsibility"), {"fields": ["lead_actor", "partner_actors", "responsible"]}),
        (
            _("Period and status"),
            {"fields": ["priority", "start", "end", "is_continuous", "status", "progress"]},
        ),
        (_("Funding"), {"fields": ["cost_estimate", "funding_source"]}),
        (
            _("Publication and lineage"),
            {
                "fields": [
                    "is_public",
                    "predecessors",
                    "end_reason",
                    "end_note",
                    "source_forum",
                    "version",
                    "updated_at",
                ]
            },
        ),
    ]
    inlines = [StatusReportInline]

    @admin.display(description=_("overdue"), boolean=True)
    def overdue(self, obj):
        return obj.is_overdue


@admin.register(StatusReport)
class StatusReportAdmin(HistoryAdmin):
    list_display = ["measure", "reporting_date", "status", "progress", "review_state", "reporter"]
    list_filter = ["review_state", "status", "measure__plan", "measure__action_field"]
    search_fields = ["measure__code", "measure__title", "text", "author_name"]
    list_select_related = ["measure", "author"]
    date_hierarchy = "reporting_date"
    autocomplete_fields = ["measure"]
    fields = [
        "measure",
        "reporting_date",
        "status",
        "progress",
        "text",
        "next_steps",
        "obstacles",
        "author",
        "author_name",
        "review_state",
        "review_comment",
        "created_at",
    ]

    @admin.display(description=_("reported by"))
    def reporter(self, obj):
        return obj.reporter

    # The author is whoever entered the report. Accepting a report must update its measure,
    # so the review happens in the staff interface's workflow, never by editing the state here.
    readonly_fields = ["author", "created_at", "review_state", "review_comment"]

    def save_model(self, request, obj, form, change):
        if not change and not obj.author_name:
            obj.author = request.user
        super().save_model(request, obj, form, change)


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    fields = ["date", "value", "note"]
    extra = 1


@admin.register(Indicator)
class IndicatorAdmin(HistoryAdmin):
    list_display = ["title", "measure", "unit", "baseline", "target"]
    list_filter = ["measure__plan", "measure__action_field"]
    search_fields = ["title", "measure__code", "measure__title"]
    list_select_related = ["measure"]
    autocomplete_fields = ["measure"]
    inlines = [IndicatorValueInline]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "measure", "date", "value", "note"]
    list_filter = ["indicator__measure__plan"]
    search_fields = ["indicator__title", "indicator__measure__code", "note"]
    list_select_related = ["indicator__measure"]
    date_hierarchy = "date"
    autocomplete_fields = ["indicator"]

    @admin.display(description=_("measure"), ordering="indicator__measure__code")
    def measure(self, obj):
        return obj.indicator.measure


@admin.register(Project)
class ProjectAdmin(HistoryAdmin):
    list_display = ["title", "status", "lead_actor", "start", "end", "responsible"]
    list_filter = ["status"]
    search_fields = ["title", "description", "goals", "funding"]
    autocomplete_fields = ["measures", "action_fields", "lead_actor", "partner_actors"]
    readonly_fields = ["version", "updated_at"]


@admin.register(ProjectDocument)
class ProjectDocumentAdmin(HistoryAdmin):
    """Documents are uploaded on the project's page, where the upload rules are checked."""

    list_display = ["title", "project", "uploaded_at", "uploaded_by"]
    search_fields = ["title", "project__title"]
    list_select_related = ["project", "uploaded_by"]
    readonly_fields = ["project", "file", "size", "content_type", "uploaded_at", "uploaded_by"]


@admin.register(ProjectResult)
class ProjectResultAdmin(HistoryAdmin):
    list_display = ["project", "year", "participants"]
    list_filter = ["year"]
    search_fields = ["project__title", "outcome"]
    list_select_related = ["project"]
    autocomplete_fields = ["project"]


@admin.register(FundingProgramme)
class FundingProgrammeAdmin(HistoryAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "funder", "funder_kind", "funding_rate", "application_deadline"]
    list_filter = ["funder_kind"]
    search_fields = ["name", "funder"]


@admin.register(FundingApplication)
class FundingApplicationAdmin(HistoryAdmin):
    list_display = ["project", "programme", "amount_applied", "amount_granted", "decision_date"]
    list_filter = ["programme"]
    search_fields = ["project__title", "programme__name", "reference_number"]
    list_select_related = ["project", "programme"]
    autocomplete_fields = ["project", "programme"]


@admin.register(FundingDeadline)
class FundingDeadlineAdmin(HistoryAdmin):
    list_display = ["application", "kind", "due_on", "done_on"]
    list_filter = ["kind"]
    search_fields = ["application__project__title", "note"]
    list_select_related = ["application__project", "application__programme"]
    readonly_fields = ["reminded_at"]


@admin.register(Offer)
class OfferAdmin(HistoryAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "provider", "category", "is_published", "confirmed_at"]
    list_filter = ["category", "is_published"]
    search_fields = ["title", "description", "provider__name"]
    list_select_related = ["provider"]
    autocomplete_fields = ["provider", "measures"]
    readonly_fields = ["version", "updated_at"]


@admin.register(OfferTranslation)
class OfferTranslationAdmin(admin.ModelAdmin):
    list_display = ["offer", "language", "title"]
    search_fields = ["offer__title", "title"]
    list_select_related = ["offer"]
    autocomplete_fields = ["offer"]


@admin.register(OfferInvitation)
class OfferInvitationAdmin(HistoryAdmin):
    """Links are sent on the offers' pages (the token is only in the e-mail); the admin shows
    them for support and may delete one, which ends its link."""

    list_display = ["provider", "contact", "expires_on", "invited_at"]
    search_fields = ["provider__name", "contact__last_name"]
    list_select_related = ["provider", "contact"]
    readonly_fields = ["expires_on", "invited_at", "invited_by"]


@admin.register(OfferChange)
class OfferChangeAdmin(HistoryAdmin):
    """Changes come in by the providers' links and are reviewed on the offers' pages."""

    list_display = ["offer", "state", "submitted_at", "reviewed_at"]
    list_filter = ["state"]
    search_fields = ["offer__title", "comment"]
    list_select_related = ["offer"]
    readonly_fields = ["invitation", "submitted_at", "reviewed_at", "reviewed_by"]


class MonitoringRequestInline(ReadOnlyInline):
    """The round's requests; they change through the monitoring workflow."""

    model = MonitoringRequest
    fields = ["measure", "contact", "state", "invited_at", "submitted_at"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("measure", "contact")


@admin.register(MonitoringRound)
class MonitoringRoundAdmin(HistoryAdmin):
    list_display = ["title", "reporting_date", "due_date", "state", "plan"]
    list_filter = ["state", "plan"]
    search_fields = ["title"]
    list_select_related = ["plan"]
    date_hierarchy = "reporting_date"
    # Opening and closing send links and archive reports: only the staff pages do that.
    readonly_fields = ["state", "created_by", "created_at", "opened_at", "closed_at"]
    autocomplete_fields = ["plan"]
    inlines = [MonitoringRequestInline]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_closed:
            # A closed round is a record of what was asked and issued.
            return [field.name for field in obj._meta.fields]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(MonitoringRequest)
class MonitoringRequestAdmin(HistoryAdmin):
    list_display = ["measure", "round", "contact", "state", "invited_at", "submitted_at"]
    list_filter = ["state", "round"]
    search_fields = ["measure__code", "measure__title", "contact__last_name"]
    list_select_related = ["measure", "round", "contact"]
    autocomplete_fields = ["round", "measure", "contact", "report"]
    readonly_fields = [
        "state",
        "report",
        "expires_on",
        "invited_at",
        "reminded_at",
        "reminder_count",
        "submitted_at",
        "reviewed_at",
        "reviewed_by",
    ]

    def get_readonly_fields(self, request, obj=None):
        # An existing request changes only through the round's pages, which also take care
        # of its link (a new contact must not inherit the old contact's link).
        if obj is not None:
            return ["round", "measure", "contact", *self.readonly_fields]
        return self.readonly_fields


@admin.register(ReportedIndicatorValue)
class ReportedIndicatorValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "report", "value"]
    search_fields = ["indicator__title", "report__measure__code"]
    list_select_related = ["indicator", "report__measure"]
    autocomplete_fields = ["report", "indicator"]


@admin.register(ArchivedReport)
class ArchivedReportAdmin(admin.ModelAdmin):
    """Adding an entry issues the report; an archived report is never changed or deleted."""

    list_display = ["title", "edition", "round", "created_at", "created_by_name"]
    list_filter = ["edition", "round"]
    search_fields = ["title", "sha256"]
    list_select_related = ["round"]
    readonly_fields = ["title", *ARCHIVED_FILE_FIELDS]

    def get_fields(self, request, obj=None):
        return ["round", "edition"] if obj is None else ["round", "edition", *self.readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else ["round", "edition", *self.readonly_fields]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        archive_report(request.user, obj.round, obj.edition, into=obj)


@admin.register(PartnerLinkFailure)
class PartnerLinkFailureAdmin(admin.ModelAdmin):
    """Refused partner links; deleting an address's entries lifts its throttle at once."""

    list_display = ["address_hash", "created_at"]
    date_hierarchy = "created_at"
    readonly_fields = ["address_hash", "created_at"]


@admin.register(ProposalInvitation)
class ProposalInvitationAdmin(HistoryAdmin):
    """Invitations are made and renewed on the plan's pages (the link is only in the e-mail);
    the admin shows them for support and may delete one, which ends its link."""

    list_display = ["contact", "plan", "expires_on", "invited_at"]
    list_filter = ["plan"]
    search_fields = ["contact__last_name", "contact__first_name", "plan__title"]
    list_select_related = ["contact", "plan"]
    readonly_fields = ["expires_on", "invited_at", "invited_by"]


@admin.register(Proposal)
class ProposalAdmin(HistoryAdmin):
    """Proposals come in by personal link and are reviewed on the plan's pages."""

    list_display = ["title", "plan", "proposer_organisation", "kind", "state", "submitted_at"]
    list_filter = ["plan", "state", "kind"]
    search_fields = ["title", "description", "proposer_organisation", "proposer_name"]
    list_select_related = ["plan"]
    autocomplete_fields = ["measure", "action_field", "forum", "result"]
    readonly_fields = ["invitation", "submitted_at", "reviewed_at", "reviewed_by"]
