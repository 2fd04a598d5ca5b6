from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.roles import OfficeRoles


class PublicConfig(AppConfig):
    name = "public"
    verbose_name = _("Public pages")
    # The texts of the public pages are the office's voice to the citizens: Koordination writes
    # them, Sachbearbeitung and Lesezugriff read them.
    office_roles = OfficeRoles(
        coordination_only=frozenset({"add_publictext", "change_publictext", "delete_publictext"})
    )
