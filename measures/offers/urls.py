"""Offers (Angebote) under /offers/ (issue 17)."""

app_name = "offers"

urlpatterns: list = []
