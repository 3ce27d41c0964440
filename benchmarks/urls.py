"""Lobra's URLs, /bench/bare/ (the floor that page throughput is compared with), /bench/bare-login/ (the same
for a logged-in person: what any page that knows who asks pays first) and the search page's plain icontains
engine, timed next to full-text search."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import include, path

from lobra.urls import urlpatterns as lobra_urlpatterns


def bare(request):
    """A Django view with no database, template or session work."""
    return HttpResponse("Lobra bench\n", content_type="text/plain")


@login_required
def bare_login(request):
    """The bare view behind a login: reads the session and the user, as every page of Lobra must."""
    return HttpResponse(f"Lobra bench {request.user.pk}\n", content_type="text/plain")


urlpatterns = [
    path("bench/bare/", bare, name="bench-bare"),
    path("bench/bare-login/", bare_login, name="bench-bare-login"),
    path("", include("search.bench_urls")),
    *lobra_urlpatterns,
]
