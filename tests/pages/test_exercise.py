"""Page composition rules: facts, derived sentence, relations, hub links."""

from __future__ import annotations

import pytest

from repforge.catalog.catalog import Catalog
from repforge.errors import NotFoundError
from repforge.pages.exercise import compose, derived_sentence
from tests.factories import make_catalog, make_exercise


def test_facts_follow_the_seed_order_and_derive_equipment(small_catalog: Catalog) -> None:
    page = compose(small_catalog, "goblet-test")
    assert [f.label for f in page.facts] == [
        "Body Part",
        "Equipment",
        "Target Muscle",
        "Secondary Muscles",
        "Difficulty",
        "Category",
    ]
    facts = {f.label: f.value for f in page.facts}
    assert facts["Equipment"] == "Dumbbell or Kettlebell"
    assert facts["Secondary Muscles"] == "Glutes"


def test_bodyweight_when_nothing_is_required(small_catalog: Catalog) -> None:
    page = compose(small_catalog, "test-squat")
    assert {f.label: f.value for f in page.facts}["Equipment"] == "Body weight"


def test_derived_sentence_names_level_body_part_kit_and_muscles() -> None:
    ghr = make_exercise(
        slug="ghr-test",
        difficulty="advanced",
        target="hamstrings",
        secondary=["glutes", {"muscle": "lower-back", "weight": 0.25}],
        equipment={"required": ["ghr-bench"]},
    )
    assert derived_sentence(ghr) == (
        "Advanced leg exercise using a GHR bench. "
        "Targets the hamstrings; also works the glutes and lower back."
    )


def test_relations_resolve_to_named_links_with_reasons(small_catalog: Catalog) -> None:
    page = compose(small_catalog, "test-squat")
    assert [(r.name, r.reason) for r in page.alternatives] == [
        ("Goblet Test", "A weight in front teaches depth.")
    ]
    assert [r.href for r in page.harder] == ["/exercise/pistol-test"]
    assert page.breadcrumbs[-1].label == "Test Squat"


def test_hub_links_only_point_at_published_hubs(small_catalog: Catalog) -> None:
    page = compose(small_catalog, "goblet-test")
    hrefs = [link.href for link in page.hub_links]
    # legs has four exercises (published); dumbbell and kettlebell hubs hold one (thin, hidden)
    assert hrefs == ["/exercises/legs", "/exercises/muscle/quads"]


def test_hub_links_include_equipment_when_the_hub_is_big_enough() -> None:
    bells = [
        make_exercise(slug=f"bell-{i}", equipment={"required": ["kettlebell"]}) for i in range(3)
    ]
    page = compose(make_catalog(*bells), "bell-0")
    assert "/exercises/equipment/kettlebell" in [link.href for link in page.hub_links]


def test_unknown_slug_raises_not_found_with_suggestions(small_catalog: Catalog) -> None:
    with pytest.raises(NotFoundError) as info:
        compose(small_catalog, "test-squats")
    assert info.value.suggestions[0] == "test-squat"


def test_fact_links_spell_the_value_and_link_only_published_hubs(small_catalog: Catalog) -> None:
    page = compose(small_catalog, "goblet-test")
    for fact in page.facts:
        if fact.links:
            assert "".join(link.label for link in fact.links) == fact.value
    equipment = next(f for f in page.facts if f.label == "Equipment")
    assert [link.href for link in equipment.links] == ["", "", ""]  # thin hubs stay unlinked
    body = next(f for f in page.facts if f.label == "Body Part")
    assert body.links[0].href == "/exercises/legs"


def test_equipment_choices_read_as_one_list() -> None:
    from repforge.catalog import load
    from repforge.pages.exercise import compose

    catalog = load.load_builtin()
    many = [ex for ex in catalog if len(ex.equipment.options) >= 3]
    assert many, "the built-in catalog has an exercise with three or more kit choices"
    for ex in many:
        kit = next(f for f in compose(catalog, ex.slug).facts if f.label == "Equipment")
        assert "".join(link.label for link in kit.links) == kit.value
        assert kit.value.count(" or ") == 1, kit.value
