"""Plans and the draft (issue 13): list, plan, start, edit, the draft's measures, adoption."""

from django.urls import path

from . import plan_views as views

urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("<int:pk>/", views.plan_detail, name="plan_detail"),
    path("<int:pk>/fortschreibung/", views.start, name="start"),
    path("<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("<int:pk>/measures/new/", views.measure_create, name="measure_create"),
    path("<int:pk>/measures/merge/", views.measure_merge, name="measure_merge"),
    path("<int:pk>/measures/<int:measure_pk>/split/", views.measure_split, name="measure_split"),
    path("<int:pk>/measures/<int:measure_pk>/end/", views.measure_end, name="measure_end"),
    path("<int:pk>/adopt/", views.adopt, name="adopt"),
]
