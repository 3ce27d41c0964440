"""Lobra's URLs, /bench/bare/ (the floor that page throughput is compared with) and the search page's plain
icontains engine, timed next to full-text search."""

from django.http import HttpResponse
from django.urls import include, path

from lobra.urls import urlpatterns as lobra_urlpatterns


def bare(request):
    """A Django view with no database, template or session work."""
    return HttpResponse("Lobra bench\n", content_type="text/plain")


urlpatterns = [
    path("bench/bare/", bare, name="bench-bare"),
    path("", include("search.bench_urls")),
    *lobra_urlpatterns,
]
