"""The one filter that renders stored minutes: cleaned again with the rules they were stored with."""

import hashlib

from django import template
from django.core.cache import cache
from django.utils.safestring import mark_safe

from meetings import sanitize

register = template.Library()

# Part of every key, so that cleaned text kept in a shared cache is never served under changed rules.
_RULES = hashlib.blake2b(repr((sorted(sanitize.ALLOWED_TAGS), sorted((k, sorted(v)) for k, v in
                                sanitize.ALLOWED_ATTRIBUTES.items()), sorted(sanitize.URL_SCHEMES))).encode(),
                         digest_size=8).hexdigest()


@register.filter
def minutes_html(value):
    """Minutes HTML cleaned by meetings.sanitize, safe to put on a page or in a PDF.

    Cleaned once per text and kept in the cache: a saved item is a new text, so one autosave cleans one item.
    """
    key = f"meetings:minutes:{_RULES}:{hashlib.blake2b((value or '').encode(), digest_size=16).hexdigest()}"
    cleaned = cache.get(key)
    if cleaned is None:
        cleaned = sanitize.clean_minutes(value)
        cache.set(key, cleaned)
    return mark_safe(cleaned)  # cleaned with the allow-list, now or when it was cached
