from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ErasureLog(models.Model):
    """That personal data were erased, by whom and when – deliberately not whose (DSGVO)."""

    class Kind(models.TextChoices):
        CONTACT_PERSON = "contact_person", _("contact person")

    erased_at = models.DateTimeField(_("erased at"), default=timezone.now)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erased by"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    kind = models.CharField(
        _("kind of data"), max_length=30, choices=Kind.choices, default=Kind.CONTACT_PERSON
    )

    class Meta:
        verbose_name = _("erasure log entry")
        verbose_name_plural = _("erasure log")
        ordering = ["-erased_at"]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.erased_at:%d.%m.%Y %H:%M}"
