"""The staff import pages: upload, preview (dry run), confirm; template files."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.exports import export_response

from ..imports.engine import MAX_BYTES, ImportFileError
from ..imports.kinds import KINDS
from ..imports.runner import run_import
from ..imports.uploads import forget_upload, keep_upload, kept_upload


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File (Excel workbook .xlsx or CSV)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,.txt"}),
    )


def get_kind(request, slug):
    """The import kind from the URL, if the user may import it; 404 or 403 otherwise."""
    kind = KINDS.get(slug)
    if kind is None:
        raise Http404
    if not kind.allowed(request.user):
        raise PermissionDenied
    return kind


def import_index(request):
    kinds = [kind for kind in KINDS.values() if kind.allowed(request.user)]
    if not kinds:
        raise PermissionDenied
    return render(request, "network/import_index.html", {"kinds": kinds})


def import_upload(request, kind):
    """GET: the form with the columns explained; POST: read the file and preview the import."""
    kind = get_kind(request, kind)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            form.add_error("file", too_large(upload.size))
        else:
            data = upload.read()
            try:
                report = run_import(kind.resource_class, data, request.user, dry_run=True)
            except ImportFileError as error:
                form.add_error("file", str(error))
            else:
                # Only a file that can be imported is kept; it holds personal data.
                if report.ok and (report.counts["new"] or report.counts["changed"]):
                    keep_upload(request, kind.slug, data, upload.name)
                else:
                    forget_upload(request, kind.slug)
                return preview(request, kind, report, upload.name)
    return render(
        request,
        "network/import_upload.html",
        {"kind": kind, "form": form, "columns": columns(kind), "max_bytes": MAX_BYTES},
    )


def too_large(size):
    return _("The file is too large (%(size)s); files up to %(limit)s can be imported.") % {
        "size": filesizeformat(size),
        "limit": filesizeformat(MAX_BYTES),
    }


def preview(request, kind, report, name):
    return render(
        request,
        "network/import_preview.html",
        {"kind": kind, "report": report, "file_name": name, "rows": report.rows[:500]},
    )


@require_POST
def import_confirm(request, kind):
    """Import the previewed file, validated once more; nothing is saved if any row fails.

    "Cancel" abandons the preview: the stored file is deleted.
    """
    kind = get_kind(request, kind)
    if "cancel" in request.POST:
        forget_upload(request, kind.slug)
        messages.info(request, _("The import has been cancelled; the uploaded file is deleted."))
        return redirect("network:import_upload", kind=kind.slug)
    data, name = kept_upload(request, kind.slug)
    if data is None:
        messages.error(
            request, _("The previewed file is no longer available. Please upload it again.")
        )
        return redirect("network:import_upload", kind=kind.slug)
    try:
        report = run_import(kind.resource_class, data, request.user, dry_run=False)
    except ImportFileError as error:
        messages.error(request, str(error))
        forget_upload(request, kind.slug)
        return redirect("network:import_upload", kind=kind.slug)
    if not report.ok:
        messages.error(request, _("Nothing has been imported: the file has errors."))
        forget_upload(request, kind.slug)
        return preview(request, kind, report, name)
    forget_upload(request, kind.slug)
    counts = report.counts
    messages.success(
        request,
        _("The import is complete: %(new)s new, %(changed)s changed, %(unchanged)s unchanged.")
        % counts,
    )
    return redirect(kind.list_url_name)


def import_template(request, kind, file_format):
    """An empty file with the German column headings of the kind."""
    kind = get_kind(request, kind)
    resource = kind.resource_class()
    model = resource._meta.model
    return export_response(
        resource, model.objects.none(), file_format, _("template-%(kind)s") % {"kind": kind.slug}
    )


def columns(kind):
    resource = kind.resource_class()
    return [
        {
            "label": resource.column(name),
            "required": name in resource.required,
            "hint": resource.hints.get(name, ""),
        }
        for name in resource.get_export_order()
    ]
