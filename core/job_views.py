"""The progress page of a background job and its JSON for the page's script (issue 11)."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from .models import Job


def visible_job(request: HttpRequest, pk: int) -> Job:
    """The job, for its creator or a user with the job's permission; 403 for anyone else."""
    job = get_object_or_404(Job, pk=pk)
    if not job.visible_to(request.user):
        raise PermissionDenied
    return job


def job_status(job: Job) -> dict[str, object]:
    return {
        "state": job.state,
        "state_label": job.get_state_display(),
        "done": job.done,
        "total": job.total,
        "progress": job.progress_label,
        "finished": job.is_finished,
        "result_url": job.result_url,
        "result_label": job.result_label,
        "message": job.message,
        "error": job.error,
    }


def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job(request, pk)
    return render(request, "jobs/job_detail.html", {"job": job})


def job_status_json(request: HttpRequest, pk: int) -> JsonResponse:
    return JsonResponse(job_status(visible_job(request, pk)))


def job_file(request: HttpRequest, pk: int) -> FileResponse:
    """The file a finished job produced, as a download, for whoever may see the job."""
    job = visible_job(request, pk)
    if job.state != Job.State.DONE or not job.file:
        raise Http404
    name = job.result_label or job.file.name.rsplit("/", 1)[-1]
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=name)
