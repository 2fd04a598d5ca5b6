from .city_indicators import Area, Breakdown, CityIndicator, CityIndicatorValue, Topic
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
from .offers import Offer, OfferChange, OfferInvitation, OfferTranslation
from .plan import ActionField, Plan
from .projects import (
    FundingApplication,
    FundingDeadline,
    FundingProgramme,
    ProjectDocument,
    ProjectResult,
)

__all__ = [
    "PERCENT_VALIDATORS",
    "ActionField",
    "ArchivedReport",
    "Area",
    "Breakdown",
    "CityIndicator",
    "CityIndicatorValue",
    "FundingApplication",
    "FundingDeadline",
    "FundingProgramme",
    "Indicator",
    "IndicatorValue",
    "Measure",
    "MeasureQuerySet",
    "MonitoringRequest",
    "MonitoringRound",
    "Offer",
    "OfferChange",
    "OfferInvitation",
    "OfferTranslation",
    "PartnerLinkFailure",
    "Plan",
    "Project",
    "ProjectDocument",
    "ProjectResult",
    "Proposal",
    "ProposalInvitation",
    "ReportedIndicatorValue",
    "StatusReport",
    "Topic",
    "overdue_q",
    "stale_cutoff",
    "stale_q",
]
