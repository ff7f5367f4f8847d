"""Held props are drawn where the body holds them."""

from __future__ import annotations

import math

import pytest

from repforge.catalog.motion import Motion, missing_props
from repforge.media import skeleton
from repforge.media.props import held, placed
from repforge.media.scene import Circle, Line, Rect, project


def _bridge(view: str, props: list[str]) -> Motion:
    return Motion.model_validate(
        {
            "view": view,
            "props": props,
            "contacts": ["back-floor", "feet-floor"],
            "keyframes": [
                {"pose": {"trunk": -90, "hip": 60, "knee": 120, "hip_abduction": 10}},
                {"pose": {"trunk": -115, "hip": 10, "knee": 110}},
            ],
        }
    )


def _thigh_point(motion: Motion, body: skeleton.Body, side: str) -> tuple[float, float]:
    hip = project(motion.view, body.points[f"hip_{side}"])
    knee = project(motion.view, body.points[f"knee_{side}"])
    return hip[0] + (knee[0] - hip[0]) * 0.8, hip[1] + (knee[1] - hip[1]) * 0.8


def _lines(motion: Motion) -> tuple[skeleton.Body, list[Line]]:
    body = skeleton.pinned(motion, skeleton.resolve(motion))[0]
    return body, [s for s in held(motion, body, 0.0, 0.0) if isinstance(s, Line)]


def test_mini_band_joins_both_thighs_above_the_knees_in_the_front_view() -> None:
    motion = _bridge("front", ["mini-band"])
    body, lines = _lines(motion)
    ends = {(round(x, 6), round(y, 6)) for line in lines for x, y in (line.a, line.b)}
    for side in ("left", "right"):
        x, y = _thigh_point(motion, body, side)
        assert (round(x, 6), round(y, 6)) in ends


def test_mini_band_crosses_the_near_thigh_in_the_side_view() -> None:
    motion = _bridge("side", ["mini-band"])
    body, lines = _lines(motion)
    (band,) = lines
    centre = ((band.a[0] + band.b[0]) / 2, (band.a[1] + band.b[1]) / 2)
    assert centre == pytest.approx(_thigh_point(motion, body, "left"))
    hip = project("side", body.points["hip_left"])
    knee = project("side", body.points["knee_left"])
    thigh = (knee[0] - hip[0], knee[1] - hip[1])
    stripe = (band.b[0] - band.a[0], band.b[1] - band.a[1])
    assert thigh[0] * stripe[0] + thigh[1] * stripe[1] == pytest.approx(0.0, abs=1e-9)
    assert math.dist(band.a, band.b) > 0.1


def test_mini_band_equipment_is_shown_by_the_mini_band_prop() -> None:
    assert missing_props(_bridge("side", ["mini-band"]), ("mini-band",)) == []
    assert missing_props(_bridge("side", []), ("mini-band",)) == ["mini-band"]


def test_dumbbell_between_the_feet_sits_between_ankle_and_ball_of_foot() -> None:
    motion = _bridge("side", ["dumbbell-feet"])
    body = skeleton.pinned(motion, skeleton.resolve(motion))[0]
    shapes = held(motion, body, 0.0, 0.0)
    (weight,) = [s for s in shapes if isinstance(s, Circle)]
    ankle = project("side", body.points["ankle_left"])
    ball = project("side", body.points["ball_left"])
    assert weight.c == pytest.approx(((ankle[0] + ball[0]) / 2, (ankle[1] + ball[1]) / 2))
    assert missing_props(motion, ("dumbbell",)) == []


def test_a_kettlebell_hangs_below_the_left_forefoot_and_shows_the_kettlebell() -> None:
    motion = _bridge("side", ["kettlebell-foot"])
    body = skeleton.pinned(motion, skeleton.resolve(motion))[0]
    (bell,) = [s for s in held(motion, body, 0.0, 0.0) if isinstance(s, Circle)]
    ankle = project("side", body.points["ankle_left"])
    ball = project("side", body.points["ball_left"])
    assert min(ankle[0], ball[0]) <= bell.c[0] <= max(ankle[0], ball[0])
    assert bell.c[1] < min(ankle[1], ball[1])
    assert missing_props(motion, ("kettlebell",)) == []
    assert missing_props(_bridge("side", ["dumbbell-feet"]), ("kettlebell",)) == ["kettlebell"]


def test_heels_on_a_box_leave_the_forefoot_hanging_over_its_front_edge() -> None:
    motion = Motion.model_validate(
        {
            "props": ["box"],
            "contacts": ["heels-box"],
            "keyframes": [{"pose": {"ankle": -30}}, {"pose": {"ankle": 20}}],
        }
    )
    body = skeleton.pinned(motion, skeleton.resolve(motion))[0]
    (box,) = [s for s in placed(motion, body, 0.0) if isinstance(s, Rect)]
    heel = project("side", body.points["heel_left"])
    ball = project("side", body.points["ball_left"])
    assert box.x < heel[0] < box.x + box.w < ball[0]


def test_a_pull_up_bar_in_the_front_view_runs_across_under_both_hands() -> None:
    motion = Motion.model_validate(
        {
            "view": "front",
            "props": ["pull-up-bar"],
            "contacts": ["hands-bar"],
            "keyframes": [
                {"pose": {"shoulder_abduction": 160, "shoulder_rotation": 90}},
                {"pose": {"shoulder_abduction": 50, "elbow": 130}},
            ],
        }
    )
    body = skeleton.pinned(motion, skeleton.resolve(motion))[0]
    (bar,) = [s for s in placed(motion, body, 0.0) if isinstance(s, Line)]
    for side in ("left", "right"):
        x, y, _ = project("front", body.points[f"grip_{side}"])
        assert min(bar.a[0], bar.b[0]) < x < max(bar.a[0], bar.b[0])
        assert bar.a[1] == pytest.approx(y, abs=0.01)


def test_a_bar_you_start_on_top_of_is_drawn_on_a_post_to_the_floor() -> None:
    motion = Motion.model_validate(
        {
            "props": ["pull-up-bar"],
            "contacts": ["hands-bar"],
            "keyframes": [
                {"pose": {"trunk": 14, "hip": 40, "shoulder": 10}},
                {"pose": {"trunk": 28, "shoulder": -45, "elbow": 100}},
            ],
        }
    )
    body = skeleton.pinned(motion, skeleton.resolve(motion))[0]
    grip = project("side", body.points["grip_left"])
    floor = grip[1] - 1.0
    (post,) = [s for s in placed(motion, body, floor) if isinstance(s, Line)]
    assert post.a[0] == pytest.approx(grip[0], abs=0.01)
    assert min(post.a[1], post.b[1]) == pytest.approx(floor)


def _curl(props: list[str]) -> Motion:
    return Motion.model_validate(
        {
            "view": "side",
            "props": props,
            "contacts": ["feet-floor"],
            "keyframes": [
                {"pose": {"shoulder": -20, "elbow": 0}},
                {"pose": {"shoulder": -20, "elbow": 130}},
            ],
        }
    )


@pytest.mark.parametrize(
    ("props", "behind"), [(["cable-low"], False), (["cable-low", "cable-behind"], True)]
)
def test_the_cable_tower_stands_where_the_figure_faces_from(props: list[str], behind: bool) -> None:
    """A Bayesian curl is done facing away from the stack: its tower stands behind the figure."""
    from repforge.media.props import cable_stack

    motion = _curl(props)
    bodies = skeleton.pinned(motion, skeleton.resolve(motion))
    anchor, tower = cable_stack(motion, bodies, 0.0)
    xs = [project("side", p)[0] for b in bodies for p in b.points.values()]
    assert tower
    assert (anchor < min(xs)) is behind
    assert (anchor > max(xs)) is not behind
    cord = next(s for s in held(motion, bodies[0], 0.0, anchor) if isinstance(s, Line))
    assert anchor in (cord.a[0], cord.b[0])  # the cord runs from that tower to the hand


def _standing(view: str, props: list[str], pose: dict[str, float]) -> Motion:
    return Motion.model_validate(
        {
            "view": view,
            "props": props,
            "contacts": ["feet-floor"],
            "keyframes": [{"pose": pose}, {"pose": {**pose, "knee": 20}}],
        }
    )


@pytest.mark.parametrize("view", ["side", "front"])
def test_a_weight_vest_covers_the_chest_and_back_wider_than_the_trunk(view: str) -> None:
    motion = _standing(view, ["weight-vest"], {"trunk": 30})
    body, lines = _lines(motion)
    (vest,) = lines
    pelvis = project(view, body.points["pelvis"])
    neck = project(view, body.points["neck"])
    for end in (vest.a, vest.b):  # both ends on the spine, between the hips and the neck
        cross = (neck[0] - pelvis[0]) * (end[1] - pelvis[1]) - (neck[1] - pelvis[1]) * (
            end[0] - pelvis[0]
        )
        assert cross == pytest.approx(0.0, abs=1e-9)
        assert min(pelvis[1], neck[1]) < end[1] < max(pelvis[1], neck[1])
    assert vest.width > 0.15  # the drawn trunk is 0.15 wide: the vest shows past it
    assert missing_props(motion, ("weight-vest",)) == []


def test_a_dowel_runs_through_both_hands_and_past_them_in_the_front_view() -> None:
    motion = _standing("front", ["dowel"], {"shoulder_abduction": 60})
    body, lines = _lines(motion)
    (stick,) = lines
    hands = [project("front", body.points[f"grip_{s}"])[:2] for s in ("left", "right")]
    assert math.dist(stick.a, stick.b) > math.dist(*hands)
    for hand in hands:  # each hand lies on the stick's line
        ax, ay = stick.b[0] - stick.a[0], stick.b[1] - stick.a[1]
        cross = ax * (hand[1] - stick.a[1]) - ay * (hand[0] - stick.a[0])
        assert cross == pytest.approx(0.0, abs=1e-9)
    assert stick.width < 0.03  # thinner than a barbell


def test_a_dowel_seen_end_on_is_a_small_circle_at_the_hands() -> None:
    motion = _standing("side", ["dowel"], {"shoulder": 90})
    body = skeleton.pinned(motion, skeleton.resolve(motion))[0]
    (end,) = held(motion, body, 0.0, 0.0)
    assert isinstance(end, Circle)
    grip = project("side", body.points["grip_left"])[:2]
    assert end.c == pytest.approx(grip)


def test_a_dowel_along_the_spine_lies_behind_the_back_and_shows_the_dowel() -> None:
    motion = _standing("side", ["dowel-spine"], {"trunk": 40, "hip": 40})
    body, lines = _lines(motion)
    (stick,) = lines
    pelvis = project("side", body.points["pelvis"])
    head = project("side", body.points["head"])
    # facing right and bent forward, behind the back means above and to the left of the spine
    for end in (stick.a, stick.b):
        cross = (head[0] - pelvis[0]) * (end[1] - pelvis[1]) - (head[1] - pelvis[1]) * (
            end[0] - pelvis[0]
        )
        assert cross > 0
    assert missing_props(motion, ("dowel",)) == []
    assert missing_props(_standing("side", [], {}), ("dowel",)) == ["dowel"]


def _ab_wheel(contacts: list[str], pose: dict[str, int]) -> tuple[skeleton.Body, Circle]:
    motion = Motion.model_validate(
        {"props": ["ab-wheel"], "contacts": contacts, "keyframes": [{"pose": pose}, {"pose": pose}]}
    )
    body = skeleton.pinned(motion, skeleton.resolve(motion))[0]
    (wheel,) = [s for s in held(motion, body, 0.0, 0.0) if isinstance(s, Circle)]
    return body, wheel


def test_an_ab_wheel_rolls_under_the_hands_in_a_rollout() -> None:
    pose = {"trunk": 60, "hip": 60, "knee": 90, "ankle": -55, "shoulder": 94}
    body, wheel = _ab_wheel(["knees-floor"], pose)
    hands = project("side", skeleton.centre(body, ["grip_left", "grip_right"]))
    assert wheel.c[0] == pytest.approx(hands[0])


def test_an_ab_wheel_sits_under_the_feet_when_the_hands_are_planted() -> None:
    pose = {"trunk": 75, "hip": 0, "knee": 0, "ankle": 20, "shoulder": 70}
    body, wheel = _ab_wheel(["hands-floor"], pose)
    toes = project("side", skeleton.centre(body, ["ball_left", "ball_right"]))
    hands = project("side", skeleton.centre(body, ["grip_left", "grip_right"]))
    assert wheel.c[0] == pytest.approx(toes[0])
    assert abs(wheel.c[0] - hands[0]) > 0.5


def test_a_single_arm_rollout_puts_the_ab_wheel_under_the_left_hand() -> None:
    pose = {"trunk": 60, "hip": 60, "knee": 90, "ankle": -55, "shoulder_left": 94}
    body, wheel = _ab_wheel(["knees-floor"], {**pose, "shoulder_right": -30, "elbow_right": 100})
    left = project("side", body.points["grip_left"])
    assert wheel.c[0] == pytest.approx(left[0])
