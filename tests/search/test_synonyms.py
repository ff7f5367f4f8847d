"""The synonym tables only name values the vocabularies know, and none loops."""

from __future__ import annotations

from repforge.catalog import vocab
from repforge.search import synonyms
from repforge.search.intent import phrases, rewrites
from repforge.search.terms import words


def test_facet_words_name_known_values() -> None:
    for slugs in synonyms.MUSCLE_WORDS.values():
        assert set(slugs) <= set(vocab.MUSCLES.slugs)
    for slugs in synonyms.BODY_PART_WORDS.values():
        assert set(slugs) <= set(vocab.BODY_PARTS.slugs)
    for slugs in synonyms.EQUIPMENT_WORDS.values():
        assert set(slugs) <= set(vocab.EQUIPMENT.slugs)
    for slugs in synonyms.CATEGORY_WORDS.values():
        assert set(slugs) <= set(vocab.CATEGORIES.slugs)
    for slugs in synonyms.DIFFICULTY_WORDS.values():
        assert set(slugs) <= set(vocab.DIFFICULTIES.slugs)
    assert set(synonyms.HOME_KIT) <= set(vocab.EQUIPMENT.slugs)


def test_the_issue_abbreviations_are_in_the_table() -> None:
    for short in ("ghr", "rdl", "sldl", "ohp", "bss", "db", "bb", "kb", "ez", "hspu", "t2b"):
        assert short in synonyms.ABBREVIATIONS


def test_rewrites_never_feed_each_other() -> None:
    table = rewrites()
    for replacement in table.values():
        assert replacement not in table, f"{replacement} would be rewritten again"


def test_every_vocabulary_name_is_a_phrase() -> None:
    table = phrases()
    terms = [*vocab.MUSCLES, *vocab.BODY_PARTS, *vocab.EQUIPMENT, *vocab.CATEGORIES]
    for term in terms:
        if term.slug not in ("bodyweight", "strength"):  # a filter, and a category of nearly all
            assert words(term.name) in table, term.name
    assert words("latissimus dorsi") in table
    assert words("hamstrings") in table
