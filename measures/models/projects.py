"""Projects and their funding (issue 17): programmes, applications and dated deadlines.

A project (indicators.Project, the model that existed with admin pages only) is what the office
initiates or supports, from an idea to a running offer. It may be funded through one or more
applications to funding programmes; each application has deadlines (Antragsfrist, Mittelabruf,
Zwischennachweis, Verwendungsnachweis) that the dashboard lists and that remind the project's
responsible staff member by e-mail.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .indicators import Project

EURO = {"max_digits": 12, "decimal_places": 2}


def project_document_path(instance, filename):
    return f"projects/{instance.project_id}/{filename}"


class ProjectDocument(models.Model):
    """A document of a project (application, notice of grant, report); stored under
    MEDIA_ROOT and handed out by a view only, checked as committee documents are."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=project_document_path, max_length=200)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    content_type = models.CharField(_("file type"), max_length=100, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("project document")
        verbose_name_plural = _("project documents")
        ordering = ["project", "-uploaded_at", "-pk"]

    def __str__(self):
        return self.title


class ProjectResult(models.Model):
    """What a project reached in one year."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="results"
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    participants = models.PositiveIntegerField(_("participants reached"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("project result")
        verbose_name_plural = _("project results")
        ordering = ["project", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["project", "year"], name="one_project_result_per_year")
        ]

    def __str__(self):
        return f"{self.project} {self.year}"


class FundingProgramme(models.Model):
    """A funding programme, e.g. the Land's "Integrationsmanagement" or the EU's AMIF."""

    class FunderKind(models.TextChoices):
        STATE = "state", _("federal state (Land)")
        FEDERAL = "federal", _("federal government")
        EU = "eu", _("European Union")
        FOUNDATION = "foundation", _("foundation")
        MUNICIPAL = "municipal", _("district or municipality")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=300, unique=True)
    funder = models.CharField(_("funder"), max_length=300)
    funder_kind = models.CharField(
        _("kind of funder"), max_length=20, choices=FunderKind.choices, default=FunderKind.OTHER
    )
    funding_rate = models.DecimalField(
        _("funding rate (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    application_deadline = models.DateField(_("application deadline"), null=True, blank=True)
    deadlines_note = models.TextField(_("programme deadlines"), blank=True)
    website = models.URLField(_("website"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")
        ordering = ["name"]

    def __str__(self):
        return self.name


class FundingApplication(models.Model):
    """A project's application to a programme, and what was granted."""

    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="funding_applications",
    )
    programme = models.ForeignKey(
        FundingProgramme,
        verbose_name=_("funding programme"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    amount_applied = models.DecimalField(
        _("amount applied for (EUR)"),
        **EURO,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    own_share = models.DecimalField(
        _("own share (EUR)"), **EURO, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    amount_granted = models.DecimalField(
        _("amount granted (EUR)"), **EURO, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    reference_number = models.CharField(_("reference number"), max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("funding application")
        verbose_name_plural = _("funding applications")
        ordering = ["project", "-submitted_on", "-pk"]

    def __str__(self):
        return f"{self.project} – {self.programme}"


class FundingDeadline(models.Model):
    """A dated deadline of an application; done once the office has met it."""

    class Kind(models.TextChoices):
        APPLICATION = "application", _("application deadline")
        DRAWDOWN = "drawdown", _("call of funds")
        INTERIM = "interim", _("interim report")
        FINAL = "final", _("proof of use")

    application = models.ForeignKey(
        FundingApplication,
        verbose_name=_("funding application"),
        on_delete=models.CASCADE,
        related_name="deadlines",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    due_on = models.DateField(_("due on"), db_index=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    # The reminder to the project's responsible staff member, sent once.
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["reminded_at"])

    class Meta:
        verbose_name = _("funding deadline")
        verbose_name_plural = _("funding deadlines")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.due_on:%d.%m.%Y}"
