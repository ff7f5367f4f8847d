"""Hub pages: exercises grouped by body part, equipment, muscle or difficulty."""

from __future__ import annotations

from dataclasses import dataclass

from repforge.catalog import vocab
from repforge.catalog.catalog import Catalog
from repforge.catalog.model import Exercise
from repforge.errors import NotFoundError
from repforge.pages import listing
from repforge.pages.links import INDEX_PATH, Link, hub_path
from repforge.pages.text import BODY_PART_ADJECTIVES, lower_name

# Hubs smaller than this are thin content: not generated, not linked, not in the sitemap.
MIN_HUB_SIZE = 3


@dataclass(frozen=True)
class Hub:
    """A published group of exercises."""

    kind: str  # body-part, equipment, muscle, difficulty, body-part-equipment
    key: str
    title: str
    intro: str
    path: str
    exercises: tuple[Exercise, ...]
    breadcrumbs: tuple[Link, ...]


def _members(catalog: Catalog, kind: str, key: str) -> tuple[Exercise, ...]:
    if kind == "body-part":
        return catalog.by_body_part.get(key, ())
    if kind == "equipment":
        return catalog.by_equipment.get(key, ())
    if kind == "muscle":
        return catalog.by_muscle.get(key, ())
    if kind == "difficulty":
        return catalog.by_difficulty.get(key, ())
    if kind == "body-part-equipment":
        part, equipment = key.split("/", 1)
        return tuple(
            e for e in catalog.by_body_part.get(part, ()) if equipment in e.equipment.slugs
        )
    raise ValueError(kind)


def _describe(kind: str, key: str, count: int) -> tuple[str, str]:
    if kind == "body-part":
        name = vocab.BODY_PARTS[key].name
        adjective = BODY_PART_ADJECTIVES[key]
        return (
            f"{name} Exercises",
            f"{count} {adjective} exercises, ranked by how much of the work "
            "falls on this part of the body.",
        )
    if kind == "equipment":
        name = vocab.EQUIPMENT[key].name
        return (
            f"{name} Exercises",
            f"{count} exercises you can do with {lower_name(name)}, those built around it first.",
        )
    if kind == "muscle":
        muscle = vocab.MUSCLES[key]
        latin = ", ".join(muscle.latin)
        return (
            f"{muscle.name} Exercises",
            f"{count} exercises that train the {lower_name(muscle.name)} ({latin}): "
            "those that target it first, then those that work it most as a helper.",
        )
    if kind == "difficulty":
        name = vocab.DIFFICULTIES[key].name
        return f"{name} Exercises", f"{count} exercises rated {name.lower()}."
    part, equipment = key.split("/", 1)
    part_name = vocab.BODY_PARTS[part].name
    equipment_name = vocab.EQUIPMENT[equipment].name
    return (
        f"{part_name} Exercises with {equipment_name}",
        f"{count} {BODY_PART_ADJECTIVES[part]} exercises using {lower_name(equipment_name)}, "
        "ranked by how much of the work falls on this part of the body.",
    )


def _known(kind: str, key: str) -> bool:
    if kind == "body-part-equipment":
        part, _, equipment = key.partition("/")
        return part in vocab.BODY_PARTS and equipment in vocab.EQUIPMENT
    vocabularies: dict[str, tuple[str, ...]] = {
        "body-part": vocab.BODY_PARTS.slugs,
        "equipment": vocab.EQUIPMENT.slugs,
        "muscle": vocab.MUSCLES.slugs,
        "difficulty": vocab.DIFFICULTIES.slugs,
    }
    return key in vocabularies[kind]


def resolve(rest: str) -> tuple[str, str]:
    """The hub kind and key for a path below /exercises/ (e.g. 'legs/dumbbell')."""
    parts = rest.strip("/").split("/")
    if len(parts) == 2 and parts[0] in ("equipment", "muscle"):
        return parts[0], parts[1]
    if len(parts) == 2:
        return "body-part-equipment", f"{parts[0]}/{parts[1]}"
    if len(parts) == 1 and parts[0] in vocab.DIFFICULTIES:
        return "difficulty", parts[0]
    if len(parts) == 1:
        return "body-part", parts[0]
    raise NotFoundError("exercise hub", rest)


def hub_exists(catalog: Catalog, kind: str, key: str) -> bool:
    """Whether the hub is big enough to publish."""
    return (kind, key) in _published(catalog)


def _published(catalog: Catalog) -> frozenset[tuple[str, str]]:
    # every page asks this several times; answer from one pass, kept with the catalog
    return catalog.memo(
        "published-hubs", lambda: frozenset((h.kind, h.key) for h in all_hubs(catalog))
    )


def _big_enough(catalog: Catalog, kind: str, key: str) -> bool:
    return _known(kind, key) and len(_members(catalog, kind, key)) >= MIN_HUB_SIZE


def hub(catalog: Catalog, kind: str, key: str) -> Hub:
    """The hub page, or NotFoundError when unknown or too small to publish."""
    if not _big_enough(catalog, kind, key):
        raise NotFoundError(kind.replace("-", " ") + " hub", key)
    # built once per catalog: every hub request (and page of it) needs the same ranked members
    return catalog.memo(f"hub:{kind}:{key}", lambda: _build(catalog, kind, key))


def _build(catalog: Catalog, kind: str, key: str) -> Hub:
    members = tuple(sorted(_members(catalog, kind, key), key=listing.fit_key(kind, key)))
    title, intro = _describe(kind, key, len(members))
    path = hub_path(kind, key)
    crumbs = [Link("Exercises", INDEX_PATH)]
    if kind == "body-part-equipment":
        part = key.split("/", 1)[0]
        crumbs.append(Link(vocab.BODY_PARTS[part].name, hub_path("body-part", part)))
    crumbs.append(Link(title, path))
    return Hub(kind, key, title, intro, path, members, tuple(crumbs))


def all_hubs(catalog: Catalog) -> list[Hub]:
    """Every publishable hub, for the index, the sitemap and the static export."""
    return list(catalog.memo("all-hubs", lambda: tuple(_all_hubs(catalog))))


def _all_hubs(catalog: Catalog) -> list[Hub]:
    keys: list[tuple[str, str]] = []
    keys += [("body-part", b.slug) for b in vocab.BODY_PARTS]
    keys += [("equipment", e.slug) for e in vocab.EQUIPMENT]
    keys += [("muscle", m.slug) for m in vocab.MUSCLES]
    keys += [("difficulty", d.slug) for d in vocab.DIFFICULTIES]
    keys += [
        ("body-part-equipment", f"{b.slug}/{e.slug}")
        for b in vocab.BODY_PARTS
        for e in vocab.EQUIPMENT
    ]
    return [hub(catalog, kind, key) for kind, key in keys if _big_enough(catalog, kind, key)]
