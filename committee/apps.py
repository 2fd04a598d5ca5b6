from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.roles import OfficeRoles


class CommitteeConfig(AppConfig):
    name = "committee"
    verbose_name = _("Integration committee")
    # The secretariat's official steps: sending invitations, finalising and correcting
    # minutes; archived minutes and corrections are written only by these steps.
    office_roles = OfficeRoles(
        coordination_only=frozenset(
            {
                "send_invitation",
                "finalise_minutes",
                "add_minutescorrection",
                "change_minutescorrection",
                "delete_minutescorrection",
                "add_archivedminutes",
                "change_archivedminutes",
                "delete_archivedminutes",
            }
        )
    )

    def ready(self):
        from core.sections import register

        from . import imports, mails, plan_links  # noqa: F401 - mails registers its attachments
        from .models import AgendaItem
        from .oparl import signals

        imports.register()
        plan_links.register()
        signals.connect()
        register(
            "measures.measure_detail",
            "committee/sections/measure_agenda_items.html",
            lambda measure: {
                "agenda_items": AgendaItem.objects.filter(measures=measure)
                .select_related("meeting__committee")
                .order_by("-meeting__start", "order")
            },
        )
