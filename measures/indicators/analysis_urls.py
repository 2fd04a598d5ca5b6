"""The analysis pages of the integration monitoring (issue 15): the overview with trends, the
indicator page, the district profile and the segregation index."""

from django.urls import path

from . import analysis_views as views

urlpatterns = [
    path("", views.overview, name="overview"),
    path("<int:pk>/", views.detail, name="detail"),
    path("areas/<int:pk>/", views.area_detail, name="area_detail"),
    path("segregation/", views.segregation, name="segregation"),
]
