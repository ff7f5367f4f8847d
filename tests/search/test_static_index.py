"""The index a static export ships carries the server's words, rewrites and weights."""

from __future__ import annotations

import orjson

from repforge.catalog import load
from repforge.catalog.catalog import Catalog
from repforge.search import index_for, ranking
from repforge.search.ranking import make_doc
from repforge.search.static_index import static_index


def test_every_exercise_with_the_servers_label_words(small_catalog: Catalog) -> None:
    shipped = static_index(small_catalog)
    by_url = {doc["u"]: doc for doc in shipped["docs"]}
    assert len(by_url) == len(small_catalog)
    for exercise in small_catalog:
        doc = by_url[f"/exercise/{exercise.slug}"]
        server = make_doc(exercise)
        assert doc["n"] == exercise.name
        assert doc["l"] == [list(label.words) for label in server.labels]
        assert set(doc["f"]) == set(server.facts)
    assert shipped["weights"]["name"] == ranking.NAME
    squat = by_url["/exercise/test-squat"]
    assert squat["m"]["quad"] == ranking.FULL  # the target counts fully
    assert 0 < squat["m"]["glute"] < ranking.FULL  # a secondary muscle by its share
    assert squat["b"] is True  # body weight only
    assert "no equipment" in shipped["kit_phrases"]["b"]
    assert ["rdl"] in [pair[0] for pair in shipped["rewrites"]]
    # the filters search.js applies as the server does
    assert squat["v"] == exercise_difficulty(small_catalog, "test-squat")
    assert shipped["levels"]["advanced"] == ["advanced"]
    assert shipped["kit_words"]["barbell"] == ["barbell"]
    assert "pull-up-bar" in shipped["kit_words"]["bar"]
    assert "bar" in shipped["families"]
    assert "without" in shipped["negations"]
    assert "chest" in shipped["facet_words"]
    assert "press" not in shipped["facet_words"]
    assert orjson.loads(orjson.dumps(shipped)) == shipped


def exercise_difficulty(catalog: Catalog, slug: str) -> str:
    return next(e.difficulty for e in catalog if e.slug == slug)


def test_high_to_low_cable_fly_finds_the_high_to_low_fly_first() -> None:
    catalog = load.load_builtin()
    hits = index_for(catalog).search("high to low cable fly", limit=3).hits
    assert hits[0].slug == "cable-crossover"
    assert index_for(catalog).search("low to high cable fly", limit=1).hits[0].slug == (
        "low-to-high-cable-fly"
    )
