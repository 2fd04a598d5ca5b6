from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "demo"
    verbose_name = _("Demo data")

    def ready(self):
        from core.login import PUBLISHED_LOGIN_CHECKS

        from .loader import is_demo_login

        # The demo accounts' password is published: they must not open a production server.
        if is_demo_login not in PUBLISHED_LOGIN_CHECKS:
            PUBLISHED_LOGIN_CHECKS.append(is_demo_login)
