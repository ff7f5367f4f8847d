"""Site paths and links, one place for the URL scheme."""

from __future__ import annotations

from dataclasses import dataclass

PLAN_PATH = "/plan"


@dataclass(frozen=True)
class Link:
    """A site-relative link with its label."""

    label: str
    href: str


def exercise_path(slug: str) -> str:
    return f"/exercise/{slug}"


def body_part_path(slug: str) -> str:
    return f"/exercises/{slug}"


def equipment_path(slug: str) -> str:
    return f"/exercises/equipment/{slug}"


def muscle_path(slug: str) -> str:
    return f"/exercises/muscle/{slug}"


MEDIA_SUFFIXES = {"svg": ".svg", "gif": ".gif", "webp": ".webp", "png": ".png"}


def media_path(slug: str, kind: str) -> str:
    """Where one demonstration file is served: /media/{slug}.gif, /media/thumb/{slug}.png."""
    if kind == "thumb":
        return f"/media/thumb/{slug}.png"
    return f"/media/{slug}{MEDIA_SUFFIXES[kind]}"
