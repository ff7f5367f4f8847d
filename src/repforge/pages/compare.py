"""Comparison pages for pairs of exercises that are alternatives of each other."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from repforge.catalog import vocab
from repforge.catalog.catalog import Catalog
from repforge.catalog.model import EquipmentNeeds, Exercise
from repforge.catalog.relations import overlap_percent
from repforge.errors import NotFoundError
from repforge.pages.links import INDEX_PATH, Link, exercise_path, pair_path
from repforge.pages.text import equipment_label, equipment_phrase, join, lower_name, muscle_names


@dataclass(frozen=True)
class Row:
    """One fact, side by side."""

    label: str
    left: str
    right: str

    @property
    def same(self) -> bool:
        return self.left == self.right


@dataclass(frozen=True)
class Comparison:
    """A comparison page: the two exercises, a fact table and when to choose which."""

    left: Exercise
    right: Exercise
    path: str
    title: str
    intro: str
    rows: tuple[Row, ...]
    choose_left: tuple[str, ...]
    choose_right: tuple[str, ...]
    breadcrumbs: tuple[Link, ...]


def pairs(catalog: Catalog) -> list[tuple[str, str]]:
    """Every published pair: one of the two lists the other as an alternative."""
    return list(catalog.memo("comparison-pairs", lambda: tuple(_pairs(catalog))))


def _pairs(catalog: Catalog) -> list[tuple[str, str]]:
    found = set()
    for ex in catalog:
        for relation in ex.alternatives:
            if relation.slug in catalog:
                first, second = sorted((ex.slug, relation.slug))
                found.add((first, second))
    return sorted(found)


def split_pair(catalog: Catalog, pair: str) -> tuple[str, str]:
    """'a-vs-b' -> (a, b), trying each '-vs-' since slugs may contain it."""
    parts = pair.split("-vs-")
    for i in range(1, len(parts)):
        a, b = "-vs-".join(parts[:i]), "-vs-".join(parts[i:])
        if a in catalog and b in catalog:
            return a, b
    raise NotFoundError("comparison", pair)


def _rows(a: Exercise, b: Exercise) -> tuple[Row, ...]:
    def muscles(ex: Exercise) -> str:
        return ", ".join(vocab.MUSCLES[s.muscle].name for s in ex.secondary) or "None"

    def joints(ex: Exercise) -> str:
        return ", ".join(vocab.JOINTS[j].name for j in ex.stresses) or "None listed"

    pairs_: list[tuple[str, Callable[[Exercise], str]]] = [
        ("Target muscle", lambda e: vocab.MUSCLES[e.target].name),
        ("Secondary muscles", muscles),
        ("Equipment", lambda e: equipment_label(e.equipment)),
        ("Difficulty", lambda e: vocab.DIFFICULTIES[e.difficulty].name),
        ("Movement pattern", lambda e: vocab.PATTERNS[e.pattern].name),
        ("Mechanic", lambda e: vocab.MECHANICS[e.mechanic].name),
        ("Sides", lambda e: vocab.LATERALITIES[e.laterality].name),
        ("Loading", lambda e: vocab.LOADS[e.load].name),
        ("Joints loaded", joints),
        ("Category", lambda e: vocab.CATEGORIES[e.category].name),
    ]
    return tuple(Row(label, get(a), get(b)) for label, get in pairs_)


def progression_step(this: Exercise, other: Exercise) -> str | None:
    """'easier' or 'harder' when the relations place `this` before or after `other`."""
    if this.slug in {r.slug for r in other.easier} or other.slug in {r.slug for r in this.harder}:
        return "easier"
    if this.slug in {r.slug for r in other.harder} or other.slug in {r.slug for r in this.easier}:
        return "harder"
    return None


def _kit_reason(this: Exercise, other: Exercise) -> str | None:
    """The equipment reason to pick `this`: what it spares you, else what it puts to use."""
    mine = set(this.equipment.slugs) - {"bodyweight"}
    if not mine and set(other.equipment.slugs) != {"bodyweight"}:
        return "you have no equipment at hand"
    # kit `other` cannot go without, that `this` can: "you have no GHR bench"
    spared = [k for k in other.equipment.required if this.equipment.doable_with(mine - {k})]
    if other.equipment.options and this.equipment.doable_with(mine - set(other.equipment.options)):
        spared += list(other.equipment.options)
    if spared:
        names = [lower_name(n) for n in vocab.EQUIPMENT.names(tuple(spared))]
        return f"you have no {join(names, 'or')}"
    # kit `this` needs that `other` does not: "you have a GHR bench"
    needed = tuple(k for k in this.equipment.required if k not in other.equipment.slugs)
    options = this.equipment.options
    if set(options) & set(other.equipment.slugs):
        options = ()
    if needed or options:
        return f"you have {equipment_phrase(EquipmentNeeds(required=needed, options=options))}"
    return None


def _reasons(this: Exercise, other: Exercise) -> list[str]:
    """Why someone would pick `this` over `other`, from the facts that differ."""
    reasons = []
    step = progression_step(this, other)
    if step == "easier":
        reasons.append(f"you want a step toward the {other.name}")
    elif step == "harder":
        reasons.append(f"the {other.name} no longer challenges you")
    elif this.difficulty_rank < other.difficulty_rank:
        reasons.append(
            f"you want the easier of the two ({this.difficulty} rather than {other.difficulty})"
        )
    elif this.difficulty_rank > other.difficulty_rank:
        reasons.append(f"the {other.name} no longer challenges you")
    kit = _kit_reason(this, other)
    if kit:
        reasons.append(kit)
    if this.load == "external" and other.load != "external":
        reasons.append("you want to add load in small, measurable steps")
    if this.laterality == "unilateral" and other.laterality != "unilateral":
        reasons.append("you want to train one side at a time and even out imbalances")
    if this.laterality == "bilateral" and other.laterality == "unilateral":
        reasons.append("you want to move the most total weight with both sides together")
    spared = set(other.stresses) - set(this.stresses)
    if spared:
        names = join([vocab.JOINTS[j].name.lower() for j in sorted(spared)])
        reasons.append(f"you need to spare your {names}")
    extra = [s.muscle for s in this.secondary if s.muscle not in other.muscle_weights]
    if extra:
        reasons.append(f"you also want to work the {join(muscle_names(extra))}")
    if this.popularity > other.popularity + 1:
        reasons.append("you want the better-known lift with more coaching material around")
    return reasons


def compare(catalog: Catalog, pair: str) -> Comparison:
    """The comparison page for 'a-vs-b'; only pairs that are alternatives are published."""
    a_slug, b_slug = split_pair(catalog, pair)
    if (min(a_slug, b_slug), max(a_slug, b_slug)) not in set(pairs(catalog)):
        raise NotFoundError("comparison", pair)
    left, right = catalog.get(a_slug), catalog.get(b_slug)
    overlap = overlap_percent(left, right)
    target_left = lower_name(vocab.MUSCLES[left.target].name)
    intro = (
        f"{left.name} and {right.name} are alternatives: both train the {target_left}"
        if left.target == right.target
        else f"{left.name} and {right.name} are alternatives that do a similar job"
    )
    reason = next((r.reason for r in left.alternatives if r.slug == right.slug), None) or next(
        (r.reason for r in right.alternatives if r.slug == left.slug), None
    )
    intro += f", and their muscle work overlaps by about {overlap}%."
    if reason:
        intro += f" {reason}"
    title = f"{left.name} vs {right.name}"
    path = pair_path(a_slug, b_slug)
    return Comparison(
        left,
        right,
        path,
        title,
        intro,
        _rows(left, right),
        tuple(_reasons(left, right)),
        tuple(_reasons(right, left)),
        (
            Link("Exercises", INDEX_PATH),
            Link(left.name, exercise_path(left.slug)),
            Link(title, path),
        ),
    )
