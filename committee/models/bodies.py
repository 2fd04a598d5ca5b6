"""The committee, the council's terms, and the people who sit on the committee."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.concurrency import version_field

from .base import HISTORY_EXCLUDED, Timestamped


class Committee(Timestamped):
    """A council committee, first of all the Integrationsausschuss."""

    class Kind(models.TextChoices):
        COMMITTEE = "committee", _("committee")
        ADVISORY_COMMITTEE = "advisory_committee", _("advisory committee")
        ADVISORY_BOARD = "advisory_board", _("advisory board")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.COMMITTEE)
    description = models.TextField(_("description"), blank=True)
    contact_name = models.CharField(_("public contact"), max_length=200, blank=True)
    contact_email = models.EmailField(_("public contact e-mail"), blank=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["name"]

    def __str__(self):
        return self.name


class LegislativeTerm(Timestamped):
    """A term of the council (Wahlperiode); meetings are numbered within it."""

    name = models.CharField(_("name"), max_length=100)
    start = models.DateField(_("from"))
    end = models.DateField(_("until"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        verbose_name = _("legislative term")
        verbose_name_plural = _("legislative terms")
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="legislative_term_end_not_before_start",
                violation_error_message=_("The end must not be before the start."),
            ),
        ]

    def __str__(self):
        return self.name

    @classmethod
    def for_date(cls, date):
        """The term a meeting on `date` belongs to, or None."""
        return (
            cls.objects.filter(start__lte=date)
            .filter(Q(end__isnull=True) | Q(end__gte=date))
            .order_by("-start")
            .first()
        )


class Member(Timestamped):
    """A person who sits or sat on a committee."""

    class Salutation(models.TextChoices):
        MS = "ms", _("Ms")
        MR = "mr", _("Mr")

    salutation = models.CharField(
        _("salutation"),
        max_length=10,
        choices=Salutation.choices,
        blank=True,
        help_text=_("Gives the kind its form, e.g. city councillor (female or male)."),
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    title = models.CharField(_("title"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    faction = models.CharField(_("faction or organisation"), max_length=200, blank=True)
    version = version_field()
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return " ".join(part for part in (self.title, self.first_name, self.last_name) if part)

    def get_absolute_url(self):
        return reverse("committee:member_detail", args=[self.pk])


def overlapping_q(start, end):
    """Memberships whose period overlaps [start, end]; end None means open-ended."""
    condition = Q(end__isnull=True) | Q(end__gte=start)
    if end is not None:
        condition &= Q(start__lte=end)
    return condition


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        """Memberships in force on `on` (today by default): current members derive from dates."""
        on = on or timezone.localdate()
        return self.filter(start__lte=on).filter(Q(end__isnull=True) | Q(end__gte=on))


class Membership(Timestamped):
    class Role(models.TextChoices):
        CHAIR = "chair", _("chair")
        VICE_CHAIR = "vice_chair", _("vice chair")
        MEMBER = "member", _("member")
        DEPUTY = "deputy", _("deputy")

    class Kind(models.TextChoices):
        COUNCILLOR = "councillor", _("city councillor")
        CITIZEN_EXPERT = "citizen_expert", _("expert citizen")
        ADVISORY = "advisory", _("advisory member")

    # Chair and vice chair are held by one person at a time.
    SINGLE_HOLDER_ROLES = (Role.CHAIR, Role.VICE_CHAIR)

    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.CASCADE, related_name="memberships"
    )
    # PROTECT: a member with memberships is not deleted; the membership is ended instead.
    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.COUNCILLOR)
    deputy_for = models.ForeignKey(
        Member,
        verbose_name=_("deputy for"),
        on_delete=models.PROTECT,
        related_name="deputies",
        null=True,
        blank=True,
        help_text=_("Only for the role deputy: the member this person stands in for."),
    )
    start = models.DateField(_("from"))
    end = models.DateField(_("until"), null=True, blank=True)
    version = version_field()
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["committee", "role", "member__last_name"]

    def __str__(self):
        return f"{self.member} – {self.get_role_display()}"

    def clean(self):
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end must not be before the start.")
        if self.role == self.Role.DEPUTY and not self.deputy_for_id:
            errors["deputy_for"] = _("Please name the member this deputy stands in for.")
        elif self.role != self.Role.DEPUTY and self.deputy_for_id:
            errors["deputy_for"] = _("Only a deputy stands in for another member.")
        elif self.deputy_for_id and self.deputy_for_id == self.member_id:
            errors["deputy_for"] = _("A member cannot be their own deputy.")
        if errors:
            raise ValidationError(errors)
        if self.start and self.committee_id and self.member_id:
            self._check_overlaps()

    def _check_overlaps(self):
        others = Membership.objects.filter(
            overlapping_q(self.start, self.end), committee_id=self.committee_id, role=self.role
        ).exclude(pk=self.pk)
        if others.filter(member_id=self.member_id).exists():
            raise ValidationError(
                _("This person already holds this role in the committee during this period.")
            )
        if self.role in self.SINGLE_HOLDER_ROLES and others.exists():
            raise ValidationError(
                _("Another person holds the role %(role)s during this period.")
                % {"role": self.get_role_display()}
            )

    @property
    def is_current(self):
        today = timezone.localdate()
        return self.start <= today and (self.end is None or self.end >= today)

    @property
    def has_vote(self):
        return self.kind != self.Kind.ADVISORY

    @property
    def kind_title(self):
        """The kind as the member's title: "Stadträtin" for Ms, "Stadtrat" for Mr, else both."""
        forms = GENDERED_KINDS.get(self.kind, {})
        return forms.get(self.member.salutation) or self.get_kind_display()


# The gendered forms of Membership.Kind; a kind missing here, or a member without salutation,
# keeps the label naming both forms.
GENDERED_KINDS = {
    Membership.Kind.COUNCILLOR: {
        Member.Salutation.MS: pgettext_lazy("female", "city councillor"),
        Member.Salutation.MR: pgettext_lazy("male", "city councillor"),
    },
    Membership.Kind.CITIZEN_EXPERT: {
        Member.Salutation.MS: pgettext_lazy("female", "expert citizen"),
        Member.Salutation.MR: pgettext_lazy("male", "expert citizen"),
    },
}
