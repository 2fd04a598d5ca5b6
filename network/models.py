from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


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
    action_fields = models.ManyToManyField(
        "measures.ActionField",
        verbose_name=_("action fields"),
        blank=True,
        related_name="actors",
    )
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
        help_text=_("Languages spoken or offered, for example: Turkish, Arabic."),
    )
    communities = models.CharField(_("communities served"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    notes = models.TextField(_("internal notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:actor_detail", args=[self.pk])


class ContactPerson(models.Model):
    """A person to contact, usually at an actor; stored on a documented legal basis (DSGVO)."""

    class LegalBasis(models.TextChoices):
        CONSENT = "consent", _("consent (Art. 6 (1) a GDPR)")
        PUBLIC_TASK = "public_task", _("public task (Art. 6 (1) e GDPR)")
        CONTRACT = "contract", _("contract (Art. 6 (1) b GDPR)")

    actor = models.ForeignKey(
        Actor,
        verbose_name=_("actor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    function = models.CharField(_("function"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    legal_basis = models.CharField(
        _("legal basis"), max_length=20, choices=LegalBasis.choices, default=LegalBasis.PUBLIC_TASK
    )
    consent_date = models.DateField(_("consent given on"), null=True, blank=True)
    consent_scope = models.CharField(_("scope of consent"), max_length=300, blank=True)
    last_confirmed = models.DateField(_("last confirmed on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.full_name

    def clean(self):
        if self.legal_basis == self.LegalBasis.CONSENT and not self.consent_date:
            raise ValidationError(
                {"consent_date": _("Please enter the date on which the consent was given.")}
            )

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()
