# The partner's page, reached without an account; included at "partner/".
from django.urls import path

from . import partner_views as views

app_name = "partner"
urlpatterns = [
    path("<str:token>/", views.partner_report, name="report"),
    path("<str:token>/thanks/", views.partner_thanks, name="thanks"),
]
