"""Offers (Angebote) under /offers/ (issue 17)."""

from django.urls import path

from . import views

app_name = "offers"

urlpatterns = [
    path("", views.OfferListView.as_view(), name="list"),
    path("export.<str:file_format>", views.offer_export, name="export"),
    path("new/", views.OfferCreateView.as_view(), name="create"),
    path("unconfirmed/", views.unconfirmed_list, name="unconfirmed"),
    path("invite/", views.invite_providers, name="invite"),
    path("changes/", views.change_list, name="changes"),
    path("changes/<int:pk>/", views.change_review, name="change_review"),
    path("<int:pk>/", views.offer_detail, name="detail"),
    path("<int:pk>/edit/", views.OfferUpdateView.as_view(), name="edit"),
    path("<int:pk>/translations/", views.translation_edit, name="translation_edit"),
    path("<int:pk>/delete/", views.OfferDeleteView.as_view(), name="delete"),
]
