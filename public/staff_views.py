"""The office's pages for the texts of the public pages (Koordination): a list of the texts
and one form per text. A text that was never written has no row yet; saving creates it."""

from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.permissions import requires
from core.views import Text, UpdateRecordView

from .forms import PublicTextForm
from .models import PublicText

HELP_TEXTS = {
    PublicText.Key.INTRODUCTION: _(
        "Shown at the top of the public overview. Plain text; an empty line starts a new paragraph."
    ),
    PublicText.Key.EASY_LANGUAGE: _(
        "Write in Leichte Sprache: short sentences, one statement per sentence, no foreign "
        "words. An empty line starts a new paragraph. Leave the field empty to show the "
        "standard text."
    ),
}


def texts_by_key() -> list[PublicText]:
    """Every text the public pages know, in the order of the keys; unsaved when not written."""
    saved = {text.key: text for text in PublicText.objects.all()}
    return [saved.get(key) or PublicText(key=key) for key in PublicText.Key.values]


@requires("public.change_publictext")
def text_list(request: HttpRequest) -> HttpResponse:
    return render(request, "public/staff/text_list.html", {"texts": texts_by_key()})


class PublicTextUpdateView(UpdateRecordView):
    permission_required = "public.change_publictext"
    model = PublicText
    form_class = PublicTextForm
    template_name = "public/staff/text_form.html"
    list_url_name = "public_texts:list"
    list_label = _("Texts of the public pages")
    success_message = _(
        "The text has been saved. Visitors see it at the latest five minutes from now."
    )

    def get_object(self, queryset: Any = None) -> PublicText:
        key = self.kwargs["key"]
        if key not in PublicText.Key.values:
            raise Http404
        return PublicText.objects.filter(key=key).first() or PublicText(key=key)

    def get_form(self, form_class: type[forms.Form] | None = None) -> forms.Form:
        form = super().get_form(form_class)
        form.fields["body"].help_text = HELP_TEXTS[self.object.key]
        return form

    def get_title(self) -> Text | None:
        return self.object.get_key_display()

    def get_cancel_url(self) -> str:
        return reverse(self.list_url_name)

    def get_success_url(self) -> str:
        return reverse(self.list_url_name)
