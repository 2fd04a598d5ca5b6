import datetime

from django.core.files.base import ContentFile

from tests.url_permissions import COORDINATION, PUBLIC, READ, ROLES, WRITE

# Actions that only accept POST: anonymous users go to the login page first.
POST_ONLY = dict.fromkeys(ROLES, 405) | {"anonymous": 302}


def meeting(d):
    return {"pk": d["meeting"].pk}


def held_meeting(d):
    d["meeting"].state = "held"
    d["meeting"].save()
    return {"pk": d["meeting"].pk, "edition": "internal"}


def _item(d):
    from committee.models import AgendaItem

    return AgendaItem.objects.create(meeting=d["meeting"], number="1", title="Bericht")


def item(d):
    return {"pk": _item(d).pk}


def _finalise(meeting):
    from django.utils import timezone

    meeting.state, meeting.minutes_finalised_at = "held", timezone.now()
    meeting.start = meeting.end = timezone.now() - datetime.timedelta(days=7)
    meeting.save()


def finalised_item(d):
    _finalise(d["meeting"])
    return {"pk": _item(d).pk}


def archived_minutes(d):
    from committee.models import ArchivedMinutes
    from core.archive import store_archived_file

    _finalise(d["meeting"])
    archived = ArchivedMinutes(
        meeting=d["meeting"], edition="internal", revision=1, title="Niederschrift"
    )
    store_archived_file(archived, b"%PDF-1.4\n%test\n", "niederschrift.pdf", None)
    return {"pk": archived.pk}


def item_move(d):
    return {"pk": _item(d).pk, "direction": "down"}


def document(d):
    from committee.models import Document

    content = b"%PDF-1.4\n%test\n"
    doc = Document(agenda_item=_item(d), title="Vorlage", file_name="vorlage.pdf", size=15)
    doc.mime_type, doc.sha1 = "application/pdf", "0" * 40
    doc.file.save("vorlage.pdf", ContentFile(content))
    return {"pk": doc.pk}


def _member():
    from committee.models import Member

    return Member.objects.create(first_name="Eva", last_name="Muster")


def member(d):
    return {"pk": _member().pk}


def membership(d):
    from committee.models import Membership

    created = Membership.objects.create(
        committee=d["meeting"].committee, member=_member(), start=datetime.date(2024, 7, 24)
    )
    return {"pk": created.pk}


def follow_up(d):
    from committee.models import FollowUp

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
    d["meeting"].location = "Rathaus"
    d["meeting"].save()
    return {"pk": d["meeting"].pk}


def term(d):
    from committee.models import LegislativeTerm

    return {"pk": LegislativeTerm.objects.create(name="2024–2029", start="2024-07-24").pk}


def xlsx(d):
    return {"file_format": "xlsx"}


TABLE = {
    "committee:overview": (None, READ),
    "committee:meeting_list": (None, READ),
    "committee:meeting_export": (xlsx, READ),
    "committee:meeting_create": (None, WRITE),
    "committee:staff_feed": (None, READ),
    "committee:public_feed": (None, PUBLIC),
    "committee:meeting_detail": (meeting, READ),
    "committee:meeting_ics": (meeting, READ),
    "committee:meeting_edit": (meeting, WRITE),
    "committee:agenda": (meeting, WRITE),
    "committee:agenda_renumber": (meeting, POST_ONLY),
    "committee:attendance": (meeting, WRITE),
    "committee:invitation": (meeting, COORDINATION),
    "committee:invitation_pdf": (meeting, READ),
    "committee:minutes_pdf": (held_meeting, READ),
    "committee:minutes_finalise": (meeting, POST_ONLY),
    "committee:meeting_mark_held": (meeting, POST_ONLY),
    "committee:archived_minutes": (archived_minutes, READ),
    "committee:item_correct": (finalised_item, COORDINATION),
    "committee:item_edit": (item, WRITE),
    "committee:item_move": (item_move, POST_ONLY),
    "committee:item_delete": (item, WRITE),
    "committee:document_upload": (item, POST_ONLY),
    "committee:follow_up_create": (item, WRITE),
    "committee:document_download": (document, READ),
    "committee:document_delete": (document, WRITE),
    "committee:member_list": (None, READ),
    "committee:member_export": (xlsx, READ),
    "committee:member_create": (None, WRITE),
    "committee:member_detail": (member, READ),
    "committee:member_edit": (member, WRITE),
    "committee:member_delete": (member, WRITE),
    "committee:membership_create": (None, WRITE),
    "committee:membership_edit": (membership, WRITE),
    "committee:membership_end": (membership, WRITE),
    "committee:follow_up_list": (None, READ),
    "committee:follow_up_export": (xlsx, READ),
    "committee:follow_up_edit": (follow_up, WRITE),
    "committee:follow_up_done": (follow_up, POST_ONLY),
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
    "oparl:file_download": (document, PUBLIC),
    "oparl:location": (located_meeting, PUBLIC),
    "oparl:legislative_term": (term, PUBLIC),
}
