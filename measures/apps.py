from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasuresConfig(AppConfig):
    name = "measures"
    verbose_name = _("Integration plan")

    def ready(self):
        from network.privacy import register

        from . import privacy

        register(privacy)
