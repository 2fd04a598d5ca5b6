from .bodies import Committee, LegislativeTerm, Member, Membership, MembershipQuerySet
from .feeds import CalendarFeedToken
from .items import AgendaItem, Document, FollowUp, FollowUpQuerySet
from .meetings import Attendance, Meeting
from .minutes import ArchivedMinutes, MinutesCorrection
from .oparl import ArchivedInvitation, Faction, FactionMembership, Tombstone, Venue

__all__ = [
    "AgendaItem",
    "ArchivedInvitation",
    "ArchivedMinutes",
    "Attendance",
    "CalendarFeedToken",
    "Committee",
    "Document",
    "Faction",
    "FactionMembership",
    "FollowUp",
    "FollowUpQuerySet",
    "LegislativeTerm",
    "Meeting",
    "Member",
    "Membership",
    "MembershipQuerySet",
    "MinutesCorrection",
    "Tombstone",
    "Venue",
]
