"""The one table `bench` prints, and docs/benchmarks.md that keeps the latest figures."""

from dataclasses import dataclass
from pathlib import Path

FIGURES_MARKER = "<!-- Everything below is written by `manage.py bench`; edit above this line. -->"
COLUMNS = ["Measure", "p50 ms", "p95 ms", "CPU p50 / p95 ms", "Queries (full / young)", "Figure", "Target", "Met"]


@dataclass
class Row:
    measure: str
    p50: str = ""
    p95: str = ""
    cpu: str = ""
    queries: str = ""
    figure: str = ""
    target: str = ""
    met: bool | None = None  # None: no target, or nothing measured

    def cells(self):
        met = {True: "yes", False: "**no**", None: "–"}[self.met]
        return [self.measure, self.p50, self.p95, self.cpu, self.queries, self.figure, self.target, met]


def _all_met(*flags):
    flags = [flag for flag in flags if flag is not None]
    return all(flags) if flags else None


def page_rows(results):
    rows = []
    for r in results:
        if r.status != "ok":
            rows.append(Row(r.label, figure=r.status, target=_page_target(r)))
            continue
        queries = f"{r.queries} / {r.queries_young}" if r.queries_young is not None else str(r.queries)
        rows.append(Row(r.label, f"{r.p50_ms:.1f}", f"{r.p95_ms:.1f}", f"{r.cpu_p50_ms:.1f} / {r.cpu_p95_ms:.1f}",
                        queries, target=_page_target(r),
                        met=_all_met(r.p95_met, r.cpu_met, r.queries_constant)))
    return rows


def _page_target(result):
    targets = []
    if result.target_ms:
        targets.append(f"p95 < {result.target_ms} ms")
    if result.cpu_target_ms:
        p50, p95 = result.cpu_target_ms
        targets.append(f"CPU ≤ {p50} ms p50" + (f", ≤ {p95} ms p95" if p95 else ""))
    return "; ".join([*targets, "queries constant"])


def markdown_table(rows):
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join("---" for _ in COLUMNS) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def text_table(rows):
    cells = [COLUMNS] + [row.cells() for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    out = []
    for n, line in enumerate(cells):
        out.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())
        if n == 0:
            out.append("  ".join("-" * width for width in widths))
    return "\n".join(out)


def figures_markdown(*, when, machine, data, rows, notes):
    parts = [f"## Latest figures ({when})", "", "Machine:", ""]
    parts += [f"- {key}: {value}" for key, value in machine.items()]
    parts += ["", "Data:", ""]
    parts += [f"- {key}: {value}" for key, value in data.items()]
    parts += ["", markdown_table(rows), ""]
    if notes:
        parts += ["Notes:", ""] + [f"- {note}" for note in notes] + [""]
    return "\n".join(parts)


def write_docs(path, figures):
    """Replace everything below FIGURES_MARKER in the file with the figures; keep the text above."""
    path = Path(path)
    head = path.read_text().split(FIGURES_MARKER)[0].rstrip() + "\n\n" if path.exists() else "# Benchmarks\n\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(head + FIGURES_MARKER + "\n\n" + figures)
