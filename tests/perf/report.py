"""One row per measure: ours, the baseline, their ratio, the goal, pass or fail."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def timed(fn: Callable[[], Any]) -> float:
    """Seconds one call of ``fn`` takes."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


@dataclass
class Row:
    measure: str
    backend: str
    ours: float
    baseline: float
    unit: str
    goal: str
    passed: bool
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("inf")


def check(measure: str, backend: str, ours: float, baseline: float, unit: str, *,
          max_ratio: float | None = None, max_ours: float | None = None, note: str = "") -> Row:
    """A row whose goal is a ratio, an absolute bound, or both."""
    goals, passed = [], True
    if max_ratio is not None:
        goals.append(f"ratio ≤ {max_ratio:g}")
        passed &= baseline > 0 and ours / baseline <= max_ratio
    if max_ours is not None:
        goals.append(f"≤ {max_ours:g} {unit}")
        passed &= ours <= max_ours
    return Row(measure, backend, ours, baseline, unit, ", ".join(goals), bool(passed), note)


def render(rows: list[Row]) -> str:
    head = ("measure", "backend", "ours", "baseline", "ratio", "goal", "pass")
    lines = [[r.measure, r.backend, f"{r.ours:.2f} {r.unit}", f"{r.baseline:.2f} {r.unit}", f"{r.ratio:.2f}",
              r.goal, "yes" if r.passed else "NO"] for r in rows]
    widths = [max(len(h), *(len(line[i]) for line in lines)) if lines else len(h) for i, h in enumerate(head)]
    out = [" | ".join(h.ljust(w) for h, w in zip(head, widths)), "-+-".join("-" * w for w in widths)]
    out += [" | ".join(c.ljust(w) for c, w in zip(line, widths)) for line in lines]
    notes = [f"- {r.measure} ({r.backend}): {r.note}" for r in rows if r.note]
    return "\n".join(out + ([""] + notes if notes else []))


def write_json(rows: list[Row], path: Path, meta: dict[str, Any]) -> None:
    data = {"meta": meta, "rows": [{**asdict(r), "ratio": r.ratio} for r in rows]}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
