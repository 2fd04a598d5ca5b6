from .activities import Event, EventParticipant, WorkingGroup
from .actors import Actor, ContactPerson, reconfirm_cutoff, reconfirm_q
from .privacy import ErasureLog

__all__ = [
    "Actor",
    "ContactPerson",
    "ErasureLog",
    "Event",
    "EventParticipant",
    "WorkingGroup",
    "reconfirm_cutoff",
    "reconfirm_q",
]
