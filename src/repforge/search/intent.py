"""Query parsing: spelling, shorthand and phrases into free words, facets and filters."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from repforge.catalog import vocab
from repforge.catalog.names import normalise
from repforge.search import synonyms
from repforge.search.terms import words

Words = tuple[str, ...]

# Longer input is cut: no exercise search needs more, and it bounds the work per request.
MAX_QUERY_CHARS = 200


@dataclass(frozen=True, slots=True)
class Facet:
    """Catalog values a phrase points at; an exercise matching any one of them matches."""

    muscles: frozenset[str] = frozenset()
    body_parts: frozenset[str] = frozenset()
    equipment: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    near_categories: frozenset[str] = frozenset()  # close enough: 'mobility' also finds stretches

    def merge(self, other: Facet) -> Facet:
        categories = self.categories | other.categories
        return Facet(
            self.muscles | other.muscles,
            self.body_parts | other.body_parts,
            self.equipment | other.equipment,
            categories,
            (self.near_categories | other.near_categories) - categories,
        )


@dataclass(frozen=True, slots=True)
class Concept:
    """One thing the query asks for: a phrase naming a facet, or a free word."""

    words: Words
    facet: Facet | None = None
    # index words a free word may stand for, with a confidence (1.0 when typed as is)
    alternatives: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Intent:
    """What a query asks for, ready to score exercises against."""

    literal: Words  # the words as typed (singular), to match aliases such as 'OHP'
    words: Words  # after shorthand, synonyms and spelling fixes; no stopwords
    concepts: tuple[Concept, ...] = ()
    available: frozenset[str] | None = None  # equipment the user has, None when not said
    excluded: frozenset[str] = frozenset()  # equipment the user said no to
    refused: frozenset[str] = frozenset()  # negated words a name must not spell: 'T-Bar Row'
    difficulties: frozenset[str] = frozenset()
    corrections: tuple[tuple[str, str], ...] = ()
    text: str = (
        ""  # the query as typed, spelling fixed: 'romanain deadlifts' -> 'romanian deadlifts'
    )

    @property
    def free_words(self) -> bool:
        """Whether any word is not a facet: the query then names an exercise, not a kind."""
        return any(c.facet is None for c in self.concepts)

    @property
    def asks_category(self) -> bool:
        return any(
            c.facet is not None and (c.facet.categories or c.facet.near_categories)
            for c in self.concepts
        )


@dataclass(frozen=True, slots=True)
class Filter:
    kind: str  # "bodyweight", "home", "difficulty", "negation", "text"
    values: frozenset[str] = frozenset()


Entry = Facet | Filter


def _key(text: str) -> Words:
    return words(text)


@lru_cache(maxsize=1)
def rewrites() -> Mapping[Words, Words]:
    """Shorthand and synonyms as word tuples: ('rdl',) -> ('romanian', 'deadlift')."""
    table: dict[Words, Words] = {}
    for source in (synonyms.SYNONYMS, synonyms.ABBREVIATIONS):
        for short, full in source.items():
            key, value = _key(short), _key(full)
            if key and key != value:
                table[key] = value
    return table


@lru_cache(maxsize=1)
def phrases() -> Mapping[Words, Entry]:
    """Every phrase that names a facet or a filter, from the vocabularies and synonym tables."""
    table: dict[Words, Entry] = {}

    def add(text: str, entry: Entry) -> None:
        key = _key(text)
        if not key:
            return
        current = table.get(key)
        table[key] = (
            current.merge(entry)
            if isinstance(current, Facet) and isinstance(entry, Facet)
            else entry
        )

    for muscle in vocab.MUSCLES:
        for text in (muscle.slug, muscle.name, *muscle.latin):
            add(text, Facet(muscles=frozenset({muscle.slug})))
    for part in vocab.BODY_PARTS:
        for text in (part.slug, part.name):
            add(text, Facet(body_parts=frozenset({part.slug})))
    for kit in vocab.EQUIPMENT:
        if kit.slug != "bodyweight":  # body weight is a filter, not a piece of kit
            for text in (kit.slug, kit.name):
                add(text, Facet(equipment=frozenset({kit.slug})))
    for category in vocab.CATEGORIES:
        if category.slug != "strength":  # nearly everything is strength: it would rank nothing
            for text in (category.slug, category.name):
                add(text, Facet(categories=frozenset({category.slug})))
    for text, slugs in synonyms.MUSCLE_WORDS.items():
        add(text, Facet(muscles=frozenset(slugs)))
    for text, slugs in synonyms.BODY_PART_WORDS.items():
        add(text, Facet(body_parts=frozenset(slugs)))
    for text, slugs in synonyms.EQUIPMENT_WORDS.items():
        add(text, Facet(equipment=frozenset(slugs)))
    for text, slugs in synonyms.CATEGORY_WORDS.items():
        first, *near = slugs
        add(text, Facet(categories=frozenset({first}), near_categories=frozenset(near) - {first}))
    for level in vocab.DIFFICULTIES:
        add(level.slug, Filter("difficulty", frozenset({level.slug})))
    for text, slugs in synonyms.DIFFICULTY_WORDS.items():
        add(text, Filter("difficulty", frozenset(slugs)))
    for text in synonyms.BODYWEIGHT_PHRASES:
        add(text, Filter("bodyweight"))
    for text in synonyms.HOME_PHRASES:
        add(text, Filter("home"))
    for text in synonyms.NEGATIONS:
        add(text, Filter("negation"))
    for text in synonyms.TEXT_PHRASES:
        add(text, Filter("text"))
    return table


def segments(sequence: Words) -> list[tuple[Words, Entry | None]]:
    """Split words into known phrases, longest first, and single words: ('trap', 'bar'), ..."""
    table = phrases()
    longest = max(map(len, table))
    out: list[tuple[Words, Entry | None]] = []
    i = 0
    while i < len(sequence):
        for size in range(min(longest, len(sequence) - i), 0, -1):
            entry = table.get(sequence[i : i + size])
            if entry is not None:
                out.append((sequence[i : i + size], entry))
                i += size
                break
        else:
            out.append((sequence[i : i + 1], None))
            i += 1
    return out


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(w for text in synonyms.STOPWORDS for w in _key(text))


@dataclass
class Lexicon:
    """Every word the search knows, with how many exercises use it, for spelling fixes."""

    index_words: Mapping[str, int]  # word in a name, alias or fact -> exercises using it
    pairs: frozenset[tuple[str, str]]  # adjacent words in names and aliases
    known: frozenset[str] = field(init=False)
    _choices: list[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        phrase_words = {w for key in (*phrases(), *rewrites()) for w in key}
        self.known = frozenset(self.index_words) | phrase_words | stopwords()
        # words under 3 letters are never the target of a spelling fix
        self._choices = sorted(w for w in self.known if len(w) >= 3)

    def is_known(self, word: str) -> bool:
        return word in self.known or word.isdigit()

    def join(self, first: str, second: str) -> str | None:
        """'dead' + 'lift' -> 'deadlift' when the joined word is known and the pair is not."""
        joined = first + second
        if joined in self.index_words and (first, second) not in self.pairs:
            return joined
        return None

    def split(self, word: str) -> Words | None:
        """'pullup' -> ('pull', 'up') when both halves are index words."""
        best: Words | None = None
        for cut in range(1, len(word)):
            head, tail = word[:cut], word[cut:]
            if head not in self.index_words or tail not in self.index_words:
                continue
            # prefer the most even split: 'legpress' is 'leg press', not 'l egpress'
            if best is None or min(len(head), len(tail)) > min(map(len, best)):
                best = (head, tail)
        return best

    def fix(self, word: str) -> tuple[str, float] | None:
        """The closest known word within one or two edits (transpositions count once)."""
        if len(word) < 4:
            return None
        limit = 1 if len(word) < 6 else 2
        found = process.extract(
            word, self._choices, scorer=OSA.distance, score_cutoff=limit, limit=8
        )
        if not found:
            return None
        # fewest edits first; among equals, the word more exercises use
        choice, distance, _ = min(found, key=lambda f: (f[1], -self.index_words.get(f[0], 0), f[0]))
        return choice, 1.0 - 0.1 * distance

    def complete(self, prefix: str, limit: int = 4) -> tuple[tuple[str, float], ...]:
        """Index words starting with `prefix`, most used first: the word still being typed."""
        if len(prefix) < 3:
            return ()
        found = sorted(
            (w for w in self.index_words if w.startswith(prefix) and w != prefix),
            key=lambda w: (-self.index_words[w], w),
        )
        return tuple((w, 0.8) for w in found[:limit])


def _rewrite(sequence: Words) -> Words:
    table = rewrites()
    longest = max(map(len, table), default=1)
    out: list[str] = []
    i = 0
    while i < len(sequence):
        for size in range(min(longest, len(sequence) - i), 0, -1):
            replacement = table.get(sequence[i : i + size])
            if replacement is not None:
                out.extend(replacement)
                i += size
                break
        else:
            out.append(sequence[i])
            i += 1
    return tuple(out)


def rewrite_text(text: str) -> str:
    """Shorthand and synonyms spelled out: 'db cur' -> 'dumbbell cur'; else `text` unchanged."""
    original = words(text)
    rewritten = _rewrite(original)
    return " ".join(rewritten) if rewritten != original else text


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    alternatives: tuple[tuple[str, float], ...]


def _correct(sequence: Words, lexicon: Lexicon) -> tuple[list[_Word], list[tuple[str, str]]]:
    out: list[_Word] = []
    fixes: list[tuple[str, str]] = []
    i = 0
    while i < len(sequence):
        word = sequence[i]
        joined = lexicon.join(word, sequence[i + 1]) if i + 1 < len(sequence) else None
        if joined is not None:
            out.append(_Word(joined, ((joined, 0.95),)))
            fixes.append((f"{word} {sequence[i + 1]}", joined))
            i += 2
            continue
        i += 1
        if lexicon.is_known(word):
            out.append(_Word(word, ((word, 1.0),)))
            continue
        halves = lexicon.split(word)
        if halves is not None:
            out += [_Word(half, ((half, 0.95),)) for half in halves]
            fixes.append((word, " ".join(halves)))
            continue
        fixed = lexicon.fix(word)
        if fixed is not None:
            out.append(_Word(fixed[0], (fixed,)))
            fixes.append((word, fixed[0]))
            continue
        last = i == len(sequence)
        out.append(_Word(word, ((word, 1.0), *(lexicon.complete(word) if last else ()))))
    return out, fixes


def parse(query: str, lexicon: Lexicon) -> Intent:
    """Read a query into concepts to score and filters to apply."""
    literal = words(query[:MAX_QUERY_CHARS])
    corrected, fixes = _correct(_rewrite(literal), lexicon)
    if fixes:  # a fixed word may be shorthand or a synonym itself ('romanain dl')
        again = _rewrite(tuple(w.text for w in corrected))
        if again != tuple(w.text for w in corrected):
            corrected = [_Word(w, ((w, 1.0),)) for w in again]
    stop = stopwords()
    texts = tuple(w.text for w in corrected)
    alternatives = {w.text: w.alternatives for w in corrected}
    concepts: dict[Words, Concept] = {}
    available: frozenset[str] | None = None
    excluded: set[str] = set()
    levels: set[str] = set()
    negate = False
    unwanted: set[str] = set()  # negations and what they negate: not words to match
    refused: set[str] = set()
    for key, entry in segments(texts):
        if isinstance(entry, Facet):
            if negate and entry.equipment:
                excluded |= entry.equipment
                unwanted.update(key)
            else:
                concepts.setdefault(key, Concept(key, facet=entry))
        elif isinstance(entry, Filter):
            if entry.kind in ("bodyweight", "home"):
                kit = frozenset({"bodyweight"}) if entry.kind == "bodyweight" else synonyms.HOME_KIT
                available = kit if available is None else available & kit
            elif entry.kind == "negation":
                unwanted.update(key)
            elif entry.kind == "difficulty":
                levels |= entry.values
            elif entry.kind == "text":  # 'close grip' names a grip, not the forearms
                for word in key:
                    concepts.setdefault((word,), Concept((word,), alternatives=((word, 1.0),)))
        elif negate and key[0] in synonyms.NEGATED_FAMILIES:
            excluded |= synonyms.NEGATED_FAMILIES[key[0]]
            unwanted.update(key)
            refused.update(key)
        elif key[0] not in stop:
            concepts.setdefault(key, Concept(key, alternatives=alternatives[key[0]]))
        if entry is None and key[0] in stop:
            continue  # 'without a barbell': the article keeps the negation for the next word
        negate = isinstance(entry, Filter) and entry.kind == "negation"
    return Intent(
        literal=tuple(w for w in literal if w not in stop),
        words=tuple(w for w in texts if w not in stop and w not in unwanted),
        concepts=tuple(concepts.values()),
        available=available,
        excluded=frozenset(excluded),
        refused=frozenset(refused),
        difficulties=frozenset(levels),
        corrections=tuple(fixes),
        text=_fixed_text(query[:MAX_QUERY_CHARS], fixes),
    )


def _fixed_text(query: str, fixes: Iterable[tuple[str, str]]) -> str:
    text = normalise(query)
    for typed, fixed in fixes:
        # `typed` is singular ('pullup'); the word typed may go on ('pullups')
        text = re.sub(rf"\b{re.escape(typed)}\w*", fixed, text)
    return text


def describe(intent: Intent) -> Iterable[str]:
    """Short labels of what was understood, e.g. 'muscle: hamstrings', 'equipment: none'."""
    for concept in intent.concepts:
        facet = concept.facet
        if facet is None:
            continue
        for label, values in (
            ("muscle", facet.muscles),
            ("body part", facet.body_parts),
            ("equipment", facet.equipment),
            ("category", facet.categories | facet.near_categories),
        ):
            if values:
                yield f"{label}: {', '.join(sorted(values))}"
    if intent.available == frozenset({"bodyweight"}):
        yield "equipment: none"
    elif intent.available is not None:
        yield "equipment: home"
    if intent.excluded:
        yield f"without: {', '.join(sorted(intent.excluded))}"
    if intent.difficulties:
        yield f"difficulty: {', '.join(sorted(intent.difficulties))}"
