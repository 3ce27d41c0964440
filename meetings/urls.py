from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("council/<int:council_pk>/", views.meeting_list, name="list"),
    path("council/<int:council_pk>/new/", views.meeting_create, name="create"),
    path("council/<int:council_pk>/calendar/", views.calendar, name="calendar"),
    path("feed/<str:token>.ics", views.feed, name="feed"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/edit/", views.meeting_edit, name="edit"),
    path("<int:pk>/minutes/", views.meeting_minutes, name="minutes"),
    path("<int:pk>/agenda/", views.agenda_edit, name="agenda"),
    path("<int:pk>/agenda/standard/", views.agenda_save_as_standard, name="agenda_standard"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/attendance/add/", views.attendance_add, name="attendance_add"),
    path("<int:pk>/notice/", views.notice_send, name="notice"),
    path("<int:pk>/calendar.ics", views.meeting_ics, name="ics"),
    path("<int:pk>/attachments/new/", views.attachment_upload, name="attachment_upload"),
    path("attendance/<int:pk>/delete/", views.attendance_delete, name="attendance_delete"),
    path("items/<int:item_pk>/minutes/", views.minutes_save, name="minutes_save"),
    path("items/<int:item_pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:item_pk>/move/", views.item_move, name="item_move"),
    path("items/<int:item_pk>/delete/", views.item_delete, name="item_delete"),
    path("items/<int:item_pk>/decisions/", views.decision_add, name="decision_add"),
    path("decisions/<int:pk>/delete/", views.decision_delete, name="decision_delete"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("attachments/<int:pk>/delete/", views.attachment_delete, name="attachment_delete"),
]
