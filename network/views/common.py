"""View building blocks shared by the network's pages."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, DeleteView, UpdateView
from django_filters.views import FilterView

from core.concurrency import save_versioned
from core.permissions import PermissionMixin

from ..services import NetworkError, delete_record


class ListView(PermissionMixin, FilterView):
    paginate_by = 25
    export_url_name = None

    def get_context_data(self, **kwargs):
        return super().get_context_data(export_url=self.export_url_name, **kwargs)


class RecordMixin(PermissionMixin):
    """Breadcrumb, heading and cancel link of the create, edit and delete pages."""

    list_url_name = None
    list_label = None
    new_title = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = getattr(self, "object", None)
        list_url = reverse(self.list_url_name)
        context.update(
            list_url=list_url,
            list_label=self.list_label,
            title=_("Edit “%s”") % record if record is not None else self.new_title,
            cancel_url=record.get_absolute_url() if record is not None else list_url,
        )
        return context


class SaveRecordMixin(RecordMixin):
    """Saves the form and what hangs on it in one transaction; a record changed by someone
    else since the form was opened is not overwritten: the page shows both versions."""

    template_name = "network/record_form.html"
    success_message = gettext_lazy("The entry has been saved.")

    def save_related(self, form):
        """Hook for what is saved with the record (e.g. an event's participants)."""

    def form_valid(self, form):
        def save():
            self.object = form.save()
            self.save_related(form)

        conflict = save_versioned(self.request, form, save=save)
        if conflict is not None:
            return self.render_to_response(self.get_context_data(form=form, conflict=conflict))
        messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())


class CreateRecordView(SaveRecordMixin, CreateView):
    pass


class UpdateRecordView(SaveRecordMixin, UpdateView):
    pass


class DeleteRecordView(RecordMixin, DeleteView):
    """A confirmation page; the POST deletes, the record's history stays."""

    template_name = "network/confirm_delete.html"

    def get_form_class(self):
        # The confirmation has no fields, whatever form the record's edit page uses.
        return forms.Form

    def get_success_url(self):
        return reverse(self.list_url_name)

    def form_valid(self, form):
        try:
            delete_record(self.object, self.request.user)
        except NetworkError as error:
            messages.error(self.request, str(error))
            return redirect(self.object)
        messages.success(self.request, _("“%s” has been deleted.") % self.object)
        return redirect(self.get_success_url())
