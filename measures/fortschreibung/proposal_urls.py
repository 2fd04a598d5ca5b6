"""The proposals for a draft plan (issue 13): invite, the review queue, review one."""

from django.urls import path

from . import proposal_views as views

urlpatterns = [
    path("<int:pk>/proposals/", views.ProposalListView.as_view(), name="proposal_list"),
    path("<int:pk>/proposals/invite/", views.proposal_invite, name="proposal_invite"),
    path("<int:pk>/proposals/<int:proposal_pk>/", views.proposal_review, name="proposal_review"),
    path(
        "<int:pk>/proposals/<int:proposal_pk>/decline/",
        views.proposal_decline,
        name="proposal_decline",
    ),
]
