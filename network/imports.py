"""The import of actors and contact persons; registered in NetworkConfig.ready().

The actors' action fields column is added by the measures app, which holds that relation.
"""

from collections import Counter
from functools import partial

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, widgets

from core.imports import registry
from core.imports.base import ImportResource, text_column
from core.imports.matching import NameIndex, match_key
from core.imports.widgets import (
    LIST_SEPARATORS,
    NAME_SEPARATORS,
    BooleanWidget,
    ChoiceWidget,
    DateWidget,
    EmailWidget,
    IntegerWidget,
    TextWidget,
    URLWidget,
    cell_text,
    choice_labels,
)

from .languages import LANGUAGE_NAMES, join_codes, language_lookup, split_codes
from .models import Actor, ContactPerson


class LanguagesWidget(widgets.Widget):
    """Languages by code or name ("tr, Arabisch"); stored as codes, exported as names."""

    _lookup = None

    def clean(self, value, row=None, **kwargs):
        if self._lookup is None:
            self._lookup = language_lookup()
        lookup = self._lookup
        codes, unknown = [], []
        for part in LIST_SEPARATORS.split(cell_text(value)):
            name = part.strip()
            if not name:
                continue
            if name.casefold() in lookup:
                codes.append(lookup[name.casefold()])
            else:
                unknown.append(name)
        if unknown:
            raise ValueError(
                _("Unknown language: %(names)s. Use the German name or the ISO 639 code.")
                % {"names": ", ".join(unknown)}
            )
        return join_codes(codes)

    def render(self, value, obj=None, **kwargs):
        return ", ".join(str(LANGUAGE_NAMES.get(code, code)) for code in split_codes(value))


class LanguageWidget(LanguagesWidget):
    """One language, e.g. a person's preferred language."""

    def clean(self, value, row=None, **kwargs):
        codes = split_codes(super().clean(value, row, **kwargs))
        if len(codes) > 1:
            raise ValueError(_("Please enter only one language."))
        return codes[0] if codes else ""


class PostalCodeWidget(TextWidget):
    """Excel stores a postcode typed into a general cell as a number: 07161 becomes 7161.
    German postcodes have five digits, so the zeros are put back."""

    def clean(self, value, row=None, **kwargs):
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if number and 0 < value < 1e5 and float(value).is_integer():
            return f"{int(value):05d}"
        return super().clean(value, row, **kwargs)


class ActorWidget(widgets.Widget):
    """An actor by its name or short name, case and spaces aside."""

    def __init__(self, **kwargs):
        self._by_name = None
        self._names = None
        super().__init__(**kwargs)

    def find(self, name):
        # One query per import run: a 2,000-row file must not ask the database 2,000 times.
        if self._by_name is None:
            actors = list(Actor.objects.all())
            short = Counter(match_key(actor.short_name) for actor in actors if actor.short_name)
            self._by_name = {
                match_key(actor.short_name): actor
                for actor in actors
                if actor.short_name and short[match_key(actor.short_name)] == 1
            }
            self._by_name.update({match_key(actor.name): actor for actor in actors})
            self._names = NameIndex([(actor.pk, actor.name) for actor in actors])
        try:
            return self._by_name[match_key(name)]
        except KeyError:
            similar = self._names.similar(name)
            if similar:
                raise ValueError(
                    _("There is no actor named '%(value)s'. Did you mean '%(similar)s'?")
                    % {"value": name, "similar": similar[0][1]}
                ) from None
            raise ValueError(_("There is no actor named '%(value)s'.") % {"value": name}) from None

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        return self.find(text) if text else None

    def render(self, value, obj=None, **kwargs):
        return value.name if value else ""


class ActorsWidget(widgets.ManyToManyWidget):
    """Several actors by name, separated by semicolons or line breaks (names may hold commas)."""

    def __init__(self, **kwargs):
        self.single = ActorWidget()
        super().__init__(Actor, separator="; ", field="name", **kwargs)

    def clean(self, value, row=None, **kwargs):
        names = [name.strip() for name in NAME_SEPARATORS.split(cell_text(value))]
        return [self.single.find(name) for name in names if name]

    def render(self, value, obj=None, **kwargs):
        return "; ".join(actor.name for actor in value.all()) if value is not None else ""


actor_text = partial(text_column, Actor)
contact_text = partial(text_column, ContactPerson)

# Headings offices use besides ours (compared without case, spaces, hyphens, closing colon).
EMAIL = ("Mail", "E-Mail-Adresse", "Mailadresse", "Mail-Adresse")
PHONE = ("Telefonnummer", "Tel.", "Telefon-Nr.", "Tel.-Nr.", "Rufnummer")


class ActorResource(ImportResource):
    """Actors, matched on their name."""

    name = actor_text("name", gettext_lazy("Name"))
    short_name = actor_text("short_name", gettext_lazy("Short name"))
    kind = fields.Field(
        attribute="kind",
        column_name=gettext_lazy("Kind"),
        widget=ChoiceWidget(Actor.Kind.choices, default=Actor.Kind.OTHER),
    )
    street = actor_text("street", gettext_lazy("Street"))
    postal_code = fields.Field(
        attribute="postal_code",
        column_name=gettext_lazy("Postal code"),
        widget=PostalCodeWidget(Actor._meta.get_field("postal_code").max_length),
    )
    city = actor_text("city", gettext_lazy("City"))
    website = fields.Field(
        attribute="website", column_name=gettext_lazy("Website"), widget=URLWidget(200)
    )
    email = fields.Field(
        attribute="email", column_name=gettext_lazy("E-mail"), widget=EmailWidget(254)
    )
    phone = actor_text("phone", gettext_lazy("Phone"))
    languages = fields.Field(
        attribute="languages", column_name=gettext_lazy("Languages"), widget=LanguagesWidget()
    )
    communities = actor_text("communities", gettext_lazy("Communities served"))
    founded_year = fields.Field(
        attribute="founded_year",
        column_name=gettext_lazy("Founded (year)"),
        widget=IntegerWidget(minimum=1800, maximum=9999),
    )
    member_count = fields.Field(
        attribute="member_count",
        column_name=gettext_lazy("Number of members"),
        widget=IntegerWidget(minimum=0),
    )
    is_active = fields.Field(
        attribute="is_active",
        column_name=gettext_lazy("Active"),
        widget=BooleanWidget(default=True),
    )
    notes = actor_text("notes", gettext_lazy("Internal notes"))

    key = "name"
    required = ("name",)
    # "awo kreisverband" is the actor "AWO Kreisverband"; similar names are asked about.
    loose_key = True
    aliases = {
        "name": ("Name des Akteurs", "Organisation", "Einrichtung", "Institution"),
        "short_name": ("Kürzel", "Abkürzung", "Kurzbezeichnung"),
        "kind": ("Art des Akteurs", "Typ", "Kategorie"),
        "street": ("Straße und Hausnummer", "Straße, Hausnummer", "Str.", "Anschrift"),
        "postal_code": ("Postleitzahl",),
        "city": ("Stadt", "Gemeinde", "Wohnort"),
        "website": ("Homepage", "Webseite", "Website", "Internet", "Internetadresse", "URL"),
        "email": EMAIL,
        "phone": PHONE,
        "languages": ("Sprache", "Sprachkenntnisse"),
        "communities": ("Gemeinschaften", "Communities", "Erreichte Communities"),
        "founded_year": ("Gegründet", "Gründung", "Jahr der Gründung"),
        "member_count": ("Mitglieder", "Anzahl Mitglieder", "Mitgliederanzahl"),
        "is_active": ("Aktiv?",),
        "notes": ("Notizen",),
    }
    hints = {
        "name": gettext_lazy(
            "Identifies the actor: a row with an existing name changes that actor (case and "
            "spaces do not matter); for similar names the preview asks."
        ),
        "kind": choice_labels(Actor.Kind.choices),
        "languages": gettext_lazy("German names or ISO 639 codes, separated by commas."),
        "is_active": gettext_lazy("yes or no; empty means yes."),
    }

    class Meta(ImportResource.Meta):
        model = Actor
        import_id_fields = ("name",)
        fields = (
            "name",
            "short_name",
            "kind",
            "street",
            "postal_code",
            "city",
            "website",
            "email",
            "phone",
            "languages",
            "communities",
            "founded_year",
            "member_count",
            "is_active",
            "notes",
        )
        export_order = fields


class ContactPersonResource(ImportResource):
    """Contact persons, matched on their e-mail address."""

    email = fields.Field(
        attribute="email", column_name=gettext_lazy("E-mail"), widget=EmailWidget(254)
    )
    salutation = fields.Field(
        attribute="salutation",
        column_name=gettext_lazy("Salutation"),
        widget=ChoiceWidget(ContactPerson.Salutation.choices),
    )
    first_name = contact_text("first_name", gettext_lazy("First name"))
    last_name = contact_text("last_name", gettext_lazy("Last name"))
    actor = fields.Field(attribute="actor", column_name=gettext_lazy("Actor"), widget=ActorWidget())
    function = contact_text("function", gettext_lazy("Function"))
    phone = contact_text("phone", gettext_lazy("Phone"))
    preferred_language = fields.Field(
        attribute="preferred_language",
        column_name=gettext_lazy("Preferred language"),
        widget=LanguageWidget(),
    )
    legal_basis = fields.Field(
        attribute="legal_basis",
        column_name=gettext_lazy("Legal basis"),
        widget=ChoiceWidget(ContactPerson.LegalBasis.choices, required=True),
    )
    consent_date = fields.Field(
        attribute="consent_date", column_name=gettext_lazy("Consent given on"), widget=DateWidget()
    )
    consent_scope = contact_text("consent_scope", gettext_lazy("Scope of consent"))
    source = contact_text("source", gettext_lazy("Source of the data"))
    last_confirmed = fields.Field(
        attribute="last_confirmed",
        column_name=gettext_lazy("Last confirmed on"),
        widget=DateWidget(),
    )

    key = "email"
    required = ("email", "first_name", "last_name", "legal_basis")
    aliases = {
        "email": EMAIL,
        "first_name": ("Vornamen",),
        "last_name": ("Familienname", "Zuname"),
        "actor": ("Organisation", "Einrichtung", "Institution", "Verein"),
        "function": ("Position", "Funktion/Rolle"),
        "phone": PHONE,
        "preferred_language": ("Sprache", "Kontaktsprache"),
        "consent_date": ("Einwilligung vom", "Datum der Einwilligung", "Einwilligungsdatum"),
        "source": ("Quelle", "Datenquelle"),
        "last_confirmed": ("Zuletzt bestätigt", "Bestätigt am"),
    }
    hints = {
        "email": gettext_lazy(
            "Identifies the person: a row with a known address changes that person."
        ),
        "salutation": choice_labels(ContactPerson.Salutation.choices),
        "actor": gettext_lazy(
            "Name or short name of an actor that exists already; empty for volunteers."
        ),
        "preferred_language": gettext_lazy("German name or ISO 639 code."),
        "legal_basis": gettext_lazy("consent, public task or contract"),
        "consent_date": gettext_lazy("DD.MM.YYYY; required when the legal basis is consent."),
        "last_confirmed": gettext_lazy("DD.MM.YYYY"),
    }

    class Meta(ImportResource.Meta):
        model = ContactPerson
        import_id_fields = ("email",)
        fields = (
            "email",
            "salutation",
            "first_name",
            "last_name",
            "actor",
            "function",
            "phone",
            "preferred_language",
            "legal_basis",
            "consent_date",
            "consent_scope",
            "source",
            "last_confirmed",
        )
        export_order = fields


def register():
    registry.register(
        registry.ImportKind(
            "actors",
            gettext_lazy("Actors"),
            ActorResource,
            ("network.add_actor", "network.change_actor"),
            "network:actor_list",
        )
    )
    registry.register(
        registry.ImportKind(
            "contacts",
            gettext_lazy("Contact persons"),
            ContactPersonResource,
            ("network.add_contactperson", "network.change_contactperson"),
            "network:contact_list",
        )
    )
