"""Substitute ranking, related exercises and progression chains."""

from __future__ import annotations

import pytest

from repforge.catalog import relations
from repforge.catalog.catalog import Catalog
from tests.factories import make_catalog, make_exercise


def hinge_catalog() -> Catalog:
    return make_catalog(
        make_exercise(
            slug="barbell-rdl",
            name="Barbell Rdl",
            target="hamstrings",
            secondary=["glutes", {"muscle": "lower-back", "weight": 0.3}],
            pattern="hinge",
            equipment={"required": ["barbell"]},
            alternatives=[{"slug": "dumbbell-rdl", "reason": "Two dumbbells load the same hinge."}],
        ),
        make_exercise(
            slug="dumbbell-rdl",
            name="Dumbbell Rdl",
            target="hamstrings",
            secondary=["glutes"],
            pattern="hinge",
            equipment={"required": ["dumbbell"]},
        ),
        make_exercise(
            slug="leg-curl-machine-test",
            target="hamstrings",
            secondary=[],
            pattern="knee-flexion",
            mechanic="isolation",
            equipment={"required": ["lying-leg-curl-machine"]},
        ),
        make_exercise(
            slug="band-good-morning",
            name="Band Good Morning",
            target="hamstrings",
            secondary=["glutes"],
            pattern="hinge",
            equipment={"required": ["resistance-band"]},
        ),
        make_exercise(slug="push-up-test", target="chest", pattern="horizontal-push"),
        make_exercise(
            slug="hamstring-stretch-test",
            target="hamstrings",
            category="stretching",
            pattern="stretch",
        ),
    )


def test_muscle_overlap_is_cosine_of_weights() -> None:
    a = make_exercise(target="hamstrings", secondary=["glutes"])
    assert relations.muscle_overlap(a, a) == pytest.approx(1.0)
    b = make_exercise(target="chest", secondary=[])
    assert relations.muscle_overlap(a, b) == 0.0


def test_listed_alternative_ranks_first_with_its_reason() -> None:
    found = relations.substitutes(hinge_catalog(), "barbell-rdl")
    assert found[0].exercise.slug == "dumbbell-rdl"
    assert found[0].reason == "Two dumbbells load the same hinge."
    assert found[0].listed
    slugs = [s.exercise.slug for s in found]
    assert "push-up-test" not in slugs  # different muscles
    assert "hamstring-stretch-test" not in slugs  # a stretch never replaces training work


def test_available_equipment_filters_and_generated_reason() -> None:
    found = relations.substitutes(hinge_catalog(), "barbell-rdl", {"resistance-band"})
    assert [s.exercise.slug for s in found] == ["band-good-morning"]
    assert (
        found[0].reason == "Same hip hinge pattern for the hamstrings, done with a resistance band."
    )


def test_scores_are_ordered_and_bounded() -> None:
    found = relations.substitutes(hinge_catalog(), "barbell-rdl", limit=10, minimum=0)
    scores = [s.score for s in found]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 1 for s in scores)


def test_related_excludes_already_linked_exercises() -> None:
    slugs = [s.exercise.slug for s in relations.related(hinge_catalog(), "barbell-rdl")]
    assert "dumbbell-rdl" not in slugs
    assert "band-good-morning" in slugs


def test_chain_follows_links_both_ways() -> None:
    catalog = make_catalog(
        make_exercise(slug="wall-test", harder=["knee-test"]),
        make_exercise(slug="knee-test"),
        make_exercise(slug="full-test", difficulty="intermediate", easier=["knee-test"]),
        make_exercise(slug="one-arm-test", difficulty="advanced", easier=["full-test"]),
    )
    assert [e.slug for e in relations.chain(catalog, "wall-test", "harder")] == [
        "knee-test",
        "full-test",
        "one-arm-test",
    ]
    assert [e.slug for e in relations.chain(catalog, "one-arm-test", "easier")] == [
        "full-test",
        "knee-test",
        "wall-test",
    ]


def test_a_bodyweight_option_is_kept_when_one_exists() -> None:
    catalog = make_catalog(
        *hinge_catalog(),
        make_exercise(
            slug="partner-nordic-test",
            name="Partner Nordic Test",
            target="hamstrings",
            secondary=[],
            pattern="knee-flexion",
            mechanic="isolation",
            popularity=1,
            equipment={"options": ["ghr-bench", "partner"]},
        ),
    )
    top = relations.substitutes(catalog, "barbell-rdl", limit=2)
    assert len(top) == 2
    assert top[0].exercise.slug == "dumbbell-rdl"  # the best match keeps its place
    assert top[-1].exercise.slug == "partner-nordic-test"  # anchored by a partner: body weight
    without = relations.substitutes(hinge_catalog(), "barbell-rdl", limit=2)
    assert [s.exercise.slug for s in without] == ["dumbbell-rdl", "band-good-morning"]
