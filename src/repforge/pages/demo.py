"""The demonstration shown on pages and in feeds: its file links, size and description."""

from __future__ import annotations

from dataclasses import dataclass

from repforge.catalog.model import Exercise
from repforge.media.inputs import media_input
from repforge.pages.links import media_path

WIDTH, HEIGHT = 480, 360  # the SVG's own size; the page reserves it so nothing shifts
THUMB_WIDTH, THUMB_HEIGHT = 160, 120
POSTER_WIDTH, POSTER_HEIGHT = 1200, 630


@dataclass(frozen=True)
class Demonstration:
    """Links to one exercise's media, versioned by the content hash of what they draw."""

    svg: str
    gif: str
    webp: str
    poster: str
    thumb: str
    alt: str
    digest: str


def demonstration(exercise: Exercise) -> Demonstration | None:
    """The exercise's demonstration, or None when it has no motion data."""
    item = media_input(exercise)
    if item is None:
        return None
    slug, version = exercise.slug, f"?v={item.digest}"
    return Demonstration(
        svg=media_path(slug, "svg") + version,
        gif=media_path(slug, "gif") + version,
        webp=media_path(slug, "webp") + version,
        poster=media_path(slug, "png") + version,
        thumb=media_path(slug, "thumb") + version,
        alt=f"Animated figure demonstrating the {exercise.name}",
        digest=item.digest,
    )


def absolute(base_url: str, path: str) -> str:
    """An absolute URL for a site path, for feeds and share cards."""
    return base_url.rstrip("/") + path
