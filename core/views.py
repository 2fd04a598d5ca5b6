"""The one way to write a list page and a record's create, edit and delete pages.

An area's views subclass these and name what differs: the layout the shared templates extend
(`base_template`, e.g. the area's section navigation), the list page, the area's domain error and
the service that saves or deletes. The templates are `list_page.html`, `record_form.html` and
`confirm_delete.html`. Forms and filters are looked up through core.extensions, so that a
higher layer can add its fields to a lower one's pages.
"""

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, DeleteView, UpdateView
from django.views.generic.base import TemplateResponseMixin
from django.views.generic.edit import ModelFormMixin
from django_filters.views import FilterView

from .concurrency import save_versioned
from .extensions import extended
from .permissions import PermissionMixin

Text = str | Promise  # a string, or a lazily translated one

if TYPE_CHECKING:
    # What the mixins below rely on from the generic views they are combined with.
    class _RecordView(TemplateResponseMixin, ModelFormMixin):
        object: Any  # the record; None on a create page
else:
    _RecordView = object


class ListView(PermissionMixin, FilterView):
    """A filtered, paginated list; `export_url_name` adds the links to export what is shown."""

    base_template = "base.html"
    paginate_by = 25
    export_url_name: str | None = None

    def get_filterset_class(self) -> type:
        return extended(super().get_filterset_class())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            base_template=self.base_template, export_url=self.export_url_name, **kwargs
        )


class RecordMixin(PermissionMixin, _RecordView):
    """Layout, breadcrumb, title, heading and cancel link of the create, edit and delete pages.

    `domain_error` is the area's exception for a step the data does not allow: its message is
    shown and the user goes back to the record (or the list).
    """

    base_template = "base.html"
    list_url_name: str | None = None
    list_label: Text | None = None  # without it, the page has no breadcrumb
    new_title: Text | None = None
    success_message: Text | None = None
    domain_error: type[Exception] | tuple[type[Exception], ...] = ()

    def get_form_class(self) -> type[forms.Form]:
        return extended(super().get_form_class())

    def get_title(self) -> Text | None:
        return _("Edit “%s”") % self.object if self.object is not None else self.new_title

    def get_heading(self) -> Text | None:
        return self.get_title()

    def get_breadcrumbs(self) -> list[tuple[str, Text]]:
        if self.list_label is None:
            return []
        crumbs = [(reverse(self.list_url_name), self.list_label)]
        if self.object is not None:
            crumbs.append((self.object.get_absolute_url(), str(self.object)))
        return crumbs

    def get_cancel_url(self) -> str:
        """Where Cancel leads, and where a domain error sends the user back to."""
        if self.object is not None:
            return self.object.get_absolute_url()
        return reverse(self.list_url_name)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            base_template=self.base_template,
            title=self.get_title(),
            heading=self.get_heading(),
            breadcrumbs=self.get_breadcrumbs(),
            cancel_url=self.get_cancel_url(),
            **kwargs,
        )

    def refuse_domain_error(self, error: Exception) -> HttpResponse:
        messages.error(self.request, str(error))
        return redirect(self.get_cancel_url())


class ExistingRecordMixin(_RecordView):
    """Edit and delete pages load their record once; `refusal()` may then turn the request away."""

    def refusal(self) -> HttpResponse | None:
        """Hook: a response (message and redirect) when the record may not be changed now."""
        return None

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        if (refused := self.refusal()) is not None:
            return refused
        return self.render_to_response(self.get_context_data())

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        if (refused := self.refusal()) is not None:
            return refused
        form = self.get_form()
        return self.form_valid(form) if form.is_valid() else self.form_invalid(form)


class SaveRecordMixin(RecordMixin):
    """Saves the form and what hangs on it in one transaction; a record changed by someone
    else since the form was opened is not overwritten: the page shows both versions."""

    template_name = "record_form.html"
    success_message = gettext_lazy("The entry has been saved.")
    submit_label: Text | None = None  # default: Save

    def save_record(self, form: forms.ModelForm) -> Model:
        """Hook: save the form (with the area's service) and return the record."""
        return form.save()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(submit_label=self.submit_label, **kwargs)

    def form_valid(self, form: forms.ModelForm) -> HttpResponse:
        def save() -> None:
            self.object = self.save_record(form)

        try:
            conflict = save_versioned(self.request, form, save=save)
        except self.domain_error as error:
            return self.refuse_domain_error(error)
        if conflict is not None:
            return self.render_to_response(self.get_context_data(form=form, conflict=conflict))
        messages.success(self.request, str(self.success_message))
        return redirect(self.get_success_url())


class CreateRecordView(SaveRecordMixin, CreateView):
    pass


class UpdateRecordView(ExistingRecordMixin, SaveRecordMixin, UpdateView):
    pass


class DeleteRecordView(ExistingRecordMixin, RecordMixin, DeleteView):
    """A confirmation page; the POST deletes through `delete_record`, the history stays."""

    template_name = "confirm_delete.html"
    # Deleting goes through the POST and its service only, never through an HTTP DELETE.
    http_method_names = ["get", "head", "post"]

    def delete_record(self, record: Model, user: Any) -> None:
        """Hook: delete with the area's service, which may raise the area's domain error."""
        raise NotImplementedError

    def get_form_class(self) -> type[forms.Form]:
        # The confirmation has no fields, whatever form the record's edit page uses.
        return forms.Form

    def get_success_url(self) -> str:
        return reverse(self.list_url_name)

    def form_valid(self, form: forms.Form) -> HttpResponse:
        try:
            self.delete_record(self.object, self.request.user)
        except self.domain_error as error:
            return self.refuse_domain_error(error)
        messages.success(
            self.request, str(self.success_message or _("“%s” has been deleted.") % self.object)
        )
        return redirect(self.get_success_url())
