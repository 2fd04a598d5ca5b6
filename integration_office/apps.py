from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationOfficeConfig(AppConfig):
    name = "integration_office"
    verbose_name = _("Integration office")
