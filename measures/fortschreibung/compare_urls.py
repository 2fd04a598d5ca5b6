"""Filled in by issue 13."""

urlpatterns: list = []
