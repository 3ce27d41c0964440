"""The one filter that renders stored minutes: cleaned again with the rules they were stored with."""

from django import template
from django.utils.safestring import mark_safe

from meetings.sanitize import clean_minutes

register = template.Library()


@register.filter
def minutes_html(value):
    """Minutes HTML cleaned by meetings.sanitize, safe to put on a page or in a PDF."""
    return mark_safe(clean_minutes(value))  # cleaned just above with the allow-list
