"""Scale data for `make bench`, one module per domain app.

Each module here provides `VERSION`, `generate(ctx)` and `bench_pages(council)`; `generate_scale_data`
calls them in `SCALE_MODULES` order (councils first, since the others hang off its councils and people).
"""

import datetime
import random
from dataclasses import dataclass, field
from importlib import import_module
from typing import NamedTuple

from councils.models import Council, today

SCALE_MODULES = ["benchmarks.scale.councils", "benchmarks.scale.meetings", "benchmarks.scale.measures",
                 "benchmarks.scale.protocols", "benchmarks.scale.search",
                 "benchmarks.scale.todo", "benchmarks.scale.assessments"]
MARKER = "Skalningsdata för make bench"
BATCH = 2000


class Page(NamedTuple):
    """A page `bench` times: its row key, URL name and arguments.

    `data` is a dict, or a callable given the previous response (None at first) that returns the dict,
    for requests that depend on the last one (an autosave sends the version it last saw)."""

    key: str
    url_name: str
    args: tuple = ()
    method: str = "get"
    data: object = None
    headers: dict | None = None


@dataclass
class ScaleContext:
    """Parameters and results shared by the per-app generators in one run."""

    councils: int
    years: int
    stdout: object = None
    today: datetime.date = field(default_factory=today)
    rng: random.Random = field(default_factory=lambda: random.Random(20261122))
    data: list = field(default_factory=list)  # CouncilData, one per council, in creation order
    counts: dict = field(default_factory=dict)  # label -> number of rows created

    @property
    def start(self):
        return datetime.date(self.today.year - self.years + 1, 1, 1)

    def council_start(self, index):
        """Councils start at the beginning of the period; the last one (the "young" council) this year,
        so `bench` can compare query counts of a council with a long and a short history."""
        if self.councils > 1 and index == self.councils - 1:
            return datetime.date(self.today.year, 1, 1)
        return self.start

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)


def scale_modules():
    """The scale modules, in dependency order."""
    return [import_module(name) for name in SCALE_MODULES]


def signature(councils, years):
    """The text stored in each scale council's description; equal text means equal data."""
    parts = ", ".join(f"{module.__name__.split('.')[-1]} v{module.VERSION}" for module in scale_modules()
                      if hasattr(module, "generate"))  # search has bench pages only, no data
    return f"{MARKER}: {councils} råd × {years} år ({parts})"


def scale_councils():
    return Council.objects.filter(description__startswith=MARKER)


def bulk(model, objects):
    """Insert in batches; PostgreSQL and SQLite both return primary keys."""
    return model.objects.bulk_create(objects, batch_size=BATCH)
