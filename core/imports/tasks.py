"""Large imports run in the worker (issue 11): the confirmed file of more than BACKGROUND_ROWS
rows is imported by a task, with progress, all or nothing as in the request (one transaction
inside the task). The previewed file passes from the user's session to the job and is deleted
when the task ends, successful or not."""

import hashlib
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.translation import gettext as _

from core.jobs import JobError, finish_job, report_progress, running
from core.tasks import task

from . import registry
from .engine import ImportFileError
from .runner import ImportChoices, run_import

# Files with more rows than this are imported in the background.
BACKGROUND_ROWS = 1000
KIND = "import"


@task()
def import_file(
    job_id: int, import_kind: str, path: str, sha256: str, user_id: int, choices: dict[str, Any]
) -> dict[str, int]:
    with running(job_id):
        try:
            with default_storage.open(path, "rb") as upload:
                data = upload.read()
        except OSError:
            raise JobError(
                _("The previewed file is no longer available. Please upload it again.")
            ) from None
        try:
            if hashlib.sha256(data).hexdigest() != sha256:
                raise JobError(
                    _("The previewed file is no longer available. Please upload it again.")
                )
            found = registry.get(import_kind)
            user = get_user_model().objects.get(pk=user_id)
            try:
                report = run_import(
                    found.resource_class,
                    data,
                    user,
                    dry_run=False,
                    choices=ImportChoices.from_json(choices),
                    progress=lambda done, total: report_progress(job_id, done, total),
                )
            except ImportFileError as error:
                raise JobError(str(error)) from error
        finally:
            default_storage.delete(path)
        if report.questions:
            raise JobError(
                _("Nothing has been imported yet: please answer every question.")
                + " "
                + " ".join(report.questions[:5])
            )
        if not report.ok:
            raise JobError(
                _("Nothing has been imported: the file has errors.")
                + " "
                + " ".join(report.errors[:5])
            )
        finish_job(
            job_id,
            url=reverse(found.list_url_name),
            label=_("Show the list"),
            total=sum(report.counts.values()),
            message=_(
                "The import is complete: %(new)s new, %(changed)s changed, %(unchanged)s unchanged."
            )
            % report.counts,
        )
        return report.counts
