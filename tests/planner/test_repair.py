"""Mending a week that breaks a rule (planner/repair.py): the week model, the proof, the rescue."""

from __future__ import annotations

from typing import Any

import pytest

from repforge.catalog.catalog import Catalog
from repforge.catalog.load import load_builtin
from repforge.planner import bounds, repair
from repforge.planner.candidates import make_candidate
from repforge.planner.profile import Eligibility, Profile
from repforge.planner.relaxation import errors
from repforge.planner.repair import Selection, merged
from repforge.planner.service import make_plan
from repforge.planner.solver import RETRY, STRAIGHT, select
from repforge.planner.split import week_sessions


@pytest.fixture(scope="module")
def builtin() -> Catalog:
    return load_builtin()


def _select(catalog: Catalog, attempt: Any, **data: Any) -> Selection:
    profile = Profile.model_validate({"weeks": 1, **data})
    eligibility = Eligibility(catalog, profile)
    specs = week_sessions(profile, frozenset(o.exercise.pattern for o in eligibility.options()))
    return select(eligibility, specs, attempt)


def test_merged_shortlists_keep_each_candidate_once_at_its_best_score(gym: Catalog) -> None:
    profile = Profile.model_validate({"days": 3})
    a, b = (make_candidate(o, profile) for o in Eligibility(gym, profile).options()[:2])
    joined = merged([(a, 10), (b, 40)], [(a, 50)])
    assert [(c.option.key, points) for c, points in joined] == [
        (a.option.key, 50),
        (b.option.key, 40),
    ]


SHORT = {"goal": "hypertrophy", "level": "intermediate", "equipment": "full-gym", "days": 2}


@pytest.mark.slow
def test_only_the_last_try_looks_beyond_the_shortlists(builtin: Catalog) -> None:
    # Two half hours: the shortlists leave floors short, the whole catalog does not.
    straight = _select(builtin, STRAIGHT, **SHORT, minutes=30)
    assert errors(straight.relaxed) > 0
    assert straight.proof is None  # no rescue, so no proof asked for
    last = _select(builtin, RETRY, **SHORT, minutes=30)
    assert errors(last.relaxed) == 0
    assert last.proof is not None
    assert last.proof.possible is True


@pytest.mark.slow
def test_no_rescue_is_sought_for_a_week_proven_impossible(builtin: Catalog) -> None:
    selection = _select(builtin, RETRY, **{**SHORT, "days": 1}, minutes=15)
    assert errors(selection.relaxed) > 0
    assert selection.proof is not None
    assert selection.proof.possible is False


@pytest.mark.slow
def test_the_proof_is_asked_for_once_even_when_an_earlier_try_is_kept(
    builtin: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One 45-minute session cannot hold a strength week; the straight-set try keeps fewer
    # errors than the last one, whose proof the plan still uses.
    asked = []
    verdict = bounds.verdict

    def counted(*args: Any) -> Any:
        asked.append(args)
        return verdict(*args)

    monkeypatch.setattr(repair, "verdict", counted)
    monkeypatch.setattr("repforge.planner.bounds.verdict", counted)
    profile = {"goal": "strength", "level": "advanced", "days": 1, "minutes": 45}
    plan = make_plan(builtin, {**profile, "protect": "lower-back", "weeks": 1})
    assert plan.validation.errors
    assert len(asked) == 1
