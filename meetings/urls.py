"""Meeting addresses, included at the root: a council's meetings nested under the council, the rest under
/meetings/. The first release's /meetings/council/<id>/… addresses redirect permanently."""

from django.urls import path
from django.views.generic import RedirectView

from . import views

app_name = "meetings"

urlpatterns = [
    path("councils/<int:council_pk>/meetings/", views.meeting_list, name="meeting_list"),
    path("councils/<int:council_pk>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("councils/<int:council_pk>/meetings/calendar/", views.calendar, name="calendar_feed"),
    path("meetings/feed/<str:token>.ics", views.feed, name="calendar_feed_ics"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/minutes/", views.meeting_minutes, name="meeting_minutes"),
    path("meetings/<int:pk>/agenda/", views.agenda_edit, name="meeting_agenda"),
    path("meetings/<int:pk>/agenda/standard/", views.agenda_save_as_standard, name="agenda_template_save"),
    path("meetings/<int:pk>/attendance/", views.attendance, name="meeting_attendance"),
    path("meetings/<int:pk>/attendance/add/", views.attendance_add, name="attendance_add"),
    path("meetings/<int:pk>/notice/", views.notice_send, name="meeting_notice"),
    path("meetings/<int:pk>/calendar.ics", views.meeting_ics, name="meeting_ics"),
    path("meetings/<int:pk>/attachments/new/", views.attachment_upload, name="attachment_upload"),
    path("meetings/attendance/<int:pk>/delete/", views.attendance_delete, name="attendance_delete"),
    path("meetings/items/<int:item_pk>/minutes/", views.minutes_save, name="item_minutes_save"),
    path("meetings/items/<int:item_pk>/edit/", views.item_edit, name="item_edit"),
    path("meetings/items/<int:item_pk>/move/", views.item_move, name="item_move"),
    path("meetings/items/<int:item_pk>/delete/", views.item_delete, name="item_delete"),
    path("meetings/items/<int:item_pk>/decisions/", views.decision_add, name="decision_add"),
    path("meetings/decisions/<int:pk>/delete/", views.decision_delete, name="decision_delete"),
    path("meetings/attachments/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("meetings/attachments/<int:pk>/delete/", views.attachment_delete, name="attachment_delete"),
]

urlpatterns += [
    path(old, RedirectView.as_view(pattern_name=f"meetings:{name}", permanent=True, query_string=True))
    for old, name in [
        ("meetings/council/<int:council_pk>/", "meeting_list"),
        ("meetings/council/<int:council_pk>/new/", "meeting_create"),
        ("meetings/council/<int:council_pk>/calendar/", "calendar_feed"),
    ]
]
