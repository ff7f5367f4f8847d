"""The plan as Markdown."""

from __future__ import annotations

from repforge.catalog.catalog import Catalog
from repforge.planner.markdown import plan_markdown
from repforge.planner.service import make_plan


def test_markdown_has_weeks_links_volume_and_validation(gym: Catalog) -> None:
    plan = make_plan(gym, {"goal": "hypertrophy", "level": "intermediate", "days": 4, "weeks": 6})
    text = plan_markdown(plan, base_url="https://repforge.test")
    assert text.startswith("# Training plan: hypertrophy, intermediate, 4 days x 60 min, 6 weeks")
    assert "## Week 6 (deload)" in text
    assert "### Monday: Upper A (about" in text
    assert "](https://repforge.test/exercise/" in text
    assert "## Weekly sets per muscle (week 1)" in text
    assert "## Validation" in text


def test_relaxations_are_listed(gym: Catalog) -> None:
    plan = make_plan(gym, {"goal": "hypertrophy", "level": "advanced", "days": 2, "minutes": 15})
    text = plan_markdown(plan)
    assert "## What had to give" in text
    assert "**error**" in text
