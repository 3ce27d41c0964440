"""Sections that other apps add to the measure page.

Assessments depends on measures, so the measure page cannot import it; it registers its section here when
Django starts (its AppConfig.ready) and the measure view gathers the sections, as the council page gathers
its panels (councils/panels.py). A section's `context(measure, perms)` is the owning app's selector; its
template only renders what it returns.
"""

from collections.abc import Callable
from dataclasses import dataclass

from councils.registry import Registry


@dataclass(frozen=True)
class MeasureSection:
    """A section of the measure page owned by another app."""

    template: str
    context: Callable  # (measure, perms) -> dict for the template; perms: the reader's, in the council
    order: int = 0


_sections = Registry()
register = _sections.register


def measure_sections(measure, perms):
    """(template, context) of every registered section, in order."""
    return [(section.template, section.context(measure, perms)) for section in _sections]
