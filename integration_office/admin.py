from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Integration plan – administration")
admin.site.site_title = _("Integration plan")
admin.site.index_title = _("Back office")
