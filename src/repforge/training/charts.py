"""Server-rendered SVG charts of progress, each with its data as a table, and the body-map heat.

The SVG is complete, escaped markup (role="img" with <title> and <desc>), so a template can
insert it as is and render the table beside it; no chart JavaScript is needed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Literal

from repforge.planner import prescription as rx
from repforge.training.progress import MuscleVolume, Point

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 36
TICKS = 4

Heat = Literal["none", "below", "within", "above"]
HEAT_CLASSES: Mapping[Heat, str] = {
    "none": "heat-none",
    "below": "heat-below",
    "within": "heat-within",
    "above": "heat-above",
}

# Plain words for the legend and for each region's label (colour is never the only cue).
HEAT_WORDS: Mapping[Heat, str] = {
    "none": "not trained this week",
    "below": "below your weekly target",
    "within": "within your weekly target",
    "above": "above your weekly target",
}


@dataclass(frozen=True, slots=True)
class ChartTable:
    """The chart's data for a <table>: caption, column headings and rows of text."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """An SVG chart (safe markup) and the same data as a table."""

    title: str
    description: str
    svg: str
    table: ChartTable


def day_label(day: date) -> str:
    """'Mar 3, 2025'."""
    return f"{day.strftime('%b')} {day.day}, {day.year}"


def _number(value: float) -> str:
    return f"{round(value, 1):g}"


def _scale(low: float, high: float) -> tuple[float, float, float]:
    """A y range with round ticks: (bottom, top, tick step)."""
    if high <= low:
        low, high = low - 1, high + 1
    raw = (high - low) / TICKS
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def _frame(chart_id: str, title: str, description: str, body: list[str]) -> str:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'class="chart" aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    )
    return head + "".join(body) + "</svg>"


def _y_axis(bottom: float, top: float, step: float, unit: str) -> tuple[list[str], float]:
    """Grid lines and labels, and the pixels per unit."""
    per_unit = (HEIGHT - TOP - BOTTOM) / (top - bottom)
    parts = []
    value = bottom
    while value <= top + step / 2:
        y = HEIGHT - BOTTOM - (value - bottom) * per_unit
        parts.append(
            f'<line class="grid" stroke="#d0d0d0" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="tick" font-size="12" fill="currentColor" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{escape(_number(value))}{escape(unit)}</text>"
        )
        value += step
    return parts, per_unit


def _empty(chart_id: str, title: str, table: ChartTable, message: str) -> Chart:
    body = [
        f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" fill="currentColor">{escape(message)}</text>'
    ]
    return Chart(title, message, _frame(chart_id, title, message, body), table)


def e1rm_chart(points: Sequence[Point], exercise_name: str, chart_id: str = "e1rm") -> Chart:
    """A line chart of estimated one-rep max over time, with its table."""
    title = f"Estimated one-rep max for {exercise_name}"
    table = ChartTable(
        title,
        ("Date", "Estimated max (kg)"),
        tuple((day_label(p.day), _number(p.value)) for p in points),
    )
    if not points:
        return _empty(chart_id, title, table, "No sets of 12 reps or fewer with a weight yet.")
    first, last = points[0], points[-1]
    best = max(points, key=lambda p: p.value)
    description = (
        f"{len(points)} sessions from {day_label(first.day)} to {day_label(last.day)}: "
        f"{_number(first.value)} kg at the start, {_number(last.value)} kg at the end, "
        f"best {_number(best.value)} kg on {day_label(best.day)}."
    )
    bottom, top, step = _scale(min(p.value for p in points), max(p.value for p in points))
    body, per_unit = _y_axis(bottom, top, step, " kg")
    span = max((last.day - first.day).days, 1)
    plot_width = WIDTH - LEFT - RIGHT

    def xy(p: Point) -> tuple[float, float]:
        x = LEFT + ((p.day - first.day).days / span) * plot_width if len(points) > 1 else LEFT
        return x, HEIGHT - BOTTOM - (p.value - bottom) * per_unit

    coords = [xy(p) for p in points]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    body.append(
        f'<polyline class="series" fill="none" stroke="currentColor" stroke-width="2" points="{line}"/>'
    )
    for p, (x, y) in zip(points, coords, strict=True):
        label = escape(f"{day_label(p.day)}: {_number(p.value)} kg")
        body.append(
            f'<circle class="point" fill="currentColor" cx="{x:.1f}" cy="{y:.1f}" r="3"><title>{label}</title></circle>'
        )
    for p, anchor in ((first, "start"), (last, "end")):
        x = xy(p)[0]
        body.append(
            f'<text class="tick" font-size="12" fill="currentColor" x="{x:.1f}" y="{HEIGHT - 12}" text-anchor="{anchor}">'
            f"{escape(day_label(p.day))}</text>"
        )
    return Chart(title, description, _frame(chart_id, title, description, body), table)


def weekly_sets_chart(
    weeks: Sequence[tuple[date, float]],
    subject: str,
    target: tuple[int, int] | None = None,
    chart_id: str = "weekly-sets",
) -> Chart:
    """A bar chart of hard sets per week (weeks start on Monday), with the target band."""
    title = f"Hard sets per week for {subject}"
    table = ChartTable(
        title,
        ("Week of", "Hard sets"),
        tuple((day_label(week), _number(sets)) for week, sets in weeks),
    )
    if not weeks:
        return _empty(chart_id, title, table, "No hard sets logged yet.")
    values = [sets for _, sets in weeks]
    description = (
        f"{len(weeks)} weeks from {day_label(weeks[0][0])} to {day_label(weeks[-1][0])}, "
        f"from {_number(min(values))} to {_number(max(values))} sets a week"
        + (f"; the target is {target[0]} to {target[1]}." if target else ".")
    )
    top_value = max([*values, *(target or ())])
    _, top, step = _scale(0, top_value)
    body, per_unit = _y_axis(0, top, step, "")
    if target:
        y_hi = HEIGHT - BOTTOM - target[1] * per_unit
        height = (target[1] - target[0]) * per_unit
        body.append(
            f'<rect class="target" fill="currentColor" fill-opacity="0.12" x="{LEFT}" y="{y_hi:.1f}" width="{WIDTH - LEFT - RIGHT}" '
            f'height="{height:.1f}"/>'
        )
    slot = (WIDTH - LEFT - RIGHT) / len(weeks)
    for i, (week, sets) in enumerate(weeks):
        height = sets * per_unit
        x = LEFT + i * slot + slot * 0.15
        label = escape(f"Week of {day_label(week)}: {_number(sets)} sets")
        body.append(
            f'<rect class="bar" fill="currentColor" x="{x:.1f}" y="{HEIGHT - BOTTOM - height:.1f}" '
            f'width="{slot * 0.7:.1f}" height="{height:.1f}"><title>{label}</title></rect>'
        )
    for (week, _), anchor, x in ((weeks[0], "start", LEFT), (weeks[-1], "end", WIDTH - RIGHT)):
        body.append(
            f'<text class="tick" font-size="12" fill="currentColor" x="{x}" y="{HEIGHT - 12}" text-anchor="{anchor}">'
            f"{escape(day_label(week))}</text>"
        )
    return Chart(title, description, _frame(chart_id, title, description, body), table)


def target_range(goal: rx.Goal, level: rx.Level) -> tuple[int, int]:
    """The user's weekly hard-set range per muscle: the planner's table for goal and level."""
    return rx.WEEKLY_SETS[goal][level]


def heat(volume: MuscleVolume | None, target: tuple[int, int]) -> Heat:
    """Below the range by fractional sets, above it by direct sets, else within (planner rule)."""
    if volume is None or volume.fractional <= 0:
        return "none"
    if volume.fractional < target[0]:
        return "below"
    if volume.direct > target[1]:
        return "above"
    return "within"


def muscle_heat(
    week: Mapping[str, MuscleVolume],
    target: tuple[int, int],
    muscles: Sequence[str] = (),
) -> dict[str, str]:
    """Muscle slug -> CSS class for the body map ('heat-below', 'heat-within', ...).

    `muscles` lists muscles to include even when untrained (they get 'heat-none').
    """
    names = sorted({*week, *muscles})
    return {m: HEAT_CLASSES[heat(week.get(m), target)] for m in names}
