"""Relevance: how well one exercise answers each part of a query, and the final order."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from repforge.catalog import vocab
from repforge.catalog.model import Exercise
from repforge.search.intent import Facet, Words, segments, stopwords
from repforge.search.terms import compact, words

# Where a free word is found, by how much it counts: names say what an exercise is, aliases
# almost as much, facts (muscles, kit, pattern) only hint.
NAME = 1.0
ALIAS = 0.9
FACTS = 0.5
# Facet matches: the target muscle or the body part fully; the target's own body part (bird
# dog: core exercise, lower-back target) or kit that is one option of several nearly.
FULL = 1.0
NEAR = 0.9
# A concept scoring at least this is answered; a secondary muscle at weight 0.4 just is.
ANSWERED = 0.5
# The whole query spelling a name or alias outranks any partial match.
EXACT_BONUS = 0.5
# Share of the query's words one name spells: 'chest press' prefers Machine Chest Press to
# Barbell Bench Press, though both train the chest and press.
COVERAGE_BONUS = 0.25
# Relevance of an exercise linked (easier, harder, alternative) to one the query names exactly:
# below every direct match, so 'face pull' lists Face Pull, then its alternatives.
RELATED = 0.75
# People asking for "hamstring exercises" want training first, stretches after.
SOFT_CATEGORIES = frozenset({"stretching", "mobility", "rehabilitation"})
SOFT_PENALTY = 0.05


@dataclass(frozen=True, slots=True)
class Label:
    """A name or alias as written, and its words for matching."""

    text: str
    words: Words  # without stopwords
    is_name: bool
    phrases: frozenset[Words] = (
        frozenset()
    )  # facet phrases it spells: ('trap', 'bar'), not ('trap',)

    @property
    def compact(self) -> str:
        return compact(self.words)


@dataclass(frozen=True, slots=True)
class Doc:
    """What search keeps of one exercise."""

    slug: str
    name: str
    popularity: int
    category: str
    difficulty: str
    body_part: str
    target: str
    target_part: str  # body part of the target muscle: bird dog is core, its target lower back
    secondary: Mapping[str, float]
    required: frozenset[str]
    options: frozenset[str]
    labels: tuple[Label, ...]  # the name first, then aliases
    facts: frozenset[str]  # words of its muscles, kit, body part, category and pattern
    related: tuple[tuple[str, str], ...] = ()  # (slug, 'easier' | 'harder' | 'alternative')

    def doable_with(self, available: frozenset[str]) -> bool:
        """Whether someone owning `available` can do the exercise."""
        return self.required <= available and (not self.options or bool(self.options & available))

    def needs_any(self, excluded: frozenset[str]) -> bool:
        """Whether the exercise cannot be done without one of `excluded`."""
        return bool(self.required & excluded) or (bool(self.options) and self.options <= excluded)


def make_doc(exercise: Exercise) -> Doc:
    """The search view of an exercise."""
    stop = stopwords()
    labels = []
    for index, text in enumerate((exercise.name, *exercise.aliases)):
        kept = tuple(w for w in words(text) if w not in stop)
        spelled = frozenset(key for key, entry in segments(kept) if entry is not None)
        labels.append(Label(text, kept, index == 0, spelled))
    facts: set[str] = set()
    for slug in exercise.muscle_weights:
        muscle = vocab.MUSCLES[slug]
        for text in (muscle.name, *muscle.latin):
            facts.update(words(text))
    for slug in exercise.equipment.slugs:
        facts.update(words(vocab.EQUIPMENT[slug].name))
    for term in (
        vocab.BODY_PARTS[exercise.body_part],
        vocab.CATEGORIES[exercise.category],
        vocab.PATTERNS[exercise.pattern],
    ):
        facts.update(words(term.name))
    return Doc(
        slug=exercise.slug,
        name=exercise.name,
        popularity=exercise.popularity,
        category=exercise.category,
        difficulty=exercise.difficulty,
        body_part=exercise.body_part,
        target=exercise.target,
        target_part=vocab.MUSCLES[exercise.target].body_part,
        secondary={s.muscle: s.weight for s in exercise.secondary},
        required=frozenset(exercise.equipment.required),
        options=frozenset(exercise.equipment.options),
        labels=tuple(labels),
        facts=frozenset(facts - stop),
        related=tuple(
            (relation.slug, kind)
            for kind, relations in (
                ("alternative", exercise.alternatives),
                ("easier", exercise.easier),
                ("harder", exercise.harder),
            )
            for relation in relations
        ),
    )


def text_match(doc: Doc, word: str) -> tuple[float, str]:
    """How strongly a free word points at the exercise, and where it was found."""
    best, why = 0.0, ""
    for label in doc.labels:
        if word in label.words:
            weight = NAME if label.is_name else ALIAS
            if weight > best:
                best, why = weight, "name" if label.is_name else f"alias: {label.text}"
    if not best and word in doc.facts:
        best, why = FACTS, f"about: {word}"
    return best, why


def facet_match(doc: Doc, facet: Facet, phrase: Words) -> tuple[float, str]:
    """How well the exercise answers a facet phrase ('hamstring', 'dumbbell'), and why."""
    found: list[tuple[float, str]] = [(0.0, "")]
    if doc.target in facet.muscles:
        found.append((FULL, f"target: {doc.target}"))
    for muscle, weight in doc.secondary.items():
        if muscle in facet.muscles:
            found.append((secondary(weight), f"works: {muscle}"))
    if doc.body_part in facet.body_parts:
        found.append((FULL, f"body part: {doc.body_part}"))
    elif doc.target_part in facet.body_parts:
        found.append((NEAR, f"body part: {doc.target_part}"))
    if doc.required & facet.equipment:
        found.append((FULL, f"equipment: {', '.join(sorted(doc.required & facet.equipment))}"))
    elif doc.options & facet.equipment:
        found.append((NEAR, f"equipment: {', '.join(sorted(doc.options & facet.equipment))}"))
    if doc.category in facet.categories:
        found.append((FULL, f"category: {doc.category}"))
    elif doc.category in facet.near_categories:
        found.append((NEAR, f"category: {doc.category}"))
    found.append(spelled(doc, phrase))
    return max(found, key=lambda f: f[0])


def secondary(weight: float) -> float:
    """A secondary muscle counts by its share of the work, never as much as the target."""
    return 0.3 + 0.5 * weight


def spelled(doc: Doc, phrase: Words) -> tuple[float, str]:
    """A facet phrase spelled in a name: 'hamstring' in Nordic Hamstring Curl."""
    for label in doc.labels:
        if phrase in label.phrases:
            return (NAME, "name") if label.is_name else (ALIAS, f"alias: {label.text}")
    return 0.0, ""


def coverage(doc: Doc, query_words: frozenset[str]) -> float:
    """Largest share of the query's words that one name (or, discounted, an alias) spells."""
    if not query_words:
        return 0.0
    best = 0.0
    for label in doc.labels:
        share = len(query_words.intersection(label.words)) / len(query_words)
        best = max(best, share if label.is_name else share * ALIAS)
    return best


def penalty(doc: Doc, asks_category: bool) -> float:
    """What a stretch or drill loses when the query did not ask for one."""
    return SOFT_PENALTY if not asks_category and doc.category in SOFT_CATEGORIES else 0.0


def order_key(relevance: float, doc: Doc) -> tuple[float, int, str]:
    """Best first: relevance, then popularity, then name for a stable order."""
    return (-round(relevance, 6), -doc.popularity, doc.name)
