"""schema.org JSON-LD for pages: HowTo, FAQPage, BreadcrumbList and ItemList."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from repforge.catalog import vocab
from repforge.pages.demo import demonstration
from repforge.pages.exercise import ExercisePage
from repforge.pages.hubs import Hub
from repforge.pages.links import Link, exercise_path


def _url(base_url: str, path: str) -> str:
    return f"{base_url.rstrip('/')}{path}"


def breadcrumbs(links: Sequence[Link], base_url: str) -> dict[str, Any]:
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": i,
                "name": link.label,
                "item": _url(base_url, link.href),
            }
            for i, link in enumerate(links, start=1)
        ],
    }


def exercise_graph(page: ExercisePage, base_url: str) -> dict[str, Any]:
    """HowTo (steps and tools), FAQPage and BreadcrumbList for an exercise page."""
    url = _url(base_url, page.path)
    ex = page.exercise
    howto: dict[str, Any] = {
        "@type": "HowTo",
        "@id": f"{url}#howto",
        "name": f"How to do the {page.title}",
        "description": page.quick_answer,
        "url": url,
        "step": [
            {"@type": "HowToStep", "position": i, "text": step, "url": f"{url}#how"}
            for i, step in enumerate(page.steps, start=1)
        ],
        "tool": [
            {"@type": "HowToTool", "name": vocab.EQUIPMENT[slug].name}
            for slug in ex.equipment.slugs
            if slug != "bodyweight"
        ],
        "about": {
            "@type": "ExercisePlan",
            "exerciseType": vocab.CATEGORIES[ex.category].name,
            "name": page.title,
        },
        "license": "https://creativecommons.org/licenses/by-sa/4.0/",
    }
    demo = demonstration(ex)
    if demo is not None:
        howto["image"] = [_url(base_url, demo.poster), _url(base_url, demo.gif)]
    faq = {
        "@type": "FAQPage",
        "@id": f"{url}#faq",
        "mainEntity": [
            {
                "@type": "Question",
                "name": item.question,
                "acceptedAnswer": {"@type": "Answer", "text": item.answer},
            }
            for item in page.faq
        ],
    }
    return {
        "@context": "https://schema.org",
        "@graph": [howto, faq, breadcrumbs(page.breadcrumbs, base_url)],
    }


def hub_graph(hub: Hub, base_url: str, shown: Sequence[Any] | None = None) -> dict[str, Any]:
    """ItemList of the exercises on a hub page, plus its breadcrumbs."""
    members = hub.exercises if shown is None else shown
    items = {
        "@type": "ItemList",
        "name": hub.title,
        "numberOfItems": len(members),
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": i,
                "name": ex.name,
                "url": _url(base_url, exercise_path(ex.slug)),
            }
            for i, ex in enumerate(members, start=1)
        ],
    }
    return {
        "@context": "https://schema.org",
        "@graph": [items, breadcrumbs(hub.breadcrumbs, base_url)],
    }


# "<!--" or "<script" inside a script element changes how the browser finds its end, and
# U+2028/U+2029 end a JavaScript line: write all five as \u escapes (the same JSON value).
_SCRIPT_ESCAPES = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
)


def script_json(data: dict[str, Any]) -> str:
    """JSON safe to place inside any <script> element: markup characters as \\u escapes."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
