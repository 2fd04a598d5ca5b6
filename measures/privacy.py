"""What the monitoring stores about a contact person, for the DSGVO disclosure and erasure.

Registered with network.privacy in MeasuresConfig.ready(): the network may not import measures.
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from core.models import MailDelivery

from .models import ArchivedReport, MonitoringRound, Proposal, ProposalInvitation, StatusReport

# proposal_mail.KINDS and offers.mail.INVITATION; this module loads in ready(), so it keeps a
# copy (tests compare).
PROPOSAL_MAIL_KINDS = ("proposal.invitation", "proposal.decline")
OFFER_MAIL_KINDS = ("offer.invitation",)


def report_scope(contact):
    """Reports the person may have written: answers to monitoring requests addressed to them,
    and reports on measures their actor leads."""
    scope = Q(monitoring_request__contact=contact)
    if contact.actor_id:
        scope |= Q(measure__lead_actor_id=contact.actor_id)
    return StatusReport.objects.filter(scope)


def authored_reports(contact):
    """The person's reports: in `report_scope` and signed (`author_name`) with their full name,
    case aside. A report a colleague signed names the colleague and is not the person's."""
    name = contact.full_name
    if not name:
        return StatusReport.objects.none()
    return report_scope(contact).filter(author_name__iexact=name).distinct()


def proposals(contact):
    """Proposals for a draft plan sent through the person's invitation links."""
    return Proposal.objects.filter(invitation__contact=contact)


def reports(contact):
    return [
        {
            "measure": report.measure.code,
            "title": report.measure.title,
            "date": report.reporting_date.isoformat(),
            "state": str(report.get_review_state_display()),
        }
        for report in authored_reports(contact)
        .select_related("measure")
        .order_by("reporting_date", "pk")
    ] + [
        {
            "measure": _("Proposal"),
            "title": proposal.title,
            "date": proposal.submitted_at.date().isoformat(),
            "state": str(proposal.get_state_display()),
        }
        for proposal in proposals(contact).order_by("submitted_at", "pk")
    ]


def archived_documents(contact):
    """Archived monitoring reports that may name the person: those of rounds in which they had
    a monitoring request or wrote a report. They are kept (Art. 17(3)(b) and (e) GDPR)."""
    rounds = MonitoringRound.objects.filter(
        Q(requests__contact=contact) | Q(requests__report__in=authored_reports(contact))
    )
    return [
        {"title": archived.title, "date": archived.created_at.date().isoformat()}
        for archived in ArchivedReport.objects.filter(round__in=rounds).order_by("created_at", "pk")
    ]


def erase(contact, erased_name):
    """Replace the person's name by `erased_name` in their reports and in the reports' history;
    the reports themselves stay. Their proposals stay too, without their name (the
    organisation is no personal datum), and their invitation links go. Runs before the contact
    is deleted (the links still exist)."""
    erase_proposals(contact, erased_name)
    name = contact.full_name
    if not name:
        return
    ids = list(report_scope(contact).values_list("pk", flat=True))
    StatusReport.objects.filter(pk__in=ids, author_name__iexact=name).update(
        author_name=erased_name
    )
    StatusReport.history.filter(id__in=ids, author_name__iexact=name).update(
        author_name=erased_name
    )


def erase_proposals(contact, erased_name):
    ids = list(proposals(contact).values_list("pk", flat=True))
    Proposal.objects.filter(pk__in=ids).update(proposer_name="")
    Proposal.history.filter(id__in=ids).update(proposer_name="")
    ProposalInvitation.objects.filter(contact=contact).delete()
    # The record of the e-mails sent to the person stays, without name, address and text.
    MailDelivery.objects.filter(
        kind__in=PROPOSAL_MAIL_KINDS + OFFER_MAIL_KINDS, recipient_id=contact.pk
    ).update(recipient_name=erased_name, recipient_email="", body="")
