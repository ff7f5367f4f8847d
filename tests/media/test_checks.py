"""Each motion check catches a failing example and passes a correct one."""

from __future__ import annotations

from typing import Any

import pytest

from repforge.catalog import load
from repforge.catalog.load import Parsed, SourceFile
from repforge.media import checks
from tests.factories import exercise_data, to_yaml

SQUAT = {
    "view": "side",
    "contacts": ["feet-floor"],
    "keyframes": [
        {"pose": {"trunk": 5, "hip": 5}, "seconds": 1.5},
        {"pose": {"trunk": 40, "hip": 125, "knee": 115}, "seconds": 1.2},
    ],
}


def parsed(motion: dict[str, Any] | None, **overrides: Any) -> Parsed:
    data = exercise_data(**overrides)
    if motion is not None:
        data["motion"] = motion
    items, problems = load.check([SourceFile(f"{data['slug']}.yaml", to_yaml(data))])
    assert not problems, problems
    return items[0]


def messages(item: Parsed) -> list[str]:
    return [p.message for p in checks.check_motion(item)]


def test_a_correct_squat_passes() -> None:
    assert messages(parsed(SQUAT)) == []


def test_an_angle_beyond_human_range_is_named_with_its_line() -> None:
    bad = {**SQUAT, "keyframes": [SQUAT["keyframes"][0], {"pose": {"knee": 175, "hip": 125}}]}
    item = parsed(bad)
    problems = checks.check_motion(item)
    assert any("knee 175 is outside the human range" in p.message for p in problems)
    line = next(p.line for p in problems if "knee 175" in p.message)
    assert "knee: 175" in item.source.text.splitlines()[line - 1]


def test_a_limb_through_the_floor_fails() -> None:
    # Pinned by the hands on a bar, a figure whose legs drop by a metre would sink; pin the
    # feet on the floor and swing the trunk so far forward that the head passes the floor.
    sinking = {
        "contacts": ["feet-floor"],
        "keyframes": [{"pose": {}}, {"pose": {"trunk": 170}}],
    }
    assert any("through the floor" in m for m in messages(parsed(sinking, pattern="mobility")))


def test_a_contact_that_slides_fails() -> None:
    # Hands "on the floor" while the figure squats: the hands travel with the body.
    sliding = {**SQUAT, "contacts": ["feet-floor", "hands-floor"]}
    found = messages(parsed(sliding))
    assert any("contact hands-floor moves" in m for m in found)
    assert any("hands-floor is" in m and "from the floor" in m for m in found)


def test_a_back_extension_drawn_for_a_knee_flexion_exercise_fails() -> None:
    back_extension = {
        "contacts": ["hips-pad"],
        "keyframes": [{"pose": {"trunk": 90}}, {"pose": {"trunk": 30, "hip": 60}}],
    }
    found = messages(parsed(back_extension, pattern="knee-flexion"))
    assert any("a knee-flexion needs" in m for m in found)


@pytest.mark.parametrize(
    ("pattern", "pose", "ok"),
    [
        ("hinge", {"trunk": 80, "hip": 80, "knee": 20}, True),
        ("hinge", {"trunk": 45, "hip": 125, "knee": 115}, False),  # that is a squat
        ("squat", {"trunk": 80, "hip": 80, "knee": 20}, False),  # that is a hinge
        ("elbow-flexion", {"elbow": 130}, True),
        ("elbow-flexion", {"elbow": 130, "trunk": 30}, False),  # the trunk swings
        ("vertical-pull", {"shoulder": 40, "elbow": 100}, True),
        ("vertical-pull", {"shoulder": 40}, False),  # no elbow bend
    ],
)
def test_pattern_rules(pattern: str, pose: dict[str, float], ok: bool) -> None:
    motion = {"keyframes": [{"pose": {}}, {"pose": pose}]}
    found = [m for m in messages(parsed(motion, pattern=pattern)) if "needs" in m]
    assert (found == []) is ok, found


def test_required_equipment_must_be_drawn() -> None:
    item = parsed(SQUAT, equipment={"required": ["barbell"]})
    assert "required equipment barbell is not drawn" in messages(item)
    assert (
        messages(parsed({**SQUAT, "props": ["barbell-back"]}, equipment={"required": ["barbell"]}))
        == []
    )


def test_missing_motion_is_an_error_now_every_authored_exercise_has_motion(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    items = [parsed(None), parsed(SQUAT, slug="other-squat")]
    assert checks.REQUIRE_MOTION
    problems, missing = checks.check_all(items)
    assert [p.message for p in problems] == ["has no motion block"]
    assert missing == 1
    monkeypatch.setattr(checks, "REQUIRE_MOTION", False)
    problems, missing = checks.check_all(items)
    assert (problems, missing) == ([], 1)


def test_an_exercise_without_motion_has_no_demonstration() -> None:
    # imported exercises are never motion-checked; without motion they simply show no animation
    from repforge.media.inputs import media_input

    assert media_input(parsed(None).exercise) is None


def test_unknown_joint_is_a_load_error() -> None:
    data = exercise_data()
    data["motion"] = {"keyframes": [{"pose": {"elbw": 10}}, {"pose": {}}]}
    _, problems = load.check([SourceFile("test-squat.yaml", to_yaml(data))])
    assert any("unknown joint 'elbw'" in p.message for p in problems)


def test_every_builtin_motion_passes_the_checks() -> None:
    parsed, problems = load.check(load.read_dir(load.builtin_dir()))
    assert not problems
    motion_problems, missing = checks.check_all(parsed)
    assert [str(p) for p in motion_problems] == []
    assert missing < len(parsed)
