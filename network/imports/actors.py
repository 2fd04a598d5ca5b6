from django.utils.translation import gettext_lazy as _
from import_export import fields

from network.models import Actor

from .base import CurrentPlanField, ImportResource
from .widgets import (
    ActionFieldsWidget,
    BooleanWidget,
    ChoiceWidget,
    EmailWidget,
    IntegerWidget,
    LanguagesWidget,
    TextWidget,
    URLWidget,
)


def text(attribute, label, model=Actor):
    max_length = model._meta.get_field(attribute).max_length
    return fields.Field(attribute=attribute, column_name=label, widget=TextWidget(max_length))


class ActorResource(ImportResource):
    """Actors, matched on their name."""

    name = text("name", _("Name"))
    short_name = text("short_name", _("Short name"))
    kind = fields.Field(
        attribute="kind",
        column_name=_("Kind"),
        widget=ChoiceWidget(Actor.Kind.choices, default=Actor.Kind.OTHER),
    )
    action_fields = CurrentPlanField(
        attribute="action_fields",
        column_name=_("Action fields"),
        widget=ActionFieldsWidget(),
    )
    street = text("street", _("Street"))
    postal_code = text("postal_code", _("Postal code"))
    city = text("city", _("City"))
    website = fields.Field(attribute="website", column_name=_("Website"), widget=URLWidget(200))
    email = fields.Field(attribute="email", column_name=_("E-mail"), widget=EmailWidget(254))
    phone = text("phone", _("Phone"))
    languages = fields.Field(
        attribute="languages", column_name=_("Languages"), widget=LanguagesWidget()
    )
    communities = text("communities", _("Communities served"))
    founded_year = fields.Field(
        attribute="founded_year",
        column_name=_("Founded (year)"),
        widget=IntegerWidget(minimum=1800, maximum=9999),
    )
    member_count = fields.Field(
        attribute="member_count",
        column_name=_("Number of members"),
        widget=IntegerWidget(minimum=0),
    )
    is_active = fields.Field(
        attribute="is_active", column_name=_("Active"), widget=BooleanWidget(default=True)
    )
    notes = text("notes", _("Internal notes"))

    key = "name"
    required = ("name",)
    hints = {
        "name": _("Identifies the actor: a row with an existing name changes that actor."),
        "kind": ", ".join(str(label) for _value, label in Actor.Kind.choices),
        "action_fields": _("Codes or titles of the current plan, separated by commas."),
        "languages": _("German names or ISO 639 codes, separated by commas."),
        "is_active": _("yes or no; empty means yes."),
    }

    class Meta(ImportResource.Meta):
        model = Actor
        import_id_fields = ("name",)
        fields = (
            "name",
            "short_name",
            "kind",
            "action_fields",
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

    def get_queryset(self):
        # Existing actors come with their action fields: comparing them costs no query per row.
        return Actor.objects.prefetch_related("action_fields")
