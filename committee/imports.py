"""The import of committee members and, optionally, their membership in the committee;
registered in CommitteeConfig.ready().

A member is matched on the e-mail address when the row has one, otherwise on first and last
name: members often have no address, and the committee's export leaves addresses out.
"""

from collections import defaultdict
from functools import partial

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from import_export import fields, widgets
from import_export.instance_loaders import BaseInstanceLoader

from core.history import recorded_by
from core.imports import registry
from core.imports.base import ImportResource, text_column
from core.imports.engine import ImportFileError
from core.imports.matching import match_key
from core.imports.widgets import ChoiceWidget, DateWidget, EmailWidget, cell_text, choice_labels

from .models import Committee, Member, Membership
from .models.bodies import GENDERED_KINDS

MEMBERSHIP_COLUMNS = ("role", "kind", "start", "end", "deputy_for")
text = partial(text_column, Member)

# The words offices use for the roles and kinds, short or in one gender ("Stadträtin").
ROLE_ALIASES = {
    **dict.fromkeys(
        ("Vorsitzende", "Vorsitzender", "Ausschussvorsitzende", "Ausschussvorsitzender"),
        Membership.Role.CHAIR,
    ),
    **dict.fromkeys(
        (
            "stellvertretende Vorsitzende",
            "stellvertretender Vorsitzender",
            "stellv. Vorsitzende",
            "stellv. Vorsitzender",
            "stellv. Vorsitz",
            "stv. Vorsitzende",
            "stv. Vorsitzender",
        ),
        Membership.Role.VICE_CHAIR,
    ),
    **dict.fromkeys(("ordentliches Mitglied", "Mitglied"), Membership.Role.MEMBER),
    **dict.fromkeys(
        (
            "Stellvertreter",
            "Stellvertreterin",
            "Vertreter",
            "Vertreterin",
            "Vertretung",
            "stellvertretendes Mitglied",
        ),
        Membership.Role.DEPUTY,
    ),
}
KIND_ALIASES = {
    **{label: kind for kind, forms in GENDERED_KINDS.items() for label in forms.values()},
    **dict.fromkeys(
        ("Stadtrat", "Stadträtin", "Stadträte", "Gemeinderat", "Gemeinderätin", "Stadtrat/-rätin"),
        Membership.Kind.COUNCILLOR,
    ),
    **dict.fromkeys(
        (
            "sachkundige Einwohnerin",
            "sachkundiger Einwohner",
            "sachkundige Einwohner",
            "sachkundige/r Einwohner/in",
            "sachkundige Bürgerin",
            "sachkundiger Bürger",
            "sachkundige Bürger",
        ),
        Membership.Kind.CITIZEN_EXPERT,
    ),
    **dict.fromkeys(("beratend", "beratende Mitglieder"), Membership.Kind.ADVISORY),
}


def name_key(first_name, last_name):
    return f"{first_name} {last_name}".casefold()


class MembershipField(fields.Field):
    """A column of the member's membership in the committee, kept aside until the member is saved.

    Reading it gives the value the row will write, or else the one of the membership the row
    targets, so that the preview names the changes and an unchanged row is skipped.
    """

    def get_value(self, member):
        pending = member.__dict__.get("_membership_values")
        if pending and self.attribute in pending:
            return pending[self.attribute]
        membership = member.__dict__.get("_membership")
        return getattr(membership, self.attribute) if membership else None

    def save(self, member, row, is_m2m=False, **kwargs):
        if not member.__dict__.get("_has_membership"):
            return
        values = member.__dict__.setdefault("_membership_values", {})
        values[self.attribute] = self.clean(row, **kwargs)


class MemberWidget(widgets.Widget):
    """A member by first and last name ("Gül Özdemir", also "Özdemir, Gül" or with title)."""

    def clean(self, value, row=None, **kwargs):
        name = cell_text(value)
        if not name:
            return None
        if "," in name:
            last, _comma, first = name.partition(",")
            name = f"{first} {last}"
        wanted = match_key(name)
        # Asked per row, not once: the member may be a new one from an earlier row of the file.
        found = [
            member
            for member in Member.objects.all()
            if wanted in {match_key(f"{member.first_name} {member.last_name}"), match_key(member)}
        ]
        if len(found) > 1:
            raise ValueError(
                _("Several members are called %(name)s; please enter the deputy on the pages.")
                % {"name": name}
            )
        if not found:
            raise ValueError(
                _(
                    "There is no member named '%(name)s'. The member must exist already or "
                    "stand in an earlier row of the file."
                )
                % {"name": name}
            )
        return found[0]

    def render(self, value, obj=None, **kwargs):
        return f"{value.first_name} {value.last_name}" if value else ""


class MemberLoader(BaseInstanceLoader):
    """Finds a row's member by e-mail, else by name; loads all members once per import."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        self.by_email, self.by_name = {}, defaultdict(list)
        for member in resource.get_queryset():
            if member.email:
                self.by_email[member.email.casefold()] = member
            self.by_name[name_key(member.first_name, member.last_name)].append(member)

    def get_instance(self, row):
        email = self.resource.row_email(row)
        if email in self.by_email:
            return self.by_email[email]
        first, last = (
            cell_text(row.get(self.resource.column(n))) for n in ("first_name", "last_name")
        )
        namesakes = self.by_name.get(name_key(first, last), [])
        if email:
            # A new address for a member known by name only; a namesake with another address
            # is another person.
            namesakes = [member for member in namesakes if not member.email]
        if len(namesakes) > 1:
            raise ValidationError(
                {
                    "last_name": _(
                        "Several members are called %(name)s; please add the e-mail address."
                    )
                    % {"name": f"{first} {last}"}
                }
            )
        return namesakes[0] if namesakes else None


class MemberImportResource(ImportResource):
    """Members of the committee; the membership columns describe one period in the committee."""

    title = text("title", gettext_lazy("Salutation/title"))
    first_name = text("first_name", gettext_lazy("First name"))
    last_name = text("last_name", gettext_lazy("Last name"))
    email = fields.Field(
        attribute="email", column_name=gettext_lazy("E-mail"), widget=EmailWidget(254)
    )
    faction = text("faction", gettext_lazy("Faction or organisation"))
    role = MembershipField(
        attribute="role",
        column_name=gettext_lazy("Role"),
        widget=ChoiceWidget(
            Membership.Role.choices, default=Membership.Role.MEMBER, aliases=ROLE_ALIASES
        ),
    )
    kind = MembershipField(
        attribute="kind",
        column_name=gettext_lazy("Kind"),
        widget=ChoiceWidget(
            Membership.Kind.choices, default=Membership.Kind.COUNCILLOR, aliases=KIND_ALIASES
        ),
    )
    start = MembershipField(
        attribute="start", column_name=pgettext_lazy("membership", "From"), widget=DateWidget()
    )
    end = MembershipField(
        attribute="end", column_name=pgettext_lazy("membership", "Until"), widget=DateWidget()
    )
    deputy_for = MembershipField(
        attribute="deputy_for", column_name=gettext_lazy("Deputy for"), widget=MemberWidget()
    )

    key = "last_name"
    required = ("first_name", "last_name")
    aliases = {
        "title": ("Anrede", "Titel", "Anrede / Titel"),
        "faction": ("Fraktion", "Organisation", "Partei", "Fraktion/Organisation"),
        "email": ("Mail", "E-Mail-Adresse", "Mailadresse"),
        "role": ("Funktion", "Rolle im Ausschuss"),
        "kind": ("Art der Mitgliedschaft", "Mitgliedsart"),
        "start": ("Mitglied seit", "Beginn", "Ab"),
        "end": ("Mitglied bis", "Ende"),
        "deputy_for": (
            "Vertretung für",
            "Vertreter für",
            "Vertreterin für",
            "Stellvertreter für",
            "Stellvertreterin für",
            "Stellvertreter/in für",
            "Vertretung von",
        ),
    }
    hints = {
        "first_name": gettext_lazy(
            "Identifies the member together with the last name when the row has no e-mail address."
        ),
        "email": gettext_lazy(
            "Identifies the member when filled in: a row with a known address changes that "
            "member. Without an address, a row with a known first and last name changes that "
            "member."
        ),
        "role": choice_labels(Membership.Role.choices),
        "kind": choice_labels(Membership.Kind.choices),
        "start": gettext_lazy(
            "DD.MM.YYYY. Role, kind, from and until describe the membership in the committee "
            "(only when the application has exactly one committee): a membership with this "
            "start date is changed, otherwise a new one is added. Without a date, the latest "
            "membership is changed."
        ),
        "end": gettext_lazy("DD.MM.YYYY; empty while the membership lasts."),
        "deputy_for": gettext_lazy(
            "Only for the role deputy: first and last name of the member this person stands in for."
        ),
    }

    class Meta(ImportResource.Meta):
        model = Member
        instance_loader_class = MemberLoader
        fields = (
            "title",
            "first_name",
            "last_name",
            "email",
            "faction",
            "role",
            "kind",
            "start",
            "end",
            "deputy_for",
        )
        export_order = fields

    def __init__(self, user=None, **kwargs):
        super().__init__(user=user, **kwargs)
        self._committee = None
        self._committee_refused = False

    def get_queryset(self):
        # Existing members come with their memberships: finding the one a row targets costs
        # no query per row.
        return Member.objects.prefetch_related("memberships")

    # The row's identity: e-mail address, or else first and last name.

    def row_email(self, row):
        column = self.column("email")
        return self.fields["email"].clean(row) if cell_text(row.get(column)) else ""

    def key_field(self, row):
        if cell_text(row.get(self.column("email"))):
            return "email"
        if not cell_text(row.get(self.column("first_name"))):
            return "first_name"
        return "last_name"

    def row_key(self, row):
        if self.key_field(row) == "email":
            return self.row_email(row)
        first, last = self.names(row)
        return f"{first} {last}" if first and last else ""

    def names(self, row):
        return tuple(cell_text(row.get(self.column(n))) for n in ("first_name", "last_name"))

    def row_label(self, row):
        return " ".join(
            cell_text(row.get(self.column(n))) for n in ("title", "first_name", "last_name")
        ).strip()

    def get_instance(self, instance_loader, row):
        return instance_loader.get_instance(row)

    # The membership in the committee.

    def committee(self):
        """The committee memberships go to: the only one there is, or ImportFileError."""
        if self._committee is None:
            committees = list(Committee.objects.all()[:2])
            if len(committees) != 1:
                raise ImportFileError(
                    _(
                        "Memberships can only be imported when the application has exactly one "
                        "committee. Please leave the columns %(columns)s empty and enter the "
                        "memberships on the members' pages."
                    )
                    % {"columns": ", ".join(f"'{self.column(n)}'" for n in MEMBERSHIP_COLUMNS)}
                )
            self._committee = committees[0]
        return self._committee

    def has_membership(self, row):
        return any(cell_text(row.get(self.column(name))) for name in MEMBERSHIP_COLUMNS)

    def before_import(self, dataset, **kwargs):
        if any(self.has_membership(dict(zip(dataset.headers, r, strict=True))) for r in dataset):
            try:
                self.committee()
            except ImportFileError:
                # Said once for the file, not again for every row.
                self._committee_refused = True
                raise

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        instance._has_membership = self.has_membership(row) and not self._committee_refused
        instance._membership = None
        if instance._has_membership and not new:
            instance._membership = self.target_membership(instance, row)

    def target_membership(self, member, row):
        """The membership with the row's start date, or the latest if the row has none."""
        try:
            start = self.fields["start"].clean(row) if self.column("start") in row else None
        except ValueError:
            return None
        committee_id = self.committee().pk
        memberships = [m for m in member.memberships.all() if m.committee_id == committee_id]
        if start is None:
            return max(memberships, key=lambda membership: membership.start, default=None)
        return next((m for m in memberships if m.start == start), None)

    def after_save_instance(self, instance, row, **kwargs):
        values = instance.__dict__.get("_membership_values")
        if not values:
            return
        membership = instance._membership or Membership(committee=self.committee(), member=instance)
        for attribute, value in values.items():
            setattr(membership, attribute, value)
        # The model's own validation refuses overlapping periods; its messages become the
        # row's errors.
        membership.full_clean()
        recorded_by(membership, self.user)
        membership._change_reason = "Import"
        membership.save()


def register():
    registry.register(
        registry.ImportKind(
            "members",
            gettext_lazy("Committee members"),
            MemberImportResource,
            (
                "committee.add_member",
                "committee.change_member",
                "committee.add_membership",
                "committee.change_membership",
            ),
            "committee:member_list",
        )
    )
