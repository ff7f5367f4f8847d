"""Exercise names as Strong and Hevy write them -> catalog slugs, or the user's own exercise.

First the crosswalk (data/app_names.yaml, the common app names), then the catalog's own names
and aliases, then search, accepted only when it is confident; anything else stays unmapped and
becomes a custom exercise ("custom:<name>").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal, cast

import yaml

from repforge.catalog import vocab
from repforge.catalog.catalog import Catalog
from repforge.catalog.model import Exercise
from repforge.catalog.names import normalise
from repforge.search import index_for

# Search is trusted when the best hit scores at least this (a full-name match scores 1.75 and
# a name missing a word about 1.1-1.25) and leads the runner-up clearly, so 'barbell squat' (a
# three-way tie) stays unmapped rather than guessed.
MIN_SEARCH_SCORE = 1.5
MIN_SEARCH_MARGIN = 0.25
CUSTOM_PREFIX = "custom:"

How = Literal["crosswalk", "catalog", "search", "unmapped"]
_BRACKETS = re.compile(r"\(([^)]*)\)")


@dataclass(frozen=True, slots=True)
class NameMatch:
    """How one app name was read: the slug (None when unmapped) and by which route."""

    name: str
    slug: str | None
    how: How
    score: float = 0.0


@cache
def crosswalk() -> Mapping[str, str]:
    """Normalised app name -> catalog slug, from data/app_names.yaml."""
    text = (resources.files("repforge.training") / "data" / "app_names.yaml").read_text("utf-8")
    data = cast(dict[str, str], yaml.safe_load(text))
    return {normalise(name): slug for name, slug in data.items()}


def search_phrase(name: str) -> str:
    """'Bench Press (Barbell)' -> 'barbell bench press': the kit first, as people search."""
    kit = " ".join(_BRACKETS.findall(name))
    rest = _BRACKETS.sub(" ", name).replace(" - ", " ")
    return normalise(f"{kit} {rest}")


_MACHINES = frozenset(e.slug for e in vocab.EQUIPMENT.terms if e.kind == "machine")
# The kit words the apps put in brackets -> the catalog equipment any one of which fits.
KIT_WORDS: Mapping[str, frozenset[str]] = {
    "barbell": frozenset({"barbell"}),
    "dumbbell": frozenset({"dumbbell"}),
    "kettlebell": frozenset({"kettlebell"}),
    "cable": frozenset({"cable-machine"}),
    "band": frozenset({"resistance-band"}),
    "ez bar": frozenset({"ez-bar"}),
    "trap bar": frozenset({"trap-bar"}),
    "smith machine": frozenset({"smith-machine"}),
    "machine": _MACHINES,
    "medicine ball": frozenset({"medicine-ball"}),
    "plate": frozenset({"weight-plate"}),
}


def _kit_fits(exercise: Exercise, brackets: list[str]) -> bool:
    """Whether the bracketed kit ('Barbell', 'Bodyweight') agrees with the exercise's kit."""
    kit = set(exercise.equipment.slugs)
    for word in map(normalise, brackets):
        if word == "bodyweight":
            if exercise.equipment.required:
                return False
        elif word not in KIT_WORDS or not kit & KIT_WORDS[word]:
            return False
    return True


def match_name(catalog: Catalog, name: str) -> NameMatch:
    """The catalog exercise an app name means, or an unmapped match."""
    key = normalise(name)
    slug = crosswalk().get(key)
    if slug is not None and slug in catalog:
        return NameMatch(name, slug, "crosswalk", 1.0)
    for label in (key, search_phrase(name)):
        found = catalog.by_name.get(label)
        if found is not None:
            return NameMatch(name, found.slug, "catalog", 1.0)
    bare = catalog.by_name.get(normalise(_BRACKETS.sub(" ", name)))
    if bare is not None and _kit_fits(bare, _BRACKETS.findall(name)):
        return NameMatch(name, bare.slug, "catalog", 1.0)
    hits = index_for(catalog).search(search_phrase(name), limit=2).hits
    if hits:
        runner_up = hits[1].score if len(hits) > 1 else 0.0
        best = hits[0]
        if best.score >= MIN_SEARCH_SCORE and best.score - runner_up >= MIN_SEARCH_MARGIN:
            return NameMatch(name, best.slug, "search", best.score)
    return NameMatch(name, None, "unmapped")


class NameMapper:
    """Maps app names to slugs for a parser, remembering what it could not map."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self.matches: dict[str, NameMatch] = {}

    def __call__(self, name: str) -> str:
        if name not in self.matches:
            self.matches[name] = match_name(self._catalog, name)
        slug = self.matches[name].slug
        return slug if slug is not None else f"{CUSTOM_PREFIX}{name}"

    @property
    def unmapped(self) -> list[str]:
        """Names that became custom exercises, in the order first seen."""
        return [n for n, m in self.matches.items() if m.slug is None]


@cache
def _app_names() -> Mapping[str, str]:
    text = (resources.files("repforge.training") / "data" / "app_names.yaml").read_text("utf-8")
    first: dict[str, str] = {}
    for name, slug in cast(dict[str, str], yaml.safe_load(text)).items():
        first.setdefault(slug, name)
    return first


def app_name(catalog: Catalog, exercise: str) -> str:
    """The name to write for a logged exercise so Strong or Hevy recognise it on import."""
    if exercise.startswith(CUSTOM_PREFIX):
        return exercise.removeprefix(CUSTOM_PREFIX)
    if exercise in _app_names():
        return _app_names()[exercise]
    found = catalog.find(exercise)
    return found.name if found else exercise
