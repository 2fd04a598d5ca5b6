"""What can be imported, with which permissions, and where the list of imported rows lives."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .actors import ActorResource
from .contacts import ContactPersonResource
from .measures import MeasureImportResource
from .members import MemberImportResource


@dataclass(frozen=True)
class ImportKind:
    slug: str
    label: object
    resource_class: type
    permissions: tuple
    list_url_name: str

    def allowed(self, user):
        return user.has_perms(self.permissions)


KINDS = {
    kind.slug: kind
    for kind in (
        ImportKind(
            "actors",
            _("Actors"),
            ActorResource,
            ("network.add_actor", "network.change_actor"),
            "network:actor_list",
        ),
        ImportKind(
            "contacts",
            _("Contact persons"),
            ContactPersonResource,
            ("network.add_contactperson", "network.change_contactperson"),
            "network:contact_list",
        ),
        ImportKind(
            "measures",
            _("Measures of the current plan"),
            MeasureImportResource,
            ("measures.add_measure", "measures.change_measure"),
            "measures:list",
        ),
        ImportKind(
            "members",
            _("Committee members"),
            MemberImportResource,
            (
                "committee.add_member",
                "committee.change_member",
                "committee.add_membership",
                "committee.change_membership",
            ),
            "committee:member_list",
        ),
    )
}
