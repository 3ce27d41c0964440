"""Lobra's URLs: authentication, admin and the three apps."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("konto/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),  # set_language, posted by the settings page
    path("meetings/", include("meetings.urls")),
    path("measures/", include("measures.urls")),
    path("", include("councils.urls")),
]
