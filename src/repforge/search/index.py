"""The search index over a catalog: build once per catalog version, then search and suggest."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from repforge.catalog.catalog import Catalog
from repforge.search import ranking
from repforge.search.intent import Concept, Facet, Intent, Lexicon, describe, parse
from repforge.search.ranking import Doc, make_doc
from repforge.search.suggest import Completer
from repforge.search.terms import compact


@dataclass(frozen=True, slots=True)
class Hit:
    """One exercise found, its score (higher is better, comparable within one query) and why."""

    slug: str
    name: str
    score: float
    matched: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchResult:
    """A page of hits, the number of hits in all, and what the query was understood to mean."""

    query: str
    hits: list[Hit]
    total: int
    understood: tuple[str, ...] = ()  # e.g. ('muscle: hamstrings', 'equipment: home')
    corrections: tuple[tuple[str, str], ...] = ()  # ('romanain', 'romanian')
    did_you_mean: str | None = None  # the query as understood, when spelling was fixed
    relaxed: bool = False  # nothing passed the filters, so they were dropped


@dataclass(frozen=True, slots=True)
class _Scored:
    doc: int
    relevance: float
    scores: tuple[float, ...] = field(default=())
    via: str = ""  # why a linked exercise was added: 'alternative to Face Pull'


class SearchIndex:
    """Inverted index, facet postings and autocomplete keys for one catalog version."""

    def __init__(self, docs: Sequence[Doc], version: str) -> None:
        self.version = version
        self._docs = tuple(docs)
        self._by_slug = {doc.slug: index for index, doc in enumerate(self._docs)}
        postings: dict[str, dict[int, float]] = defaultdict(dict)
        in_labels: dict[str, set[int]] = defaultdict(set)
        exact: dict[str, set[int]] = defaultdict(set)
        pairs: set[tuple[str, str]] = set()
        for index, doc in enumerate(self._docs):
            for word in doc.facts:
                postings[word][index] = ranking.FACTS
            for label in doc.labels:
                weight = ranking.NAME if label.is_name else ranking.ALIAS
                for word in label.words:
                    postings[word][index] = max(postings[word].get(index, 0.0), weight)
                    in_labels[word].add(index)
                pairs.update(zip(label.words, label.words[1:], strict=False))
                exact[label.compact].add(index)
        self._postings = dict(postings)
        self._in_labels = {w: frozenset(s) for w, s in in_labels.items()}
        self._exact = {k: frozenset(s) for k, s in exact.items()}
        self._facets = _Facets(self._docs)
        self._lexicon = Lexicon({w: len(p) for w, p in postings.items()}, frozenset(pairs))
        self._by_popularity = tuple(
            sorted(range(len(self._docs)), key=lambda i: ranking.order_key(0.0, self._docs[i]))
        )
        self._completer = Completer(self._docs)
        self._kit_cache: dict[frozenset[str], frozenset[int]] = {}

    @classmethod
    def build(cls, catalog: Catalog) -> SearchIndex:
        """Index every exercise of the catalog."""
        return cls([make_doc(e) for e in catalog], catalog.version)

    def __len__(self) -> int:
        return len(self._docs)

    def _concept_scores(self, concept: Concept) -> dict[int, float]:
        if concept.facet is not None:
            scores = self._facets.scores(concept.facet)
            self._add_spelled(concept.words, scores)
            return scores
        scores = {}
        for word, confidence in concept.alternatives:
            for index, weight in self._postings.get(word, {}).items():
                value = confidence * weight
                if value > scores.get(index, 0.0):
                    scores[index] = value
        return scores

    def _add_spelled(self, phrase: tuple[str, ...], scores: dict[int, float]) -> None:
        """Credit exercises that spell the facet phrase in a name or alias."""
        sets = [self._in_labels.get(w, frozenset()) for w in phrase]
        for index in frozenset.intersection(*sets) if sets else ():
            value = ranking.spelled(self._docs[index], phrase)[0]
            if value > scores.get(index, 0.0):
                scores[index] = value

    def _doable(self, available: frozenset[str]) -> frozenset[int]:
        found = self._kit_cache.get(available)
        if found is None:
            found = frozenset(i for i, d in enumerate(self._docs) if d.doable_with(available))
            self._kit_cache[available] = found
        return found

    def _allowed(self, intent: Intent) -> frozenset[int] | None:
        allowed: frozenset[int] | None = None
        if intent.available is not None:
            allowed = self._doable(intent.available)
        if intent.excluded:
            keep = frozenset(
                i
                for i, d in enumerate(self._docs)
                if not d.needs_any(intent.excluded)
                and not intent.refused.intersection(d.labels[0].words)
            )
            allowed = keep if allowed is None else allowed & keep
        if intent.difficulties:
            level = frozenset(
                i for i, d in enumerate(self._docs) if d.difficulty in intent.difficulties
            )
            allowed = level if allowed is None else allowed & level
        return allowed

    def _rank(self, intent: Intent, allowed: frozenset[int] | None) -> list[_Scored]:
        if not intent.concepts:
            order = self._by_popularity
            return [_Scored(i, 1.0) for i in order if allowed is None or i in allowed]
        maps = [self._concept_scores(c) for c in intent.concepts]
        candidates: set[int] = set()
        for found_by in maps:
            candidates.update(found_by)
        if allowed is not None:
            candidates &= allowed
        rows: list[tuple[int, tuple[float, ...], int]] = []
        for index in candidates:
            row = tuple(m.get(index, 0.0) for m in maps)
            rows.append((index, row, sum(s >= ranking.ANSWERED for s in row)))
        if not rows:
            return []
        # keep the exercises answering the most concepts: all of them when any exercise does,
        # so a stray word ('romanian deadlift form') narrows nothing to an empty page; a long
        # query may miss one ('wide grip pull up' still lists Pull-Up)
        needed = max(r[2] for r in rows) - (1 if len(maps) >= 4 else 0)
        exact: frozenset[int] = self._exact.get(compact(intent.words), frozenset())
        exact |= self._exact.get(compact(intent.literal), frozenset())
        query_words = frozenset(intent.words)
        near: set[int] = set()
        if intent.free_words and query_words:  # the query names an exercise, not a kind
            for word in query_words:
                near.update(self._in_labels.get(word, ()))
        asks_category = intent.asks_category
        found = []
        for index, scores, answered in rows:
            if answered < needed and index not in exact:
                continue
            doc = self._docs[index]
            relevance = sum(scores) / len(scores) - ranking.penalty(doc, asks_category)
            if index in exact:
                relevance += ranking.EXACT_BONUS
            if index in near:
                relevance += ranking.COVERAGE_BONUS * ranking.coverage(doc, query_words)
            found.append(_Scored(index, relevance, scores))
        found += self._related(found, exact, allowed, len(maps))
        found.sort(key=lambda s: ranking.order_key(s.relevance, self._docs[s.doc]))
        return found

    def _related(
        self, found: list[_Scored], exact: frozenset[int], allowed: frozenset[int] | None, size: int
    ) -> list[_Scored]:
        """Progressions and alternatives of the exercises the query names exactly."""
        seen = {s.doc for s in found}
        extra = []
        for index in sorted(exact & seen):
            doc = self._docs[index]
            for slug, kind in doc.related:
                other = self._by_slug.get(slug)
                if other is None or other in seen or (allowed is not None and other not in allowed):
                    continue
                seen.add(other)
                via = (
                    f"{kind} to {doc.name}" if kind == "alternative" else f"{kind} than {doc.name}"
                )
                extra.append(_Scored(other, ranking.RELATED, (0.0,) * size, via))
        return extra

    def _hit(self, scored: _Scored, intent: Intent) -> Hit:
        doc = self._docs[scored.doc]
        reasons: list[str] = []
        for concept, score in zip(intent.concepts, scored.scores, strict=False):
            if score <= 0:
                continue
            if concept.facet is not None:
                why = ranking.facet_match(doc, concept.facet, concept.words)[1]
            else:
                why = max(
                    (ranking.text_match(doc, w) for w, _ in concept.alternatives),
                    key=lambda m: m[0],
                )[1]
            if why and why not in reasons:
                reasons.append(why)
        if scored.via:
            reasons.append(scored.via)
        return Hit(doc.slug, doc.name, round(scored.relevance, 4), tuple(reasons))

    def search(self, query: str, limit: int = 20, offset: int = 0) -> SearchResult:
        """Exercises answering `query`, best first; `limit` and `offset` page through them."""
        intent = parse(query, self._lexicon)
        if not (intent.concepts or intent.available or intent.excluded or intent.difficulties):
            return SearchResult(query, [], 0)
        allowed = self._allowed(intent)
        found = self._rank(intent, allowed)
        relaxed = False
        if not found and allowed is not None:
            found, relaxed = self._rank(intent, None), True
        page = found[max(offset, 0) : max(offset, 0) + max(limit, 0)]
        return SearchResult(
            query=query,
            hits=[self._hit(s, intent) for s in page],
            total=len(found),
            understood=tuple(describe(intent)),
            corrections=intent.corrections,
            did_you_mean=intent.text if intent.corrections else None,
            relaxed=relaxed,
        )

    def suggest(self, prefix: str, limit: int = 8) -> list[Hit]:
        """Autocomplete: exercises whose name or alias starts with `prefix`, then close matches."""
        if limit <= 0:
            return []
        hits = []
        for suggestion in self._completer.complete(prefix, limit):
            doc = self._docs[suggestion.doc]
            label = "name" if suggestion.label == doc.name else f"alias: {suggestion.label}"
            hits.append(Hit(doc.slug, doc.name, round(1.0 - 0.1 * suggestion.rank, 4), (label,)))
        if not hits and len(prefix.strip()) >= 4:
            # nothing starts like this: likely a typo, so fall back to full search
            seen = {h.slug for h in hits}
            for hit in self.search(prefix, limit=limit).hits:
                if hit.slug not in seen and len(hits) < limit:
                    hits.append(
                        Hit(hit.slug, hit.name, round(min(hit.score, 1.0) * 0.5, 4), hit.matched)
                    )
        return hits


class _Facets:
    """Exercises by target, secondary muscle, body part, kit and category, for facet scores."""

    def __init__(self, docs: Sequence[Doc]) -> None:
        def group() -> defaultdict[str, dict[int, float]]:
            return defaultdict(dict)

        self.muscles, self.body_parts, self.equipment, self.categories = (
            group(),
            group(),
            group(),
            group(),
        )
        for index, doc in enumerate(docs):
            # filled weakest first so a stronger match of the same exercise overwrites it
            for muscle, weight in doc.secondary.items():
                self.muscles[muscle][index] = ranking.secondary(weight)
            self.muscles[doc.target][index] = ranking.FULL
            self.body_parts[doc.target_part][index] = ranking.NEAR
            self.body_parts[doc.body_part][index] = ranking.FULL
            for kit in doc.options:
                self.equipment[kit][index] = ranking.NEAR
            for kit in doc.required:
                self.equipment[kit][index] = ranking.FULL
            self.categories[doc.category][index] = ranking.FULL
        self.near_categories = {
            key: dict.fromkeys(table, ranking.NEAR) for key, table in self.categories.items()
        }

    def scores(self, facet: Facet) -> dict[int, float]:
        """Exercise -> best facet score, for exercises answering the facet at all."""
        scores: dict[int, float] = {}
        for table, keys in (
            (self.muscles, facet.muscles),
            (self.body_parts, facet.body_parts),
            (self.equipment, facet.equipment),
            (self.near_categories, facet.near_categories),
            (self.categories, facet.categories),
        ):
            for key in keys:
                for index, value in table.get(key, {}).items():
                    if value > scores.get(index, 0.0):
                        scores[index] = value
        return scores


def index_for(catalog: Catalog) -> SearchIndex:
    """The index of this catalog, built on first use and kept with the catalog object."""
    return catalog.memo("search-index", lambda: SearchIndex.build(catalog))
