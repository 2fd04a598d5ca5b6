"""The import pages, routed by the app whose section shows them."""

from django.urls import URLPattern, path

from . import views


def import_urls(base_template: str) -> list[URLPattern]:
    """The URL patterns import_index, import_upload, import_preview, import_confirm and
    import_template, to be included in an app's urlpatterns (its namespace); `base_template` is
    the pages' layout, a template with a `page` block."""
    layout = {"base_template": base_template}
    return [
        path("import/", views.import_index, layout, name="import_index"),
        path("import/<slug:kind>/", views.import_upload, layout, name="import_upload"),
        path("import/<slug:kind>/preview/", views.import_preview, layout, name="import_preview"),
        path("import/<slug:kind>/confirm/", views.import_confirm, layout, name="import_confirm"),
        path(
            "import/<slug:kind>/template.<str:file_format>",
            views.import_template,
            name="import_template",
        ),
    ]
