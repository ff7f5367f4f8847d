"""Relevance rules: where a word is found, how facets score, and the final order."""

from __future__ import annotations

from repforge.search import ranking
from repforge.search.intent import Facet
from repforge.search.ranking import Doc, make_doc
from tests.factories import make_exercise
from tests.search.conftest import search_exercises


def doc(slug: str) -> Doc:
    return make_doc(next(e for e in search_exercises() if e.slug == slug))


def test_make_doc_keeps_labels_and_facts() -> None:
    rdl = doc("romanian-deadlift")
    assert [label.text for label in rdl.labels] == ["Romanian Deadlift", "RDL"]
    assert rdl.labels[0].is_name
    assert not rdl.labels[1].is_name
    assert {"barbell", "hamstring", "hinge", "semitendinosus", "leg"} <= rdl.facts
    assert rdl.target_part == "legs"


def test_name_beats_alias_beats_facts() -> None:
    rdl = doc("romanian-deadlift")
    assert ranking.text_match(rdl, "romanian") == (ranking.NAME, "name")
    assert ranking.text_match(rdl, "rdl") == (ranking.ALIAS, "alias: RDL")
    assert ranking.text_match(rdl, "hinge") == (ranking.FACTS, "about: hinge")
    assert ranking.text_match(rdl, "squat") == (0.0, "")


def test_target_muscle_beats_secondary() -> None:
    hamstrings = Facet(muscles=frozenset({"hamstrings"}))
    assert ranking.facet_match(doc("romanian-deadlift"), hamstrings, ("x",))[0] == ranking.FULL
    secondary, why = ranking.facet_match(doc("glute-bridge"), hamstrings, ("x",))
    assert 0 < secondary < ranking.ANSWERED
    assert why == "works: hamstrings"


def test_body_part_of_the_target_counts_nearly_in_full() -> None:
    bird_dog = make_doc(make_exercise(slug="bird-dog", body_part="core", target="lower-back"))
    back = Facet(body_parts=frozenset({"back"}))
    assert ranking.facet_match(bird_dog, back, ("x",)) == (ranking.NEAR, "body part: back")


def test_kit_options_count_nearly_in_full() -> None:
    walk = doc("banded-lateral-walk")
    band = Facet(equipment=frozenset({"mini-band"}))
    assert ranking.facet_match(walk, band, ("x",))[0] == ranking.NEAR


def test_facet_phrase_spelled_in_the_name_counts() -> None:
    nordic = doc("nordic-hamstring-curl")
    chest = Facet(muscles=frozenset({"chest"}))
    assert ranking.facet_match(nordic, chest, ("hamstring",)) == (ranking.NAME, "name")


def test_coverage_prefers_names_spelling_more_of_the_query() -> None:
    query = frozenset({"dumbbell", "press"})
    assert ranking.coverage(doc("dumbbell-bench-press"), query) == 1.0
    assert ranking.coverage(doc("barbell-overhead-press"), query) == 0.5
    assert ranking.coverage(doc("plank"), query) == 0.0


def test_a_word_inside_a_longer_phrase_is_not_spelled() -> None:
    deadlift = make_doc(make_exercise(slug="trap-bar-deadlift", name="Trap Bar Deadlift"))
    assert ranking.spelled(deadlift, ("trap",)) == (0.0, "")  # the traps muscle
    assert ranking.spelled(deadlift, ("trap", "bar")) == (ranking.NAME, "name")


def test_coverage_counts_each_query_word_once() -> None:
    press = make_doc(make_exercise(slug="single-leg-leg-press", name="Single-Leg Leg Press"))
    assert ranking.coverage(press, frozenset({"leg", "press"})) == 1.0
    assert ranking.coverage(press, frozenset()) == 0.0


def test_coverage_discounts_aliases() -> None:
    assert ranking.coverage(doc("romanian-deadlift"), frozenset({"rdl"})) == ranking.ALIAS


def test_near_categories_count_nearly_in_full() -> None:
    mobility = Facet(categories=frozenset({"mobility"}), near_categories=frozenset({"stretching"}))
    stretch = doc("standing-hamstring-stretch")
    assert ranking.facet_match(stretch, mobility, ("x",)) == (ranking.NEAR, "category: stretching")


def test_make_doc_keeps_relations() -> None:
    squat = make_doc(
        make_exercise(
            slug="squat-a",
            easier=["squat-b"],
            alternatives=[{"slug": "squat-c", "reason": "Same job with a weight in front."}],
        )
    )
    assert squat.related == (("squat-c", "alternative"), ("squat-b", "easier"))


def test_stretches_are_softened_unless_asked_for() -> None:
    stretch = doc("standing-hamstring-stretch")
    assert ranking.penalty(stretch, asks_category=False) > 0
    assert ranking.penalty(stretch, asks_category=True) == 0
    assert ranking.penalty(doc("romanian-deadlift"), asks_category=False) == 0


def test_order_is_relevance_then_popularity_then_name() -> None:
    popular, rare = doc("romanian-deadlift"), doc("glute-ham-raise")
    assert ranking.order_key(1.0, rare) < ranking.order_key(0.9, popular)
    assert ranking.order_key(1.0, popular) < ranking.order_key(1.0, rare)


def test_equipment_checks() -> None:
    walk = doc("banded-lateral-walk")
    assert walk.doable_with(frozenset({"mini-band"}))
    assert not walk.doable_with(frozenset({"bodyweight"}))
    assert walk.needs_any(frozenset({"mini-band", "resistance-band"}))
    assert not walk.needs_any(frozenset({"mini-band"}))
