"""export pages of the integration monitoring (issue 15)."""

from django.urls import path

from . import exports

urlpatterns = [path("export/", exports.export_values, name="export")]
