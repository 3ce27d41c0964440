"""An ordered list that other apps add to when Django starts (their AppConfig.ready).

The council page's panels (councils/panels.py), the sections under the meeting page's agenda items
(meetings/sections.py) and the measure page's sections (measures/sections.py) are each one of these: the page's
app cannot import the apps that depend on it, so they register what they add, and the view gathers it.
"""


class Registry:
    """Entries with an `order`; registering the same entry twice keeps one."""

    def __init__(self):
        self._entries = []

    def register(self, entry):
        if entry not in self._entries:
            self._entries.append(entry)

    def __iter__(self):
        return iter(sorted(self._entries, key=lambda entry: entry.order))
