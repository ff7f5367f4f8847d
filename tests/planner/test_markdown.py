"""The plan as Markdown."""

from __future__ import annotations

from repforge.catalog.catalog import Catalog
from repforge.planner.markdown import plan_markdown
from repforge.planner.service import make_plan
from tests.factories import HOSTILE_MARKDOWN, make_catalog, rendered_markdown_is_inert


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


def test_imported_markup_in_names_stays_text(gym: Catalog) -> None:
    hostile = make_catalog(
        *(ex.model_copy(update={"name": f"{ex.name} {HOSTILE_MARKDOWN}"[:100]}) for ex in gym)
    )
    plan = make_plan(hostile, {"goal": "hypertrophy", "level": "intermediate", "days": 3})
    text = plan_markdown(plan, base_url="https://repforge.test")
    assert "<script>" in "".join(e.name for e in plan.weeks[0].sessions[0].exercises)
    assert rendered_markdown_is_inert(text)
