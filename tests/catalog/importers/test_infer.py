"""Inference: rules by name and muscles, each recorded; checked against our own catalog."""

from __future__ import annotations

import pytest

from repforge.catalog.importers.infer import Facts, complete, name_pattern
from repforge.catalog.importers.report import ImportReport
from repforge.catalog.load import load_builtin


def _report() -> ImportReport:
    return ImportReport("test", "test", "-")


@pytest.mark.parametrize(
    ("name", "pattern"),
    [
        ("Barbell Back Squat", "squat"),
        ("Romanian Deadlift", "hinge"),
        ("Jump Squat", "jump"),
        ("Close-Grip Bench Press", "horizontal-push"),
        ("Triceps Kickback", "elbow-extension"),
        ("Cable Glute Kickback", "hip-extension"),
        ("Hammer Curl", "elbow-flexion"),
        ("Lying Leg Curl", "knee-flexion"),
        ("Face Pull", "reverse-fly"),
        ("Farmer's Walk", "carry"),
        ("Treadmill Run", "locomotion"),
        ("Side Plank", "anti-lateral-flexion"),
        ("Hanging Knee Raise", "hip-flexion"),
        ("Seated Cable Row", "horizontal-pull"),
        ("Rowing Machine", "locomotion"),
        ("Standing Calf Raise", "calf-raise"),
    ],
)
def test_pattern_from_the_name(name: str, pattern: str) -> None:
    found = name_pattern(name)
    assert found is not None
    assert found[0] == pattern


def test_every_rule_used_is_recorded() -> None:
    report = _report()
    found = complete(Facts(name="Single-Arm Dumbbell Row", target=["lats"]), report)
    assert found is not None
    assert (found["pattern"], found["laterality"], found["mechanic"]) == (
        "horizontal-pull",
        "unilateral",
        "compound",
    )
    fields = {name for name, _ in report.inferred}
    assert fields == {
        "pattern",
        "body_part",
        "category",
        "mechanic",
        "force",
        "laterality",
        "tracking",
        "load",
        "difficulty",
        "stresses",
    }
    assert ("pattern", "name says 'row'") in report.inferred


def test_stated_facts_are_kept() -> None:
    report = _report()
    facts = Facts(name="Mystery Move", target=["chest"], category="strength", force="pull")
    found = complete(facts, report)
    assert found is not None
    assert (found["category"], found["force"]) == ("strength", "pull")
    assert found["pattern"] == "horizontal-push"
    assert ("pattern", "usual pattern for target chest") in report.inferred


def test_broad_muscles_narrow_by_movement() -> None:
    found = complete(
        Facts(name="Rear Delt Fly", target=["front-delts", "side-delts"], secondary=["traps"]),
        _report(),
    )
    assert found is not None
    assert found["target"] == "rear-delts"
    assert found["secondary"] == ["traps"]
    kept = complete(Facts(name="Overhead Press", target=["front-delts", "side-delts"]), _report())
    assert kept is not None
    assert (kept["target"], kept["secondary"]) == (
        "front-delts",
        ["side-delts"],
    )


def test_several_source_targets_let_the_movement_lead() -> None:
    report = _report()
    found = complete(Facts(name="Goblet Squat", target=["glutes", "quads"]), report)
    assert found is not None
    assert (found["target"], found["secondary"]) == ("quads", ["glutes"])
    assert ("target", "squat leads with the quads of the source's targets") in report.inferred
    single = complete(Facts(name="One-Arm Row", target=["lats"]), _report())
    assert single is not None
    assert single["target"] == "lats"  # one named muscle is never second-guessed


def test_target_from_name_then_body_part_and_nothing_to_go_on() -> None:
    named = complete(Facts(name="Hamstring Stretch"), _report())
    assert named is not None
    assert (named["target"], named["pattern"]) == ("hamstrings", "stretch")
    placed = complete(Facts(name="Mystery Move", body_part="back"), _report())
    assert placed is not None
    assert placed["target"] == "lats"
    assert complete(Facts(name="Mystery Move"), _report()) is None


def test_loaded_joints_are_never_left_empty_for_loaded_patterns() -> None:
    found = complete(
        Facts(name="Barbell Back Squat", target=["quads"], equipment=["barbell"]), _report()
    )
    assert found is not None
    assert {"knees", "lower-back"} <= set(found["stresses"])
    assert (found["load"], found["difficulty"]) == ("external", "intermediate")


def test_inference_agrees_with_our_authored_catalog() -> None:
    catalog = load_builtin()
    agree = dict.fromkeys(("pattern", "body_part", "mechanic", "force", "category"), 0)
    for exercise in catalog:
        facts = Facts(
            name=exercise.name,
            target=[exercise.target],
            secondary=[s.muscle for s in exercise.secondary],
            equipment=list(exercise.equipment.required + exercise.equipment.options),
        )
        found = complete(facts, _report())
        assert found is not None
        for key in agree:
            agree[key] += found[key] == getattr(exercise, key)
    share = {key: count / len(catalog) for key, count in agree.items()}
    assert min(share.values()) >= 0.85, share
