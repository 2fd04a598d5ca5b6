from .bodies import Committee, LegislativeTerm, Member, Membership, MembershipQuerySet
from .items import AgendaItem, Document, FollowUp, FollowUpQuerySet
from .meetings import Attendance, Meeting

__all__ = [
    "AgendaItem",
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
]
