import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import version_field
from network.languages import LANGUAGE_CHOICES, language_names, validate_language_codes


class Actor(models.Model):
    """An organisation in the integration network (Akteur)."""

    class Kind(models.TextChoices):
        CITY_OFFICE = "city_office", _("city office")
        PUBLIC_INSTITUTION = "public_institution", _("public institution")
        EDUCATION = "education", _("school / education")
        WELFARE = "welfare", _("welfare association")
        RELIGIOUS = "religious", _("religious community")
        MIGRANT_ORGANISATION = "migrant_organisation", _("migrant organisation")
        VOLUNTEER = "volunteer", _("volunteer initiative")
        COMPANY = "company", _("company")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    street = models.CharField(_("street"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    languages = models.CharField(
        _("languages"),
        max_length=200,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("Languages spoken or offered, as ISO 639 codes separated by commas."),
    )
    communities = models.CharField(_("communities served"), max_length=200, blank=True)
    founded_year = models.PositiveSmallIntegerField(
        _("founded (year)"), null=True, blank=True, validators=[MinValueValidator(1800)]
    )
    member_count = models.PositiveIntegerField(_("number of members"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    notes = models.TextField(_("internal notes"), blank=True)
    version = version_field()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:actor_detail", args=[self.pk])

    def clean(self):
        if self.founded_year and self.founded_year > timezone.localdate().year:
            raise ValidationError({"founded_year": _("The year must not be in the future.")})

    @property
    def language_names(self):
        return language_names(self.languages)


def reconfirm_cutoff(today=None):
    """Consent or confirmation before this day is older than CONTACT_RECONFIRM_YEARS."""
    today = today or timezone.localdate()
    year = today.year - settings.CONTACT_RECONFIRM_YEARS
    try:
        return today.replace(year=year)
    except ValueError:  # 29 February in a year without one
        return datetime.date(year, 2, 28)


def reconfirm_q(today=None):
    """Condition "neither consent nor last confirmation is recent": due for re-confirmation."""
    cutoff = reconfirm_cutoff(today)
    return (Q(last_confirmed__isnull=True) | Q(last_confirmed__lt=cutoff)) & (
        Q(consent_date__isnull=True) | Q(consent_date__lt=cutoff)
    )


class ContactPerson(models.Model):
    """A person to contact, usually at an actor; stored on a documented legal basis (DSGVO)."""

    class LegalBasis(models.TextChoices):
        CONSENT = "consent", _("consent (Art. 6 (1) a GDPR)")
        PUBLIC_TASK = "public_task", _("public task (Art. 6 (1) e GDPR)")
        CONTRACT = "contract", _("contract (Art. 6 (1) b GDPR)")

    class Salutation(models.TextChoices):
        MS = "ms", _("Ms")
        MR = "mr", _("Mr")

    actor = models.ForeignKey(
        Actor,
        verbose_name=_("actor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
    )
    salutation = models.CharField(
        _("salutation"), max_length=10, choices=Salutation.choices, blank=True
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    function = models.CharField(_("function"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=LANGUAGE_CHOICES, blank=True
    )
    legal_basis = models.CharField(
        _("legal basis"), max_length=20, choices=LegalBasis.choices, default=LegalBasis.PUBLIC_TASK
    )
    consent_date = models.DateField(_("consent given on"), null=True, blank=True)
    consent_scope = models.CharField(_("scope of consent"), max_length=300, blank=True)
    source = models.CharField(
        _("source of the data"),
        max_length=300,
        blank=True,
        help_text=_("Where the data come from, for example a registration for an event."),
    )
    last_confirmed = models.DateField(_("last confirmed on"), null=True, blank=True)
    version = version_field()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["last_name", "first_name"]
        permissions = [("erase_contactperson", _("Can erase a contact person's personal data"))]
        constraints = [
            # The e-mail address identifies a person in imports.
            models.UniqueConstraint(
                fields=["email"],
                condition=~Q(email=""),
                name="unique_contact_email",
                violation_error_message=_("A contact person with this e-mail already exists."),
            )
        ]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        # Addresses are compared case-insensitively, so they are stored in one spelling.
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("network:contact_detail", args=[self.pk])

    def clean(self):
        errors = {}
        self.email = self.email.strip().lower()
        if self.legal_basis == self.LegalBasis.CONSENT and not self.consent_date:
            errors["consent_date"] = _("Please enter the date on which the consent was given.")
        today = timezone.localdate()
        for name in ("consent_date", "last_confirmed"):
            value = getattr(self, name)
            if value and value > today:
                errors[name] = _("The date must not be in the future.")
        if errors:
            raise ValidationError(errors)

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def confirmed_on(self):
        """The later of consent and last confirmation: how current the data are."""
        dates = [day for day in (self.consent_date, self.last_confirmed) if day]
        return max(dates) if dates else None

    @property
    def needs_reconfirmation(self):
        confirmed = self.confirmed_on
        return confirmed is None or confirmed < reconfirm_cutoff()
