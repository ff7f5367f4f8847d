"""Sitemap, robots.txt, llms.txt and JSON-LD."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from repforge.catalog.catalog import Catalog
from repforge.pages import jsonld, seo
from repforge.pages.exercise import compose
from repforge.pages.hubs import hub
from tests.factories import (
    HOSTILE_MARKDOWN,
    make_catalog,
    make_exercise,
    rendered_markdown_is_inert,
)


def test_sitemap_lists_pages_hubs_and_comparisons(small_catalog: Catalog) -> None:
    root = ET.fromstring(seo.sitemap(small_catalog, "https://x.test/"))
    locs = [el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://x.test/exercise/pistol-test" in locs
    assert "https://x.test/exercises/legs" in locs
    assert "https://x.test/exercise/compare/goblet-test-vs-test-squat" in locs
    assert "https://x.test/exercises/equipment/kettlebell" not in locs  # thin hub
    assert len(locs) == len(set(locs))


def test_robots_points_at_the_sitemap() -> None:
    text = seo.robots("https://x.test")
    assert "Sitemap: https://x.test/sitemap.xml" in text
    assert "Disallow: /api/" in text
    assert "Disallow: /search" not in text  # result pages say noindex themselves


def test_llms_links_markdown_mirrors(small_catalog: Catalog) -> None:
    text = seo.llms(small_catalog, "https://x.test", "repforge")
    assert text.startswith("# repforge\n")
    assert "- [Pistol Test](https://x.test/exercise/pistol-test.md)" in text


def test_llms_keeps_imported_markup_as_text(small_catalog: Catalog) -> None:
    hostile = make_exercise(slug="hostile-squat", name=HOSTILE_MARKDOWN[:100])
    text = seo.llms(make_catalog(*small_catalog, hostile), "https://x.test", "repforge")
    assert "/exercise/hostile-squat.md" in text
    assert rendered_markdown_is_inert(text)


def test_exercise_jsonld_has_howto_faq_and_breadcrumbs(small_catalog: Catalog) -> None:
    page = compose(small_catalog, "goblet-test")
    graph = jsonld.exercise_graph(page, "https://x.test")
    types = [node["@type"] for node in graph["@graph"]]
    assert types == ["HowTo", "FAQPage", "BreadcrumbList"]
    howto = graph["@graph"][0]
    assert [s["text"] for s in howto["step"]] == list(page.steps)
    assert [t["name"] for t in howto["tool"]] == ["Dumbbell", "Kettlebell"]
    assert len(graph["@graph"][1]["mainEntity"]) == len(page.faq)


def test_hub_jsonld_is_an_item_list(small_catalog: Catalog) -> None:
    graph = jsonld.hub_graph(hub(small_catalog, "body-part", "legs"), "https://x.test")
    items = graph["@graph"][0]
    assert items["@type"] == "ItemList"
    assert items["numberOfItems"] == 4


def test_script_json_cannot_close_the_script_element() -> None:
    text = jsonld.script_json({"a": "</script><script>alert(1)</script>"})
    assert "</script>" not in text
    assert json.loads(text)["a"].startswith("</script>")


def test_script_json_writes_markup_and_line_separators_as_escapes() -> None:
    value = "<!--<script> a & b > c \u2028 d \u2029"
    text = jsonld.script_json({"a": value})
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text)["a"] == value
