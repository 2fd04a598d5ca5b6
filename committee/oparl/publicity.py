"""The one place that decides what is public, so that every endpoint applies the same rule."""

from ..models import AgendaItem, Document, Meeting


def public_meetings():
    return Meeting.objects.filter(is_public=True)


def public_items():
    return AgendaItem.objects.filter(is_public=True, meeting__is_public=True)


def public_documents():
    return Document.objects.filter(
        agenda_item__is_public=True, agenda_item__meeting__is_public=True
    )
