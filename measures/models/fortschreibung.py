"""The Fortschreibung (issue 13): proposals from the network for the plan's next version.

A draft plan (Plan.State.DRAFT with a predecessor) is the plan being written. Koordination
invites contact persons to propose measures or changes through a personal link without an
account: one ProposalInvitation per person and draft, whose token is only in the e-mail (the
database keeps its SHA-256, as the monitoring partner links do). Each proposal lands in the
draft's review queue; staff accept it into the draft (as a new measure, or as a change of a
measure, with lineage to the proposal) or decline it with a reason that is e-mailed.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .links import PersonalLink
from .measure import Measure
from .plan import Plan


class ProposalInvitation(PersonalLink):
    """A contact person's personal link to propose measures for a draft plan."""

    plan = models.ForeignKey(
        Plan,
        verbose_name=_("draft plan"),
        on_delete=models.CASCADE,
        related_name="proposal_invitations",
    )
    contact = models.ForeignKey(
        "network.ContactPerson",
        verbose_name=_("contact person"),
        on_delete=models.CASCADE,
        related_name="proposal_invitations",
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
        verbose_name = _("proposal invitation")
        verbose_name_plural = _("proposal invitations")
        ordering = ["plan", "contact__last_name", "contact__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "contact"], name="one_proposal_invitation_per_contact"
            ),
            models.UniqueConstraint(
                fields=["token_hash"],
                condition=~Q(token_hash=""),
                name="unique_proposal_token_hash",
            ),
        ]

    def __str__(self):
        return f"{self.plan} – {self.contact}"

    def is_usable(self, today=None):
        """Whether the link works: the plan is still a draft and the link has not expired."""
        today = today or timezone.localdate()
        return (
            bool(self.token_hash)
            and self.plan.state == Plan.State.DRAFT
            and today <= self.expires_on
        )


class Proposal(models.Model):
    """A proposal for the draft plan: a new measure, or a change of one of its measures."""

    class Kind(models.TextChoices):
        NEW = "new", _("new measure")
        CHANGE = "change", _("change of a measure")

    class State(models.TextChoices):
        OPEN = "open", _("open")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    plan = models.ForeignKey(
        Plan, verbose_name=_("draft plan"), on_delete=models.CASCADE, related_name="proposals"
    )
    invitation = models.ForeignKey(
        ProposalInvitation,
        verbose_name=_("invitation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
    )
    # Who proposed it, kept as text: the proposal stays when the contact is erased (DSGVO
    # erasure empties these fields, see measures/privacy.py).
    proposer_name = models.CharField(_("proposed by"), max_length=200, blank=True)
    proposer_organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.NEW)
    measure = models.ForeignKey(
        Measure,
        verbose_name=_("measure to change"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="change_proposals",
    )
    action_field = models.ForeignKey(
        "measures.ActionField",
        verbose_name=_("action field"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"))
    goal = models.TextField(_("goal"), blank=True)
    partners = models.CharField(_("possible partners"), max_length=500, blank=True)
    forum = models.ForeignKey(
        "network.Event",
        verbose_name=_("specialist forum"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    # The measure of the draft the proposal became (accepted as new or as a change).
    result = models.ForeignKey(
        Measure,
        verbose_name=_("measure in the draft"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="source_proposals",
    )
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
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["plan", "state", "-submitted_at", "-pk"]

    def __str__(self):
        return self.title
