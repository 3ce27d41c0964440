"""The lägesbild's sections: plain paragraphs or simple HTML, cleaned by the minutes sanitiser."""

from django.utils.html import linebreaks
from django.utils.safestring import mark_safe

from meetings.sanitize import clean_minutes


def clean_section(text):
    """Sanitised HTML for a section; text without tags becomes paragraphs (blank line between them)."""
    text = (text or "").strip()
    if text and "<" not in text:
        text = linebreaks(text)
    return clean_minutes(text)


def render_section(html):
    """The stored HTML cleaned again with the same rules before it reaches a page or a PDF."""
    return mark_safe(clean_minutes(html))  # noqa: S308 - nh3 has just removed everything unsafe
