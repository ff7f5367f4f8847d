"""The search index a static export ships: the server's words and weights, as JSON for search.js."""

from __future__ import annotations

from typing import Any

from repforge.catalog import vocab
from repforge.catalog.catalog import Catalog
from repforge.pages.links import exercise_path
from repforge.search import ranking
from repforge.search.intent import rewrites, stopwords
from repforge.search.ranking import make_doc
from repforge.search.terms import IRREGULAR

FORMAT = 1


def _entry(doc: ranking.Doc) -> dict[str, Any]:
    return {
        "n": doc.name,
        "u": exercise_path(doc.slug),
        "d": f"{vocab.MUSCLES[doc.target].name} · {vocab.DIFFICULTIES[doc.difficulty].name}",
        "p": doc.popularity,
        "s": doc.category in ranking.SOFT_CATEGORIES,
        # the name first, then aliases, as the words the server matches (stopwords dropped)
        "l": [list(label.words) for label in doc.labels],
        "f": sorted(doc.facts),
    }


def static_index(catalog: Catalog) -> dict[str, Any]:
    """Every exercise's search words, the query rewrites and the weights, for in-browser search."""
    docs = sorted((make_doc(ex) for ex in catalog), key=lambda d: ranking.order_key(0.0, d))
    return {
        "format": FORMAT,
        "version": catalog.version,
        "weights": {
            "name": ranking.NAME,
            "alias": ranking.ALIAS,
            "facts": ranking.FACTS,
            "exact": ranking.EXACT_BONUS,
            "coverage": ranking.COVERAGE_BONUS,
            "soft": ranking.SOFT_PENALTY,
        },
        "irregular": IRREGULAR,
        "stopwords": sorted(stopwords()),
        "rewrites": sorted([list(k), list(v)] for k, v in rewrites().items()),
        "docs": [_entry(doc) for doc in docs],
    }
