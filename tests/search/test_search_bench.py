"""`make bench` times the search page: a common word, a compound tail, and both with plain icontains."""

import pytest
from django.test import Client
from django.urls import reverse

from benchmarks.management.commands.bench import coordinator_of, offered_pages
from benchmarks.scale import search as scale
from benchmarks.scale import signature
from councils.models import Council

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def bench_urls(settings):
    settings.ROOT_URLCONF = "benchmarks.urls"


def test_search_adds_its_pages_to_the_bench(council, coordinator):
    keys = [page.key for page in offered_pages(council)]

    assert {"search_common", "search_compound", "search_common_icontains", "search_compound_icontains"} <= set(keys)


def test_search_has_no_scale_data_and_leaves_the_signature_alone():
    assert not hasattr(scale, "generate")
    assert "search" not in signature(3, 2)


def test_the_icontains_engine_answers_only_in_the_bench_urls(coordinator, council):
    client = Client()
    client.force_login(coordinator_of(Council.objects.get(pk=council.pk)))

    response = client.get(reverse("bench-search-icontains"), {"q": scale.COMMON_WORD})

    assert response.status_code == 200
    assert response.context["results"].basic
