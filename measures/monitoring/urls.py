# Staff pages of the monitoring rounds; included by integration_office/urls.py at "monitoring/".
from django.urls import path

from . import views

app_name = "monitoring"
urlpatterns = [
    path("", views.RoundListView.as_view(), name="round_list"),
    path("new/", views.round_create, name="round_create"),
    path("<int:pk>/", views.round_detail, name="round_detail"),
    path("<int:pk>/edit/", views.round_edit, name="round_edit"),
    path("<int:pk>/requests/", views.round_requests, name="round_requests"),
    path("<int:pk>/open/", views.round_open, name="round_open"),
    path("<int:pk>/invite/", views.round_invite, name="round_invite"),
    path("<int:pk>/remind/", views.round_remind, name="round_remind"),
    path("<int:pk>/mails/<int:delivery>/resend/", views.round_resend, name="round_resend"),
    path("<int:pk>/close/", views.round_close, name="round_close"),
    path("requests/<int:pk>/review/", views.request_review, name="request_review"),
    path("requests/<int:pk>/accept/", views.request_accept, name="request_accept"),
    path("requests/<int:pk>/return/", views.request_return, name="request_return"),
    path("requests/<int:pk>/enter/", views.request_enter, name="request_enter"),
]
