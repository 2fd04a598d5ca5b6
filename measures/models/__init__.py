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
from .plan import ActionField, Plan

__all__ = [
    "PERCENT_VALIDATORS",
    "ActionField",
    "Indicator",
    "IndicatorValue",
    "Measure",
    "MeasureQuerySet",
    "Plan",
    "Project",
    "StatusReport",
    "overdue_q",
    "stale_cutoff",
    "stale_q",
]
