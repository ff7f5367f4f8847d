"""Compose an exercise page from catalog fields alone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from repforge.catalog import vocab
from repforge.catalog.catalog import Catalog
from repforge.catalog.model import Exercise, Relation
from repforge.catalog.relations import Substitute, overlap_percent, related, substitutes
from repforge.pages import faq as faqs
from repforge.pages.hubs import hub_exists
from repforge.pages.links import (
    INDEX_PATH,
    Link,
    body_part_path,
    compare_path,
    equipment_path,
    exercise_path,
    muscle_path,
)
from repforge.pages.text import (
    BODY_PART_ADJECTIVES,
    equipment_label,
    equipment_phrase,
    join,
    kind_noun,
    lower_name,
    muscle_names,
    title_words,
)


@dataclass(frozen=True)
class Fact:
    """One structured fact in the quick answer; `links` spell the value, linked where a hub exists."""

    label: str
    value: str
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Related:
    """Another exercise linked from this page, with why."""

    slug: str
    name: str
    difficulty: str
    reason: str | None
    href: str
    score: float | None = None
    overlap: int | None = None  # muscle overlap with the page's exercise, in percent


@dataclass(frozen=True)
class ExercisePage:
    """Everything an exercise page shows, in display order."""

    exercise: Exercise
    path: str
    title: str
    summary: str | None
    derived: str
    facts: tuple[Fact, ...]
    steps: tuple[str, ...]
    tips: tuple[str, ...]
    mistakes: tuple[str, ...]
    faq: tuple[faqs.Faq, ...]
    hub_links: tuple[Link, ...]
    alternatives: tuple[Related, ...]
    easier: tuple[Related, ...]
    harder: tuple[Related, ...]
    breadcrumbs: tuple[Link, ...]
    ranked_alternatives: tuple[Related, ...] = ()
    related: tuple[Related, ...] = ()
    comparisons: tuple[Link, ...] = ()

    @property
    def quick_answer(self) -> str:
        return f"{self.summary} {self.derived}" if self.summary else self.derived


def derived_sentence(ex: Exercise) -> str:
    """'Advanced legs exercise using a GHR bench. Targets the hamstrings; also works ...'."""
    body_part = BODY_PART_ADJECTIVES[ex.body_part]
    difficulty = vocab.DIFFICULTIES[ex.difficulty].name
    noun = kind_noun(ex)
    # "Beginner cardio exercise", not "Beginner cardio cardio exercise"
    described = noun if noun.split(" ")[0] == body_part else f"{body_part} {noun}"
    first = f"{difficulty} {described} using {equipment_phrase(ex.equipment)}."
    target = lower_name(vocab.MUSCLES[ex.target].name)
    second = f"Targets the {target}"
    if ex.secondary:
        second += f"; also works the {join(muscle_names([s.muscle for s in ex.secondary]))}"
    return f"{first} {second}."


def _facts(catalog: Catalog, ex: Exercise) -> tuple[Fact, ...]:
    """The six quick-answer facts; values link to their hubs only where a hub is published."""

    def part(kind: str, slug: str, name: str, path: Callable[[str], str]) -> Link:
        return Link(name, path(slug) if hub_exists(catalog, kind, slug) else "")

    def joined(items: list[Link], separator: str, last: str | None = None) -> list[Link]:
        out: list[Link] = []
        for i, item in enumerate(items):
            between = last if last is not None and i == len(items) - 1 else separator
            out += [Link(between, "")] if i else []
            out.append(item)
        return out

    body_part = vocab.BODY_PARTS[ex.body_part]
    target = vocab.MUSCLES[ex.target]
    secondary = [vocab.MUSCLES[s.muscle] for s in ex.secondary]

    def kit(slugs: tuple[str, ...]) -> list[Link]:
        return [part("equipment", s, vocab.EQUIPMENT[s].name, equipment_path) for s in slugs]

    equipment = joined(kit(ex.equipment.required), ", ")
    if ex.equipment.options:
        equipment += [Link(", ", "")] if equipment else []
        equipment += joined(kit(ex.equipment.options), ", ", " or ")
    if not equipment:
        equipment = kit(("bodyweight",))
    muscles = [part("muscle", m.slug, m.name, muscle_path) for m in secondary]
    return (
        Fact(
            "Body Part",
            body_part.name,
            (part("body-part", body_part.slug, body_part.name, body_part_path),),
        ),
        Fact("Equipment", equipment_label(ex.equipment), tuple(equipment)),
        Fact(
            "Target Muscle", target.name, (part("muscle", target.slug, target.name, muscle_path),)
        ),
        Fact(
            "Secondary Muscles",
            ", ".join(m.name for m in secondary) or "None",
            tuple(joined(muscles, ", ")),
        ),
        Fact("Difficulty", vocab.DIFFICULTIES[ex.difficulty].name),
        Fact("Category", vocab.CATEGORIES[ex.category].name),
    )


def hub_links(catalog: Catalog, ex: Exercise) -> tuple[Link, ...]:
    """'More X exercises' links to the published body-part, equipment and target-muscle hubs."""
    candidates = [
        ("body-part", ex.body_part, vocab.BODY_PARTS[ex.body_part].name, body_part_path),
        *(
            ("equipment", slug, title_words(vocab.EQUIPMENT[slug].name), equipment_path)
            for slug in ex.equipment.slugs
        ),
        ("muscle", ex.target, vocab.MUSCLES[ex.target].name, muscle_path),
    ]
    return tuple(
        Link(f"More {name} Exercises", path(key))
        for kind, key, name, path in candidates
        if hub_exists(catalog, kind, key)
    )


def _related(catalog: Catalog, relations: tuple[Relation, ...]) -> tuple[Related, ...]:
    found = []
    for relation in relations:
        other = catalog.find(relation.slug)
        if other is not None:
            found.append(
                Related(
                    other.slug,
                    other.name,
                    other.difficulty,
                    relation.reason,
                    exercise_path(other.slug),
                )
            )
    return tuple(found)


def _scored(ex: Exercise, found: list[Substitute]) -> tuple[Related, ...]:
    return tuple(
        Related(
            s.exercise.slug,
            s.exercise.name,
            s.exercise.difficulty,
            s.reason,
            exercise_path(s.exercise.slug),
            s.score,
            overlap_percent(ex, s.exercise),
        )
        for s in found
    )


def _comparisons(ex: Exercise, catalog: Catalog) -> tuple[Link, ...]:
    others = {r.slug for r in ex.alternatives} | {
        other.slug for other, kind in catalog.referrers(ex.slug) if kind == "alternatives"
    }
    links = []
    for slug in sorted(others):
        other = catalog.find(slug)
        if other is not None:
            links.append(Link(f"{ex.name} vs {other.name}", compare_path(ex.slug, slug)))
    return tuple(links)


def compose(catalog: Catalog, slug: str) -> ExercisePage:
    """The page for `slug`; raises NotFoundError for an unknown slug."""
    ex = catalog.get(slug)
    own = tuple(faqs.Faq(item.q, item.a) for item in ex.faq)
    body_part = vocab.BODY_PARTS[ex.body_part]
    return ExercisePage(
        exercise=ex,
        path=exercise_path(ex.slug),
        title=ex.name,
        summary=ex.summary,
        derived=derived_sentence(ex),
        facts=_facts(catalog, ex),
        steps=ex.steps,
        tips=ex.tips,
        mistakes=ex.mistakes,
        faq=own + tuple(faqs.generated(ex, catalog)),
        hub_links=hub_links(catalog, ex),
        alternatives=_related(catalog, ex.alternatives),
        easier=_related(catalog, ex.easier),
        harder=_related(catalog, ex.harder),
        breadcrumbs=(
            Link("Exercises", INDEX_PATH),
            Link(body_part.name, body_part_path(body_part.slug)),
            Link(ex.name, exercise_path(ex.slug)),
        ),
        ranked_alternatives=_scored(ex, substitutes(catalog, ex.slug, None, limit=6)),
        related=_scored(ex, related(catalog, ex.slug)),
        comparisons=_comparisons(ex, catalog),
    )
