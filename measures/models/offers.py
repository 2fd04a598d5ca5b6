"""Offers (Angebote) and the providers' yearly confirmation by personal link (issue 17).

An offer is a recurring service of an actor (language course, counselling hour, meeting place,
homework help, women's group, …). The public guide (Wegweiser, public/) lists the published
offers whose provider or the office confirmed them within OFFER_CONFIRM_MONTHS (15) months.
Once a year Koordination sends each provider's contact person a personal link (hashed token,
expiring, as the monitoring partner links) to confirm or correct their offers; corrections
land as OfferChange rows in a review queue and change the offer only when staff accept them.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import version_field
from network.languages import validate_language_codes

from .links import PersonalLink
from .measure import Measure


class Offer(models.Model):
    class Category(models.TextChoices):
        LANGUAGE = "language", _("language courses")
        COUNSELLING = "counselling", _("counselling")
        MEETING = "meeting", _("places to meet")
        HOMEWORK = "homework", _("homework help and tutoring")
        WOMEN = "women", _("women's groups")
        EDUCATION = "education", _("education and school")
        WORK = "work", _("work and vocational training")
        LEISURE = "leisure", _("leisure, sport and culture")
        OTHER = "other", _("other offers")

    provider = models.ForeignKey(
        "network.Actor", verbose_name=_("provider"), on_delete=models.PROTECT, related_name="offers"
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description in plain German"))
    languages = models.CharField(
        _("languages"),
        max_length=200,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("Languages in which the offer is held, as ISO 639 codes separated by commas."),
    )
    target_groups = models.CharField(_("target groups"), max_length=300, blank=True)
    district = models.CharField(_("district"), max_length=100, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    schedule = models.TextField(_("when"), blank=True, help_text=_("E.g. “Tuesdays 9–11 am”."))
    is_free = models.BooleanField(_("free of charge"), default=True)
    cost = models.DecimalField(
        _("cost (EUR)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    cost_note = models.CharField(_("note on the cost"), max_length=200, blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    registration_phone = models.CharField(_("registration by phone"), max_length=50, blank=True)
    registration_email = models.EmailField(_("registration by e-mail"), blank=True)
    registration_url = models.URLField(_("registration online"), blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    measures = models.ManyToManyField(
        Measure, verbose_name=_("measures"), blank=True, related_name="offers"
    )
    is_published = models.BooleanField(_("in the public guide"), default=True)
    # When the provider (by link) or the office last confirmed that the offer is current.
    confirmed_at = models.DateTimeField(_("last confirmed"), null=True, blank=True)
    version = version_field()
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "version"])

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["category", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("offers:detail", args=[self.pk])


class OfferTranslation(models.Model):
    """A short description of an offer in another language, entered by staff or the provider
    (never machine-translated)."""

    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(_("language"), max_length=10, validators=[validate_language_codes])
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("short description"))

    class Meta:
        verbose_name = _("offer translation")
        verbose_name_plural = _("offer translations")
        ordering = ["offer", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "language"], name="one_translation_per_language"
            )
        ]

    def __str__(self):
        return f"{self.offer} ({self.language})"


class OfferInvitation(PersonalLink):
    """A provider contact's personal link to confirm or correct the provider's offers."""

    provider = models.ForeignKey(
        "network.Actor",
        verbose_name=_("provider"),
        on_delete=models.CASCADE,
        related_name="offer_invitations",
    )
    contact = models.ForeignKey(
        "network.ContactPerson",
        verbose_name=_("contact person"),
        on_delete=models.CASCADE,
        related_name="offer_invitations",
    )
    expires_on = models.DateField(_("link valid until"))
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords(excluded_fields=["token_hash"])

    class Meta:
        verbose_name = _("offer confirmation link")
        verbose_name_plural = _("offer confirmation links")
        ordering = ["-invited_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["token_hash"], condition=~Q(token_hash=""), name="unique_offer_token_hash"
            ),
        ]

    def __str__(self):
        return f"{self.provider} – {self.contact}"

    def is_usable(self, today=None):
        today = today or timezone.localdate()
        return bool(self.token_hash) and today <= self.expires_on


class OfferChange(models.Model):
    """A provider's answer for one offer: confirmed as it is, or corrected (the proposed values
    in `changes`, {field name: new value}); corrections wait for staff review."""

    class State(models.TextChoices):
        OPEN = "open", _("open")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="changes"
    )
    invitation = models.ForeignKey(
        OfferInvitation,
        verbose_name=_("confirmation link"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="changes",
    )
    changes = models.JSONField(_("proposed changes"), default=dict, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("offer change")
        verbose_name_plural = _("offer changes")
        ordering = ["state", "-submitted_at", "-pk"]

    def __str__(self):
        return f"{self.offer} ({self.submitted_at:%d.%m.%Y})"
