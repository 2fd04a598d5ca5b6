"""The provider's personal link to confirm or correct their offers, under /angebot/ (issue 17)."""

from django.urls import path

from . import link_views as views

app_name = "offer_link"

urlpatterns = [
    path("<str:token>/", views.offer_form, name="form"),
    path("<str:token>/angebot/<int:pk>/", views.offer_change, name="change"),
    path("<str:token>/danke/", views.offer_thanks, name="thanks"),
]
