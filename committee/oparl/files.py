"""The files behind OParl's File objects (§2.7): the access URL shows a file in the browser,
the download URL sends it as an attachment with its name. Both answer conditional requests
(ETag, Last-Modified) so that importers fetch a file only when it changed."""

import logging

from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header, http_date

from . import views
from .paging import endpoint

logger = logging.getLogger(__name__)


def _conditional(request, etag, modified, respond):
    last_modified = int(modified.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        response = respond()
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["X-Content-Type-Options"] = "nosniff"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def document_view(attachment):
    @endpoint
    def view(request, links, pk):
        """A document of a published item."""
        document = views.documents().filter(pk=pk).first()
        if document is None:
            raise Http404

        def respond():
            try:
                handle = document.file.open("rb")
            except FileNotFoundError as error:
                raise Http404 from error
            # The access URL names the file "inline", never "attachment" (OParl §2.7).
            return FileResponse(
                handle,
                filename=document.file_name,
                as_attachment=attachment,
                content_type=document.mime_type,
            )

        checksum = document.sha512 or document.sha1
        return _conditional(request, f'"{checksum}"', document.modified, respond)

    return view


def archived_view(queryset, attachment):
    @endpoint
    def view(request, links, pk):
        """An issued PDF, only while its content still matches the archived checksum."""
        archived = queryset().filter(pk=pk).first()
        if archived is None:
            raise Http404

        def respond():
            content = archived.read_verified()
            if content is None:
                logger.error("Archived %s %s is missing or damaged", type(archived).__name__, pk)
                raise Http404
            response = HttpResponse(content, content_type="application/pdf")
            filename = archived.file.name.rsplit("/", 1)[-1]
            response["Content-Disposition"] = content_disposition_header(attachment, filename)
            return response

        return _conditional(request, f'"{archived.sha256}"', archived.modified, respond)

    return view


file_access = document_view(attachment=False)
file_download = document_view(attachment=True)
minutes_file_access = archived_view(views.public_minutes, attachment=False)
minutes_file_download = archived_view(views.public_minutes, attachment=True)
invitation_file_access = archived_view(views.public_invitations, attachment=False)
invitation_file_download = archived_view(views.public_invitations, attachment=True)
