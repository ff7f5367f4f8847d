"""The tibialis muscle and the massage ball: in the vocabulary, drawn and mapped."""

from __future__ import annotations

from repforge.catalog import vocab
from repforge.catalog.crosswalk import exercisedb_target
from repforge.catalog.motion import Motion, missing_props
from repforge.media import skeleton
from repforge.media.props import MASSAGE_BALL_RADIUS, placed
from repforge.media.scene import MUSCLE_PARTS, Circle
from repforge.pages.bodymap import REGIONS, body_map


def test_tibialis_is_a_minor_front_view_leg_muscle_drawn_on_the_body_map() -> None:
    tib = vocab.MUSCLES["tibialis"]
    assert tib.body_part == "legs"
    assert tib.views == ("front",)
    assert not tib.major
    assert "tibialis" in REGIONS["front"]
    assert vocab.BODY_MAP_REGIONS["tibialis"] == ("front:tibialis",)
    front = body_map({"tibialis": "target"}, link=False).views[0]
    assert front.names_at("target") == ("Shins (tibialis anterior)",)
    assert MUSCLE_PARTS["tibialis"] == ("shin",)
    assert exercisedb_target("tibialis") == "calves"


def _foot_roll(props: list[str]) -> Motion:
    return Motion.model_validate(
        {
            "props": props,
            "contacts": ["left-foot-floor", "right-foot-floor"],
            "keyframes": [
                {"pose": {"trunk": 0, "hip": 0, "knee": 0}},
                {"pose": {"hip_left": 5, "knee_left": 8}},
            ],
        }
    )


def test_massage_ball_is_equipment_drawn_under_the_first_contact() -> None:
    assert vocab.EQUIPMENT["massage-ball"].kind == "accessory"
    motion = _foot_roll(["massage-ball"])
    assert missing_props(motion, ("massage-ball",)) == []
    assert missing_props(_foot_roll([]), ("massage-ball",)) == ["massage-ball"]
    body = skeleton.pinned(motion, skeleton.resolve(motion))[0]
    balls = [s for s in placed(motion, body, 0.0) if isinstance(s, Circle)]
    assert [b.r for b in balls] == [MASSAGE_BALL_RADIUS]
    assert balls[0].c[1] >= 0.0
