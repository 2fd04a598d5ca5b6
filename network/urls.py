from django.urls import path

from . import views

app_name = "network"
urlpatterns = [
    path("actors/", views.ActorListView.as_view(), name="actor_list"),
    path("actors/<int:pk>/", views.actor_detail, name="actor_detail"),
]
