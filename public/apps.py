from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.roles import OfficeRoles


class PublicConfig(AppConfig):
    name = "public"
    verbose_name = _("Public pages")
    # The texts of the public pages are the office's voice to the citizens: Koordination writes
    # them, Sachbearbeitung and Lesezugriff read them.
    office_roles = OfficeRoles(
        coordination_only=frozenset(
            {
                "add_publictext",
                "change_publictext",
                "delete_publictext",
                # Feedback on accessibility may hold a visitor's name and e-mail address.
                "add_accessibilityfeedback",
                "view_accessibilityfeedback",
                "change_accessibilityfeedback",
                "delete_accessibilityfeedback",
            }
        )
    )

    def run_periodic(self) -> list[str]:
        """The daily work of this app (called by `manage.py run_periodic`): feedback past its
        retention period is deleted."""
        from .feedback import delete_expired_feedback

        deleted = delete_expired_feedback()
        return [f"{deleted} alte Rückmeldungen zur Barrierefreiheit gelöscht"]
