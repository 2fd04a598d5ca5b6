from concurrency.exceptions import RecordModifiedError
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import admin_users  # noqa: F401  (registers the user admin)
from .concurrency import CONFLICT_MESSAGE
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


class HistoryAdmin(SimpleHistoryAdmin):
    """The change history for reading; nothing is restored from it.

    django-simple-history's revert saves a whole old version, read-only workflow fields
    included (a review state, a used-up partner link), and SIMPLE_HISTORY_REVERT_DISABLED only
    hides its button. Workflow states change only through the services.
    """

    def history_view_title(self, request, obj):
        # With revert disabled the library says "View history", which it leaves untranslated.
        return gettext("Change history: %s") % obj

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        raise PermissionDenied

    def get_exclude(self, request, obj=None):
        # The version counter is not edited by hand (core.concurrency).
        return [*(super().get_exclude(request, obj) or []), "version"]

    def changeform_view(self, request, *args, **kwargs):
        try:
            return super().changeform_view(request, *args, **kwargs)
        except RecordModifiedError:
            messages.error(request, CONFLICT_MESSAGE)
            return redirect(request.get_full_path())
