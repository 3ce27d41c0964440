"""Pages are sent gzip-compressed to browsers that ask, and read the same once unpacked."""

import gzip

from django.template import engines
from django.template.loaders.cached import Loader as CachedLoader
from django.urls import reverse


def test_page_is_gzipped_for_a_browser_that_asks_and_unpacks_to_the_same_page(coordinator_client, council):
    url = reverse("councils:council_detail", args=[council.pk])
    plain = coordinator_client.get(url)
    packed = coordinator_client.get(url, headers={"accept-encoding": "gzip, deflate, br"})
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert len(packed.content) < len(plain.content)
    assert strip_csrf(gzip.decompress(packed.content)) == strip_csrf(plain.content)


def strip_csrf(html):
    """The masked CSRF token differs in every response; everything else must be the same."""
    import re

    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", html)


def test_templates_are_parsed_once_per_process():
    assert all(isinstance(loader, CachedLoader) for loader in engines["django"].engine.template_loaders)
