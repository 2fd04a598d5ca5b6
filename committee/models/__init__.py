from .bodies import Committee, LegislativeTerm, Member, Membership, MembershipQuerySet
from .items import AgendaItem, Document, FollowUp, FollowUpQuerySet
from .meetings import Attendance, Meeting
from .minutes import ArchivedMinutes, MinutesCorrection

__all__ = [
    "AgendaItem",
    "ArchivedMinutes",
    "Attendance",
    "Committee",
    "Document",
    "FollowUp",
    "FollowUpQuerySet",
    "LegislativeTerm",
    "Meeting",
    "Member",
    "Membership",
    "MembershipQuerySet",
    "MinutesCorrection",
]
