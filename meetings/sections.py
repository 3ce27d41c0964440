"""Sections that other apps add under the agenda items of the meeting page.

Measures depends on meetings, so the meeting page cannot import it; it registers its section here when
Django starts (its AppConfig.ready) and the meeting view gathers the sections, as the council page gathers
its panels (councils/panels.py). Templates never query: a section's `context` is the owning app's selector,
called once for the whole meeting, and its template only renders what it returned for one item.
"""

from collections.abc import Callable
from dataclasses import dataclass

from councils.registry import Registry


@dataclass(frozen=True)
class ItemSection:
    """Something another app shows under each agenda item."""

    template: str
    # (meeting, items, perms) -> {item pk: context dict}, in a fixed number of queries for the whole meeting;
    # perms is the set of the reader's permissions in the council (councils/permissions.py).
    context: Callable
    order: int = 0


_sections = Registry()
register = _sections.register


def attach_sections(meeting, items, perms):
    """Give each item `item.sections`: (template, context) of every registered section that has one."""
    for item in items:
        item.sections = []
    by_pk = {item.pk: item for item in items}
    for section in _sections:
        for item_pk, context in section.context(meeting, items, perms).items():
            if item_pk in by_pk:
                by_pk[item_pk].sections.append((section.template, context))
