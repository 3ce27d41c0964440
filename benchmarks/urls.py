"""Lobra's URLs and /bench/bare/, the floor that page throughput is compared with."""

from django.http import HttpResponse
from django.urls import path

from lobra.urls import urlpatterns as lobra_urlpatterns


def bare(request):
    """A Django view with no database, template or session work."""
    return HttpResponse("Lobra bench\n", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare, name="bench-bare"), *lobra_urlpatterns]
