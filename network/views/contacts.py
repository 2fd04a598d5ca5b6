import json

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import ListView as PlainListView

from core.exports import export_view
from core.history import change_entries
from core.permissions import PermissionMixin, requires
from core.views import CreateRecordView, DeleteRecordView, ListView, UpdateRecordView
from core.widgets import search_response

from ..filters import ContactFilter
from ..forms import ContactPersonForm
from ..imports import ContactPersonResource
from ..models import ContactPerson, ErasureLog, reconfirm_cutoff, reconfirm_q
from ..privacy import archived_documents, disclosure, erase_contact
from ..search import CONTACTS
from ..services import NetworkError, confirm_contact
from .common import NetworkSection


def get_contact(pk):
    """The one way views load a contact person: 404 for an unknown id."""
    return get_object_or_404(ContactPerson.objects.select_related("actor"), pk=pk)


def contact_queryset():
    return ContactPerson.objects.select_related("actor").order_by("last_name", "first_name")


class ContactListView(NetworkSection, ListView):
    permission_required = "network.view_contactperson"
    export_url_name = "network:contact_export"
    filterset_class = ContactFilter
    template_name = "network/contact_list.html"

    def get_queryset(self):
        return contact_queryset()


contact_export = export_view(
    "network.view_contactperson",
    ContactFilter,
    contact_queryset,
    ContactPersonResource,
    gettext_lazy("contacts"),
)


@requires("network.view_contactperson")
def contact_detail(request, pk):
    contact = get_contact(pk)
    return render(
        request,
        "network/contact_detail.html",
        {
            "contact": contact,
            "groups": contact.working_groups.all(),
            "chaired_groups": contact.chaired_groups.all(),
            "participations": contact.event_participations.select_related("event").order_by(
                "-event__start"
            ),
            "changes": change_entries(contact.history.select_related("history_user"), limit=15),
        },
    )


@require_GET
@requires("network.view_contactperson")
def contact_search(request):
    """JSON for the pickers: contact persons matching `q`."""
    return search_response(request, CONTACTS, ContactPerson.objects.all())


class ContactRecord(NetworkSection):
    model = ContactPerson
    form_class = ContactPersonForm
    list_url_name = "network:contact_list"
    list_label = gettext_lazy("Contact persons")
    new_title = gettext_lazy("New contact person")


class ContactCreateView(ContactRecord, CreateRecordView):
    permission_required = "network.add_contactperson"

    def get_initial(self):
        return {"actor": self.request.GET.get("actor")}


class ContactUpdateView(ContactRecord, UpdateRecordView):
    permission_required = "network.change_contactperson"


class ContactDeleteView(ContactRecord, DeleteRecordView):
    permission_required = "network.delete_contactperson"


@requires("network.change_contactperson")
def contact_disclosure(request, pk):
    """The readable page of everything stored about the person (Auskunft, Art. 15 DSGVO)."""
    contact = get_contact(pk)
    return render(
        request,
        "network/contact_disclosure.html",
        {"contact": contact, "data": disclosure(contact)},
    )


@requires("network.change_contactperson")
def contact_disclosure_json(request, pk):
    contact = get_contact(pk)
    content = json.dumps(disclosure(contact), ensure_ascii=False, indent=2)
    response = HttpResponse(content, content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().strftime("%Y-%m-%d")
    filename = f"auskunft-{contact.pk}-{stamp}.json"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@requires("network.erase_contactperson")
def contact_erase(request, pk):
    """GET: what erasing means, and a confirmation; POST: erase."""
    contact = get_contact(pk)
    if request.method == "POST":
        try:
            erase_contact(contact, request.user)
        except NetworkError as error:
            messages.error(request, str(error))
            return redirect(contact)
        messages.success(request, _("The person's data have been erased."))
        return redirect("network:contact_list")
    return render(
        request,
        "network/contact_erase.html",
        {"contact": contact, "archived_documents": archived_documents(contact)},
    )


class ReconfirmListView(PermissionMixin, PlainListView):
    """Contacts whose consent or last confirmation is older than CONTACT_RECONFIRM_YEARS."""

    permission_required = "network.view_contactperson"
    template_name = "network/contact_reconfirm.html"
    paginate_by = 25

    def get_queryset(self):
        return contact_queryset().filter(reconfirm_q()).order_by("last_confirmed", "last_name")

    def get_context_data(self, **kwargs):
        return super().get_context_data(cutoff=reconfirm_cutoff(), **kwargs)


@require_POST
@requires("network.change_contactperson")
def contact_confirm(request, pk):
    contact = get_contact(pk)
    confirm_contact(contact, request.user)
    messages.success(request, _("%s has confirmed the data today.") % contact.full_name)
    next_url = request.POST.get("next")
    if next_url == "reconfirm":
        return redirect("network:contact_reconfirm")
    return redirect(contact)


class ErasureLogView(PermissionMixin, PlainListView):
    permission_required = "network.view_erasurelog"
    template_name = "network/erasure_log.html"
    paginate_by = 25

    def get_queryset(self):
        return ErasureLog.objects.select_related("erased_by")
