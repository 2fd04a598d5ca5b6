from django.urls import path

from .views import agenda, calendar, followups, meetings, members, records

app_name = "committee"
urlpatterns = [
    path("", meetings.overview, name="overview"),
    path("meetings/", meetings.MeetingListView.as_view(), name="meeting_list"),
    path("meetings/export.<str:file_format>", meetings.meeting_export, name="meeting_export"),
    path("meetings/new/", meetings.MeetingCreateView.as_view(), name="meeting_create"),
    path("meetings.ics", calendar.staff_feed, name="staff_feed"),
    path("public/meetings.ics", calendar.public_feed, name="public_feed"),
    path("calendar/", calendar.subscription, name="calendar_subscription"),
    path("calendar/revoke/", calendar.subscription_revoke, name="calendar_revoke"),
    path("calendar/<str:token>.ics", calendar.personal_feed, name="personal_feed"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>.ics", calendar.meeting_ics, name="meeting_ics"),
    path("meetings/<int:pk>/edit/", meetings.MeetingUpdateView.as_view(), name="meeting_edit"),
    path("meetings/<int:pk>/agenda/", agenda.agenda, name="agenda"),
    path("meetings/<int:pk>/agenda/renumber/", agenda.agenda_renumber, name="agenda_renumber"),
    path("meetings/<int:pk>/attendance/", agenda.attendance, name="attendance"),
    path("meetings/<int:pk>/invitation/", meetings.invitation, name="invitation"),
    path(
        "meetings/<int:pk>/invitation/<int:delivery>/resend/",
        meetings.invitation_resend,
        name="invitation_resend",
    ),
    path("meetings/<int:pk>/invitation.pdf", meetings.invitation_pdf, name="invitation_pdf"),
    path("meetings/<int:pk>/minutes-<str:edition>.pdf", meetings.minutes_pdf, name="minutes_pdf"),
    path("meetings/<int:pk>/held/", records.meeting_mark_held, name="meeting_mark_held"),
    path("meetings/<int:pk>/finalise/", records.minutes_finalise, name="minutes_finalise"),
    path("archived-minutes/<int:pk>/", records.archived_minutes, name="archived_minutes"),
    path("items/<int:pk>/", agenda.item_edit, name="item_edit"),
    path("items/<int:pk>/move/<str:direction>/", agenda.item_move, name="item_move"),
    path("items/<int:pk>/delete/", agenda.ItemDeleteView.as_view(), name="item_delete"),
    path("items/<int:pk>/correct/", records.item_correct, name="item_correct"),
    path("items/<int:pk>/documents/", agenda.document_upload, name="document_upload"),
    path(
        "items/<int:pk>/follow-ups/new/",
        followups.FollowUpCreateView.as_view(),
        name="follow_up_create",
    ),
    path("documents/<int:pk>/", agenda.document_download, name="document_download"),
    path("documents/<int:pk>/delete/", agenda.DocumentDeleteView.as_view(), name="document_delete"),
    path("members/", members.MemberListView.as_view(), name="member_list"),
    path("members/export.<str:file_format>", members.member_export, name="member_export"),
    path("members/new/", members.MemberCreateView.as_view(), name="member_create"),
    path("members/<int:pk>/", members.member_detail, name="member_detail"),
    path("members/<int:pk>/edit/", members.MemberUpdateView.as_view(), name="member_edit"),
    path("members/<int:pk>/delete/", members.MemberDeleteView.as_view(), name="member_delete"),
    path("memberships/new/", members.MembershipCreateView.as_view(), name="membership_create"),
    path(
        "memberships/<int:pk>/edit/", members.MembershipUpdateView.as_view(), name="membership_edit"
    ),
    path("memberships/<int:pk>/end/", members.membership_end, name="membership_end"),
    path("follow-ups/", followups.FollowUpListView.as_view(), name="follow_up_list"),
    path(
        "follow-ups/export.<str:file_format>", followups.follow_up_export, name="follow_up_export"
    ),
    path(
        "follow-ups/<int:pk>/edit/", followups.FollowUpUpdateView.as_view(), name="follow_up_edit"
    ),
    path("follow-ups/<int:pk>/done/", followups.follow_up_done, name="follow_up_done"),
]
