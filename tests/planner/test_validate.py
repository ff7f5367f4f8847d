"""Each named check of the validator, on small plans written by hand."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from repforge.catalog.catalog import Catalog
from repforge.planner.plan import Finding
from repforge.planner.validate import validate

from .factories import exercise, hand_plan

BASE = {"goal": "general-fitness", "level": "intermediate", "days": 2, "minutes": 60}


def findings(
    gym: Catalog, sessions: list[tuple[str, list[dict[str, Any]]]], weeks: int = 1, **profile: Any
) -> list[Finding]:
    report = validate(gym, hand_plan({**BASE, **profile}, [sessions] * weeks))
    return [*report.errors, *report.warnings]


def has(found: list[Finding], check: str, severity: str = "error") -> bool:
    return any(f.check == check and f.severity == severity for f in found)


def test_equipment_joints_exclusions_and_unknown_slugs(gym: Catalog) -> None:
    found = findings(
        gym,
        [("mon", [exercise("barbell-back-squat"), exercise("push-up"), exercise("no-such-lift")])],
        equipment=["bodyweight"],
        protect=["wrists"],
        exclude=["plank"],
    )
    assert has(found, "equipment")
    assert has(found, "protected-joint")
    assert has(found, "unknown-exercise")
    assert has(
        findings(
            gym, [("mon", [exercise("plank", unit="seconds", reps=(30, 60))])], exclude=["plank"]
        ),
        "excluded",
    )


def test_level_and_skills(gym: Catalog) -> None:
    beginner: dict[str, Any] = {"level": "beginner"}
    assert has(findings(gym, [("mon", [exercise("pistol-squat")])], **beginner), "difficulty")
    assert has(findings(gym, [("mon", [exercise("pull-up")])], **beginner), "skill-regression")
    negatives = findings(
        gym, [("mon", [exercise("pull-up", reps=(3, 5), mode="eccentric-only", rir=3)])], **beginner
    )
    assert not has(negatives, "skill-regression")
    assert not has(negatives, "rep-range")  # negatives are dosed 3-5 on purpose


def test_rep_ranges_by_goal(gym: Catalog) -> None:
    assert has(findings(gym, [("mon", [exercise("goblet-squat", reps=(3, 5))])]), "rep-range")
    strength: dict[str, Any] = {"goal": "strength"}
    assert has(
        findings(
            gym,
            [("mon", [exercise("barbell-back-squat", reps=(8, 12), rest_seconds=180)])],
            **strength,
        ),
        "rep-range",
    )
    assert not has(
        findings(
            gym,
            [("mon", [exercise("barbell-back-squat", reps=(3, 6), rest_seconds=180)])],
            **strength,
        ),
        "rep-range",
    )
    assert has(
        findings(gym, [("mon", [exercise("dumbbell-curl", reps=(10, 12))])]),
        "rep-range-width",
        "warning",
    )


def test_effort_rules(gym: Catalog) -> None:
    assert has(findings(gym, [("mon", [exercise("goblet-squat", rir=5)])]), "rir-window")
    assert has(findings(gym, [("mon", [exercise("barbell-back-squat", rir=0)])]), "failure-safety")
    beginner = findings(gym, [("mon", [exercise("machine-chest-press", rir=1)])], level="beginner")
    assert has(beginner, "beginner-effort")


def test_sets_rest_and_load(gym: Catalog) -> None:
    assert has(findings(gym, [("mon", [exercise("goblet-squat", sets=7)])]), "sets-per-exercise")
    assert has(findings(gym, [("mon", [exercise("goblet-squat", rest_seconds=10)])]), "rest")
    heavy = exercise("barbell-bench-press", reps=(8, 12), load_kg=95)
    maxes = {"barbell-bench-press": {"weight_kg": 100, "reps": 1}}
    assert has(findings(gym, [("mon", [heavy])], maxes=maxes), "load-vs-effort")
    fair = exercise("barbell-bench-press", reps=(8, 12), load_kg=70)
    assert not has(findings(gym, [("mon", [fair])], maxes=maxes), "load-vs-effort")


def test_session_time_and_caps(gym: Catalog) -> None:
    long = [
        exercise(s, sets=4)
        for s in (
            "goblet-squat",
            "push-up",
            "inverted-row",
            "dumbbell-curl",
            "dumbbell-lateral-raise",
            "leg-press",
            "lat-pulldown",
        )
    ]
    assert has(findings(gym, [("mon", long)], minutes=30), "session-time")
    eleven = [
        exercise("dumbbell-bench-press", sets=4),
        exercise("push-up", sets=4),
        exercise("machine-chest-press", sets=3),
    ]
    assert has(findings(gym, [("mon", eleven)]), "session-cap", "warning")
    thirteen = [*eleven, exercise("cable-crossover", sets=2, reps=(10, 15))]
    assert has(findings(gym, [("mon", thirteen)]), "session-cap", "error")


def test_recovery_between_consecutive_days(gym: Catalog) -> None:
    legs = [exercise("goblet-squat", sets=4)]
    assert has(findings(gym, [("mon", legs), ("tue", legs)]), "recovery")
    assert not has(findings(gym, [("mon", legs), ("thu", legs)]), "recovery")
    calves = [exercise("standing-calf-raise", sets=4, reps=(10, 15))]
    assert not has(findings(gym, [("mon", calves), ("tue", calves)]), "recovery")  # fast muscle


def test_weekly_volume_frequency_and_patterns(gym: Catalog) -> None:
    once = findings(
        gym,
        [("mon", [exercise("dumbbell-bench-press", sets=4)]), ("thu", [exercise("goblet-squat")])],
    )
    assert has(once, "muscle-frequency")
    assert has(once, "maintenance-volume")  # quads: 0 sets, below the maintenance dose of 4
    fat_loss = findings(
        gym,
        [("mon", [exercise("goblet-squat", sets=3)]), ("thu", [exercise("goblet-squat", sets=2)])],
        goal="fat-loss",
    )
    assert any(  # 5 sets: above maintenance, below fat loss's floor of 6
        f.check == "volume-floor" and f.message.startswith("Your quads get 5 ") for f in fat_loss
    )
    assert has(once, "pattern-coverage")
    one_day = findings(gym, [("mon", [exercise("dumbbell-bench-press", sets=4)])], days=1)
    assert has(one_day, "muscle-frequency", "warning")
    bodyweight = findings(gym, [("mon", [exercise("push-up")])], equipment=["bodyweight"])
    waived = [
        f for f in bodyweight if f.check == "pattern-coverage" and "vertical pull" in f.message
    ]
    assert waived
    assert waived[0].severity == "warning"


def frequency(found: list[Finding]) -> list[str]:
    return [f.message for f in found if f.check == "muscle-frequency"]


def test_frequency_counts_the_five_groups_of_invariant_13(gym: Catalog) -> None:
    # Shoulders: 2 sets of overhead press (front delts 1 + side delts 0.5 = 1.5 a set) on mon,
    # 2 sets of lateral raises on thu. Back: rows give lats and upper back together.
    mon = [exercise("seated-dumbbell-shoulder-press", sets=2), exercise("seated-cable-row", sets=2)]
    thu = [
        exercise("dumbbell-lateral-raise", sets=2, reps=(10, 15)),
        exercise("one-arm-dumbbell-row", sets=2),
    ]
    found = frequency(findings(gym, [("mon", mon), ("thu", thu)]))
    assert not [m for m in found if m.startswith(("Your shoulders", "Your back"))]
    assert any(m.startswith("Your chest ") for m in found)
    assert any(m.startswith("Your quads ") for m in found)
    assert any(m.startswith("Your hamstrings and glutes ") for m in found)


def test_a_day_needs_two_sets_from_the_group_members_together(gym: Catalog) -> None:
    # One set of lateral raises and one of face pulls: 1 + 1 (+ side/rear spill) >= 2 for the
    # shoulders on both days, though neither delt alone gets 2.
    delts = [
        exercise("dumbbell-lateral-raise", sets=1, reps=(10, 15)),
        exercise("face-pull", sets=1, reps=(10, 15)),
    ]
    assert not any(
        m.startswith("Your shoulders")
        for m in frequency(findings(gym, [("mon", delts), ("thu", delts)]))
    )
    one_set = [exercise("dumbbell-lateral-raise", sets=1, reps=(10, 15))]
    found = frequency(findings(gym, [("mon", one_set), ("thu", delts)]))
    assert any(m.startswith("Your shoulders") and "on only 1 day a week" in m for m in found)


def test_small_muscles_have_no_frequency_rule(gym: Catalog) -> None:
    # Biceps and calves on one day only: volume checks still apply to major muscles (chest is
    # missing), frequency does not, and the minor calves are never an error (rules.MAJOR_MUSCLES).
    mon = [exercise("dumbbell-curl", sets=4, reps=(10, 15))]
    found = findings(gym, [("mon", mon), ("thu", [exercise("goblet-squat")])])
    assert not any(m.startswith(("Your biceps", "Your calves")) for m in frequency(found))
    assert any("chest" in f.message for f in found if f.check == "maintenance-volume")
    assert not any("calves" in f.message for f in found if f.severity == "error")


def test_one_day_weeks_get_frequency_warnings_only(gym: Catalog) -> None:
    found = findings(gym, [("mon", [exercise("dumbbell-bench-press", sets=4)])], days=1)
    groups = [f for f in found if f.check == "muscle-frequency"]
    assert len(groups) == 5
    assert {f.severity for f in groups} == {"warning"}


def test_weekly_cap_uses_direct_sets_against_mrv(gym: Catalog) -> None:
    chest = [
        exercise("dumbbell-bench-press", sets=6, reps=(6, 10)),
        exercise("machine-chest-press", sets=6, reps=(6, 10)),
    ]
    days = [("mon", chest), ("wed", chest)]
    week_one = findings(gym, days, goal="hypertrophy")
    assert has(week_one, "weekly-cap")  # 24 direct chest sets > MRV 22
    assert has(week_one, "session-cap", "warning")  # 12 in one session: above 10


def test_push_pull_balance_is_a_warning(gym: Catalog) -> None:
    pushy = [
        exercise("dumbbell-bench-press", sets=4),
        exercise("seated-dumbbell-shoulder-press", sets=4),
        exercise("inverted-row", sets=2),
    ]
    assert has(findings(gym, [("mon", pushy)]), "push-pull-balance", "warning")


def test_fat_loss_needs_two_resistance_days(gym: Catalog) -> None:
    found = findings(gym, [("mon", [exercise("goblet-squat")])], goal="fat-loss", days=1)
    assert has(found, "fat-loss-days")


@pytest.mark.parametrize("check", ["exercise-order", "warm-up-sets"])
def test_order_and_warm_up_warnings(gym: Catalog, check: str) -> None:
    items = [
        exercise("cable-crossover", reps=(10, 15)),
        exercise("barbell-bench-press", reps=(8, 12)),
    ]
    assert has(findings(gym, [("mon", items)]), check, "warning")


def test_every_check_is_documented_in_the_planner_rules() -> None:
    # Check ids as the validator's modules write them: finding("id", ...), add("id", ...), and
    # the (id, reason) pairs of why_unusable.
    planner = Path(__file__).parents[2] / "src" / "repforge" / "planner"
    modules = ["validate.py", "session_checks.py", "integrity.py", "progress_checks.py"]
    source = "\n".join((planner / name).read_text(encoding="utf-8") for name in modules)
    ids = set(re.findall(r'(?:finding|_f|add)\(\s*"([a-z-]+)"', source))
    ids |= set(re.findall(r'return "([a-z-]+)", ', source))
    ids |= {"maintenance-volume", "volume-floor"}  # chosen in _floor_finding
    assert len(ids) > 30
    doc = (Path(__file__).parents[2] / "docs" / "planner-rules.md").read_text(encoding="utf-8")
    assert sorted(i for i in ids if f"`{i}`" not in doc) == []


def strength_sets(found: list[Finding]) -> list[str]:
    return [f.message for f in found if f.check == "strength-pattern-sets"]


def test_a_strength_squat_is_counted_from_main_lifts_when_one_fits(gym: Catalog) -> None:
    # Five squat sets for an intermediate lifter: goblet squats are a loaded main lift, body-weight
    # squats are not, so with a barbell in the gym only the first week makes the squat's volume.
    loaded = [
        ("mon", [exercise("goblet-squat", sets=3)]),
        ("thu", [exercise("goblet-squat", sets=2)]),
    ]
    light = [
        ("mon", [exercise("bodyweight-squat", sets=3)]),
        ("thu", [exercise("bodyweight-squat", sets=2)]),
    ]
    assert not [m for m in strength_sets(findings(gym, loaded, goal="strength")) if "squat" in m]
    said = [m for m in strength_sets(findings(gym, light, goal="strength")) if "squat" in m]
    assert said == [
        "Your squat main lift gets no sets a week; a main lift needs at least 5 to build strength."
    ]
    # Where no main lift fits (body weight only), the squats the plan can do are what counts.
    bodyweight = findings(gym, light, goal="strength", equipment=["bodyweight"])
    assert not [m for m in strength_sets(bodyweight) if "squat" in m]


def test_a_priority_nothing_allowed_is_aimed_at_is_said_with_the_kit_that_would_help(
    gym: Catalog,
) -> None:
    week = [("mon", [exercise("push-up", sets=4)]), ("thu", [exercise("push-up", sets=4)])]
    bare = findings(gym, week, equipment=["bodyweight"], priorities=["side-delts"])
    said = [f for f in bare if f.check == "priority-volume"]
    assert [f.severity for f in said] == ["warning"]
    assert said[0].message.startswith(
        "Nothing that fits your equipment, joints and level is aimed at your side delts, so as "
        "a priority they get only what other exercises give them: "
    )
    assert said[0].message.endswith("This equipment would let you train them directly: dumbbell.")
    assert not [f for f in bare if f.severity == "error" and "side delts" in f.message]
    # With dumbbells a lateral raise is within reach, so the priority is owed again.
    kit = findings(gym, week, equipment=["dumbbell"], priorities=["side-delts"])
    assert has(kit, "priority-volume")
