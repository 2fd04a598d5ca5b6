"""Agenda items (TOPs) with their documents (Vorlagen) and follow-ups (Aufträge)."""

import re
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from simple_history.models import HistoricalRecords

from core.concurrency import version_field

from .base import HISTORY_EXCLUDED, Timestamped
from .meetings import Meeting

ITEM_NUMBER = re.compile(r"^\d{1,3}(\.\d{1,3}){0,2}$")
VOTE_FIELDS = ("votes_yes", "votes_no", "votes_abstain")


def published_q(item_path=""):
    """What the public sees (OParl, public calendar, public edition of the minutes): a public
    item of a public meeting. `item_path` leads from the queried model to the item."""
    return Q(**{f"{item_path}is_public": True, f"{item_path}meeting__is_public": True})


class AgendaItemQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_q())


class AgendaItem(Timestamped):
    """An item (TOP) on a meeting's agenda."""

    class Kind(models.TextChoices):
        INFORMATION = "information", _("information")
        DELIBERATION = "deliberation", _("deliberation")
        RESOLUTION = "resolution", _("resolution")

    class Result(models.TextChoices):
        ADOPTED = "adopted", _("adopted")
        ADOPTED_AMENDED = "adopted_amended", _("adopted with amendments")
        REJECTED = "rejected", _("rejected")
        NOTED = "noted", _("noted")
        POSTPONED = "postponed", _("postponed")
        WITHDRAWN = "withdrawn", _("withdrawn")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    number = models.CharField(_("number"), max_length=10, help_text=_("E.g. 1, 2 or 2.1."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    is_public = models.BooleanField(_("public"), default=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.INFORMATION
    )
    measures = models.ManyToManyField(
        "measures.Measure",
        verbose_name=_("measures"),
        blank=True,
        related_name="agenda_items",
    )
    status_reports = models.ManyToManyField(
        "measures.StatusReport",
        verbose_name=_("status reports"),
        blank=True,
        related_name="agenda_items",
    )
    # The plan version whose adoption this item resolved (recorded with the adoption, issue 13).
    adopted_plan = models.ForeignKey(
        "measures.Plan",
        verbose_name=_("adopted plan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adopting_items",
    )
    minutes = models.TextField(_("minutes"), blank=True)
    resolution = models.TextField(_("resolution"), blank=True)
    votes_yes = models.PositiveSmallIntegerField(_("yes votes"), null=True, blank=True)
    votes_no = models.PositiveSmallIntegerField(_("no votes"), null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField(_("abstentions"), null=True, blank=True)
    unanimous = models.BooleanField(_("unanimous"), default=False)
    result = models.CharField(_("result"), max_length=20, choices=Result.choices, blank=True)
    # Code and title of the linked measures when the minutes were finalised: the minutes show
    # them as they were at the meeting, not as they are called today. None until then.
    measure_snapshot = models.JSONField(
        _("measures at the meeting"), null=True, blank=True, editable=False
    )
    version = version_field()
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "order", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"],
                name="unique_agenda_item_number",
                violation_error_message=_("This meeting already has an item with this number."),
            )
        ]

    def __str__(self):
        return _("Item %(number)s: %(title)s") % {"number": self.number, "title": self.title}

    def get_absolute_url(self):
        return reverse("committee:item_edit", args=[self.pk])

    def clean(self):
        errors = {}
        if self.number and not ITEM_NUMBER.match(self.number):
            errors["number"] = _("Please enter a number such as 1, 2 or 2.1.")
        has_counts = self.votes_cast is not None
        if self.unanimous and (self.votes_no or self.votes_abstain):
            errors["unanimous"] = _("A unanimous vote has no votes against and no abstentions.")
        elif has_counts and self.votes_yes is None:
            errors["votes_yes"] = _("Please enter the yes votes as well.")
        elif has_counts and self.meeting_id and self._votes_changed():
            self._check_votes_against_attendance(errors)
        if errors:
            raise ValidationError(errors)

    def _votes_changed(self):
        # Counts recorded before this rule existed do not block changing anything else.
        stored = AgendaItem.objects.filter(pk=self.pk).values_list(*VOTE_FIELDS).first()
        return stored != tuple(getattr(self, name) for name in VOTE_FIELDS)

    def _check_votes_against_attendance(self, errors):
        present = self.meeting.present_count()
        if present is not None and self.votes_cast > present:
            errors["votes_yes"] = _(
                "Yes votes, no votes and abstentions add up to %(votes)s, but only %(present)s "
                "members were present according to the attendance."
            ) % {"votes": self.votes_cast, "present": present}

    @property
    def votes_cast(self):
        """Yes and no votes and abstentions together; None while no count is recorded."""
        counts = [getattr(self, name) for name in VOTE_FIELDS]
        if all(count is None for count in counts):
            return None
        return sum(count or 0 for count in counts)

    @property
    def level(self):
        """0 for a main item (2), 1 for a sub-item (2.1), …"""
        return self.number.count(".")

    @property
    def is_published(self):
        """In memory what published_q() asks the database: a public item of a public meeting."""
        return self.is_public and self.meeting.is_public

    @property
    def measures_at_meeting(self):
        """The linked measures as they were called at the meeting once the minutes are final."""
        if self.measure_snapshot is not None:
            return [MeasureAtMeeting(**entry) for entry in self.measure_snapshot]
        return list(self.measures.all())

    def take_measure_snapshot(self):
        self.measure_snapshot = [
            {"pk": measure.pk, "code": measure.code, "title": measure.title}
            for measure in self.measures.all()
        ]

    @property
    def vote_text(self):
        if self.unanimous:
            return _("unanimous")
        if self.votes_yes is None:
            return ""
        abstain = self.votes_abstain or 0
        return ngettext(
            "%(yes)s yes, %(no)s no, %(abstain)s abstention",
            "%(yes)s yes, %(no)s no, %(abstain)s abstentions",
            abstain,
        ) % {"yes": self.votes_yes, "no": self.votes_no or 0, "abstain": abstain}


@dataclass(frozen=True)
class MeasureAtMeeting:
    """A measure's code and title as recorded when the minutes were finalised."""

    pk: int
    code: str
    title: str

    def get_absolute_url(self):
        return reverse("measures:detail", args=[self.pk])


def document_path(document, filename):
    # A random name: the original name is kept in the database, never used on disk.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"committee/documents/{uuid.uuid4().hex}.{extension}"


class DocumentQuerySet(models.QuerySet):
    def published(self):
        """Documents of published items only."""
        return self.filter(published_q("agenda_item__"))


class Document(Timestamped):
    """A document (Vorlage) of an agenda item; stored under MEDIA_ROOT, served by a view only."""

    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=document_path, max_length=200)
    file_name = models.CharField(_("file name"), max_length=200)
    mime_type = models.CharField(_("file type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    sha1 = models.CharField(_("SHA-1 checksum"), max_length=40)
    # OParl's File.sha512Checksum; filled from the file when it is saved.
    sha512 = models.CharField(_("SHA-512 checksum"), max_length=128, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["agenda_item", "title", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("committee:document_download", args=[self.pk])


class FollowUpQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_on__isnull=True)

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())

    def overdue_first(self, today=None):
        """Overdue first, then open by due date, then done ones, most recent first."""
        today = today or timezone.localdate()
        rank = Case(
            When(Q(done_on__isnull=True, due_date__lt=today), then=Value(0)),
            When(done_on__isnull=True, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        return self.annotate(urgency=rank).order_by(
            "urgency", models.F("due_date").asc(nulls_last=True), "-done_on", "pk"
        )


class FollowUp(Timestamped):
    """A task (Auftrag) that an agenda item gave to a staff member or an actor."""

    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    text = models.TextField(_("task"))
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("follow-up", "responsible staff member"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="committee_follow_ups",
    )
    owner_actor = models.ForeignKey(
        "network.Actor",
        verbose_name=_("responsible actor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="committee_follow_ups",
    )
    due_date = models.DateField(pgettext_lazy("follow-up", "due date"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    version = version_field()
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"

    def clean(self):
        if bool(self.owner_user_id) == bool(self.owner_actor_id):
            raise ValidationError(
                _("Please name either a staff member or an actor as responsible, not both.")
            )

    @property
    def owner(self):
        return self.owner_user or self.owner_actor

    @property
    def is_overdue(self):
        return (
            self.done_on is None
            and self.due_date is not None
            and self.due_date < timezone.localdate()
        )
