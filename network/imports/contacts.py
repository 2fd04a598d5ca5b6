from django.utils.translation import gettext_lazy as _
from import_export import fields

from network.models import Actor, ContactPerson

from .base import ImportResource
from .widgets import ActorWidget, ChoiceWidget, DateWidget, EmailWidget, LanguageWidget, TextWidget


def text(attribute, label):
    max_length = ContactPerson._meta.get_field(attribute).max_length
    return fields.Field(attribute=attribute, column_name=label, widget=TextWidget(max_length))


def date(attribute, label):
    return fields.Field(attribute=attribute, column_name=label, widget=DateWidget())


class ContactPersonResource(ImportResource):
    """Contact persons, matched on their e-mail address."""

    email = fields.Field(attribute="email", column_name=_("E-mail"), widget=EmailWidget(254))
    salutation = fields.Field(
        attribute="salutation",
        column_name=_("Salutation"),
        widget=ChoiceWidget(ContactPerson.Salutation.choices),
    )
    first_name = text("first_name", _("First name"))
    last_name = text("last_name", _("Last name"))
    actor = fields.Field(attribute="actor", column_name=_("Actor"), widget=ActorWidget(Actor))
    function = text("function", _("Function"))
    phone = text("phone", _("Phone"))
    preferred_language = fields.Field(
        attribute="preferred_language",
        column_name=_("Preferred language"),
        widget=LanguageWidget(),
    )
    legal_basis = fields.Field(
        attribute="legal_basis",
        column_name=_("Legal basis"),
        widget=ChoiceWidget(ContactPerson.LegalBasis.choices, required=True),
    )
    consent_date = date("consent_date", _("Consent given on"))
    consent_scope = text("consent_scope", _("Scope of consent"))
    source = text("source", _("Source of the data"))
    last_confirmed = date("last_confirmed", _("Last confirmed on"))

    key = "email"
    required = ("email", "first_name", "last_name", "legal_basis")
    hints = {
        "email": _("Identifies the person: a row with a known address changes that person."),
        "salutation": ", ".join(str(label) for _v, label in ContactPerson.Salutation.choices),
        "actor": _("Name or short name of an actor that exists already; empty for volunteers."),
        "preferred_language": _("German name or ISO 639 code."),
        "legal_basis": _("consent, public task or contract"),
        "consent_date": _("DD.MM.YYYY; required when the legal basis is consent."),
        "last_confirmed": _("DD.MM.YYYY"),
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
