from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .login import AdminLoginForm

admin.site.login_form = AdminLoginForm
admin.site.site_header = _("Integration plan – administration")
admin.site.site_title = _("Integration plan")
admin.site.index_title = _("Back office")


class ReadOnlyInline(admin.TabularInline):
    """Related rows shown for reading; they change through the staff pages' workflows."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False
