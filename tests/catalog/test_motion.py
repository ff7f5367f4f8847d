"""The motion block's contact vocabulary: stepping feet are known but never anchor the figure."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from repforge.catalog.motion import CONTACTS, STEPPING, Motion

POSES = [{"pose": {}}, {"pose": {"knee_left": 90}}]


def test_stepping_toes_are_contacts_on_every_surface() -> None:
    assert {"left-toes-floor", "right-toes-floor", "right-toes-box"} <= CONTACTS
    assert set(STEPPING) == {"left-toes", "right-toes"}


def test_a_stepping_foot_may_follow_the_planted_one() -> None:
    motion = Motion.model_validate(
        {"contacts": ["left-foot-floor", "right-toes-floor"], "keyframes": POSES}
    )
    assert motion.contacts[1] == "right-toes-floor"


def test_a_stepping_foot_cannot_anchor_the_figure() -> None:
    with pytest.raises(ValidationError, match="list the planted foot first"):
        Motion.model_validate({"contacts": ["right-toes-floor"], "keyframes": POSES})
