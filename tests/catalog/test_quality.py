"""Each quality gate fails on a bad example and passes on a good one."""

from __future__ import annotations

from typing import Any

from repforge.catalog import load, quality
from repforge.catalog.load import Parsed, SourceFile
from tests.factories import exercise_data, to_yaml


def parsed(*datas: dict[str, Any]) -> list[Parsed]:
    items, problems = load.check([SourceFile(f"{d['slug']}.yaml", to_yaml(d)) for d in datas])
    assert not problems, problems
    return items


def messages(problems: list[Any]) -> list[str]:
    return [str(p) for p in problems]


def test_name_must_match_equipment() -> None:
    [bad] = parsed(exercise_data(slug="dumbbell-squat", name="Dumbbell Squat"))
    [message] = messages(quality.name_equipment(bad))
    assert "says 'dumbbell' but equipment lists none of dumbbell" in message
    [good] = parsed(
        exercise_data(
            slug="dumbbell-squat", name="Dumbbell Squat", equipment={"required": ["dumbbell"]}
        )
    )
    assert quality.name_equipment(good) == []


def test_machine_in_the_name_needs_a_machine() -> None:
    [bad] = parsed(exercise_data(slug="machine-squat", name="Machine Squat"))
    assert quality.name_equipment(bad)
    [good] = parsed(
        exercise_data(
            slug="machine-squat",
            name="Machine Squat",
            equipment={"required": ["hack-squat-machine"]},
        )
    )
    assert quality.name_equipment(good) == []


def test_the_it_band_in_a_name_is_a_body_part_not_a_band() -> None:
    [roll] = parsed(
        exercise_data(
            slug="foam-roll-it-band",
            name="Foam Roll IT Band",
            equipment={"required": ["foam-roller"]},
        )
    )
    assert quality.name_equipment(roll) == []
    [banded] = parsed(exercise_data(slug="band-it-band-walk", name="Band IT Band Walk"))
    assert quality.name_equipment(banded)


def test_steps_must_describe_the_pattern() -> None:
    steps = [
        "Lie face down on the mat with arms by your sides.",
        "Point your toes and relax your neck.",
        "Look at the floor just ahead of you.",
        "Return to the start position and repeat.",
    ]
    [bad] = parsed(exercise_data(pattern="knee-flexion", steps=steps))
    [message] = messages(quality.pattern_wording(bad))
    assert "steps never describe the knee-flexion movement" in message
    [good] = parsed(
        exercise_data(pattern="knee-flexion", steps=[*steps[:3], "Curl your heels to your glutes."])
    )
    assert quality.pattern_wording(good) == []


def test_a_sentence_in_more_than_three_exercises_fails() -> None:
    shared = "Keep your ribs down and squeeze your glutes hard at the top."

    def with_shared(slug: str) -> dict[str, Any]:
        data = exercise_data(slug=slug)
        data["tips"] = [shared, *data["tips"][1:]]
        return data

    three = parsed(*(with_shared(f"s{i}-squat") for i in range(3)))
    assert quality.repeated_sentences(three) == []
    four = parsed(*(with_shared(f"s{i}-squat") for i in range(4)))
    found = messages(quality.repeated_sentences(four))
    assert len(found) == 4
    assert "appears in 4 exercises" in found[0]


def test_advanced_needs_an_easier_entry() -> None:
    lone = parsed(exercise_data(slug="hard-squat", difficulty="advanced"))
    [message] = messages(quality.advanced_entry(lone))
    assert "no easier entry point" in message
    linked = parsed(
        exercise_data(slug="easy-squat", harder=["hard-squat"]),
        exercise_data(slug="hard-squat", difficulty="advanced"),
    )
    assert quality.advanced_entry(linked) == []


def test_machine_or_barbell_exercise_needs_a_lighter_alternative() -> None:
    barbell = exercise_data(
        slug="barbell-squat",
        name="Barbell Squat",
        equipment={"required": ["barbell", "squat-rack"]},
        alternatives=[{"slug": "smith-squat", "reason": "Same squat on rails."}],
    )
    smith = exercise_data(
        slug="smith-squat",
        name="Smith Squat",
        equipment={"required": ["smith-machine"]},
        alternatives=[{"slug": "test-squat", "reason": "No kit at all."}],
    )
    [message] = messages(quality.lighter_alternative(parsed(barbell, smith, exercise_data())))
    assert "lists no alternative without one" in message
    barbell["alternatives"].append({"slug": "test-squat", "reason": "No kit at all."})
    assert quality.lighter_alternative(parsed(barbell, smith, exercise_data())) == []
