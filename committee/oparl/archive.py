"""The public edition of an invitation, archived when the invitation is sent: OParl publishes
it as Meeting.invitation. It is the invitation as the members get it, without the agenda's
non-public part; the members' own copy (with that part) is never published."""

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import translation

from core.archive import store_archived_file
from core.pdf import render_pdf
from core.tasks import enqueue_on_commit, task

from .. import pdfs
from ..models import ArchivedInvitation, Meeting, Member


def archive_public_invitation(
    meeting: Meeting, recipients: list[Member], user: User
) -> ArchivedInvitation | None:
    """Archive the public edition of a public meeting's invitation (None for others)."""
    if not meeting.is_public:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        context = {**pdfs.invitation_context(meeting, recipients), "closed_items": []}
        content = render_pdf("committee/pdf/invitation.html", context, archival=True)
    entry = ArchivedInvitation(meeting=meeting, title=context["title"])
    # store_archived_file removes the file again should its row not be written.
    return store_archived_file(entry, content, pdfs.invitation_filename(meeting), user)


@task()
def archive_invitation(meeting_id: int, recipient_ids: list[int], user_id: int | None) -> None:
    meeting = Meeting.objects.select_related("committee").get(pk=meeting_id)
    members = Member.objects.in_bulk(recipient_ids)
    recipients = [members[pk] for pk in recipient_ids if pk in members]
    user = User.objects.filter(pk=user_id).first() if user_id else None
    archive_public_invitation(meeting, recipients, user)  # type: ignore[arg-type]


def archive_after_sending(meeting: Meeting, recipients: list[Member], user: User) -> None:
    """In the worker, once the sending is committed (rendering the PDF takes a second or two);
    an archive that fails leaves the invitation sent."""
    if meeting.is_public:
        recipient_ids = [member.pk for member in recipients]
        enqueue_on_commit(archive_invitation, meeting.pk, recipient_ids, user.pk)
