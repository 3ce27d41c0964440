"""The one filter that renders stored minutes: cleaned again with the rules they were stored with."""

import hashlib

from django import template
from django.core.cache import cache
from django.utils.safestring import mark_safe

from meetings import sanitize

register = template.Library()

def _stable(value):
    """The rules as nested sorted tuples, so the key is the same in every process (sets have no fixed order)."""
    if isinstance(value, dict):
        return tuple(sorted((key, _stable(item)) for key, item in value.items()))
    if isinstance(value, set | frozenset | list | tuple):
        return tuple(sorted(_stable(item) for item in value))
    return value


# Part of every key, so that cleaned text kept in a shared cache is never served under changed rules.
_RULES = hashlib.blake2b(repr(_stable(sanitize.minutes_rules())).encode(), digest_size=8).hexdigest()


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
