"""Profile parsing (errors name the field) and what a profile allows from the catalog."""

from __future__ import annotations

import pytest

from repforge.catalog.catalog import Catalog
from repforge.errors import InvalidInputError
from repforge.planner.profile import (
    Eligibility,
    Option,
    Profile,
    check_against_catalog,
    parse_profile,
    score,
)

from .factories import make_exercise


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"days": 8}, "days"),
        ({"minutes": 10}, "minutes"),
        ({"weeks": 17}, "weeks"),
        ({"goal": "bulk"}, "goal"),
        ({"level": "elite"}, "level"),
        ({"equipment": "trampoline"}, "equipment"),
        ({"protect": "spleen"}, "protect"),
        ({"priorities": "chest,lats,quads,biceps,calves"}, "priorities"),
        ({"days": 3, "weekdays": "mon,tue"}, "weekdays"),
        ({"weekdays": "mon,mon"}, "weekdays"),
        ({"can_do": "pull-up", "cannot_do": "pull-up"}, "cannot_do"),
        ({"exclude": "Not A Slug"}, "exclude"),
        ({"colour": "red"}, "colour"),
        ({"maxes": {"bench": {"weight_kg": -5}}}, "maxes.bench.weight_kg"),
    ],
)
def test_bad_profiles_name_the_field(data: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        parse_profile(data)
    assert caught.value.field == field


def test_comma_lists_aliases_and_sorting() -> None:
    profile = parse_profile(
        {"equipment": "dumbbell,bench", "protect": "Knee, lower back", "priorities": "shoulders"}
    )
    assert profile.equipment == ("bench", "dumbbell")
    assert profile.protect == ("knees", "lower-back")
    assert profile.priorities == ("front-delts", "rear-delts", "side-delts")


def test_weekdays_alone_set_the_day_count_in_week_order() -> None:
    profile = parse_profile({"weekdays": "fri,mon"})
    assert profile.days == 2
    assert profile.weekdays == ("mon", "fri")


def test_presets_expand_and_bodyweight_is_always_there() -> None:
    kit = Profile(equipment=("home-dumbbells", "pull-up-bar")).available_equipment()
    assert {"bodyweight", "dumbbell", "bench", "pull-up-bar"} <= kit
    assert "barbell" not in kit
    assert Profile(equipment=("barbell",)).available_equipment() == {"bodyweight", "barbell"}


def test_maxes_accept_a_plain_number_as_one_rep_max() -> None:
    profile = parse_profile({"maxes": {"barbell-bench-press": 100}})
    assert profile.maxes["barbell-bench-press"].reps == 1


def test_unknown_exercise_in_profile_names_field_and_suggests(gym: Catalog) -> None:
    with pytest.raises(InvalidInputError) as caught:
        check_against_catalog(Profile(exclude=("pull-upp",)), gym)
    assert caught.value.field == "exclude"
    assert "pull-up" in str(caught.value)


def test_kit_joints_and_exclusions_filter(gym: Catalog) -> None:
    profile = Profile(equipment=("bodyweight",), protect=("wrists",), exclude=("plank",))
    rules = Eligibility(gym, profile)
    assert rules.unusable_reason(gym.get("barbell-back-squat")) == "needs equipment you do not have"
    assert rules.unusable_reason(gym.get("push-up")) == "loads your protected wrists"
    assert rules.unusable_reason(gym.get("plank")) == "excluded by you"
    assert rules.usable(gym.get("bodyweight-squat"))


def test_beginners_get_at_most_tier_two(gym: Catalog) -> None:
    rules = Eligibility(gym, Profile(level="beginner"))
    assert rules.level_ok(gym.get("barbell-back-squat"))  # intermediate
    assert not rules.level_ok(gym.get("pistol-squat"))  # advanced


def test_skills_above_level_are_not_yet_unless_declared(gym: Catalog) -> None:
    beginner = Eligibility(gym, Profile(level="beginner"))
    assert beginner.not_yet(gym.get("pull-up"))
    assert not beginner.not_yet(gym.get("lat-pulldown"))  # loaded, not a bodyweight skill
    able = Eligibility(gym, Profile(level="beginner", can_do=("pull-up",)))
    assert not able.not_yet(gym.get("pull-up"))
    unable = Eligibility(gym, Profile(level="advanced", cannot_do=("pull-up",)))
    assert unable.not_yet(gym.get("pull-up"))


def test_regression_is_negatives_then_the_hardest_easier_level(gym: Catalog) -> None:
    rules = Eligibility(gym, Profile(level="beginner"))
    found = {(o.exercise.slug, o.mode) for o in rules.regressions(gym.get("pull-up"))}
    assert found == {
        ("pull-up", "eccentric-only"),
        ("band-assisted-pull-up", "normal"),
        ("scapular-pull-up", "normal"),
    }


def test_regression_walks_past_levels_the_user_cannot_use() -> None:
    chain = Catalog(
        [
            make_exercise(slug="hard-skill", difficulty="intermediate", easier=["middle-step"]),
            make_exercise(
                slug="middle-step", equipment={"required": ["rings"]}, easier=["first-step"]
            ),
            make_exercise(slug="first-step"),
        ],
        "test",
    )
    rules = Eligibility(chain, Profile(level="beginner", equipment=("bodyweight",)))
    options = rules.regressions(chain.get("hard-skill"))
    assert [(o.exercise.slug, o.replaces) for o in options] == [("first-step", "hard-skill")]


def test_options_hold_only_hard_set_work(gym: Catalog) -> None:
    options = Eligibility(gym, Profile(level="advanced")).options()
    categories = {o.exercise.category for o in options}
    assert categories <= {"strength", "strongman"}
    slugs = [o.key for o in options]
    assert slugs == sorted(slugs)


def test_stand_ins_are_labelled_only_for_asked_or_usual_skills(gym: Catalog) -> None:
    # A home bar and nothing else: the pull-up is the usual vertical pull, so its stand-ins say
    # so; the push-up is not "a step toward the archer push-up" nobody asked about, and nobody
    # gets archer push-up negatives.
    home = Eligibility(gym, Profile(level="beginner", equipment=("pull-up-bar",)))
    by_key = {o.key: o for o in home.options()}
    assert by_key["pull-up:eccentric-only"].replaces == "pull-up"
    assert by_key["push-up:normal"].replaces is None
    assert "archer-push-up:eccentric-only" not in by_key
    # In a full gym the lat pulldown is as usual as the pull-up: stand-ins are plain exercises,
    # unless the user says they cannot do the pull-up.
    gym_rules = Eligibility(gym, Profile(level="beginner"))
    assert not gym_rules.usual_choice(gym.get("pull-up"))
    plain = {o.key: o for o in gym_rules.options()}
    assert plain["band-assisted-pull-up:normal"].replaces is None
    asked = Eligibility(gym, Profile(level="beginner", cannot_do=("pull-up",)))
    stand_ins = {o.key: o for o in asked.options()}
    assert stand_ins["band-assisted-pull-up:normal"].replaces == "pull-up"


def test_strength_scores_barbell_staples_above_machines_and_curiosities(gym: Catalog) -> None:
    novice = Profile(goal="strength", level="beginner")
    squat, press = Option(gym.get("barbell-back-squat")), Option(gym.get("leg-press"))
    goblet = Option(gym.get("goblet-squat"))
    assert score(squat, novice) > max(score(press, novice), score(goblet, novice))
    muscle = Profile(goal="hypertrophy", level="intermediate")
    staple, rare = Option(gym.get("dumbbell-curl")), Option(gym.get("resistance-band-curl"))
    assert score(staple, muscle) - score(rare, muscle) > 3 * 10  # 3 popularity steps + penalty
