"""Template helpers for lägesbilder: rendered sections and traffic lights."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..richtext import render_section

register = template.Library()

LIGHTS = {"green": ("text-bg-success", "Grönt"), "yellow": ("text-bg-warning", "Gult"),
          "red": ("text-bg-danger", "Rött")}


@register.filter
def section(html):
    """A lägesbild section, sanitised again where it is rendered."""
    return render_section(html)


@register.simple_tag
def light(status, label=""):
    """A traffic-light badge that says its colour in words too (colour alone is not enough for everyone)."""
    css, word = LIGHTS[status]
    return format_html('<span class="badge {} light">{}</span>', css, label or _(word))
