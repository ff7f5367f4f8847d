"""Generated FAQ rules: which questions appear and what their answers are built from."""

from __future__ import annotations

from repforge.catalog.catalog import Catalog
from repforge.pages import faq
from repforge.pages.exercise import compose


def questions(catalog: Catalog, slug: str) -> list[str]:
    return [item.question for item in compose(catalog, slug).faq]


def test_advanced_exercise_gets_why_hard_first(small_catalog: Catalog) -> None:
    page = compose(small_catalog, "pistol-test")
    assert page.faq[0].question == "Why is the Pistol Test so difficult?"
    assert page.faq[0].answer == page.exercise.why_hard


def test_non_advanced_exercise_has_no_why_hard(small_catalog: Catalog) -> None:
    assert not any("so difficult" in q for q in questions(small_catalog, "test-squat"))


def test_alternative_answer_names_alternatives_and_easier_entries(small_catalog: Catalog) -> None:
    squat = faq.alternative(small_catalog.get("test-squat"), small_catalog)
    assert squat is not None
    assert squat.answer.startswith("Goblet Test is the closest alternative.")
    pistol = faq.alternative(small_catalog.get("pistol-test"), small_catalog)
    assert pistol is not None
    assert "build up with Test Squat" in pistol.answer


def test_no_alternative_question_without_relations(small_catalog: Catalog) -> None:
    assert faq.alternative(small_catalog.get("goblet-test"), small_catalog) is None


def test_how_many_depends_on_tracking_difficulty_and_negatives(small_catalog: Catalog) -> None:
    squat = faq.how_many(small_catalog.get("test-squat"))
    assert squat.question == "How many Test Squats should I do?"
    assert squat.answer.startswith("Start with 2-3 sets of 8-12 reps")
    pistol = faq.how_many(small_catalog.get("pistol-test"))
    assert pistol.answer.startswith("Do 3-5 sets of 3-8 reps")
    assert "lowering-only reps" in pistol.answer
    stretch = faq.how_many(small_catalog.get("test-stretch"))
    assert stretch.question == "How long should I do the Test Stretch?"
    assert "30-60 seconds" in stretch.answer


def test_muscles_answer_uses_anatomical_names(small_catalog: Catalog) -> None:
    answer = faq.muscles(small_catalog.get("test-squat")).answer
    assert answer == (
        "The Test Squat mainly works the quads (quadriceps femoris), with the glutes assisting. "
        "It is listed as a strength exercise for the legs."
    )


def test_beginner_answer_by_difficulty(small_catalog: Catalog) -> None:
    assert faq.beginners(small_catalog.get("test-squat"), small_catalog).answer.startswith("Yes.")
    advanced = faq.beginners(small_catalog.get("pistol-test"), small_catalog).answer
    assert advanced.startswith("No, it is an advanced exercise.")
    assert advanced.endswith("such as Test Squat.")


def test_own_questions_come_before_generated_ones(small_catalog: Catalog) -> None:
    page = compose(small_catalog, "test-squat")
    assert all(item.generated for item in page.faq)  # this one has none of its own
    assert [q.split(" ")[0] for q in questions(small_catalog, "test-squat")] == [
        "What",
        "How",
        "What",
        "Is",
    ]


def test_generated_words_are_true_and_natural_across_the_catalog() -> None:
    import re

    from repforge.catalog import load
    from repforge.pages.exercise import compose

    catalog = load.load_builtin()
    for ex in catalog:
        page = compose(catalog, ex.slug)
        text = " ".join([page.derived, *(f.answer for f in page.faq if f.generated)])
        # lower-case only: exercise names may repeat a word ("Single-Leg Leg Press")
        doubled = re.search(r"\b([a-z]+) \1\b", text)
        assert doubled is None, f"{ex.slug}: {doubled.group(0)!r}"
        for wrong in ("systema cardiovasculare", "for the cardio.", " or ghr bench"):
            assert wrong not in text, f"{ex.slug}: {wrong!r}"
        if ex.target == "neck" and "splenius capitis" in text:
            assert "splenius capitis" in ex.target_parts, f"{ex.slug} does not extend the neck"


def test_drills_get_rounds_and_machines_get_minutes() -> None:
    from repforge.catalog import load

    catalog = load.load_builtin()
    for slug in ("jumping-jack", "mountain-climber", "high-knees"):
        answer = faq.how_many(catalog.get(slug)).answer
        assert "minutes" not in answer, slug
        assert "rounds of 20-40 seconds" in answer
    assert "10-20 minutes" in faq.how_many(catalog.get("stationary-bike")).answer


def test_chin_tuck_names_only_the_deep_neck_flexors() -> None:
    from repforge.catalog import load

    answer = faq.muscles(load.load_builtin().get("chin-tuck")).answer
    assert "longus colli" in answer
    assert "splenius" not in answer
