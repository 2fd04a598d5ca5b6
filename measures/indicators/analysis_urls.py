"""analysis pages of the integration monitoring (issue 15)."""

urlpatterns: list = []
