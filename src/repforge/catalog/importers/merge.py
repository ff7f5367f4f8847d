"""Fold custom exercises into a catalog: new ones join it, ones sharing a slug merge in."""

from __future__ import annotations

import hashlib
from collections.abc import Container, Sequence

from repforge.catalog.catalog import Catalog
from repforge.catalog.importers.clean import ALIASES_MAX
from repforge.catalog.model import Exercise
from repforge.catalog.names import normalise

TEXT_SECTIONS = ("summary", "steps", "tips", "mistakes", "faq", "contraindications")


def merge(existing: Exercise, incoming: Exercise, taken: Container[str] = ()) -> Exercise:
    """`existing` plus the names and text sections only `incoming` has; its own facts win.

    `taken` holds normalised names of other exercises, which never become aliases here.
    """
    known = {normalise(label) for label in (existing.name, *existing.aliases)}
    aliases = list(existing.aliases)
    for label in (incoming.name, *incoming.aliases):
        key = normalise(label)
        if key and key not in known and key not in taken and len(aliases) < ALIASES_MAX:
            aliases.append(label)
            known.add(key)
    update: dict[str, object] = {"aliases": tuple(aliases)}
    for section in TEXT_SECTIONS:
        if not getattr(existing, section) and getattr(incoming, section):
            update[section] = getattr(incoming, section)
    return existing.model_copy(update=update)


def combine(base: Catalog, custom: Sequence[Exercise]) -> Catalog:
    """`base` with custom exercises added (or merged into the base one with their slug)."""
    if not custom:
        return base
    by_slug = {exercise.slug: exercise for exercise in base}
    digest = hashlib.sha256(base.version.encode())
    for exercise in custom:
        current = by_slug.get(exercise.slug)
        by_slug[exercise.slug] = exercise if current is None else merge(current, exercise)
        digest.update(b"\0" + exercise.model_dump_json().encode())
    return Catalog(by_slug.values(), digest.hexdigest()[:16])
