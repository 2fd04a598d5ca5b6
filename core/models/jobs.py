"""Long work done by the worker (issue 11): one row per job, with its progress for the page."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    """One piece of long work (closing a round, archiving minutes, a large import, a report),
    run by a background task. Its creator, and whoever holds `permission`, may follow it."""

    class State(models.TextChoices):
        WAITING = "waiting", pgettext_lazy("job state", "waiting")
        RUNNING = "running", pgettext_lazy("job state", "running")
        DONE = "done", pgettext_lazy("job state", "done")
        FAILED = "failed", pgettext_lazy("job state", "failed")

    kind = models.CharField(_("kind"), max_length=40)
    title = models.CharField(_("title"), max_length=300)
    # "app_label.codename" (several separated by commas): who else may see the job.
    permission = models.CharField(_("permission"), max_length=100, blank=True)
    # What the job works on, e.g. "monitoringround:12", so that its page can find the job.
    subject = models.CharField(_("subject"), max_length=100, blank=True, db_index=True)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.WAITING
    )
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    result_url = models.CharField(_("result address"), max_length=500, blank=True)
    result_label = models.CharField(_("result"), max_length=300, blank=True)
    # A file the job produced for its creator (a large report), handed out by job_file.
    file = models.FileField(_("file"), upload_to="jobs/%Y/%m/", blank=True)
    message = models.TextField(_("message"), blank=True)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    started = models.DateTimeField(_("started"), null=True, blank=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)
    task_id = models.CharField(_("task id"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("job_detail", args=[self.pk])

    @property
    def progress_label(self) -> str:
        """ "12 von 40", or nothing while the amount of work is unknown."""
        if not self.total:
            return ""
        return gettext("%(done)s of %(total)s") % {
            "done": number_format(self.done, force_grouping=True),
            "total": number_format(self.total, force_grouping=True),
        }

    @property
    def is_finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)

    def visible_to(self, user) -> bool:  # type: ignore[no-untyped-def]
        if not user.is_authenticated:
            return False
        if self.created_by_id == user.pk:
            return True
        return bool(self.permission) and user.has_perms(self.permission.split(","))
