"""Filters, sorting and paging of exercise lists."""

from __future__ import annotations

import pytest

from repforge.errors import InvalidInputError
from repforge.pages import listing
from tests.factories import make_exercise

SQUAT = make_exercise(slug="test-squat", popularity=5)
ROW = make_exercise(
    slug="band-row",
    name="Band Row",
    body_part="back",
    target="upper-back",
    secondary=["biceps"],
    pattern="horizontal-pull",
    equipment={"required": ["resistance-band"]},
    popularity=3,
)
BELL = make_exercise(
    slug="bell-squat",
    name="Bell Squat",
    equipment={"options": ["dumbbell", "kettlebell"]},
    difficulty="intermediate",
    popularity=3,
)
ALL = [ROW, BELL, SQUAT]


def slugs(wanted: listing.ExerciseFilter) -> list[str]:
    return [e.slug for e in listing.apply(ALL, wanted)]


def test_no_filter_sorts_by_popularity_then_name() -> None:
    assert slugs(listing.ExerciseFilter()) == ["test-squat", "band-row", "bell-squat"]
    assert slugs(listing.ExerciseFilter(sort="name")) == ["band-row", "bell-squat", "test-squat"]


def test_each_filter_narrows() -> None:
    assert slugs(listing.ExerciseFilter(body_part="back")) == ["band-row"]
    assert slugs(listing.ExerciseFilter(muscle="biceps")) == ["band-row"]
    assert slugs(listing.ExerciseFilter(muscle="glutes")) == ["test-squat", "bell-squat"]
    assert slugs(listing.ExerciseFilter(difficulty="intermediate")) == ["bell-squat"]
    assert slugs(listing.ExerciseFilter(equipment=("kettlebell",))) == ["bell-squat"]
    assert slugs(listing.ExerciseFilter(pattern="horizontal-pull")) == ["band-row"]


def test_only_what_i_have_keeps_doable_exercises() -> None:
    assert slugs(listing.ExerciseFilter(available=("bodyweight",))) == ["test-squat"]
    assert slugs(listing.ExerciseFilter(available=("kettlebell",))) == [
        "test-squat",
        "bell-squat",
    ]


def test_unknown_values_name_the_field_and_allowed_values() -> None:
    with pytest.raises(InvalidInputError) as info:
        listing.ExerciseFilter(difficulty="insane")
    assert info.value.field == "difficulty"
    assert info.value.allowed == ["beginner", "intermediate", "advanced"]
    with pytest.raises(InvalidInputError, match="available_equipment"):
        listing.ExerciseFilter(available=("jetpack",))
    with pytest.raises(InvalidInputError, match="sort"):
        listing.ExerciseFilter(sort="random")


def test_paginate() -> None:
    items = [make_exercise(slug=f"e-{i:02d}") for i in range(30)]
    first = listing.paginate(items, 1, size=24)
    assert (len(first.items), first.pages, first.has_next, first.has_previous) == (
        24,
        2,
        True,
        False,
    )
    second = listing.paginate(items, 2, size=24)
    assert [e.slug for e in second.items] == [f"e-{i}" for i in range(24, 30)]
    with pytest.raises(InvalidInputError, match="page 3 does not exist"):
        listing.paginate(items, 3, size=24)
    assert listing.paginate([], 1).pages == 1


def test_muscle_fit_puts_targets_first_then_heavier_helpers_popularity_last() -> None:
    curl = make_exercise(slug="leg-curl", target="hamstrings", popularity=2)
    hinge = make_exercise(
        slug="hinge", target="glutes", secondary=[{"muscle": "hamstrings", "weight": 0.5}]
    )
    run = make_exercise(
        slug="run",
        name="Run",
        body_part="cardio",
        target="cardiovascular-system",
        category="cardio",
        secondary=[{"muscle": "hamstrings", "weight": 0.3}],
        popularity=5,
    )
    wanted = listing.ExerciseFilter(sort="fit")
    fit = listing.fit_key("muscle", "hamstrings")
    ranked = listing.apply([run, hinge, curl], wanted, fit=fit)
    assert [e.slug for e in ranked] == ["leg-curl", "hinge", "run"]
    # without a hub, "fit" falls back to popularity
    assert listing.apply([hinge, run], wanted)[0].slug == "run"


def test_equipment_fit_prefers_exercises_that_need_the_item() -> None:
    fit = listing.fit_key("equipment", "kettlebell")
    ranked = sorted(
        [BELL, make_exercise(slug="kb-squat", equipment={"required": ["kettlebell"]})], key=fit
    )
    assert [e.slug for e in ranked] == ["kb-squat", "bell-squat"]


def test_sort_labels_are_plain_words_with_the_hub_promise_first() -> None:
    assert listing.sort_labels("muscle")[0] == ("fit", "Works this muscle most")
    assert [v for v, _ in listing.sort_labels(None)] == ["popularity", "name"]


def test_popular_spread_covers_body_parts_before_repeating_one() -> None:
    legs = [make_exercise(slug=f"leg-move-{n}", popularity=5) for n in range(3)]
    chosen = listing.popular_spread([*legs, ROW], 2)
    assert {e.body_part for e in chosen} == {"legs", "back"}
    assert len(listing.popular_spread([*legs, ROW], 4)) == 4


def test_hubs_and_the_api_share_one_order_with_the_slug_as_last_tie_break() -> None:
    from repforge.web.api import service
    from repforge.web.api.schemas import ExerciseQuery
    from tests.factories import make_catalog

    twins = [
        make_exercise(slug=s, name=n, popularity=4) for s, n in (("b-row", "Row"), ("a-row", "row"))
    ]
    catalog = make_catalog(*twins)
    for sort in ("popularity", "name"):
        hub_order = [e.slug for e in listing.apply(twins, listing.ExerciseFilter(sort=sort))]
        query = ExerciseQuery.model_validate({"sort": sort})
        api_order = [e.slug for e in service.list_exercises(catalog, query).data]
        assert hub_order == api_order == ["a-row", "b-row"]
