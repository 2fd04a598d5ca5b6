"""The offers' spreadsheet columns: the staff list's export and the import kind "offers".

A row finds its offer by provider and title together (two providers may both run a
"Deutschkurs"). The German headings (Titel, Anbieter, Kategorie, …) are the translations of
the column names; the aliases take the spellings offices use besides.
"""

from functools import partial

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields
from import_export.instance_loaders import BaseInstanceLoader

from core.imports import registry
from core.imports.base import ImportResource, text_column
from core.imports.matching import match_key
from core.imports.widgets import (
    BooleanWidget,
    ChoiceWidget,
    DateWidget,
    DecimalWidget,
    cell_text,
    choice_labels,
)
from network.imports import ActorWidget, LanguagesWidget

from ..models import Offer

text = partial(text_column, Offer)


class OfferLoader(BaseInstanceLoader):
    """Finds a row's offer by provider and title; loads all offers once per import."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        self.offers = {
            (offer.provider_id, match_key(offer.title)): offer for offer in resource.get_queryset()
        }

    def get_instance(self, row):
        try:
            provider = self.resource.fields["provider"].clean(row)
        except ValueError:
            return None  # the cell's error is reported when the row is imported
        title = cell_text(row.get(self.resource.column("title")))
        if provider is None or not title:
            return None
        return self.offers.get((provider.pk, match_key(title)))


class OfferResource(ImportResource):
    title = text("title", gettext_lazy("Title"))
    provider = fields.Field(
        attribute="provider", column_name=gettext_lazy("Provider"), widget=ActorWidget()
    )
    category = fields.Field(
        attribute="category",
        column_name=gettext_lazy("Category"),
        widget=ChoiceWidget(Offer.Category.choices, default=Offer.Category.OTHER),
    )
    description = text("description", gettext_lazy("Description"))
    languages = fields.Field(
        attribute="languages", column_name=gettext_lazy("Languages"), widget=LanguagesWidget()
    )
    target_groups = text("target_groups", gettext_lazy("Target groups"))
    district = text("district", gettext_lazy("District"))
    address = text("address", gettext_lazy("Address"))
    schedule = text("schedule", gettext_lazy("Times"))
    is_free = fields.Field(
        attribute="is_free",
        column_name=gettext_lazy("free of charge"),
        widget=BooleanWidget(default=True),
    )
    cost = fields.Field(attribute="cost", column_name=gettext_lazy("Cost"), widget=DecimalWidget())
    cost_note = text("cost_note", gettext_lazy("Note on the cost"))
    accessibility = text("accessibility", gettext_lazy("Accessibility"))
    registration_phone = text("registration_phone", gettext_lazy("Registration phone"))
    registration_email = text("registration_email", gettext_lazy("Registration e-mail"))
    registration_url = text("registration_url", gettext_lazy("Registration link"))
    valid_from = fields.Field(
        attribute="valid_from", column_name=gettext_lazy("valid from"), widget=DateWidget()
    )
    valid_until = fields.Field(
        attribute="valid_until", column_name=gettext_lazy("valid until"), widget=DateWidget()
    )
    is_published = fields.Field(
        attribute="is_published",
        column_name=gettext_lazy("In the public guide"),
        widget=BooleanWidget(default=True),
    )

    key = "title"
    required = ("title", "provider", "category", "description")
    aliases = {
        "title": ("Angebot", "Bezeichnung", "Name des Angebots"),
        "provider": ("Träger", "Anbieterin", "Akteur", "Organisation"),
        "description": ("Beschreibung in einfacher Sprache", "Kurzbeschreibung"),
        "languages": ("Sprache", "Angebotssprachen"),
        "address": ("Adresse", "Anschrift", "Ort"),
        "district": ("Stadtteil", "Ortsteil"),
        "schedule": ("Zeiten", "Wann", "Termine", "Uhrzeit"),
        "is_free": ("kostenlos", "gratis", "kostenfrei"),
        "cost": ("Kosten", "Kosten (EUR)", "Gebühr", "Preis"),
        "registration_phone": ("Anmeldung Telefon", "Telefon"),
        "registration_email": ("Anmeldung E-Mail", "E-Mail"),
        "registration_url": ("Anmeldung Link", "Link", "Website"),
        "valid_from": ("gültig ab", "ab"),
        "valid_until": ("gültig bis", "bis"),
    }
    hints = {
        "title": gettext_lazy(
            "Identifies the offer together with the provider: a row with a known provider and "
            "title changes that offer."
        ),
        "provider": gettext_lazy("Name or short name of an actor that exists already."),
        "category": choice_labels(Offer.Category.choices),
        "languages": gettext_lazy("German names or ISO 639 codes, separated by commas."),
        "is_free": gettext_lazy("yes or no"),
        "cost": gettext_lazy("For example 25,00"),
        "valid_from": gettext_lazy("DD.MM.YYYY"),
        "valid_until": gettext_lazy("DD.MM.YYYY"),
    }

    class Meta(ImportResource.Meta):
        model = Offer
        instance_loader_class = OfferLoader
        fields = (
            "title",
            "provider",
            "category",
            "description",
            "languages",
            "target_groups",
            "district",
            "address",
            "schedule",
            "is_free",
            "cost",
            "cost_note",
            "accessibility",
            "registration_phone",
            "registration_email",
            "registration_url",
            "valid_from",
            "valid_until",
            "is_published",
        )
        export_order = fields

    def get_queryset(self):
        return Offer.objects.select_related("provider")

    def get_instance(self, instance_loader, row):
        return instance_loader.get_instance(row)

    def row_key(self, row):
        title = cell_text(row.get(self.column("title")))
        provider = cell_text(row.get(self.column("provider")))
        return f"{provider} – {title}" if title else ""

    def row_label(self, row):
        return self.row_key(row)

    def check_row(self, instance):
        errors = {}
        if instance.is_free and instance.cost:
            errors["cost"] = [_("An offer free of charge has no cost.")]
        start, end = instance.valid_from, instance.valid_until
        if start and end and end < start:
            errors["valid_until"] = [_("The end of validity lies before its start.")]
        return errors


def register():
    registry.register(
        registry.ImportKind(
            "offers",
            gettext_lazy("Offers"),
            OfferResource,
            ("measures.add_offer", "measures.change_offer"),
            "offers:list",
        )
    )
