"""The agenda editor, agenda items with their minutes, documents, and attendance."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_POST

from core.concurrency import save_versioned
from core.history import change_entries
from core.permissions import requires
from core.views import DeleteRecordView
from measures.models import Measure

from ..forms import AgendaItemEditForm, AgendaItemForm, AttendanceFormSet, DocumentForm
from ..models import FollowUp
from ..services import (
    CommitteeError,
    add_agenda_item,
    attendance_rows,
    delete_agenda_item,
    delete_document,
    move_agenda_item,
    renumber_agenda,
    save_agenda_item,
    save_attendance,
    upload_document,
)
from .common import CommitteeSection, get_document, get_item, get_meeting, refuse_if_finalised
from .meetings import numbers_in_sequence


@requires("committee.add_agendaitem")
def agenda(request, pk):
    """All items of a meeting on one page: add, move up or down, renumber."""
    meeting = get_meeting(pk)
    if refused := refuse_if_finalised(request, meeting):
        return refused
    form = AgendaItemForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            item = add_agenda_item(form, request.user)
        except CommitteeError as error:
            messages.error(request, str(error))
            return redirect(meeting)
        messages.success(request, _("Item %(number)s has been added.") % {"number": item.number})
        return redirect("committee:agenda", pk=meeting.pk)
    items = list(
        meeting.agenda_items.order_by("order", "pk").prefetch_related(
            Prefetch("measures", queryset=Measure.objects.only("pk", "code", "title"))
        )
    )
    return render(
        request,
        "committee/agenda.html",
        {
            "meeting": meeting,
            "items": items,
            "form": form,
            "numbers_in_sequence": numbers_in_sequence(items),
        },
    )


@require_POST
@requires("committee.change_agendaitem")
def item_move(request, pk, direction):
    item = get_item(pk)
    if direction not in ("up", "down"):
        raise Http404
    try:
        place, count = move_agenda_item(item, direction, request.user)
    except CommitteeError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Item %(number)s “%(title)s” is now in place %(place)s of %(count)s.")
            % {"number": item.number, "title": item.title, "place": place, "count": count},
        )
    # Back to the moved item, where forms.js puts the focus on the button just pressed.
    return redirect(f"{reverse('committee:agenda', args=[item.meeting_id])}#item-{item.pk}")


@require_POST
@requires("committee.change_agendaitem")
def agenda_renumber(request, pk):
    meeting = get_meeting(pk)
    try:
        renumber_agenda(meeting, request.user)
    except CommitteeError as error:
        messages.error(request, str(error))
        return redirect(meeting)
    messages.success(request, _("The items have been renumbered in their current order."))
    return redirect("committee:agenda", pk=meeting.pk)


@requires("committee.change_agendaitem")
def item_edit(request, pk):
    """An item's subject, linked measures and reports, minutes, resolution and vote; once the
    minutes are final, the item as recorded (follow-ups can still be added)."""
    item = get_item(pk)
    if item.meeting.is_finalised:
        if request.method == "POST":
            return refuse_if_finalised(request, item.meeting, back_to=item)
        return item_page(request, item, None, None)
    form = AgendaItemEditForm(request.POST or None, instance=item)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            conflict = save_versioned(
                request, form, save=lambda: save_agenda_item(form, request.user)
            )
        except CommitteeError as error:
            messages.error(request, str(error))
            return redirect(item)
        if conflict is None:
            messages.success(request, _("The item has been saved."))
            return redirect(item.meeting)
    return item_page(request, item, form, DocumentForm(prefix="document"), conflict)


def item_page(request, item, form, document_form, conflict=None):
    return render(
        request,
        "committee/item_form.html",
        {
            "item": item,
            "meeting": item.meeting,
            "form": form,
            "document_form": document_form,
            "conflict": conflict,
            "documents": item.documents.order_by("title"),
            "follow_ups": FollowUp.objects.filter(agenda_item=item).select_related(
                "owner_user", "owner_actor"
            ),
            "changes": change_entries(item.history.select_related("history_user"), limit=10),
            "corrections": item.corrections.select_related("agenda_item").order_by(
                "created_at", "pk"
            ),
        },
    )


class ItemDeleteView(CommitteeSection, DeleteRecordView):
    permission_required = "committee.delete_agendaitem"
    success_message = gettext_lazy("The item has been deleted.")

    def get_object(self, queryset=None):
        return get_item(self.kwargs["pk"])

    def refusal(self):
        return refuse_if_finalised(self.request, self.object.meeting, back_to=self.object)

    def delete_record(self, record, user):
        delete_agenda_item(record, user)

    def get_success_url(self):
        return reverse("committee:agenda", args=[self.object.meeting_id])


@requires("committee.change_attendance")
def attendance(request, pk):
    """Attendance of every member in one form."""
    meeting = get_meeting(pk)
    if refused := refuse_if_finalised(request, meeting):
        return refused
    rows = attendance_rows(meeting)
    initial = [
        {"member": member.pk, "state": entry.state if entry else "", "remark": entry.remark}
        if entry
        else {"member": member.pk, "state": "", "remark": ""}
        for member, entry in rows
    ]
    formset = AttendanceFormSet(request.POST or None, initial=initial)
    if request.method == "POST" and formset.is_valid():
        entries = [
            (data["member"], data["state"], data["remark"]) for data in formset.cleaned_data if data
        ]
        try:
            save_attendance(meeting, entries, request.user)
        except CommitteeError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, pgettext("committee", "The attendance has been saved."))
            return redirect(meeting)
    names = {member.pk: member for member, _entry in rows}
    forms = [(form, names.get(form.initial.get("member"))) for form in formset.forms]
    return render(
        request,
        "committee/attendance_form.html",
        {"meeting": meeting, "formset": formset, "forms": forms},
    )


@require_POST
@requires("committee.add_document")
def document_upload(request, pk):
    item = get_item(pk)
    if refused := refuse_if_finalised(request, item.meeting, back_to=item):
        return refused
    form = DocumentForm(request.POST, request.FILES, prefix="document")
    if form.is_valid():
        try:
            upload_document(form, item, request.user)
        except CommitteeError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The document has been uploaded."))
        return redirect("committee:item_edit", pk=item.pk)
    messages.error(request, _("The document was not stored."))
    return item_page(request, item, AgendaItemEditForm(instance=item), form)


@requires("committee.view_document")
def document_download(request, pk):
    """Documents live outside the public media; only this view hands them out."""
    document = get_document(pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle, as_attachment=True, filename=document.file_name, content_type=document.mime_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


class DocumentDeleteView(CommitteeSection, DeleteRecordView):
    permission_required = "committee.delete_document"
    success_message = gettext_lazy("The document has been deleted.")

    def get_object(self, queryset=None):
        return get_document(self.kwargs["pk"])

    def refusal(self):
        item = self.object.agenda_item
        return refuse_if_finalised(self.request, item.meeting, back_to=item)

    def delete_record(self, record, user):
        delete_document(record, user)

    def get_cancel_url(self):
        return self.object.agenda_item.get_absolute_url()

    def get_success_url(self):
        return self.get_cancel_url()
