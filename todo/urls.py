from django.urls import path

from . import views

app_name = "todo"

urlpatterns = [
    path("", views.start, name="start"),
    path("councils/<int:pk>/switch/", views.council_switch, name="council_switch"),
    path("notifications/", views.notification_list, name="notification_list"),
    path("notifications/<int:pk>/", views.notification_open, name="notification_open"),
    path("notifications/read/", views.notifications_read, name="notifications_read"),
    path("settings/reminders/", views.reminder_settings, name="reminder_settings"),
    path("settings/reminders/<str:token>/", views.reminder_settings, name="reminder_settings_token"),
]
