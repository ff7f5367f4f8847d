"""The next session follows the plan in order and resumes where the log stops."""

from __future__ import annotations

from datetime import UTC, datetime

from repforge.logbook.next import next_session
from repforge.planner.plan import Plan
from repforge.training.model import LoggedSet, LoggedWorkout
from tests.planner.factories import exercise


def _plan() -> Plan:
    def session(day: str, name: str, slug: str) -> dict[str, object]:
        return {"day": day, "name": name, "estimated_minutes": 30, "exercises": [exercise(slug)]}

    weeks = [
        {
            "week": w,
            "sessions": [
                session("mon", f"A{w}", "goblet-squat"),
                session("thu", f"B{w}", "push-up"),
            ],
        }
        for w in (1, 2)
    ]
    return Plan.model_validate({"profile": {}, "optimal": True, "weeks": weeks})


def _done(count: int) -> list[LoggedWorkout]:
    when = datetime(2026, 12, 1, tzinfo=UTC)
    return [LoggedWorkout(started_at=when, sets=(LoggedSet("goblet-squat", reps=8),))] * count


def test_sessions_come_in_plan_order_and_wrap_after_the_last() -> None:
    plan = _plan()
    names = [next_session(plan, _done(n)).name for n in range(5)]
    assert names == ["A1", "B1", "A2", "B2", "A1"]
    assert next_session(plan, _done(2)).week == 2


def test_a_missed_week_resumes_at_the_next_unlogged_session() -> None:
    # however long ago the last workout was, the next one is the session after it
    assert next_session(_plan(), _done(1)).name == "B1"


def test_prescriptions_carry_the_plan_numbers_and_a_reason() -> None:
    upcoming = next_session(_plan(), [])
    (only,) = upcoming.exercises
    assert (only.slug, only.sets, only.reps, only.rir) == ("goblet-squat", 3, (8, 12), 2)
    assert only.why
    assert upcoming.rest_seconds == (90,)


def test_only_a_recent_unfinished_site_workout_is_in_progress() -> None:
    from dataclasses import replace
    from datetime import timedelta

    from repforge.logbook.service import in_progress

    now = datetime(2026, 12, 1, 12, tzinfo=UTC)
    saving = LoggedWorkout(started_at=now - timedelta(minutes=30), client_id="c1")
    assert in_progress([saving], now) is saving
    assert in_progress([saving, replace(saving, ended_at=now)], now) is None
    assert in_progress([replace(saving, source="api")], now) is None
    assert in_progress([replace(saving, started_at=now - timedelta(hours=13))], now) is None
    assert in_progress([], now) is None
