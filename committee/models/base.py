from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Timestamps are OParl's created/modified; the change history keeps who changed what.
# Timestamps and the version counter (core.concurrency) are no history of their own.
HISTORY_EXCLUDED = ["created", "modified", "version"]


class Timestamped(models.Model):
    created = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    modified = models.DateTimeField(_("modified"), auto_now=True)

    class Meta:
        abstract = True
