"""The staff pages of the offers: list, record pages, translations, unconfirmed offers, the
providers' links and the review of their corrections (issue 17)."""

import datetime

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exports import export_view
from core.history import change_entries, display_value
from core.permissions import requires
from core.views import CreateRecordView, DeleteRecordView, ListView, UpdateRecordView
from network.languages import language_names

from ..models import Offer, OfferChange, OfferTranslation
from .filters import OfferFilter
from .forms import InvitationForm, OfferForm, TranslationFormSet
from .mail import queue_invitation
from .resources import OfferResource
from .services import (
    DISCONTINUED,
    OfferError,
    accept_change,
    confirm_cutoff,
    decline_change,
    delete_offer,
    from_json,
    invitable_providers,
    invite,
    unconfirmed_offers,
    unconfirmed_q,
)

INVITATION_WEEKS = 6


class OfferSection:
    base_template = "measures/offers/base.html"
    domain_error = OfferError


def offer_queryset():
    return Offer.objects.select_related("provider").order_by("category", "title", "pk")


class OfferListView(OfferSection, ListView):
    permission_required = "measures.view_offer"
    export_url_name = "offers:export"
    filterset_class = OfferFilter
    template_name = "measures/offers/offer_list.html"

    def get_queryset(self):
        return offer_queryset().annotate(
            hidden=Q(confirmed_at__isnull=True) | Q(confirmed_at__lt=confirm_cutoff())
        )


offer_export = export_view(
    "measures.view_offer", OfferFilter, offer_queryset, OfferResource, gettext_lazy("offers")
)


@requires("measures.view_offer")
def offer_detail(request, pk):
    offer = get_object_or_404(
        Offer.objects.select_related("provider").prefetch_related("translations", "measures"),
        pk=pk,
    )
    unconfirmed = Offer.objects.filter(pk=offer.pk).filter(unconfirmed_q()).exists()
    changes = list(
        offer.changes.filter(state=OfferChange.State.OPEN).order_by("-submitted_at", "-pk")
    )
    return render(
        request,
        "measures/offers/offer_detail.html",
        {
            "offer": offer,
            "language_names": language_names(offer.languages),
            "translations": [
                (translation, language_names(translation.language))
                for translation in offer.translations.all()
            ],
            "unconfirmed": unconfirmed,
            "open_changes": changes,
            "changes": change_entries(offer.history.select_related("history_user"), limit=15),
        },
    )


class OfferRecord(OfferSection):
    model = Offer
    form_class = OfferForm
    list_url_name = "offers:list"
    list_label = gettext_lazy("Offers")
    new_title = gettext_lazy("New offer")

    def delete_record(self, record, user):
        delete_offer(record, user)


class OfferCreateView(OfferRecord, CreateRecordView):
    permission_required = "measures.add_offer"

    def save_record(self, form):
        offer = form.save(commit=False)
        # Entered by the office: it counts as confirmed today.
        offer.confirmed_at = timezone.now()
        offer.save()
        form.save_m2m()
        return offer


class OfferUpdateView(OfferRecord, UpdateRecordView):
    permission_required = "measures.change_offer"


class OfferDeleteView(OfferRecord, DeleteRecordView):
    permission_required = "measures.delete_offer"


@requires("measures.change_offer")
def translation_edit(request, pk):
    """The short descriptions in other languages, on a page of their own."""
    offer = get_object_or_404(Offer, pk=pk)
    formset = TranslationFormSet(
        request.POST if request.method == "POST" else None,
        instance=offer,
        queryset=OfferTranslation.objects.filter(offer=offer),
    )
    if request.method == "POST" and formset.is_valid():
        with transaction.atomic():
            formset.save()
        messages.success(request, _("The translations have been saved."))
        return redirect(offer)
    return render(
        request,
        "measures/offers/translation_form.html",
        {"offer": offer, "formset": formset, "base_template": OfferSection.base_template},
    )


@requires("measures.view_offer")
def unconfirmed_list(request):
    offers = list(unconfirmed_offers())
    return render(
        request,
        "measures/offers/unconfirmed.html",
        {"offers": offers, "cutoff": confirm_cutoff()},
    )


@requires("measures.add_offerinvitation")
def invite_providers(request):
    """Koordination chooses providers and a contact each; one link and e-mail per contact."""
    providers = list(invitable_providers())
    default_expiry = timezone.localdate() + datetime.timedelta(weeks=INVITATION_WEEKS)
    form = InvitationForm(
        request.POST if request.method == "POST" else None,
        initial={"expires_on": default_expiry},
    )
    rows = []
    errors = []
    chosen = set(request.POST.getlist("provider")) if request.method == "POST" else set()
    for provider in providers:
        selected_contact = request.POST.get(f"contact_{provider.pk}", "")
        if not selected_contact and provider.mail_contacts:
            selected_contact = str(provider.mail_contacts[0].pk)
        rows.append(
            {
                "provider": provider,
                "checked": str(provider.pk) in chosen,
                "contact": selected_contact,
            }
        )
    if request.method == "POST" and form.is_valid():
        expires_on = form.cleaned_data["expires_on"]
        if expires_on < timezone.localdate():
            form.add_error("expires_on", _("The date lies in the past."))
        picked = [row for row in rows if row["checked"]]
        if not picked:
            errors.append(_("Please choose at least one provider."))
        contacts = {c.pk: c for row in picked for c in row["provider"].mail_contacts}
        for row in picked:
            contact_id = row["contact"]
            if not contact_id.isdigit() or int(contact_id) not in contacts:
                errors.append(
                    _("Please choose a contact person with an e-mail address for %(name)s.")
                    % {"name": row["provider"].name}
                )
        if not errors and form.is_valid():
            base_url = request.build_absolute_uri("/")
            with transaction.atomic():
                for row in picked:
                    contact = contacts[int(row["contact"])]
                    invitation, token = invite(row["provider"], contact, expires_on, request.user)
                    queue_invitation(
                        invitation, token, row["provider"].offer_count, request.user, base_url
                    )
            messages.success(
                request,
                _("%(count)s e-mail(s) with a personal link have been queued.")
                % {"count": len(picked)},
            )
            return redirect("offers:list")
    return render(
        request,
        "measures/offers/invite.html",
        {"form": form, "rows": rows, "errors": errors},
    )


@requires("measures.change_offer")
def change_list(request):
    """The providers' corrections: open ones first, then the latest reviewed ones."""
    open_changes = list(
        OfferChange.objects.filter(state=OfferChange.State.OPEN)
        .select_related("offer__provider", "invitation__contact")
        .order_by("submitted_at", "pk")
    )
    reviewed = list(
        OfferChange.objects.exclude(state=OfferChange.State.OPEN)
        .exclude(changes={})
        .select_related("offer__provider", "reviewed_by")
        .order_by("-reviewed_at", "-pk")[:30]
    )
    return render(
        request,
        "measures/offers/change_list.html",
        {"open_changes": open_changes, "reviewed": reviewed},
    )


def change_rows(change):
    """(label, old, new) per proposed field, in display form."""
    rows = []
    offer = change.offer
    for name, value in change.changes.items():
        if name == DISCONTINUED:
            if value:
                rows.append(
                    {
                        "label": _("Offer no longer exists"),
                        "old": _("runs"),
                        "new": _("no longer exists"),
                    }
                )
            continue
        try:
            field = Offer._meta.get_field(name)
        except FieldDoesNotExist:  # a field removed since the proposal
            continue
        rows.append(
            {
                "label": field.verbose_name,
                "old": display_value(Offer, name, getattr(offer, name)),
                "new": display_value(Offer, name, from_json(name, value)),
            }
        )
    return rows


@requires("measures.change_offer")
def change_review(request, pk):
    """Old and new values side by side; the POST accepts or declines (with a reason)."""
    change = get_object_or_404(
        OfferChange.objects.select_related("offer__provider", "invitation__contact", "reviewed_by"),
        pk=pk,
    )
    if request.method == "POST":
        return decide(request, change)
    return render(
        request,
        "measures/offers/change_review.html",
        {"change": change, "rows": change_rows(change)},
    )


def decide(request, change):
    decision = request.POST.get("decision")
    try:
        if decision == "accept":
            accept_change(change, request.user)
            messages.success(request, _("The change has been applied to the offer."))
        elif decision == "decline":
            decline_change(change, request.user, request.POST.get("reason", "").strip())
            messages.success(request, _("The change has been declined."))
        else:
            messages.error(request, _("Please accept or decline the change."))
            return redirect("offers:change_review", pk=change.pk)
    except OfferError as error:
        messages.error(request, str(error))
        return redirect("offers:change_review", pk=change.pk)
    except ValidationError as error:
        # A proposed value the offer no longer allows (e.g. a new rule since it was sent).
        messages.error(
            request, _("The proposed values are not valid: %s") % " ".join(error.messages)
        )
        return redirect("offers:change_review", pk=change.pk)
    return redirect("offers:changes")
