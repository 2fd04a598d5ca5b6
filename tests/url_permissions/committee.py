import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from committee.models import (
    AgendaItem,
    ArchivedInvitation,
    ArchivedMinutes,
    CalendarFeedToken,
    Document,
    FollowUp,
    LegislativeTerm,
    Meeting,
    Member,
    Membership,
)
from core.archive import store_archived_file
from core.models import MailDelivery
from core.roles import LESEZUGRIFF
from tests.conftest import make_user
from tests.mail.builders import delivery_state, failed_delivery
from tests.url_permissions import (
    COORDINATION,
    DONE_BY_COORDINATION,
    DONE_BY_WRITE,
    POST_ONLY,
    PUBLIC,
    READ,
    ROLES,
    WRITE,
    Post,
    row_of,
)


def meeting(d):
    return {"pk": d["meeting"].pk}


def held_meeting(d):
    d["meeting"].state = "held"
    d["meeting"].save()
    return {"pk": d["meeting"].pk, "edition": "internal"}


def _item(d, number="1", order=0):
    return AgendaItem.objects.create(
        meeting=d["meeting"], number=number, order=order, title="Bericht"
    )


def past_meeting(d):
    """The shared meeting, moved to last week: it may be marked as held."""
    d["meeting"].start = timezone.now() - datetime.timedelta(days=7)
    d["meeting"].save()
    return {"pk": d["meeting"].pk}


def held_past_meeting(d):
    """A held meeting of last week with an item: its minutes may be finalised."""
    past_meeting(d)
    d["meeting"].state = "held"
    d["meeting"].save()
    _item(d)
    return {"pk": d["meeting"].pk}


def agenda_out_of_sequence(d):
    _item(d, number="3", order=0)
    _item(d, number="7", order=1)
    return {"pk": d["meeting"].pk}


def agenda_numbers(kwargs):
    return list(AgendaItem.objects.filter(meeting=kwargs["pk"]).values_list("number", "order"))


def invitable_meeting(d):
    """A planned meeting with an item and a member with an e-mail address."""
    Membership.objects.create(
        committee=d["meeting"].committee,
        member=Member.objects.create(first_name="Eva", last_name="Muster", email="eva@example.org"),
        start=datetime.date(2024, 7, 24),
    )
    _item(d)
    return {"pk": d["meeting"].pk}


def failed_invitation(d):
    delivery = failed_delivery(d["meeting"], "committee.invitation")
    return {"pk": d["meeting"].pk, "delivery": delivery.pk}


def mails_sent(kwargs):
    """The mails queued for the worker (it sends them after the commit)."""
    return MailDelivery.objects.count()


def upload(d):
    content = SimpleUploadedFile("vorlage.pdf", b"%PDF-1.4\n%test\n", "application/pdf")
    return {"document-title": "Vorlage", "document-file": content}


def documents_of_item(kwargs):
    return Document.objects.filter(agenda_item=kwargs["pk"]).count()


def item(d):
    return {"pk": _item(d).pk}


def _finalise(meeting):
    meeting.state, meeting.minutes_finalised_at = "held", timezone.now()
    meeting.start = meeting.end = timezone.now() - datetime.timedelta(days=7)
    meeting.save()


def finalised_item(d):
    _finalise(d["meeting"])
    return {"pk": _item(d).pk}


def correction(d):
    return {"minutes": "Berichtigt.", "reason": "Ein Schreibfehler."}


def archived_minutes(d):
    _finalise(d["meeting"])
    archived = ArchivedMinutes(
        meeting=d["meeting"], edition="internal", revision=1, title="Niederschrift"
    )
    store_archived_file(archived, b"%PDF-1.4\n%test\n", "niederschrift.pdf", None)
    return {"pk": archived.pk}


def item_move(d):
    _item(d, number="2", order=1)
    return {"pk": _item(d, order=0).pk, "direction": "down"}


def document(d):
    content = b"%PDF-1.4\n%test\n"
    doc = Document(agenda_item=_item(d), title="Vorlage", file_name="vorlage.pdf", size=15)
    doc.mime_type, doc.sha1 = "application/pdf", "0" * 40
    doc.file.save("vorlage.pdf", ContentFile(content))
    return {"pk": doc.pk}


def _member():
    return Member.objects.create(first_name="Eva", last_name="Muster")


def member(d):
    return {"pk": _member().pk}


def membership(d):
    created = Membership.objects.create(
        committee=d["meeting"].committee, member=_member(), start=datetime.date(2024, 7, 24)
    )
    return {"pk": created.pk}


def follow_up(d):
    return {
        "pk": FollowUp.objects.create(
            agenda_item=_item(d), text="Bericht", owner_actor=d["actor"]
        ).pk
    }


def body(d):
    return {"body_id": 1}


def committee(d):
    return {"pk": d["meeting"].committee_id}


def located_meeting(d):
    """The place (building and room) of a public meeting: one OParl Location."""
    d["meeting"].location = "Rathaus"
    d["meeting"].save()
    return {"pk": Meeting.objects.get(pk=d["meeting"].pk).venue_id}


def _councillor(d):
    """A city councillor of a faction: the faction is an OParl Organization."""
    councillor = Member.objects.create(first_name="Rita", last_name="Rat", faction="SPD")
    Membership.objects.create(
        committee=d["meeting"].committee, member=councillor, start=datetime.date(2024, 7, 24)
    )
    return councillor.faction_memberships.get()


def faction(d):
    return {"pk": _councillor(d).faction_id}


def faction_membership(d):
    return {"pk": _councillor(d).pk}


def public_minutes(d):
    _finalise(d["meeting"])
    archived = ArchivedMinutes(
        meeting=d["meeting"], edition="public", revision=1, title="Niederschrift"
    )
    store_archived_file(archived, b"%PDF-1.4\n%test\n", "niederschrift.pdf", None)
    return {"pk": archived.pk}


def public_invitation(d):
    archived = ArchivedInvitation(meeting=d["meeting"], title="Einladung")
    store_archived_file(archived, b"%PDF-1.4\n%test\n", "einladung.pdf", None)
    return {"pk": archived.pk}


def oparl_unknown(d):
    return {"path": "gibt-es-nicht/"}


def term(d):
    return {"pk": LegislativeTerm.objects.create(name="2024–2029", start="2024-07-24").pk}


# Whoever may read the meetings manages their own calendar link.
DONE_BY_READ = {**READ, "lesezugriff": 302, "sachbearbeitung": 302, "koordination": 302}


def calendar_links(d):
    """Every user holds a calendar link, so that a revocation has one to remove."""
    for user in get_user_model().objects.all():
        CalendarFeedToken.issue(user)
    return {}


def calendar_link_hashes(kwargs):
    return sorted(CalendarFeedToken.objects.values_list("token_hash", flat=True))


def personal_feed(d):
    """Somebody else's link: it opens the feed for anybody who holds it, logged in or not."""
    owner = make_user(get_user_model(), "kalender", LESEZUGRIFF)
    return {"token": CalendarFeedToken.issue(owner)}


def xlsx(d):
    return {"file_format": "xlsx"}


TABLE = {
    "committee:overview": (None, READ),
    "committee:meeting_list": (None, READ),
    "committee:meeting_export": (xlsx, READ),
    "committee:meeting_create": (None, WRITE),
    "committee:staff_feed": (None, READ),
    "committee:public_feed": (None, PUBLIC),
    "committee:calendar_subscription": (
        None,
        READ,
        Post(READ, changes=calendar_link_hashes),  # the new link is shown on the page itself
    ),
    "committee:calendar_revoke": (
        calendar_links,
        READ,
        Post(DONE_BY_READ, changes=calendar_link_hashes),
    ),
    "committee:personal_feed": (personal_feed, PUBLIC),
    "committee:meeting_detail": (meeting, READ),
    "committee:meeting_ics": (meeting, READ),
    "committee:meeting_edit": (meeting, WRITE),
    "committee:agenda": (meeting, WRITE),
    "committee:agenda_renumber": (
        agenda_out_of_sequence,
        POST_ONLY,
        Post(DONE_BY_WRITE, changes=agenda_numbers),
    ),
    "committee:attendance": (meeting, WRITE),
    "committee:invitation": (
        invitable_meeting,
        COORDINATION,
        Post(DONE_BY_COORDINATION, changes=mails_sent),
    ),
    "committee:invitation_resend": (
        failed_invitation,
        POST_ONLY,
        Post(DONE_BY_COORDINATION, changes=delivery_state),
    ),
    "committee:invitation_pdf": (meeting, READ),
    "committee:minutes_pdf": (held_meeting, READ),
    "committee:minutes_finalise": (
        held_past_meeting,
        POST_ONLY,
        Post(DONE_BY_COORDINATION, changes=row_of(Meeting)),
    ),
    "committee:meeting_mark_held": (
        past_meeting,
        POST_ONLY,
        Post(DONE_BY_WRITE, changes=row_of(Meeting)),
    ),
    "committee:archived_minutes": (archived_minutes, READ),
    "committee:item_correct": (
        finalised_item,
        COORDINATION,
        Post(DONE_BY_COORDINATION, data=correction, changes=row_of(AgendaItem)),
    ),
    "committee:item_edit": (item, WRITE),
    "committee:item_move": (
        item_move,
        POST_ONLY,
        Post(DONE_BY_WRITE, changes=lambda kw: row_of(AgendaItem)(kw)["order"]),
    ),
    "committee:item_delete": (item, WRITE, Post(DONE_BY_WRITE, changes=row_of(AgendaItem))),
    "committee:document_upload": (
        item,
        POST_ONLY,
        Post(DONE_BY_WRITE, data=upload, changes=documents_of_item),
    ),
    "committee:follow_up_create": (item, WRITE),
    "committee:document_download": (document, READ),
    "committee:document_delete": (
        document,
        WRITE,
        Post(DONE_BY_WRITE, changes=row_of(Document)),
    ),
    "committee:member_list": (None, READ),
    "committee:member_export": (xlsx, READ),
    "committee:member_create": (None, WRITE),
    "committee:member_detail": (member, READ),
    "committee:member_edit": (member, WRITE),
    "committee:member_delete": (member, WRITE, Post(DONE_BY_WRITE, changes=row_of(Member))),
    "committee:membership_create": (None, WRITE),
    "committee:membership_edit": (membership, WRITE),
    "committee:membership_end": (
        membership,
        WRITE,
        Post(DONE_BY_WRITE, data=lambda d: {"end": "2026-10-31"}, changes=row_of(Membership)),
    ),
    "committee:follow_up_list": (None, READ),
    "committee:follow_up_export": (xlsx, READ),
    "committee:follow_up_edit": (follow_up, WRITE),
    "committee:follow_up_done": (
        follow_up,
        POST_ONLY,
        Post(DONE_BY_WRITE, changes=row_of(FollowUp)),
    ),
    "oparl:system": (None, PUBLIC),
    "oparl:body_list": (None, PUBLIC),
    "oparl:body": (body, PUBLIC),
    "oparl:organization_list": (body, PUBLIC),
    "oparl:person_list": (body, PUBLIC),
    "oparl:membership_list": (body, PUBLIC),
    "oparl:meeting_list": (body, PUBLIC),
    "oparl:agenda_item_list": (body, PUBLIC),
    "oparl:file_list": (body, PUBLIC),
    "oparl:location_list": (body, PUBLIC),
    "oparl:legislative_term_list": (body, PUBLIC),
    "oparl:paper_list": (body, PUBLIC),
    "oparl:organization": (committee, PUBLIC),
    "oparl:organization_meeting_list": (committee, PUBLIC),
    "oparl:person": (member, PUBLIC),
    "oparl:membership": (membership, PUBLIC),
    "oparl:meeting": (meeting, PUBLIC),
    "oparl:agenda_item": (item, PUBLIC),
    "oparl:file": (document, PUBLIC),
    "oparl:file_access": (document, PUBLIC),
    "oparl:file_download": (document, PUBLIC),
    "oparl:minutes_file": (public_minutes, PUBLIC),
    "oparl:minutes_file_access": (public_minutes, PUBLIC),
    "oparl:minutes_file_download": (public_minutes, PUBLIC),
    "oparl:invitation_file": (public_invitation, PUBLIC),
    "oparl:invitation_file_access": (public_invitation, PUBLIC),
    "oparl:invitation_file_download": (public_invitation, PUBLIC),
    "oparl:faction": (faction, PUBLIC),
    "oparl:faction_membership": (faction_membership, PUBLIC),
    "oparl:location": (located_meeting, PUBLIC),
    "oparl:legislative_term": (term, PUBLIC),
    # Any other address below the interface: an OParl error object, for everybody.
    "oparl:not_found": (oparl_unknown, dict.fromkeys(ROLES, 404)),
}
