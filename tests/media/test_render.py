"""Every output format decodes, is deterministic, and keeps to the documented shape."""

from __future__ import annotations

import gzip
import io

import pytest
from PIL import Image

from repforge.catalog.motion import Motion
from repforge.media.inputs import MediaInput
from repforge.media.render import MediaCache, render_all

MOTION = Motion.model_validate(
    {
        "props": ["barbell-back"],
        "contacts": ["feet-floor"],
        "keyframes": [
            {"pose": {"trunk": 5, "hip": 5, "shoulder": -40, "elbow": 120}, "seconds": 1.5},
            {"pose": {"trunk": 40, "hip": 125, "knee": 115}, "seconds": 1.2},
        ],
    }
)
ITEM = MediaInput(MOTION, "quads", "Test Squat", "Squat")


@pytest.fixture(scope="module")
def media() -> dict[str, bytes]:
    return render_all(ITEM)


def test_same_input_same_bytes(media: dict[str, bytes]) -> None:
    assert render_all(ITEM) == media


def test_animations_loop_with_many_frames(media: dict[str, bytes]) -> None:
    for kind in ("gif", "webp"):
        image = Image.open(io.BytesIO(media[kind]))
        assert image.format == kind.upper()
        assert getattr(image, "n_frames", 1) > 10
        assert image.info.get("loop") == 0


def test_poster_and_thumbnail_sizes(media: dict[str, bytes]) -> None:
    assert Image.open(io.BytesIO(media["png"])).size == (1200, 630)
    assert Image.open(io.BytesIO(media["thumb"])).size == (160, 120)


def test_svg_animates_without_script_and_respects_reduced_motion(media: dict[str, bytes]) -> None:
    svg = media["svg"].decode()
    assert "<script" not in svg
    assert "on" + "load" not in svg
    assert "prefers-reduced-motion" in svg
    assert "@keyframes" in svg
    assert svg.count('class="z"') > 10
    assert len(gzip.compress(media["svg"])) < 15_000


def test_target_muscle_drawn_in_the_accent_colour(media: dict[str, bytes]) -> None:
    assert "#b3261e" in media["svg"].decode()
    hamstrings = render_all(MediaInput(MOTION, "biceps", "Test Squat", "Squat"))
    # The thigh is no longer highlighted but the upper arm is; the drawing differs.
    assert hamstrings["svg"] != media["svg"]


def test_cache_returns_the_same_bytes_and_stays_bounded() -> None:
    cache = MediaCache(max_bytes=1)
    first = cache.get(ITEM, "thumb")
    assert cache.get(ITEM, "thumb") == first
    cache.get(MediaInput(MOTION, "glutes", "Other", "Squat"), "thumb")
    assert len(cache._items) == 1
