"""Similarity between exercises, ranked substitutes for a kit, and progression chains."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from repforge.catalog import vocab
from repforge.catalog.catalog import Catalog
from repforge.catalog.load import progression_edges
from repforge.catalog.model import Exercise
from repforge.pages.text import equipment_phrase

# Weights of the substitute score; they sum to 1 so scores read as a share of a perfect match.
MUSCLE_WEIGHT = 0.45
PATTERN_WEIGHT = 0.25
LISTED_WEIGHT = 0.15  # an author-listed alternative is a curated judgement
DIFFICULTY_WEIGHT = 0.10
POPULARITY_WEIGHT = 0.05

# Categories that never substitute for training work, and vice versa.
_NON_TRAINING = {"stretching", "mobility"}


@dataclass(frozen=True)
class Substitute:
    """A ranked substitute with its score (0-1) and why it fits."""

    exercise: Exercise
    score: float
    reason: str
    listed: bool


def muscle_overlap(a: Exercise, b: Exercise) -> float:
    """Cosine similarity of the two muscle-weight vectors (1 = same muscles, same emphasis)."""
    wa, wb = a.muscle_weights, b.muscle_weights
    dot = sum(weight * wb[m] for m, weight in wa.items() if m in wb)
    norm = a.muscle_norm * b.muscle_norm
    return dot / norm if norm else 0.0


def overlap_percent(a: Exercise, b: Exercise) -> int:
    """The muscle overlap as the whole percentage every page shows for this pair."""
    return int(muscle_overlap(a, b) * 100 + 0.5)


def similarity(a: Exercise, b: Exercise) -> float:
    """How well `b` does `a`'s job, ignoring equipment (0-1)."""
    same_kind = (a.category in _NON_TRAINING) == (b.category in _NON_TRAINING)
    if not same_kind:
        return 0.0
    listed = any(r.slug == b.slug for r in a.alternatives)
    distance = abs(a.difficulty_rank - b.difficulty_rank)
    return (
        MUSCLE_WEIGHT * muscle_overlap(a, b)
        + PATTERN_WEIGHT * (a.pattern == b.pattern)
        + LISTED_WEIGHT * listed
        + DIFFICULTY_WEIGHT * (1 - distance / 2)
        + POPULARITY_WEIGHT * (b.popularity / 5)
    )


def _reason(a: Exercise, b: Exercise) -> str:
    listed = next((r.reason for r in a.alternatives if r.slug == b.slug and r.reason), None)
    if listed:
        return listed
    target = vocab.MUSCLES[b.target].name.lower()
    kit = equipment_phrase(b.equipment)
    if a.pattern == b.pattern:
        pattern = vocab.PATTERNS[b.pattern].name.lower()
        return f"Same {pattern} pattern for the {target}, done with {kit}."
    return f"Works the {target} too, with {kit}."


# Scores below this never make any list, so they are not kept in the per-exercise ranking.
_FLOOR = 0.35


def _ranking(catalog: Catalog, original: Exercise) -> list[Substitute]:
    """Every exercise scoring at least _FLOOR against `original`, best first (any kit)."""
    # Only exercises sharing a muscle or the pattern can reach _FLOOR: without either, the
    # difficulty and popularity terms add up to at most 0.15.
    pool = {e.slug: e for m in original.muscle_weights for e in catalog.by_muscle.get(m, ())}
    pool.update((e.slug, e) for e in catalog.by_pattern.get(original.pattern, ()))
    ranked = []
    for candidate in pool.values():
        if candidate.slug == original.slug:
            continue
        score = similarity(original, candidate)
        if score >= _FLOOR:
            listed = any(r.slug == candidate.slug for r in original.alternatives)
            ranked.append(
                Substitute(candidate, round(score, 3), _reason(original, candidate), listed)
            )
    ranked.sort(key=lambda s: (-s.score, s.exercise.name))
    return ranked


def substitutes(
    catalog: Catalog,
    slug: str,
    available: Set[str] | None = None,
    limit: int = 4,
    minimum: float = 0.45,
) -> list[Substitute]:
    """Exercises that can replace `slug`, doable with `available` kit (None = any), best first."""
    original = catalog.get(slug)
    # one pass over the catalog per exercise, kept with the catalog: pages and the API reuse it
    ranked = catalog.memo(f"substitutes:{slug}", lambda: _ranking(catalog, original))
    kit = None if available is None else frozenset(available) | {"bodyweight"}
    found = []
    for substitute in ranked:
        if substitute.score < minimum:
            break
        if kit is None or substitute.exercise.equipment.doable_with(kit):
            found.append(substitute)
            if len(found) == limit:
                break
    return _with_bodyweight_option(found, ranked, minimum, limit)


def _with_bodyweight_option(
    found: list[Substitute], ranked: list[Substitute], minimum: float, limit: int
) -> list[Substitute]:
    """Keep at least one option a person with only body weight (and a home's anchors) can do,
    when one scores above `minimum`: it replaces the weakest match on a full list."""
    doable = frozenset({"bodyweight"})
    if not found or any(s.exercise.equipment.doable_with(doable) for s in found):
        return found
    best = next(
        (
            s
            for s in ranked
            if s.score >= minimum and s not in found and s.exercise.equipment.doable_with(doable)
        ),
        None,
    )
    if best is None:
        return found
    return [*found[: limit - 1], best] if len(found) >= limit else [*found, best]


def related(catalog: Catalog, slug: str, limit: int = 6) -> list[Substitute]:
    """A scored related-exercises list: similar exercises not already linked as relations."""
    original = catalog.get(slug)
    linked = {r.slug for r in (*original.easier, *original.harder, *original.alternatives)}
    found = [
        s
        for s in substitutes(catalog, slug, None, limit=limit + len(linked), minimum=0.35)
        if s.exercise.slug not in linked
    ]
    return found[:limit]


def progression_graph(catalog: Catalog) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(harder, easier) adjacency from every `harder` and `easier` link in the catalog."""
    harder = progression_edges(catalog)
    easier: dict[str, set[str]] = {}
    for source, targets in harder.items():
        for target in targets:
            easier.setdefault(target, set()).add(source)
    return harder, easier


def chain(catalog: Catalog, slug: str, direction: str) -> list[Exercise]:
    """The progression path from `slug`, one step at a time ('easier' or 'harder'), nearest first."""
    harder, easier = progression_graph(catalog)
    edges = harder if direction == "harder" else easier
    seen = {slug}
    path: list[Exercise] = []
    current = catalog.get(slug)
    while True:
        options = [catalog.find(s) for s in edges.get(current.slug, ()) if s not in seen]
        found = [e for e in options if e is not None]
        if not found:
            return path
        # the smallest jump in difficulty first, then the most familiar exercise
        nxt = min(
            found,
            key=lambda e: (abs(e.difficulty_rank - current.difficulty_rank), -e.popularity, e.slug),
        )
        seen.add(nxt.slug)
        path.append(nxt)
        current = nxt
