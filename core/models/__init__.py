"""The models of the shared layer: background work that every app uses (issue 11)."""

from .deliveries import MailDelivery
from .jobs import Job

__all__ = ["Job", "MailDelivery"]
