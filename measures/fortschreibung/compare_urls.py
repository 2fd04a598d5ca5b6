"""The comparison of two plan versions and the council's documents (issue 13)."""

from django.urls import path

from . import compare_views

urlpatterns = [
    path("<int:pk>/compare/", compare_views.compare_page, name="compare"),
    path("<int:pk>/compare.xlsx", compare_views.compare_xlsx, name="compare_xlsx"),
    path("<int:pk>/compare.pdf", compare_views.compare_pdf, name="compare_pdf"),
    path(
        "<int:pk>/beschlussvorlage.pdf",
        compare_views.beschlussvorlage,
        name="beschlussvorlage",
    ),
]
