"""Lobra's URLs: authentication, admin and the three apps."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("konto/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("meetings/", include("meetings.urls")),
    # Justering and the signed PDFs keep their published addresses under /meetings/.
    path("meetings/", include("protocols.urls")),
    path("measures/", include("measures.urls")),
    path("accessibility/", include("accessibility.urls")),
    path("", include("councils.urls")),
]
