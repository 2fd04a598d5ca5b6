from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.roles import OfficeRoles


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")
    # Erasing a person's data everywhere, history included, cannot be undone.
    office_roles = OfficeRoles(coordination_only=frozenset({"erase_contactperson"}))

    def ready(self):
        from . import imports

        imports.register()
