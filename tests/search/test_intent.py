"""Query parsing: shorthand, spelling, spacing, facets and filters."""

from __future__ import annotations

import pytest

from repforge.search import synonyms
from repforge.search.intent import Intent, Lexicon, describe, parse, rewrite_text

INDEX_WORDS = {
    "romanian": 2,
    "deadlift": 3,
    "pull": 2,
    "up": 3,
    "push": 1,
    "press": 4,
    "overhead": 1,
    "pullover": 1,
    "curl": 3,
    "hamstring": 2,
    "dumbbell": 4,
    "kettlebell": 1,
    "swing": 1,
}
PAIRS = frozenset({("pull", "up"), ("push", "up"), ("romanian", "deadlift")})


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon(INDEX_WORDS, PAIRS)


def free(intent: Intent) -> list[tuple[str, ...]]:
    return [c.words for c in intent.concepts if c.facet is None]


def test_abbreviations_expand(lexicon: Lexicon) -> None:
    assert parse("RDL", lexicon).words == ("romanian", "deadlift")
    assert parse("rdls", lexicon).words == ("romanian", "deadlift")
    assert parse("db", lexicon).concepts[0].facet is not None


def test_literal_words_are_kept_for_alias_matching(lexicon: Lexicon) -> None:
    assert parse("OHP", lexicon).literal == ("ohp",)


def test_typos_are_fixed_and_reported(lexicon: Lexicon) -> None:
    intent = parse("romanain deadlfit", lexicon)
    assert intent.words == ("romanian", "deadlift")
    assert ("romanain", "romanian") in intent.corrections
    assert intent.text == "romanian deadlift"


def test_fixed_text_keeps_the_words_as_typed(lexicon: Lexicon) -> None:
    assert parse("Romanain deadlifts for beginners", lexicon).text == (
        "romanian deadlifts for beginners"
    )
    assert parse("pullups", lexicon).text == "pull up"
    assert parse("pull over", lexicon).text == "pullover"


def test_fixed_words_have_lower_confidence(lexicon: Lexicon) -> None:
    concept = parse("romanain", lexicon).concepts[0]
    assert concept.alternatives[0][0] == "romanian"
    assert concept.alternatives[0][1] < 1.0


def test_short_words_are_not_guessed(lexicon: Lexicon) -> None:
    assert parse("pul", lexicon).corrections == ()


@pytest.mark.parametrize("query", ["pullup", "pull up", "pull-up", "Pull Ups", "pullups"])
def test_spacing_and_hyphen_variants_read_the_same(lexicon: Lexicon, query: str) -> None:
    assert parse(query, lexicon).words == ("pull", "up")


def test_two_words_join_when_only_the_joined_word_is_known(lexicon: Lexicon) -> None:
    assert parse("pull over", lexicon).words == ("pullover",)
    assert parse("kettle bell swing", lexicon).words == ("kettlebell", "swing")


def test_last_word_still_being_typed_is_completed(lexicon: Lexicon) -> None:
    concept = parse("romanian dea", lexicon).concepts[-1]
    assert ("deadlift", 0.8) in concept.alternatives


def test_muscles_equipment_and_body_parts_become_facets(lexicon: Lexicon) -> None:
    intent = parse("dumbbell shoulder", lexicon)
    dumbbell, shoulder = (c.facet for c in intent.concepts)
    assert dumbbell is not None
    assert dumbbell.equipment == {"dumbbell"}
    assert shoulder is not None
    assert shoulder.body_parts == {"shoulders"}
    assert not intent.free_words


@pytest.mark.parametrize(
    ("query", "muscle"),
    [
        ("hamstrings", "hamstrings"),
        ("hamstring", "hamstrings"),
        ("quad", "quads"),
        ("quads", "quads"),
        ("abs", "abs"),
        ("lats", "lats"),
        ("gluteus maximus", "glutes"),
        ("latissimus dorsi", "lats"),
        ("biceps femoris", "hamstrings"),
    ],
)
def test_muscle_words_plural_singular_and_latin(lexicon: Lexicon, query: str, muscle: str) -> None:
    (concept,) = parse(query, lexicon).concepts
    assert concept.facet is not None
    assert muscle in concept.facet.muscles


def test_delts_mean_all_three_heads(lexicon: Lexicon) -> None:
    (concept,) = parse("delts", lexicon).concepts
    assert concept.facet is not None
    assert concept.facet.muscles == {"front-delts", "side-delts", "rear-delts"}


def test_no_equipment_allows_only_body_weight(lexicon: Lexicon) -> None:
    intent = parse("chest no equipment", lexicon)
    assert intent.available == {"bodyweight"}
    assert len(intent.concepts) == 1


def test_at_home_allows_home_kit(lexicon: Lexicon) -> None:
    intent = parse("hamstring exercises at home", lexicon)
    assert intent.available == synonyms.HOME_KIT
    assert [c.words for c in intent.concepts] == [("hamstring",)]


def test_difficulty_words_filter(lexicon: Lexicon) -> None:
    assert parse("beginner core", lexicon).difficulties == {"beginner"}
    assert parse("easy core", lexicon).difficulties == {"beginner"}


def test_negated_equipment_is_excluded(lexicon: Lexicon) -> None:
    intent = parse("hamstring without barbell", lexicon)
    assert intent.excluded == {"barbell"}
    assert [c.words for c in intent.concepts] == [("hamstring",)]


def test_grip_styles_are_plain_words(lexicon: Lexicon) -> None:
    assert free(parse("close grip bench", lexicon)) == [("close",), ("grip",)]
    (grip,) = parse("grip", lexicon).concepts
    assert grip.facet is not None
    assert grip.facet.muscles == {"forearms"}


def test_stopwords_are_dropped(lexicon: Lexicon) -> None:
    intent = parse("the best exercises for a curl", lexicon)
    assert free(intent) == [("curl",)]
    assert intent.words == ("curl",)


def test_describe_names_what_was_understood(lexicon: Lexicon) -> None:
    labels = list(describe(parse("beginner hamstring no equipment", lexicon)))
    assert labels == ["muscle: hamstrings", "equipment: none", "difficulty: beginner"]


def test_rewrite_text_spells_out_shorthand() -> None:
    assert rewrite_text("db cur") == "dumbbell cur"
    assert rewrite_text("squat") == "squat"
