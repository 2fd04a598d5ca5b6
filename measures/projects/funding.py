"""Funding of projects (issue 17): sums per project, programme and year, the deadline queries
the deadlines page, the dashboard and the report share, and the reminders of due deadlines."""

import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count, DecimalField, QuerySet, Sum, Value
from django.db.models.deletion import ProtectedError
from django.db.models.functions import Coalesce, ExtractYear
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.deliveries import queue_mail
from core.history import recorded_by
from measures.models import FundingApplication, FundingDeadline, FundingProgramme

REMINDER = "project.deadline_reminder"
ZERO = Value(Decimal("0"), output_field=DecimalField(max_digits=14, decimal_places=2))
# What the dashboard lists: deadlines due within this many days, and the overdue ones.
UPCOMING_DAYS = 60
DASHBOARD_LIMIT = 10

REMINDER_TEXT = gettext_noop(
    "Hello {name},\n\n"
    "a deadline of the project “{project}” is due on {due_on}:\n"
    "{kind} – {programme}{reference}\n"
    "{note}\n"
    "All open deadlines: {link}\n\n"
    "Once the deadline has been met, please mark it as done on the deadlines page.\n\n"
    "This message was sent automatically by the integration plan."
)


class FundingError(Exception):
    """A funding step the data do not allow; the message says why, in German."""


def delete_record(obj: Any, user: User) -> None:
    """Delete a programme, application or deadline; a programme is refused while applications
    refer to it."""
    try:
        with transaction.atomic():
            recorded_by(obj, user).delete()
    except ProtectedError as error:
        raise FundingError(
            _(
                "“%(object)s” cannot be deleted while funding applications refer to it. "
                "Delete or move the applications first."
            )
            % {"object": obj}
        ) from error


def mark_done(deadline: FundingDeadline, user: User, today: datetime.date | None = None) -> None:
    """Mark the deadline as met today."""
    with transaction.atomic():
        deadline.done_on = today or timezone.localdate()
        recorded_by(deadline, user).save(update_fields=["done_on"])


def _sums(prefix: str = "") -> dict[str, Any]:
    return {
        "applied": Coalesce(Sum(f"{prefix}amount_applied"), ZERO),
        "own_share": Coalesce(Sum(f"{prefix}own_share"), ZERO),
        "granted": Coalesce(Sum(f"{prefix}amount_granted"), ZERO),
    }


def programme_queryset() -> QuerySet[FundingProgramme]:
    """Programmes with their number of applications and the sums applied for and granted."""
    return FundingProgramme.objects.annotate(
        application_count=Count("applications"),
        **_sums("applications__"),
    ).order_by("name")


def project_sums(applications: list[FundingApplication]) -> dict[str, Decimal]:
    """The sums of a project's (prefetched) applications."""
    return {
        key: sum((getattr(a, field) or Decimal("0") for a in applications), Decimal("0"))
        for key, field in (
            ("applied", "amount_applied"),
            ("own_share", "own_share"),
            ("granted", "amount_granted"),
        )
    }


def funding_overview() -> dict[str, Any]:
    """Sums per year (of the decision, else of the submission) and per programme: two queries."""
    year = ExtractYear(Coalesce("decision_date", "submitted_on"))
    years = list(
        FundingApplication.objects.annotate(year=year)
        .values("year")
        .annotate(count=Count("pk"), **_sums())
        .order_by("year")
    )
    programmes = list(
        FundingApplication.objects.values("programme__name", "programme_id")
        .annotate(count=Count("pk"), **_sums())
        .order_by("programme__name")
    )
    total = {
        key: sum((row[key] for row in programmes), Decimal("0"))
        for key in ("applied", "own_share", "granted")
    }
    return {"years": years, "programmes": programmes, "total": total}


def open_deadlines() -> QuerySet[FundingDeadline]:
    """Deadlines not met yet, earliest first (so the overdue ones lead), with what a list
    shows: the application's programme and project."""
    return (
        FundingDeadline.objects.filter(done_on__isnull=True)
        .select_related("application__programme", "application__project")
        .order_by("due_on", "pk")
    )


def dashboard_deadlines(today: datetime.date) -> list[FundingDeadline]:
    """Overdue deadlines and those due in the next UPCOMING_DAYS days (one query)."""
    horizon = today + datetime.timedelta(days=UPCOMING_DAYS)
    return list(
        open_deadlines()
        .filter(due_on__lte=horizon)
        .only(
            "kind",
            "due_on",
            "done_on",
            "application__project__title",
            "application__programme__name",
        )[:DASHBOARD_LIMIT]
    )


def funding_totals() -> dict[str, Any]:
    """The report's funding figures: totals and per programme (one query)."""
    rows = [
        row
        for row in programme_queryset().values("name", "funder", "application_count", *_sums())
        if row["application_count"]
    ]
    total: dict[str, Any] = {
        key: sum((row[key] for row in rows), Decimal("0"))
        for key in ("applied", "own_share", "granted")
    }
    total["count"] = sum(row["application_count"] for row in rows)
    return {"programmes": rows, "total": total}


def deadlines_to_remind(today: datetime.date, days: int) -> QuerySet[FundingDeadline]:
    return (
        FundingDeadline.objects.filter(
            done_on__isnull=True,
            reminded_at__isnull=True,
            due_on__gte=today,
            due_on__lte=today + datetime.timedelta(days=days),
        )
        .select_related("application__programme", "application__project__responsible")
        .order_by("due_on", "pk")
    )


def remind_deadlines(today: datetime.date | None = None, base_url: str | None = None) -> int:
    """Queue one e-mail per deadline due within PROJECT_DEADLINE_REMINDER_DAYS days, not met
    and not reminded yet, to the project's responsible staff member; returns the number queued.
    Deadlines whose project has nobody responsible (or no address) wait until somebody is."""
    today = today or timezone.localdate()
    base_url = (base_url or settings.SITE_URL).rstrip("/")
    queued = 0
    for deadline in deadlines_to_remind(today, settings.PROJECT_DEADLINE_REMINDER_DAYS):
        project = deadline.application.project
        user = project.responsible
        if user is None or not user.email:
            continue
        with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
            application = deadline.application
            reference = f" ({application.reference_number})" if application.reference_number else ""
            body = _(REMINDER_TEXT).format(
                name=user.get_full_name() or user.get_username(),
                project=project.title,
                due_on=deadline.due_on.strftime("%d.%m.%Y"),
                kind=deadline.get_kind_display(),
                programme=application.programme.name,
                reference=reference,
                note=f"{deadline.note}\n" if deadline.note else "",
                link=base_url + reverse("projects:deadlines"),
            )
            subject = _("Deadline on %(date)s: %(kind)s, %(project)s") % {
                "date": deadline.due_on.strftime("%d.%m.%Y"),
                "kind": deadline.get_kind_display(),
                "project": project.title,
            }
            queue_mail(
                kind=REMINDER,
                target=deadline,
                key=f"{REMINDER}:{deadline.pk}:{deadline.due_on.isoformat()}",
                recipient_name=user.get_full_name() or user.get_username(),
                recipient_email=user.email,
                recipient_id=user.pk,
                subject=subject,
                body=body,
            )
            FundingDeadline.objects.filter(pk=deadline.pk).update(reminded_at=timezone.now())
        queued += 1
    return queued
