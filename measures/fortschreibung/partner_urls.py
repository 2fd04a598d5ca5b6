"""The personal proposal link without an account (issue 13), under /vorschlag/."""

from django.urls import path

from . import partner_views as views

app_name = "proposal"

urlpatterns = [
    path("<str:token>/", views.proposal_form, name="form"),
    path("<str:token>/danke/", views.proposal_thanks, name="thanks"),
]
