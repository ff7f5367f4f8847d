"""The search index a static export ships: the server's words and weights, as JSON for search.js."""

from __future__ import annotations

from typing import Any

from repforge.catalog import vocab
from repforge.catalog.catalog import Catalog
from repforge.pages.links import exercise_path
from repforge.search import ranking, synonyms
from repforge.search.intent import Facet, Filter, phrases, rewrites, stopwords
from repforge.search.ranking import make_doc
from repforge.search.terms import IRREGULAR, words

FORMAT = 2


def _muscle_words(doc: ranking.Doc) -> dict[str, float]:
    """Muscle and body-part words -> how much the exercise works them (the server's facet rule)."""
    scores: dict[str, float] = {}
    weights = {
        doc.target: ranking.FULL,
        **{m: ranking.secondary(w) for m, w in doc.secondary.items()},
    }
    for slug, weight in weights.items():
        muscle = vocab.MUSCLES[slug]
        for text in (muscle.name, *muscle.latin):
            for word in words(text):
                scores[word] = max(scores.get(word, 0.0), round(weight, 3))
    for word in words(vocab.BODY_PARTS[doc.body_part].name):
        scores[word] = ranking.FULL
    return scores


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
        "m": _muscle_words(doc),
        # doable with nothing, and with what people keep at home (the server's kit filters)
        "b": doc.doable_with(frozenset({"bodyweight"})),
        "h": doc.doable_with(synonyms.HOME_KIT),
        # level and kit, for "advanced push up" and "row without a bar"
        "v": doc.difficulty,
        "r": sorted(doc.required),
        "o": sorted(doc.options),
    }


def _phrase_tables() -> dict[str, Any]:
    """The server's filter phrases: facet words, difficulty words, negatable kit words."""
    facet_words: set[str] = set()
    levels: dict[str, list[str]] = {}
    kit: dict[str, list[str]] = {
        word: sorted(family) for word, family in synonyms.NEGATED_FAMILIES.items()
    }
    negations: list[str] = []
    for key, entry in phrases().items():
        text = " ".join(key)
        if isinstance(entry, Facet):
            if len(key) == 1:
                facet_words.add(key[0])
            if entry.equipment:
                kit[text] = sorted(entry.equipment)
        elif isinstance(entry, Filter) and entry.kind == "difficulty":
            levels[text] = sorted(entry.values)
        elif isinstance(entry, Filter) and entry.kind == "negation":
            negations.append(text)
    return {
        # a query made only of these names a kind of exercise, so names earn no spelling credit
        "facet_words": sorted(facet_words),
        "levels": levels,
        "negations": sorted(negations),
        "families": sorted(synonyms.NEGATED_FAMILIES),
        "kit_words": kit,
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
        "kit_phrases": {
            "b": sorted({" ".join(words(p)) for p in synonyms.BODYWEIGHT_PHRASES}),
            "h": sorted({" ".join(words(p)) for p in synonyms.HOME_PHRASES}),
        },
        **_phrase_tables(),
        "docs": [_entry(doc) for doc in docs],
    }
