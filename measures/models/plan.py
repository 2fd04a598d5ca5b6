from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.caching import memoised


class Plan(models.Model):
    """A version of the Integrationsplan; exactly one adopted plan is current."""

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        ADOPTED = "adopted", _("adopted")
        ARCHIVED = "archived", _("archived")

    title = models.CharField(_("title"), max_length=200)
    version_label = models.CharField(_("version"), max_length=100)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    resolution_reference = models.CharField(_("council resolution"), max_length=200, blank=True)
    predecessor = models.ForeignKey(
        "self",
        verbose_name=_("predecessor plan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="successors",
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    # The Fortschreibung (issue 13): the introduction of the council's Beschlussvorlage, and the
    # specialist forums (Fachforen) held for the draft.
    introduction = models.TextField(_("introduction"), blank=True)
    forums = models.ManyToManyField(
        "network.Event",
        verbose_name=_("specialist forums"),
        blank=True,
        related_name="forum_plans",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-adopted_on", "title"]
        permissions = [
            ("issue_official_report", _("Can issue official reports")),
            # The Fortschreibung (issue 13): Koordination starts it, invites the network's
            # proposals and records the council's adoption.
            ("start_fortschreibung", _("Can start a plan update")),
            ("invite_proposals", _("Can invite proposals for a plan update")),
            ("adopt_plan", _("Can record the council's adoption of a plan")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["state"],
                condition=Q(state="adopted"),
                name="only_one_adopted_plan",
                violation_error_message=_("Only one plan can be adopted at a time."),
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.version_label})"

    def clean(self):
        if self.state == self.State.ADOPTED and not self.adopted_on:
            raise ValidationError({"adopted_on": _("An adopted plan needs its adoption date.")})

    @classmethod
    def current(cls):
        """The adopted plan, looked up once per request (a write forgets it)."""
        return memoised(
            "measures.current_plan", lambda: cls.objects.filter(state=cls.State.ADOPTED).first()
        )


class ActionField(models.Model):
    """A Handlungsfeld of a plan, e.g. "Sprache"."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="action_fields"
    )
    code = models.CharField(_("code"), max_length=10)
    title = models.CharField(_("title"), max_length=200)
    guiding_goal = models.TextField(_("guiding goal"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # The network's actors, working groups and events by action field. The network sits below
    # the plan, so the plan declares the links; the tables that the network created first kept
    # their names when the declarations moved here (migration 0005).
    actors = models.ManyToManyField(
        "network.Actor",
        verbose_name=_("actors"),
        blank=True,
        related_name="action_fields",
        db_table="network_actor_action_fields",
    )
    working_groups = models.ManyToManyField(
        "network.WorkingGroup",
        verbose_name=_("working groups"),
        blank=True,
        related_name="action_fields",
    )
    events = models.ManyToManyField(
        "network.Event",
        verbose_name=_("events"),
        blank=True,
        related_name="action_fields",
        db_table="network_event_action_fields",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("action field")
        verbose_name_plural = _("action fields")
        ordering = ["plan", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="unique_action_field_code")
        ]

    def __str__(self):
        return f"{self.code} {self.title}"
