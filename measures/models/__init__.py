from .fortschreibung import Proposal, ProposalInvitation
from .indicators import Indicator, IndicatorValue, Project
from .measure import (
    PERCENT_VALIDATORS,
    Measure,
    MeasureQuerySet,
    StatusReport,
    overdue_q,
    stale_cutoff,
    stale_q,
)
from .monitoring import (
    ArchivedReport,
    MonitoringRequest,
    MonitoringRound,
    PartnerLinkFailure,
    ReportedIndicatorValue,
)
from .plan import ActionField, Plan

__all__ = [
    "PERCENT_VALIDATORS",
    "ActionField",
    "ArchivedReport",
    "Indicator",
    "IndicatorValue",
    "Measure",
    "MeasureQuerySet",
    "MonitoringRequest",
    "MonitoringRound",
    "PartnerLinkFailure",
    "Plan",
    "Project",
    "Proposal",
    "ProposalInvitation",
    "ReportedIndicatorValue",
    "StatusReport",
    "overdue_q",
    "stale_cutoff",
    "stale_q",
]
