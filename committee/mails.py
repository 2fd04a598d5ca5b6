"""The invitation e-mails of a meeting, one queued delivery per member (core/deliveries.py).

The request queues the texts and commits; the worker renders the attachments when it sends:
the invitation PDF once per meeting and process (cached), the calendar entry per member, since
each copy names its member as the attendee.
"""

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from core.context_processors import office
from core.deliveries import DeliverySummary, attachments_for, queue_mail, summary
from core.models import MailDelivery

from . import calendar, pdfs
from .models import Meeting, Member

INVITATION = "committee.invitation"
FINISHED = (MailDelivery.State.SENT, MailDelivery.State.FAILED)


def queue_invitations(meeting: Meeting, members: list[Member], user: User) -> int:
    """Queue the invitation for every member with an address; returns how many were queued
    (a member already invited to this sending of the meeting is not queued again)."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Invitation: %(meeting)s on %(date)s") % {
            "meeting": meeting,
            "date": formats.date_format(timezone.localtime(meeting.start), "SHORT_DATETIME_FORMAT"),
        }
        sending = meeting.invitation_sent_at.isoformat() if meeting.invitation_sent_at else ""
        queued = 0
        for member in members:
            body = render_to_string(
                "committee/email/invitation.txt",
                {**office(None), "meeting": meeting, "member": member},
            )
            delivery = queue_mail(
                kind=INVITATION,
                target=meeting,
                key=f"{INVITATION}:{meeting.pk}:{sending}:{member.pk}",
                recipient_id=member.pk,
                recipient_name=str(member),
                recipient_email=member.email,
                reply_to=meeting.committee.contact_email,
                subject=subject,
                body=body,
                requested_by=user,
            )
            queued += delivery is not None
    return queued


def invitation_summary(meeting: Meeting) -> DeliverySummary:
    return summary(meeting, kinds=[INVITATION])


def invitation_deliveries(meeting: Meeting) -> QuerySet[MailDelivery]:
    return MailDelivery.objects.filter(
        kind=INVITATION,
        content_type=ContentType.objects.get_for_model(Meeting),
        object_id=meeting.pk,
    )


def _invitation_pdf(meeting: Meeting, members: list[Member]) -> bytes:
    stamp = meeting.invitation_sent_at.timestamp() if meeting.invitation_sent_at else 0
    key = f"committee:invitation-pdf:{meeting.pk}:{stamp}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = pdfs.invitation_pdf(meeting, members)
        cache.set(key, pdf, 3600)
    return pdf


@attachments_for(INVITATION)
def invitation_attachments(delivery: MailDelivery) -> list[tuple[str, bytes | str, str]]:
    from .services import invitation_recipients

    meeting = Meeting.objects.select_related("committee").get(pk=delivery.object_id)
    with translation.override(settings.LANGUAGE_CODE):
        pdf = _invitation_pdf(meeting, invitation_recipients(meeting))
        attachments: list[tuple[str, bytes | str, str]] = [
            (pdfs.invitation_filename(meeting), pdf, "application/pdf")
        ]
        member = Member.objects.filter(pk=delivery.recipient_id).first()
        ics = calendar.meeting_calendar(meeting, attendees=[member] if member else [])
        attachments.append((calendar.filename(meeting), ics.content, ics.mail_content_type))
    return attachments
