"""The rescue (planner/rescue.py): a week over the whole eligible catalog that keeps the weekly
rules the shortlists could not, from exercises a coach would hand out."""

from __future__ import annotations

from typing import Any

import pytest

from repforge.catalog.catalog import Catalog
from repforge.catalog.load import load_builtin
from repforge.planner import rescue
from repforge.planner.candidates import make_candidate
from repforge.planner.ordering import Pick
from repforge.planner.profile import CURIOSITY_POPULARITY, Eligibility, parse_profile, too_easy
from repforge.planner.relaxation import errors, relaxations
from repforge.planner.rules import TIGHT_REST_SHARE
from repforge.planner.service import make_plan
from repforge.planner.split import week_sessions
from repforge.planner.timing import T_TRANSITION_S
from repforge.planner.validate import Possible

# Two half-hour sessions: the shortlists' weeks leave chest and quads below their floors.
SHORT = {"goal": "hypertrophy", "level": "intermediate", "equipment": "full-gym", "days": 2}


@pytest.fixture(scope="module")
def builtin() -> Catalog:
    return load_builtin()


def _rescued(catalog: Catalog, profile: dict[str, Any]) -> tuple[Any, Any, Any]:
    parsed = parse_profile({"weeks": 1, **profile})
    eligibility = Eligibility(catalog, parsed)
    specs = week_sessions(parsed, frozenset(o.exercise.pattern for o in eligibility.options()))
    cands = [make_candidate(o, parsed, TIGHT_REST_SHARE) for o in eligibility.options()]
    budget = int(parsed.minutes * 60 + T_TRANSITION_S)  # no general warm-up at 30 minutes
    week = rescue.week(parsed, cands, len(specs), budget, Possible.of(eligibility))
    return eligibility, specs, week


@pytest.mark.slow
def test_the_rescued_week_keeps_every_weekly_rule_in_its_time(builtin: Catalog) -> None:
    eligibility, specs, week = _rescued(builtin, {**SHORT, "minutes": 30})
    assert week is not None
    picks = [[Pick(c, n) for c, n in session] for session in week]
    assert errors(relaxations(eligibility, specs, picks)) == 0
    for session in week:
        seconds = sum(c.per_set_s * n + c.fixed_s for c, n in session)
        ramps: dict[str, int] = {}
        for c, _ in session:
            pattern = c.option.exercise.pattern
            ramps[pattern] = max(ramps.get(pattern, 0), c.warm_s)
        assert seconds + sum(ramps.values()) <= 30 * 60 + T_TRANSITION_S
        for c, n in session:
            ex = c.option.exercise
            assert ex.popularity > CURIOSITY_POPULARITY, ex.slug
            assert not too_easy(ex, eligibility.profile), ex.slug
            assert n <= c.rx.sets[1]


def test_no_week_is_rescued_from_sessions_too_short_for_any(builtin: Catalog) -> None:
    _, _, week = _rescued(builtin, {**SHORT, "days": 1, "minutes": 15})
    assert week is None


@pytest.mark.slow
def test_two_half_hours_of_hypertrophy_plan_without_errors(builtin: Catalog) -> None:
    plan = make_plan(builtin, {**SHORT, "minutes": 30, "weeks": 1})
    assert plan.validation.errors == []
    assert not plan.impossible
