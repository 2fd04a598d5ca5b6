"""Feedback on the accessibility of our pages: stored, mailed to the office's contact address,
limited per client address, deleted after a year (issue 14)."""

import datetime
import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.caching import FRAGMENTS
from core.deliveries import queue_mail

from .models import AccessibilityFeedback

MAIL_KIND = "accessibility_feedback"
# At most this many submissions per client address and window.
MAX_SUBMISSIONS = 5
WINDOW = datetime.timedelta(hours=1)


def _throttle_key(address: str) -> str:
    # Hashed with the secret key: the cache holds no readable IP addresses.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()
    return f"public-feedback:{digest}"


def is_throttled(address: str) -> bool:
    """Whether the address has sent MAX_SUBMISSIONS within the window."""
    return caches[FRAGMENTS].get(_throttle_key(address), 0) >= MAX_SUBMISSIONS


def count_submission(address: str) -> None:
    """Count a submission; the window starts with the address's first one."""
    cache = caches[FRAGMENTS]
    key = _throttle_key(address)
    if not cache.add(key, 1, int(WINDOW.total_seconds())):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, int(WINDOW.total_seconds()))


def submit_feedback(feedback: AccessibilityFeedback) -> AccessibilityFeedback:
    """Store the feedback and mail it to the accessibility contact after the commit; the
    mail's text is erased once sent, so that the feedback's retention holds for it too."""
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        feedback.save()
        queue_mail(
            kind=MAIL_KIND,
            target=feedback,
            key=f"{MAIL_KIND}:{feedback.pk}",
            recipient_name=settings.OFFICE_UNIT,
            recipient_email=settings.ACCESSIBILITY_CONTACT_EMAIL,
            reply_to=feedback.email,
            subject=_("Feedback on accessibility: %(page)s")
            % {"page": feedback.page or _("no page named")},
            body=mail_body(feedback),
            erase_body=True,
        )
    return feedback


def mail_body(feedback: AccessibilityFeedback) -> str:
    received = timezone.localtime(feedback.created_at).strftime("%d.%m.%Y %H:%M")
    lines = [
        _("Feedback on the accessibility of the integration plan's pages, received %(date)s.")
        % {"date": received},
        "",
        # Not f-strings: gettext's extraction does not look inside them.
        _("Page concerned: %(page)s") % {"page": feedback.page or "–"},
        _("Name: %(name)s") % {"name": feedback.name or "–"},
        _("E-mail address: %(email)s") % {"email": feedback.email or _("none, no answer possible")},
        "",
        feedback.message,
        "",
        _(
            "Please answer within a reasonable time. The feedback is deleted automatically "
            "after one year."
        ),
    ]
    return "\n".join(lines)


def delete_expired_feedback(now: datetime.datetime | None = None) -> int:
    """Delete feedback past its retention period; returns how many (run_periodic)."""
    deleted, _by_model = AccessibilityFeedback.objects.expired(now).delete()
    return deleted
