"""Panels that other apps add to the council page.

Meetings and measures depend on councils, so the council page cannot import them; each registers its
panel here when Django starts (its AppConfig.ready), and the council view gathers them. A panel's
`context(council, user)` is the owning app's selector; its template only renders what it returns.
"""

from collections.abc import Callable
from dataclasses import dataclass

from .registry import Registry


@dataclass(frozen=True)
class Panel:
    """A section of the council page owned by another app."""

    template: str
    context: Callable  # (council, user) -> dict for the template; may depend on the user only by their rights
    order: int = 0
    # (council) -> a value that changes when the panel's content changes with time rather than by a logged
    # change (a meeting starting moves it from "kommande" to "senaste"); part of the page's cache key.
    changes_with: Callable | None = None


_panels = Registry()
register = _panels.register


def council_panels(council, user):
    """(template, context) of every registered panel, in order."""
    return [(panel.template, panel.context(council, user)) for panel in _panels]


def panels_key(council):
    """What the registered panels' content depends on besides the council's revision and the day."""
    return tuple(panel.changes_with(council) for panel in _panels if panel.changes_with)
