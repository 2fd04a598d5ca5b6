from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.roles import OfficeRoles


class MeasuresConfig(AppConfig):
    name = "measures"
    verbose_name = _("Integration plan")
    office_roles = OfficeRoles(
        # Approving partner reports and issuing official reports; an archived report is
        # written only by issuing it and is never changed afterwards.
        coordination_only=frozenset(
            {
                "review_statusreport",
                "issue_official_report",
                "start_fortschreibung",
                "invite_proposals",
                "adopt_plan",
                "add_archivedreport",
                "change_archivedreport",
                "delete_archivedreport",
                # Sending providers the personal links to confirm their offers (issue 17).
                "add_offerinvitation",
                # The integration monitoring's catalogue of indicators and areas (issue 15);
                # Sachbearbeitung enters and imports the values.
                "add_cityindicator",
                "change_cityindicator",
                "delete_cityindicator",
                "add_area",
                "change_area",
                "delete_area",
            }
        ),
        clerk_excluded=frozenset({"delete_plan"}),
    )

    def ready(self):
        from network.privacy import register

        from . import imports, network_links, privacy

        register(privacy)
        imports.register()
        network_links.register()
