"""App exercise names -> catalog slugs: crosswalk, catalog names, confident search, or custom."""

from __future__ import annotations

import pytest

from repforge.catalog.catalog import Catalog
from repforge.training.formats import parse_strong, write_strong
from repforge.training.names import NameMapper, app_name, crosswalk, match_name, search_phrase


def test_every_crosswalk_target_is_in_the_catalog(catalog: Catalog) -> None:
    table = crosswalk()
    assert len(table) >= 100
    assert sorted(s for s in table.values() if s not in catalog) == []


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Bench Press (Barbell)", "barbell-bench-press"),
        ("Lat Pulldown (Cable)", "lat-pulldown"),
        ("Pull Up", "pull-up"),
        ("Squat (Barbell)", "barbell-back-squat"),
        ("Deadlift (Barbell)", "barbell-deadlift"),
        ("Bicep Curl (Dumbbell)", "dumbbell-curl"),
        ("bench press (barbell)", "barbell-bench-press"),
    ],
)
def test_common_app_names_map_through_the_crosswalk(catalog: Catalog, name: str, slug: str) -> None:
    found = match_name(catalog, name)
    assert (found.slug, found.how) == (slug, "crosswalk")


def test_names_outside_the_crosswalk_use_catalog_names_then_confident_search(
    catalog: Catalog,
) -> None:
    assert match_name(catalog, "Romanian Deadlift").how == "catalog"
    assert match_name(catalog, "Hip Thrust (Dumbbell)").slug == "dumbbell-hip-thrust"
    assert match_name(catalog, "Turkish Get Up (Kettlebell)").slug == "turkish-get-up"
    assert match_name(catalog, "Turkish Get Up (Barbell)").slug is None  # the kit disagrees
    found = match_name(catalog, "Tuck Jumps")
    assert (found.slug, found.how) == ("tuck-jump", "search")


def test_a_name_the_catalog_gained_maps_to_it(catalog: Catalog) -> None:
    # "Sled Drag" stayed unmapped until the catalog had a forward sled drag (issue 15)
    assert match_name(catalog, "Sled Drag").slug == "forward-sled-drag"


def test_unsure_or_unknown_names_stay_unmapped(catalog: Catalog) -> None:
    assert match_name(catalog, "Wobble Board Juggle").slug is None
    assert match_name(catalog, "Tire Flip Relay").slug is None  # no such exercise, kit words only
    assert match_name(catalog, "Good Morning (Barbell) Paused").slug is None  # two close hits


def test_search_phrase_puts_the_kit_first() -> None:
    assert search_phrase("Lat Pulldown - Close Grip (Cable)") == "cable lat pulldown close grip"


def test_the_mapper_lists_unmapped_names_for_custom_exercises(catalog: Catalog) -> None:
    mapper = NameMapper(catalog)
    text = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
        "Workout Notes,RPE\n"
        "2024-01-15 18:30:00,Legs,1h,Squat (Barbell),1,100,5,0,0,,,\n"
        "2024-01-15 18:30:00,Legs,1h,Wobble Board Juggle,1,0,5,0,0,,,\n"
    )
    (workout,) = parse_strong(text, exercise=mapper)
    assert [s.exercise for s in workout.sets] == [
        "barbell-back-squat",
        "custom:Wobble Board Juggle",
    ]
    assert mapper.unmapped == ["Wobble Board Juggle"]


def test_exports_use_names_the_apps_recognise(catalog: Catalog) -> None:
    assert app_name(catalog, "barbell-bench-press") == "Bench Press (Barbell)"
    assert app_name(catalog, "custom:Sled Drag") == "Sled Drag"
    assert app_name(catalog, "wall-walk") == catalog.get("wall-walk").name
    mapper = NameMapper(catalog)
    text = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n2024-01-15 18:30:00,Legs,1h,Squat (Barbell),1,100,5,0,0,,,\n"
    written = write_strong(
        parse_strong(text, exercise=mapper), name_of=lambda s: app_name(catalog, s)
    )
    assert (
        parse_strong(written, exercise=NameMapper(catalog))[0].sets[0].exercise
        == "barbell-back-squat"
    )
