"""The periodic work, for cron once a day (docs/operations.md, issue 11).

- Monitoring reminders: an open round due in DJANGO_REMINDER_DAYS days (or less) reminds every
  invited contact who has not answered, once per round; one e-mail per contact, queued as
  deliveries and sent by the worker (measures/monitoring/mail.send_reminders → core.deliveries).
- Funding deadlines due in PROJECT_DEADLINE_REMINDER_DAYS days (or less), not met and not
  reminded yet, remind the project's responsible staff member (measures/projects/funding.py).
- Mails whose worker died while sending (still "läuft" after 30 minutes) are marked failed
  with that reason, so that their page offers "Erneut senden"; they are never resent by
  themselves.
- The preview uploads of imports older than an hour are deleted (sweep_import_uploads).
- Finished task results older than --keep-days are pruned from the database queue
  (django-tasks-db's prune_db_task_results), as are finished jobs.
- Each app's own daily work, declared as `run_periodic()` on its AppConfig (e.g. the public
  pages delete feedback on accessibility after a year).
"""

import datetime

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from core.deliveries import fail_interrupted
from core.models import Job
from measures.models import MonitoringRound
from measures.monitoring import mail as monitoring_mail
from measures.projects.funding import remind_deadlines


def rounds_to_remind(today: datetime.date, days: int):
    """Open rounds due within `days` days whose reminder period has not had a reminder yet."""
    due = list(
        MonitoringRound.objects.filter(
            state=MonitoringRound.State.OPEN,
            due_date__gte=today,
            due_date__lte=today + datetime.timedelta(days=days),
        ).select_related("created_by")
    )
    found = []
    for monitoring_round in due:
        period_start = monitoring_round.due_date - datetime.timedelta(days=days)
        reminded = monitoring_round.requests.filter(reminded_at__date__gte=period_start).exists()
        if not reminded:
            found.append(monitoring_round)
    return found


class Command(BaseCommand):
    help = "Daily work: monitoring reminders, old import previews, old task results."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=settings.SITE_URL,
            help="The address partners open their links at (default: DJANGO_SITE_URL).",
        )
        parser.add_argument("--keep-days", type=int, default=30)

    def handle(self, *args, base_url, keep_days, **options):
        today = timezone.localdate()
        for monitoring_round in rounds_to_remind(today, settings.REMINDER_DAYS):
            sender = monitoring_round.created_by
            if sender is None:
                self.stderr.write(
                    f"{monitoring_round}: keine Absenderin/kein Absender, übersprungen"
                )
                continue
            mails, requests = monitoring_mail.send_reminders(monitoring_round, sender, base_url)
            self.stdout.write(
                f"{monitoring_round}: {mails} Erinnerungen für {requests} Abfragen eingereiht"
            )
        reminded = remind_deadlines(today, base_url)
        self.stdout.write(f"{reminded} Erinnerungen an Förderfristen eingereiht")
        interrupted = fail_interrupted()
        if interrupted:
            self.stdout.write(
                f"{interrupted} unterbrochene E-Mail-Zustellungen als fehlgeschlagen markiert"
            )
        call_command("sweep_import_uploads", verbosity=options["verbosity"])
        if settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db."):
            call_command(
                "prune_db_task_results", min_age_days=keep_days, verbosity=options["verbosity"]
            )
        cutoff = timezone.now() - datetime.timedelta(days=keep_days)
        old_jobs = Job.objects.filter(
            state__in=[Job.State.DONE, Job.State.FAILED], finished__lt=cutoff
        )
        for job in old_jobs.exclude(file=""):
            job.file.delete(save=False)  # a prepared report download
        pruned, _by_model = old_jobs.delete()
        self.stdout.write(f"{pruned} alte Aufträge gelöscht")
        # Apps above this layer add their daily work as AppConfig.run_periodic().
        for config in apps.get_app_configs():
            if hasattr(config, "run_periodic"):
                for line in config.run_periodic():
                    self.stdout.write(line)
