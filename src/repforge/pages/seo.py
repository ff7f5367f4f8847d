"""Machine-readable site files: sitemap.xml, robots.txt and llms.txt."""

from __future__ import annotations

from xml.sax.saxutils import escape

from repforge.catalog import vocab
from repforge.catalog.catalog import Catalog
from repforge.catalog.plaintext import markdown_text as md
from repforge.pages.compare import pairs
from repforge.pages.hubs import all_hubs
from repforge.pages.links import (
    INDEX_PATH,
    PLAN_PATH,
    SEARCH_PATH,
    compare_path,
    exercise_path,
    markdown_path,
)


def public_paths(catalog: Catalog) -> list[str]:
    """Every indexable HTML page: home, index, hubs, exercises, comparisons, planner."""
    paths = ["/", INDEX_PATH, SEARCH_PATH, PLAN_PATH]
    paths += [hub.path for hub in all_hubs(catalog)]
    paths += [exercise_path(ex.slug) for ex in catalog]
    paths += [compare_path(a, b) for a, b in pairs(catalog)]
    return paths


def sitemap(catalog: Catalog, base_url: str) -> str:
    """A sitemap of every indexable page."""
    base = base_url.rstrip("/")
    urls = "".join(
        f"<url><loc>{escape(base + path)}</loc></url>\n" for path in public_paths(catalog)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{urls}</urlset>\n"
    )


def robots(base_url: str) -> str:
    base = base_url.rstrip("/")
    return (
        "User-agent: *\n"
        "Allow: /\n"
        # the empty search page may be indexed; result pages carry noindex themselves
        "Disallow: /api/\n"
        f"Sitemap: {base}/sitemap.xml\n"
    )


def llms(catalog: Catalog, base_url: str, site_name: str) -> str:
    """llms.txt: what the site is and where the Markdown versions of pages live."""
    base = base_url.rstrip("/")
    lines = [
        f"# {md(site_name)}",
        "",
        f"> {len(catalog)} original exercise guides (how-to steps, tips, mistakes, FAQ, progressions"
        " and alternatives) with structured facts, a JSON API and a training-plan generator."
        " Text is CC BY-SA 4.0.",
        "",
        "Every exercise page has a Markdown version at the same URL plus `.md`.",
        "",
        "## Exercises by body part",
        "",
    ]
    by_part = catalog.by_body_part
    for part in vocab.BODY_PARTS:
        members = sorted(by_part.get(part.slug, ()), key=lambda e: (-e.popularity, e.name))
        if not members:
            continue
        lines += [f"### {md(part.name)}", ""]
        lines += [f"- [{md(ex.name)}]({base}{markdown_path(ex.slug)})" for ex in members]
        lines.append("")
    lines += [
        "## API",
        "",
        f"- [OpenAPI schema]({base}/api/v1/openapi.json)",
        f"- [Catalog summary]({base}/api/v1/catalog)",
        "",
    ]
    return "\n".join(lines)
