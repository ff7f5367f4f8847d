"""Site paths and links: the one place that builds the site's URLs."""

from __future__ import annotations

from dataclasses import dataclass

PLAN_PATH = "/plan"
INDEX_PATH = "/exercises"
SEARCH_PATH = "/search"


@dataclass(frozen=True)
class Link:
    """A site-relative link with its label."""

    label: str
    href: str


def exercise_path(slug: str) -> str:
    return f"/exercise/{slug}"


def markdown_path(slug: str) -> str:
    """The Markdown mirror of an exercise page."""
    return f"{exercise_path(slug)}.md"


def pair_path(a: str, b: str) -> str:
    """A comparison path in the order given (the canonical one is compare_path)."""
    return f"/exercise/compare/{a}-vs-{b}"


def compare_path(a: str, b: str) -> str:
    """The canonical comparison path: slugs in alphabetical order."""
    return pair_path(*sorted((a, b)))


def hub_path(kind: str, key: str) -> str:
    prefix = {"equipment": "equipment/", "muscle": "muscle/"}.get(kind, "")
    return f"{INDEX_PATH}/{prefix}{key}"


def page_path(base: str, number: int) -> str:
    """Page `number` of a list at `base` as a path, so static exports can hold it."""
    return base if number == 1 else f"{base}/page/{number}"


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
