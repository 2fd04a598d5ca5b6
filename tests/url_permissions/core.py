from tests.url_permissions import COORDINATION, PUBLIC, READ, ROLES, WRITE, Post

EVERYONE_REDIRECTED = dict.fromkeys(ROLES, 302)


def finished_job_with_file(data):
    """A finished job of someone else that produced a file (a large report)."""
    from django.core.files.base import ContentFile

    from core.models import Job

    job = Job(
        kind="monitoring_report",
        title="Monitoringbericht",
        permission="measures.issue_official_report",
        state=Job.State.DONE,
    )
    job.file.save("bericht.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"))
    return {"pk": job.pk}


def coordination_job(data):
    """A job started by someone else that the holders of its permission may follow."""
    from core.models import Job

    job = Job.objects.create(
        kind="monitoring_close",
        title="Bericht archivieren",
        permission="measures.issue_official_report",
    )
    return {"pk": job.pk}


TABLE = {
    "dashboard": (None, READ),
    "reports": (None, READ),
    "benchmark_floor": (None, READ),  # base.html alone, the page benchmark's floor
    # public/base.html alone, the public load test's floor
    "benchmark_public_floor": (None, PUBLIC),
    "login": (None, PUBLIC),
    # Logging out is a POST only; anonymous users are sent to the login page first.
    "logout": (None, {**dict.fromkeys(ROLES, 405), "anonymous": 302}, Post(EVERYONE_REDIRECTED)),
    # GET changes nothing and redirects back; POST chooses the language, also without an account.
    "set_language": (
        None,
        EVERYONE_REDIRECTED,
        Post(EVERYONE_REDIRECTED, data=lambda d: {"language": "de", "next": "/"}),
    ),
    "measures:list": (None, READ),
    "measures:export": (lambda d: {"file_format": "xlsx"}, READ),
    "measures:search": (None, READ),  # the pickers' JSON search
    "measures:detail": (lambda d: {"pk": d["measure"].pk}, READ),
    "measures:edit": (lambda d: {"pk": d["measure"].pk}, WRITE),
    "measures:report": (lambda d: {"pk": d["measure"].pk}, WRITE),
    "measures:sheet": (lambda d: {"pk": d["measure"].pk}, READ),
    # A background job's progress: its creator and who holds the job's permission.
    "job_detail": (coordination_job, COORDINATION),
    "job_status": (coordination_job, COORDINATION),
    "job_file": (finished_job_with_file, COORDINATION),
    # The admin is for staff only; its own permission checks are tested in test_admin.py.
    "admin:index": (
        None,
        {**dict.fromkeys(ROLES, 302), "sachbearbeitung": 200, "koordination": 200},
    ),
}
