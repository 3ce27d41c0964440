"""The frozen protocol's document is rendered once per version and read from the cache after that."""

import re

from django.core.cache import cache
from django.template import Context, Template

from meetings import sanitize
from protocols import document


def page(client, version):
    html = client.get(version.get_absolute_url()).content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def test_version_page_from_the_cache_is_the_page_rendered_fresh(sealed, final):
    member = sealed.client("member")
    fresh = page(member, final)
    assert "Lägesbild från polisen" in fresh and "Lägesbilden läggs till handlingarna." in fresh
    assert "Närvarande" in fresh and "Anmält förhinder" in fresh
    assert page(member, final) == fresh


def test_a_cached_document_is_not_rendered_again(sealed, final, monkeypatch):
    member = sealed.client("member")
    fresh = page(member, final)

    def render_again(*args, **kwargs):
        raise AssertionError("rendered again although cached")

    monkeypatch.setattr(document, "render_to_string", render_again)
    assert page(member, final) == fresh


def test_a_new_version_is_rendered_from_its_own_content(sealed, final):
    from protocols import services as justering

    secretary = sealed.person("secretary")
    page(sealed.client("member"), final)
    justering.protocol_correction_start(meeting=final.meeting, user=secretary.user, reason="Stavfel.")
    item = final.meeting.items.get(number=2)
    from meetings import services as meeting_services

    meeting_services.minutes_save(item=item, user=secretary.user, minutes="<p>Rättad lägesbild.</p>",
                                  base_version=item.version)
    correction = justering.protocol_send(meeting=final.meeting, user=secretary.user)
    html = page(sealed.client("member"), correction)
    assert "Rättad lägesbild." in html and "Färre skadegörelser" not in html
    assert "Färre skadegörelser" in page(sealed.client("member"), final)


def test_minutes_are_cleaned_once_per_text_and_a_new_text_is_cleaned_again(monkeypatch):
    calls = []
    clean = sanitize.clean_minutes
    monkeypatch.setattr(sanitize, "clean_minutes", lambda html: calls.append(html) or clean(html))
    template = Template("{% load minutes %}{{ text|minutes_html }}")
    first = template.render(Context({"text": "<p>Hej <script>x</script></p>"}))
    assert template.render(Context({"text": "<p>Hej <script>x</script></p>"})) == first == "<p>Hej </p>"
    assert len(calls) == 1
    assert template.render(Context({"text": "<p>Ny version</p>"})) == "<p>Ny version</p>"
    assert len(calls) == 2
    cache.clear()
    assert template.render(Context({"text": "<p>Hej <script>x</script></p>"})) == first
