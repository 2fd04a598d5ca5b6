"""Large files are previewed and imported by the worker (issue 11): a file of more than
BACKGROUND_ROWS rows is checked (the dry run of the preview) and, once confirmed, imported by a
task with progress, all or nothing as in the request (one transaction inside the task).

The uploaded file stays where the request stored it (uploads.keep_upload); only its path and
checksum pass to the task. The preview's report is stored beside the file for the page that
shows it. The import deletes both when it ends, successful or not.
"""

import hashlib
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.translation import gettext as _

from core.jobs import JobError, finish_job, report_progress, running
from core.tasks import task

from . import registry
from .engine import ImportFileError, ImportReport
from .runner import ImportChoices, run_import
from .uploads import delete_upload, preview_path

# Files with more rows than this are previewed and imported in the background.
BACKGROUND_ROWS = 1000
KIND = "import"
PREVIEW_KIND = "import_preview"


def read_kept(path: str, sha256: str) -> bytes:
    """The stored upload, unchanged since the request kept it; JobError if it is gone."""
    gone = JobError(_("The previewed file is no longer available. Please upload it again."))
    try:
        with default_storage.open(path, "rb") as upload:
            data = upload.read()
    except OSError:
        raise gone from None
    if hashlib.sha256(data).hexdigest() != sha256:
        raise gone
    return data


def run_job_import(
    job_id: int, import_kind: str, data: bytes, user_id: int, choices: ImportChoices, dry_run: bool
) -> ImportReport:
    user = get_user_model().objects.get(pk=user_id)
    try:
        return run_import(
            registry.get(import_kind).resource_class,
            data,
            user,
            dry_run=dry_run,
            choices=choices,
            progress=lambda done, total: report_progress(job_id, done, total),
        )
    except ImportFileError as error:
        raise JobError(str(error)) from error


@task()
def preview_file(
    job_id: int,
    import_kind: str,
    path: str,
    sha256: str,
    user_id: int,
    choices: dict[str, Any],
    namespace: str,
) -> dict[str, int]:
    """Check the file as the preview does and store the report for the preview page."""
    with running(job_id):
        data = read_kept(path, sha256)
        report = run_job_import(
            job_id, import_kind, data, user_id, ImportChoices.from_json(choices), dry_run=True
        )
        default_storage.save(preview_path(path), ContentFile(report.as_json()))
        finish_job(
            job_id,
            url=reverse(f"{namespace}:import_preview", args=[import_kind]),
            label=_("Show the preview"),
            total=len(report.rows) + len(report.errors),
            message=_(
                "The file has been checked: %(new)s new, %(changed)s changed, "
                "%(unchanged)s unchanged, %(errors)s errors."
            )
            % {**report.counts, "errors": len(report.errors)},
        )
        return report.counts


@task()
def import_file(
    job_id: int, import_kind: str, path: str, sha256: str, user_id: int, choices: dict[str, Any]
) -> dict[str, int]:
    with running(job_id):
        try:
            data = read_kept(path, sha256)
            report = run_job_import(
                job_id, import_kind, data, user_id, ImportChoices.from_json(choices), dry_run=False
            )
        finally:
            delete_upload(path)
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
            url=reverse(registry.get(import_kind).list_url_name),
            label=_("Show the list"),
            total=sum(report.counts.values()),
            message=_(
                "The import is complete: %(new)s new, %(changed)s changed, %(unchanged)s unchanged."
            )
            % report.counts,
        )
        return report.counts
