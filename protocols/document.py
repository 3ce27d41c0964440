"""A frozen version's document as HTML: rendered once per content hash, edition and language, then cached."""

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language


def version_document(version):
    """The attendance, each item (by id) and the attachments of a frozen version, as HTML fragments.

    A version's content never changes and its SHA-256 is part of the key, so an entry is never invalidated;
    it only leaves the cache to make room.
    """
    key = f"protocols:document:{version.sha256}:full:{get_language()}"
    parts = cache.get(key)
    if parts is None:
        content = version.content
        parts = {
            "attendance": str(render_to_string("protocols/_document_attendance.html", {"c": content})),
            "items": {str(item["id"]): str(render_to_string("protocols/_document_item.html", {"item": item}))
                      for item in content["items"]},
            "attachments": str(render_to_string("protocols/_document_attachments.html", {"c": content})),
        }
        cache.set(key, parts)
    # Plain strings in the cache (any backend stores them); they were rendered above with autoescaping on.
    return {
        "attendance": mark_safe(parts["attendance"]),
        "items": {item_id: mark_safe(html) for item_id, html in parts["items"].items()},
        "attachments": mark_safe(parts["attachments"]),
    }
