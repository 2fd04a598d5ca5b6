"""The import pages of every registered kind: upload, preview (dry run), confirm, template files.

An app routes them in its own section with `import_urls` (see urls.py); the pages link to each
other within the URL namespace they are served in.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from core.exports import export_response
from core.jobs import start_job
from core.models import Job

from . import registry
from .engine import MAX_BYTES, ImportFileError, ImportReport
from .registry import ImportKind
from .runner import ImportChoices, row_count, run_import
from .tasks import BACKGROUND_ROWS, import_file, preview_file
from .tasks import KIND as IMPORT_JOB
from .tasks import PREVIEW_KIND as PREVIEW_JOB
from .uploads import (
    forget_upload,
    keep_upload,
    kept_options,
    kept_sheet,
    kept_upload,
    preview_path,
    remember_options,
    remember_sheet,
    session_key,
)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File (Excel workbook .xlsx, LibreOffice spreadsheet .ods or CSV)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.ods,.csv,.txt"}),
    )


def import_url(request: HttpRequest, name: str, *args: object) -> str:
    """The URL of an import page in the section (URL namespace) that serves this request."""
    namespace = request.resolver_match.namespace if request.resolver_match else ""
    return reverse(f"{namespace}:{name}", args=args)


def requires_kind_permission(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The view works on the kind named in the URL: 404 for a kind no app registered, 403 for a
    user without the kind's permissions."""

    @wraps(view)
    def checked(request: HttpRequest, kind: str, **kwargs: Any) -> HttpResponse:
        found = registry.get(kind)
        if not found.allowed(request.user):
            raise PermissionDenied
        return view(request, found, **kwargs)

    return checked


def requires_any_kind_permission(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """403 for a user who may import none of the registered kinds."""

    @wraps(view)
    def checked(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        if not registry.allowed_kinds(request.user):
            raise PermissionDenied
        return view(request, **kwargs)

    return checked


@requires_any_kind_permission
def import_index(request: HttpRequest, base_template: str) -> HttpResponse:
    kinds = registry.allowed_kinds(request.user)
    return render(request, "imports/index.html", {"kinds": kinds, "base_template": base_template})


@requires_kind_permission
def import_upload(request: HttpRequest, kind: ImportKind, base_template: str) -> HttpResponse:
    """GET: the form with the columns explained; POST: read the file and preview the import.

    A POST with `sheet` and no file previews another sheet of the workbook uploaded before.
    The kind's options form (if any) is filled in beside the file; its initial values may come
    from the query string (?indicator=3).
    """
    form = UploadForm(request.POST or None, request.FILES or None)
    options = options_form(request, kind)
    sheets: list[str] = []
    if request.method == "POST" and "file" not in request.FILES and "sheet" in request.POST:
        return preview_kept(request, kind, request.POST["sheet"], base_template)
    options_valid = options is None or options.is_valid()
    if request.method == "POST" and form.is_valid() and options_valid:
        upload = form.cleaned_data["file"]
        choices = ImportChoices(options=options.options() if options is not None else {})
        if upload.size > MAX_BYTES:
            form.add_error("file", too_large(upload.size))
        else:
            data = upload.read()
            if is_large(kind, data, sheet=None):
                keep_upload(request, kind.slug, data, upload.name)
                remember_options(request, kind.slug, choices.options)
                return preview_in_background(request, kind, upload.name, choices)
            try:
                report = run_import(
                    kind.resource_class, data, request.user, dry_run=True, choices=choices
                )
            except ImportFileError as error:
                form.add_error("file", str(error))
                sheets = error.sheets
                keep_or_forget(request, kind, data, upload.name, keep=len(sheets) > 1)
            else:
                keep_or_forget(request, kind, data, upload.name, keep=worth_keeping(report))
                remember_options(request, kind.slug, choices.options)
                return preview(request, kind, report, upload.name, base_template)
            # Another sheet of the workbook is read with the same choices.
            remember_options(request, kind.slug, choices.options)
    return upload_page(request, kind, form, base_template, sheets, options=options)


def options_form(request: HttpRequest, kind: ImportKind) -> Any:
    """The kind's form of choices besides the file, bound on POST, or None."""
    if kind.options_form is None:
        return None
    if request.method == "POST":
        return kind.options_form(data=request.POST)
    return kind.options_form(initial=request.GET.dict())


def preview_kept(
    request: HttpRequest, kind: ImportKind, sheet: str, base_template: str
) -> HttpResponse:
    """The preview of another sheet of the workbook kept from the last upload."""
    data, name = kept_upload(request, kind.slug)
    if data is None or name is None:
        messages.error(
            request, _("The previewed file is no longer available. Please upload it again.")
        )
        return redirect(import_url(request, "import_upload", kind.slug))
    choices = ImportChoices(sheet=sheet, options=kept_options(request, kind.slug))
    if is_large(kind, data, sheet):
        remember_sheet(request, kind.slug, sheet)
        return preview_in_background(request, kind, name, choices)
    try:
        report = run_import(kind.resource_class, data, request.user, choices=choices)
    except ImportFileError as error:
        form = UploadForm()
        form.add_error(None, str(error))
        options = kind.options_form(initial=choices.options) if kind.options_form else None
        return upload_page(request, kind, form, base_template, error.sheets, sheet, options)
    remember_sheet(request, kind.slug, report.sheet)
    return preview(request, kind, report, name, base_template)


def is_large(kind: ImportKind, data: bytes, sheet: str | None) -> bool:
    """Whether the file has so many rows that the worker previews and imports it. A file that
    cannot be read is not: the preview in the request says why at once."""
    try:
        return row_count(kind.resource_class, data, sheet) > BACKGROUND_ROWS
    except ImportFileError:
        return False


def preview_in_background(
    request: HttpRequest, kind: ImportKind, name: str, choices: ImportChoices
) -> HttpResponse:
    """Hand the kept file to a job that checks it; its page links to the preview when done."""
    stored = request.session[session_key(kind.slug)]
    job = start_job(
        preview_file,
        kind=PREVIEW_JOB,
        title=_("Preview of %(file)s") % {"file": name},
        user=request.user,
        subject=f"import:{kind.slug}",
        import_kind=kind.slug,
        path=stored["path"],
        sha256=stored["sha256"],
        user_id=request.user.pk,
        choices=choices.as_json(),
        namespace=request.resolver_match.namespace if request.resolver_match else "",
    )
    request.session[session_key(kind.slug)] = {**stored, "preview_job": job.pk}
    messages.info(request, _("The file is large; it is checked in the background."))
    return redirect(job)


@require_safe
@requires_kind_permission
def import_preview(request: HttpRequest, kind: ImportKind, base_template: str) -> HttpResponse:
    """The preview of a large file, made by the worker (preview_in_background)."""
    stored = request.session.get(session_key(kind.slug))
    data, name = kept_upload(request, kind.slug)
    if stored is None or data is None or name is None:
        messages.error(
            request, _("The previewed file is no longer available. Please upload it again.")
        )
        return redirect(import_url(request, "import_upload", kind.slug))
    try:
        with default_storage.open(preview_path(stored["path"]), "rb") as file:
            report = ImportReport.from_json(file.read())
    except OSError:
        job = Job.objects.filter(pk=stored.get("preview_job")).first()
        if job is not None and job.state != Job.State.DONE:
            return redirect(job)  # not checked yet, or the check failed: the job page says
        messages.error(
            request, _("The previewed file is no longer available. Please upload it again.")
        )
        return redirect(import_url(request, "import_upload", kind.slug))
    return preview(request, kind, report, name, base_template)


def keep_or_forget(
    request: HttpRequest, kind: ImportKind, data: bytes, name: str, keep: bool
) -> None:
    # Only a file that can be imported, or whose other sheets may be, is kept: it holds
    # personal data.
    if keep:
        keep_upload(request, kind.slug, data, name)
    else:
        forget_upload(request, kind.slug)


def worth_keeping(report: ImportReport) -> bool:
    return len(report.sheets) > 1 or (
        report.ok and bool(report.counts["new"] or report.counts["changed"])
    )


def upload_page(
    request: HttpRequest,
    kind: ImportKind,
    form: UploadForm,
    base_template: str,
    sheets: list[str],
    sheet: str = "",
    options: Any = None,
) -> HttpResponse:
    return render(
        request,
        "imports/upload.html",
        {
            "kind": kind,
            "form": form,
            "columns": columns(kind),
            "max_bytes": MAX_BYTES,
            "base_template": base_template,
            "sheets": sheets,
            "sheet": sheet,
            "options_form": options,
        },
    )


def too_large(size: int) -> str:
    return _("The file is too large (%(size)s); files up to %(limit)s can be imported.") % {
        "size": filesizeformat(size),
        "limit": filesizeformat(MAX_BYTES),
    }


def preview(
    request: HttpRequest,
    kind: ImportKind,
    report: ImportReport,
    name: str,
    base_template: str,
    choices: ImportChoices | None = None,
) -> HttpResponse:
    # Rows with a question are shown first: the user must see every one of them.
    rows = sorted(report.rows, key=lambda row: not row.similar)[:500]
    return render(
        request,
        "imports/preview.html",
        {
            "kind": kind,
            "report": report,
            "file_name": name,
            "rows": sorted(rows, key=lambda row: row.number),
            "choices": choices or ImportChoices(),
            "can_confirm": report.ok and bool(report.counts["new"] or report.counts["changed"]),
            "similar_rows": any(row.similar for row in report.rows),
            "base_template": base_template,
        },
    )


def posted_choices(request: HttpRequest, sheet: str | None) -> ImportChoices:
    """The answers of the preview form: ignored columns confirmed, similar records linked."""
    links = {}
    for name in request.POST:
        number = name.removeprefix("link-")
        if name.startswith("link-") and number.isdigit():
            links[int(number)] = request.POST.get(name, "")
    return ImportChoices(
        sheet=sheet,
        ignored_confirmed=request.POST.get("confirm_ignored") == "1",
        links=links,
    )


@require_POST
@requires_kind_permission
def import_confirm(request: HttpRequest, kind: ImportKind, base_template: str) -> HttpResponse:
    """Import the previewed file, validated once more; nothing is saved if any row fails.

    "Cancel" abandons the preview: the stored file is deleted.
    """
    upload_url = import_url(request, "import_upload", kind.slug)
    if "cancel" in request.POST:
        forget_upload(request, kind.slug)
        messages.info(request, _("The import has been cancelled; the uploaded file is deleted."))
        return redirect(upload_url)
    data, name = kept_upload(request, kind.slug)
    if data is None or name is None:
        messages.error(
            request, _("The previewed file is no longer available. Please upload it again.")
        )
        return redirect(upload_url)
    choices = posted_choices(request, kept_sheet(request, kind.slug))
    choices.options = kept_options(request, kind.slug)
    try:
        if row_count(kind.resource_class, data, choices.sheet) > BACKGROUND_ROWS:
            return import_in_background(request, kind, name, choices)
        report = run_import(kind.resource_class, data, request.user, dry_run=False, choices=choices)
    except ImportFileError as error:
        messages.error(request, str(error))
        forget_upload(request, kind.slug)
        return redirect(upload_url)
    if report.ok and report.questions:
        # Nothing is saved; the file stays for the answers.
        messages.error(request, _("Nothing has been imported yet: please answer every question."))
        return preview(request, kind, report, name, base_template, choices)
    if not report.ok:
        messages.error(request, _("Nothing has been imported: the file has errors."))
        forget_upload(request, kind.slug)
        return preview(request, kind, report, name, base_template)
    forget_upload(request, kind.slug)
    counts = report.counts
    messages.success(
        request,
        _("The import is complete: %(new)s new, %(changed)s changed, %(unchanged)s unchanged.")
        % counts,
    )
    return redirect(kind.list_url_name)


def import_in_background(
    request: HttpRequest, kind: ImportKind, name: str, choices: ImportChoices
) -> HttpResponse:
    """Hand the previewed file to a job; the page shows its progress."""
    stored = request.session.pop(session_key(kind.slug))  # the file is the job's now
    job = start_job(
        import_file,
        kind=IMPORT_JOB,
        title=_("Import of %(file)s") % {"file": name},
        user=request.user,
        permission=",".join(kind.permissions),
        subject=f"import:{kind.slug}",
        import_kind=kind.slug,
        path=stored["path"],
        sha256=stored["sha256"],
        user_id=request.user.pk,
        choices=choices.as_json(),
    )
    messages.info(request, _("The file is large; it is imported in the background."))
    return redirect(job)


@requires_kind_permission
def import_template(request: HttpRequest, kind: ImportKind, file_format: str) -> HttpResponse:
    """An empty file with the German column headings of the kind."""
    resource = kind.resource_class()
    model = resource._meta.model
    return export_response(
        resource, model.objects.none(), file_format, _("template-%(kind)s") % {"kind": kind.slug}
    )


def columns(kind: ImportKind) -> list[dict[str, Any]]:
    resource = kind.resource_class()
    return [
        {
            "label": resource.column(name),
            "required": name in resource.required,
            "hint": resource.hints.get(name, ""),
        }
        for name in resource.get_export_order()
    ]
