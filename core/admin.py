from typing import Any

from concurrency.exceptions import RecordModifiedError
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
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

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> Any:
        return self.fields

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


class DerivedAdmin(admin.ModelAdmin):
    """Rows the application derives from other records (e.g. OParl's places and deletion
    markers): shown for reading and support, never added, changed or deleted by hand."""

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> Any:
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


class HistoryAdmin(SimpleHistoryAdmin):
    """The change history for reading; nothing is restored from it.

    django-simple-history's revert saves a whole old version, read-only workflow fields
    included (a review state, a used-up partner link), and SIMPLE_HISTORY_REVERT_DISABLED only
    hides its button. Workflow states change only through the services.
    """

    def history_view_title(self, request: HttpRequest, obj: Model) -> str:
        # With revert disabled the library says "View history", which it leaves untranslated.
        return gettext("Change history: %s") % obj

    def history_form_view(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        raise PermissionDenied

    def get_exclude(self, request: HttpRequest, obj: Model | None = None) -> list[str]:
        # The version counter is not edited by hand (core.concurrency).
        return [*(super().get_exclude(request, obj) or []), "version"]

    def changeform_view(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> HttpResponse | HttpResponseRedirect:
        try:
            return super().changeform_view(request, *args, **kwargs)
        except RecordModifiedError:
            messages.error(request, CONFLICT_MESSAGE)
            return redirect(request.get_full_path())


# Registered here, since they need DerivedAdmin above.
from . import admin_jobs, admin_mail  # noqa: E402, F401
