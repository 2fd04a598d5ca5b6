"""The office's pages for the texts of the public pages, under /office/public-texts/."""

from django.urls import path

from . import staff_views

app_name = "public_texts"

urlpatterns = [
    path("", staff_views.text_list, name="list"),
    path("<slug:key>/edit/", staff_views.PublicTextUpdateView.as_view(), name="edit"),
]
