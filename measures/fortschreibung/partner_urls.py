"""The personal proposal link without an account (issue 13), under /vorschlag/."""

app_name = "proposal"

urlpatterns: list = []
