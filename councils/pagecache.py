"""Rendered page bodies in Django's cache, keyed by what they show.

A key holds the council's revision (councils/revision.py), so a change anywhere in the council makes the
next request render anew; entries are never invalidated, only dropped to make room (the "pages" cache has
its own size limit, see settings.CACHES). The reader's permissions in the council and the language are part
of every key, since they change what a body shows; a body that depends on the day (a follow-up due) has the
day in its key too. What differs per person (the menu, the notifications) stays outside the cached body.

Forms in a cached body are rendered with a placeholder for the CSRF token (`body_context()`), and each
request puts its own token in its place: a token is per session and must never be served to someone else.
"""

import hashlib
import re

from django.core.cache import caches
from django.middleware.csrf import get_token
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

CSRF_PLACEHOLDER = "lobra-csrf-token-placeholder"
_TOKEN_FIELDS = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


def perms_key(perms):
    """A short, stable key part for a set of permission names."""
    return hashlib.blake2s(",".join(sorted(perms)).encode(), digest_size=6).hexdigest()


def query_key(query):
    """A short, stable key part for a page's query string (filters, page number), in any order."""
    items = sorted((name, value) for name in query for value in query.getlist(name))
    return hashlib.blake2s(repr(items).encode(), digest_size=8).hexdigest()


def body_context(**context):
    """A template context for a cached body: `{% csrf_token %}` renders the placeholder."""
    return {"csrf_token": CSRF_PLACEHOLDER, **context}


def cached_fragment(name, *parts, render):
    """The HTML `render()` returns, from the cache when a fragment with the same name and parts is there.
    For pieces without forms (the CSRF placeholder is only filled in by cached_body)."""
    key = ":".join(["lobra", "body", name, get_language() or "", *(str(part) for part in parts)])
    cache = caches["pages"]
    html = cache.get(key)
    if html is None:
        html = str(render())
        if any(value != CSRF_PLACEHOLDER for value in _TOKEN_FIELDS.findall(html)):
            raise ValueError(f"A cached page body must render its forms with body_context() ({name}).")
        cache.set(key, html)
    return html


def cached_body(request, name, *parts, render):
    """The HTML `render()` returns, from the cache when a body with the same name and parts is there, with
    the request's own CSRF token in place of the placeholder."""
    html = cached_fragment(name, *parts, render=render)
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    return mark_safe(html)  # rendered by a template with autoescaping on


def digest(value):
    """A short key part for what a fragment shows (a tuple of plain values)."""
    return hashlib.blake2s(repr(value).encode(), digest_size=12).hexdigest()
