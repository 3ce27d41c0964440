"""The search page with the plain icontains engine, for `bench` to time next to full-text search.

Only benchmarks.urls includes this; users always get the engine their database offers.
"""

from django.urls import path

from . import views

urlpatterns = [
    path("bench/search-icontains/", views.search, {"engine": "icontains"}, name="bench-search-icontains"),
]
