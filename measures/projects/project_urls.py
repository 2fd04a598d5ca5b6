"""Filled in by issue 17."""

urlpatterns: list = []
