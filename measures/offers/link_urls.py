"""The provider's personal link to confirm or correct their offers, under /angebot/ (issue 17)."""

app_name = "offer_link"

urlpatterns: list = []
