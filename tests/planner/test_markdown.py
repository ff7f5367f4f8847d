"""The plan as Markdown."""

from __future__ import annotations

from repforge.catalog.catalog import Catalog
from repforge.planner import words
from repforge.planner.markdown import plan_markdown
from repforge.planner.plan import ValidationReport
from repforge.planner.service import make_plan
from repforge.planner.validate import finding
from tests.factories import HOSTILE_MARKDOWN, make_catalog, rendered_markdown_is_inert


def test_markdown_has_weeks_links_volume_and_validation(gym: Catalog) -> None:
    plan = make_plan(gym, {"goal": "hypertrophy", "level": "intermediate", "days": 4, "weeks": 6})
    text = plan_markdown(plan, base_url="https://repforge.test")
    assert text.startswith("# Training plan: hypertrophy, intermediate, 4 days x 60 min, 6 weeks")
    assert "## Week 6 (deload)" in text
    assert "### Monday: Upper A (about" in text
    assert "](https://repforge.test/exercise/" in text
    assert "## Weekly sets per muscle (week 1)" in text
    assert "## Checks" in text


def test_relaxations_are_listed(gym: Catalog) -> None:
    plan = make_plan(gym, {"goal": "hypertrophy", "level": "advanced", "days": 2, "minutes": 15})
    text = plan_markdown(plan)
    assert "## What had to give" in text
    assert "**Problem**" in text
    assert "volume-floor" not in text  # sentences, not check ids


def test_imported_markup_in_names_stays_text(gym: Catalog) -> None:
    hostile = make_catalog(
        *(ex.model_copy(update={"name": f"{ex.name} {HOSTILE_MARKDOWN}"[:100]}) for ex in gym)
    )
    plan = make_plan(hostile, {"goal": "hypertrophy", "level": "intermediate", "days": 3})
    text = plan_markdown(plan, base_url="https://repforge.test")
    assert "<script>" in "".join(e.name for e in plan.weeks[0].sessions[0].exercises)
    assert rendered_markdown_is_inert(text)


def _section(text: str, week: int) -> str:
    start = text.index(f"## Week {week}")
    return text[start : text.index("\n## ", start + 1)]


def test_later_weeks_show_only_what_changes(gym: Catalog) -> None:
    plan = make_plan(gym, {"goal": "hypertrophy", "level": "intermediate", "days": 4, "weeks": 12})
    text = plan_markdown(plan)
    first = _section(text, 1)
    # Eleven more weeks, each naming its visible steps (issue 11), cost little more than the first.
    assert len(text) < 2.5 * len(first)
    for before, week in zip(plan.weeks, plan.weeks[1:], strict=False):
        section = _section(text, week.week)
        assert "| Exercise |" not in section
        if before.deload:
            continue  # told against the block's first week
        old = {(s.day, e.slug): e for s in before.sessions for e in s.exercises}
        for session in week.sessions:
            day = f"- {words.day(session.day)}: "
            line = next((x for x in section.splitlines() if x.startswith(day)), "")
            for e in session.exercises:
                was = old[(session.day, e.slug)]
                if e.sets != was.sets:
                    assert f"{e.name} {words.count(e.sets, 'set')} (was {was.sets})" in line
                elif e.rir != was.rir and f"every exercise at RIR {e.rir}" not in section:
                    assert f"RIR {e.rir} (was {was.rir})" in line
                elif e.reps != was.reps:
                    assert f"{e.name} {e.reps[0]}-{e.reps[1]} " in line
                    assert f"(was {was.reps[0]}-{was.reps[1]})" in line
                elif e.load_kg == was.load_kg:
                    assert f"{e.name} " not in line


def test_optimal_is_never_printed_over_a_plan_with_errors(gym: Catalog) -> None:
    plan = make_plan(gym, {"days": 3})
    assert plan.optimal
    assert not plan.validation.errors
    assert "proven optimal" in plan_markdown(plan)
    broken = finding("session-time", "error", "Monday's session takes 70 minutes; you have 60.")
    # Even a plan file that claims "optimal" beside an error is not shown as optimal.
    bad = plan.model_copy(update={"validation": ValidationReport.of([broken])})
    text = plan_markdown(bad)
    assert "optimal" not in text
    assert "breaks the rules listed below" in text
