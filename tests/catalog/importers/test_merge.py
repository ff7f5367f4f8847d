"""Merging: the existing exercise keeps its facts and gains names and missing text."""

from __future__ import annotations

from repforge.catalog.importers.merge import combine, merge
from tests.factories import make_catalog, make_exercise


def test_merge_adds_names_and_missing_sections_only() -> None:
    existing = make_exercise(slug="hip-thrust", name="Hip Thrust", summary=None, steps=[])
    incoming = make_exercise(
        slug="barbell-glute-bridge-thrust",
        name="Glute Bridge Thrust",
        aliases=["Hip Thrust", "Bench Bridge"],
        target="glutes",
        secondary=[],
    )
    merged = merge(existing, incoming, taken={"bench bridge"})
    assert merged.aliases == ("Glute Bridge Thrust",)
    assert merged.target == existing.target
    assert merged.summary == incoming.summary
    assert merged.steps == incoming.steps
    assert merged.tips == existing.tips


def test_combine_adds_and_overlays_with_a_new_version() -> None:
    base = make_catalog(make_exercise(slug="test-squat"), version="base")
    assert combine(base, []) is base
    overlay = make_exercise(slug="test-squat", name="Other Squat")
    added = make_exercise(slug="goblet-test", name="Goblet Test")
    merged = combine(base, [overlay, added])
    assert merged.slugs == ("goblet-test", "test-squat")
    assert merged.get("test-squat").aliases == ("Other Squat",)
    assert merged.version != base.version
    assert combine(base, [overlay, added]).version == merged.version
