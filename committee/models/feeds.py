"""Personal calendar feed addresses of staff members: calendar apps cannot log in."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A calendar app polls every few minutes; "last used" need not be exact to the minute.
LAST_USED_PRECISION = datetime.timedelta(hours=1)


def hash_feed_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeedTokenQuerySet(models.QuerySet):
    def find(self, token):
        """The link of `token` while its owner may see the meetings; None otherwise."""
        link = self.select_related("user").filter(token_hash=hash_feed_token(token)).first()
        if link is None or not link.user.has_perm("committee.view_meeting"):
            return None
        return link


class CalendarFeedToken(models.Model):
    """The secret of one user's feed address (one per user); only its SHA-256 is kept, so the
    address is shown once, when it is made."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_feed_token",
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    created = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    last_used = models.DateTimeField(_("last fetched"), null=True, blank=True, editable=False)

    objects = CalendarFeedTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar link")
        verbose_name_plural = _("calendar links")

    def __str__(self):
        return str(_("Calendar link of %(user)s") % {"user": self.user})

    @classmethod
    @transaction.atomic
    def issue(cls, user):
        """A new secret address for `user`, replacing the previous one; returns the token."""
        token = secrets.token_urlsafe(32)  # 256 bits
        cls.objects.update_or_create(
            user=user,
            defaults={
                "token_hash": hash_feed_token(token),
                "created": timezone.now(),
                "last_used": None,
            },
        )
        return token

    @classmethod
    def revoke(cls, user):
        """Remove `user`'s address; True if there was one."""
        deleted, _details = cls.objects.filter(user=user).delete()
        return deleted > 0

    def note_use(self):
        now = timezone.now()
        if self.last_used is None or now - self.last_used > LAST_USED_PRECISION:
            type(self).objects.filter(pk=self.pk).update(last_used=now)
            self.last_used = now
