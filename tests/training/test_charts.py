"""SVG charts are accessible, escaped and carry their data as a table; the body-map heat."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

from repforge.training.charts import (
    HEAT_WORDS,
    e1rm_chart,
    heat,
    muscle_heat,
    target_range,
    weekly_sets_chart,
)
from repforge.training.progress import MuscleVolume, Point

SVG = "{http://www.w3.org/2000/svg}"
DAY = date(2025, 3, 3)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_e1rm_chart_is_an_accessible_image_with_a_point_per_session() -> None:
    points = [Point(DAY + timedelta(days=7 * i), 100 + 2.5 * i) for i in range(5)]
    chart = e1rm_chart(points, "Bench <Press> & Co")
    root = parse(chart.svg)  # well-formed: the name was escaped
    assert root.get("role") == "img"
    assert root.findtext(f"{SVG}title") == "Estimated one-rep max for Bench <Press> & Co"
    assert "110 kg at the end" in (root.findtext(f"{SVG}desc") or "")
    assert len(root.findall(f"{SVG}circle")) == 5
    assert chart.table.columns == ("Date", "Estimated max (kg)")
    assert chart.table.rows[0] == ("Mar 3, 2025", "100")
    ys = [float(c.get("cy", "0")) for c in root.findall(f"{SVG}circle")]
    assert ys == sorted(ys, reverse=True)  # rising values are drawn higher up


def test_weekly_sets_chart_draws_bars_and_the_target_band() -> None:
    weeks = [(DAY + timedelta(days=7 * i), float(s)) for i, s in enumerate([8, 12, 0, 21])]
    chart = weekly_sets_chart(weeks, "chest", target=(10, 20))
    root = parse(chart.svg)
    bars = root.findall(f"{SVG}rect[@class='bar']")
    assert len(bars) == 4
    heights = [float(b.get("height", "0")) for b in bars]
    assert heights[3] > heights[1] > heights[0] > heights[2] == 0
    assert root.find(f"{SVG}rect[@class='target']") is not None
    assert "the target is 10 to 20" in chart.description
    assert [r[1] for r in chart.table.rows] == ["8", "12", "0", "21"]


def test_empty_charts_say_so() -> None:
    assert "No sets" in parse(e1rm_chart([], "Squat").svg).findtext(f"{SVG}desc", "")
    assert weekly_sets_chart([], "all muscles").table.rows == ()


def test_heat_compares_fractional_with_the_floor_and_direct_with_the_cap() -> None:
    target = target_range("hypertrophy", "intermediate")
    assert target == (10, 20)
    assert heat(None, target) == "none"
    assert heat(MuscleVolume(0, 6.5), target) == "below"
    assert heat(MuscleVolume(12, 14.0), target) == "within"
    assert heat(MuscleVolume(22, 25.0), target) == "above"
    assert HEAT_WORDS["below"] == "below your weekly target"
    classes = muscle_heat({"chest": MuscleVolume(12, 14.0)}, target, muscles=["quads"])
    assert classes == {"chest": "heat-within", "quads": "heat-none"}
