"""catalogue pages of the integration monitoring (issue 15): indicators, their values and the
areas with their boundaries."""

from django.urls import path

from . import area_views, catalogue_views, value_views

urlpatterns = [
    path("new/", catalogue_views.IndicatorCreateView.as_view(), name="create"),
    path("<int:pk>/edit/", catalogue_views.IndicatorUpdateView.as_view(), name="edit"),
    path("<int:pk>/delete/", catalogue_views.IndicatorDeleteView.as_view(), name="delete"),
    path("<int:pk>/history/", catalogue_views.indicator_history, name="history"),
    path("<int:pk>/values/", value_views.IndicatorValuesView.as_view(), name="values"),
    path("<int:pk>/values/new/", value_views.ValueCreateView.as_view(), name="value_create"),
    path("values/<int:pk>/edit/", value_views.ValueUpdateView.as_view(), name="value_edit"),
    path("values/<int:pk>/delete/", value_views.ValueDeleteView.as_view(), name="value_delete"),
    path("areas/", area_views.area_list, name="areas"),
    path("areas/new/", area_views.AreaCreateView.as_view(), name="area_create"),
    path("areas/boundaries/", area_views.area_boundaries, name="area_boundaries"),
    path("areas/<int:pk>/edit/", area_views.AreaUpdateView.as_view(), name="area_edit"),
    path("areas/<int:pk>/delete/", area_views.AreaDeleteView.as_view(), name="area_delete"),
    path("areas/<int:pk>/history/", area_views.area_history, name="area_history"),
]
