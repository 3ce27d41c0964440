"""Lobra's URLs: authentication, admin, the apps and search across them."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from measures.urls import redirects as measures_redirects

urlpatterns = [
    path("accounts/", include("django.contrib.auth.urls")),
    # The first release's Swedish account addresses.
    path("konto/<path:rest>", RedirectView.as_view(url="/accounts/%(rest)s", permanent=True, query_string=True)),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),  # set_language, posted by the settings page
    path("", include("meetings.urls")),
    # Justering and the signed PDFs keep their published addresses under /meetings/.
    path("meetings/", include("protocols.urls")),
    path("", include("measures.urls")),
    *measures_redirects,
    path("search/", include("search.urls")),
    path("", include("todo.urls")),
    path("accessibility/", include("accessibility.urls")),
    path("councils/<int:council_pk>/", include("assessments.urls")),
    path("", include("councils.urls")),
]
