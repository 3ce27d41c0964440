"""Template helpers for lägesbilder: rendered sections, traffic lights, the measure page's "why" panel."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..richtext import render_section
from ..selectors import measure_reasons

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


@register.inclusion_tag("assessments/_measure_reasons.html", takes_context=True)
def measure_reasons_panel(context, measure):
    """Why the measure exists: the problems and causes it acts on (two queries)."""
    council = measure.council
    user = context["request"].user
    return {"measure": measure, "council": council, "council_perms": context.get("council_perms") or council.perms_of(user),
            "can_follow_up": context.get("can_follow_up", False),
            **measure_reasons(measure)}
