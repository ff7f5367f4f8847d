"""SearchIndex: names, aliases, shorthand, typos, intent, paging, caching."""

from __future__ import annotations

import pytest

from repforge.catalog.catalog import Catalog
from repforge.catalog.model import Exercise
from repforge.search import SearchIndex, index_for
from repforge.search.index import _Facets
from repforge.search.intent import phrases
from repforge.search.ranking import facet_match, make_doc
from tests.factories import make_catalog, make_exercise
from tests.search.conftest import search_exercises


def slugs(index: SearchIndex, query: str, limit: int = 20) -> list[str]:
    return [hit.slug for hit in index.search(query, limit=limit).hits]


def top(index: SearchIndex, query: str) -> str:
    hits = index.search(query, limit=1).hits
    assert hits, f"nothing found for {query!r}"
    return hits[0].slug


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Romanian Deadlift", "romanian-deadlift"),
        ("romanian deadlift", "romanian-deadlift"),
        ("RDL", "romanian-deadlift"),
        ("nordic curl", "nordic-hamstring-curl"),
        ("press up", "push-up"),
        ("military press", "barbell-overhead-press"),
        ("GHR", "glute-ham-raise"),
        ("BSS", "bulgarian-split-squat"),
        ("OHP", "barbell-overhead-press"),
        ("db rdl", "dumbbell-romanian-deadlift"),
        ("dumbbell lateral raise", "dumbbell-lateral-raise"),
    ],
)
def test_finds_by_name_alias_and_abbreviation(
    index: SearchIndex, query: str, expected: str
) -> None:
    assert top(index, query) == expected


@pytest.mark.parametrize("query", ["pullup", "pull up", "pull-up", "Pull-Ups", "pullups"])
def test_spacing_and_hyphen_variants(index: SearchIndex, query: str) -> None:
    assert top(index, query) == "pull-up"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("romanain deadlift", "romanian-deadlift"),
        ("romanian deadlfit", "romanian-deadlift"),
        ("bulgarain split squat", "bulgarian-split-squat"),
        ("dumbell bench press", "dumbbell-bench-press"),
        ("lateral raies", "dumbbell-lateral-raise"),
    ],
)
def test_tolerates_typos(index: SearchIndex, query: str, expected: str) -> None:
    result = index.search(query)
    assert result.hits[0].slug == expected
    assert result.corrections
    assert result.did_you_mean


def test_exact_name_outranks_longer_names(index: SearchIndex) -> None:
    assert slugs(index, "pull up") == ["pull-up", "band-assisted-pull-up"]


def test_exact_match_brings_its_progressions_and_alternatives() -> None:
    catalog = make_catalog(
        make_exercise(
            slug="face-pull",
            name="Face Pull",
            alternatives=[{"slug": "band-pull-apart", "reason": "Same rear delts, a band only."}],
        ),
        make_exercise(slug="band-pull-apart", name="Band Pull-Apart"),
        make_exercise(slug="goblet-squat", name="Goblet Squat"),
        version="related-tests",
    )
    result = SearchIndex.build(catalog).search("face pulls")
    assert [h.slug for h in result.hits] == ["face-pull", "band-pull-apart"]
    assert result.hits[1].matched == ("alternative to Face Pull",)
    assert result.hits[1].score < result.hits[0].score


def test_hamstrings_at_home_needs_no_gym_kit(index: SearchIndex) -> None:
    found = slugs(index, "hamstring exercises at home")
    assert set(found) == {
        "dumbbell-romanian-deadlift",
        "nordic-hamstring-curl",
        "standing-hamstring-stretch",
    }
    assert found[-1] == "standing-hamstring-stretch"  # training first, stretches after


def test_chest_no_equipment_is_body_weight_only(index: SearchIndex) -> None:
    assert slugs(index, "chest no equipment") == ["push-up"]


def test_dumbbell_shoulder_needs_both(index: SearchIndex) -> None:
    assert slugs(index, "dumbbell shoulder") == ["dumbbell-lateral-raise"]


def test_glutes_with_bands_counts_secondary_glutes(index: SearchIndex) -> None:
    assert slugs(index, "glutes with bands") == ["banded-lateral-walk"]


def test_beginner_core_filters_by_difficulty(index: SearchIndex) -> None:
    assert slugs(index, "beginner core") == ["plank"]
    assert slugs(index, "advanced core") == ["dragon-flag"]


def test_muscle_query_lists_targets_before_secondary_by_popularity(index: SearchIndex) -> None:
    found = slugs(index, "hamstrings")
    assert found[:2] == ["romanian-deadlift", "dumbbell-romanian-deadlift"]
    assert "glute-bridge" not in found  # hamstrings help at weight 0.3: too little to list
    glutes = slugs(index, "glutes")
    assert glutes[0] == "glute-bridge"
    assert "banded-lateral-walk" in glutes  # glutes help at 0.6: enough to list


def test_equal_relevance_ranks_by_popularity(index: SearchIndex) -> None:
    hits = index.search("dumbbell").hits
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert [h.slug for h in hits][:2] == ["dumbbell-bench-press", "dumbbell-lateral-raise"]


def test_hits_say_why_they_matched(index: SearchIndex) -> None:
    (hit,) = index.search("chest no equipment").hits
    assert hit.matched == ("target: chest",)
    assert index.search("rdl").hits[0].matched == ("name",)


def test_result_reports_what_was_understood(index: SearchIndex) -> None:
    result = index.search("hamstring exercises at home")
    assert result.understood == ("muscle: hamstrings", "equipment: home")


def test_paging_with_limit_and_offset(index: SearchIndex) -> None:
    everything = slugs(index, "legs", limit=100)
    result = index.search("legs", limit=2, offset=2)
    assert result.total == len(everything) > 4
    assert [h.slug for h in result.hits] == everything[2:4]
    assert index.search("legs", limit=0).hits == []


def test_filters_are_dropped_when_nothing_passes(index: SearchIndex) -> None:
    result = index.search("romanian deadlift no equipment")
    assert result.relaxed
    assert result.hits[0].slug == "romanian-deadlift"
    assert not index.search("romanian deadlift").relaxed


@pytest.mark.parametrize("query", ["", "   ", "exercises for", "xyzzy", "!!!"])
def test_empty_and_meaningless_queries_find_nothing(index: SearchIndex, query: str) -> None:
    result = index.search(query)
    assert result.hits == []
    assert result.total == 0


def test_very_long_queries_are_cut_short(index: SearchIndex) -> None:
    # bench/bounds_bench.py measures its cost (under 0.1 s)
    result = index.search("romanian deadlift " + "qwxz " * 5000)
    assert result.hits[0].slug == "romanian-deadlift"


def test_filter_only_query_lists_everything_allowed(index: SearchIndex) -> None:
    found = slugs(index, "no equipment")
    assert found[0] in {"push-up", "plank", "glute-bridge"}
    assert "romanian-deadlift" not in found


def test_facet_table_agrees_with_facet_match(search_catalog: Catalog) -> None:
    docs = [make_doc(e) for e in search_catalog]
    facets = _Facets(docs)
    for phrase, entry in phrases().items():
        if not hasattr(entry, "muscles"):
            continue
        scores = facets.scores(entry)  # type: ignore[arg-type]
        for index, doc in enumerate(docs):
            # the phrase words are nonsense here, so only facet values count
            expected = facet_match(doc, entry, ("\0",))[0]  # type: ignore[arg-type]
            assert scores.get(index, 0.0) == expected, (phrase, doc.slug)


def test_index_for_caches_per_version(search_catalog: Catalog) -> None:
    first = index_for(search_catalog)
    assert index_for(search_catalog) is first
    other = make_catalog(*search_exercises()[:3], version="search-tests-other")
    assert index_for(other) is not first
    assert len(index_for(other)) == 3


def test_index_for_rebuilds_when_a_version_string_is_reused(search_catalog: Catalog) -> None:
    first = index_for(search_catalog)
    reused = make_catalog(make_exercise(slug="lonely-squat"), version=search_catalog.version)
    assert index_for(reused) is not first
    assert slugs(index_for(reused), "lonely squat") == ["lonely-squat"]


def test_build_keeps_the_catalog_version(search_catalog: Catalog) -> None:
    assert SearchIndex.build(search_catalog).version == "search-tests"


def _row(slug: str, kit: str, popularity: int = 3) -> Exercise:
    return make_exercise(
        slug=slug,
        target="lats",
        pattern="horizontal-pull",
        force="pull",
        body_part="back",
        popularity=popularity,
        equipment={"required": [kit]},
    )


def _rows() -> SearchIndex:
    return SearchIndex.build(
        make_catalog(
            _row("barbell-bent-over-row", "barbell", popularity=5),
            _row("inverted-row", "pull-up-bar", popularity=4),
            _row("t-bar-row", "lever-machine", popularity=4),
            _row("one-arm-dumbbell-row", "dumbbell"),
            _row("table-row", "table"),
        )
    )


def test_a_negated_bar_rules_out_every_bar_and_names_spelling_it() -> None:
    found = slugs(_rows(), "row without a bar")
    assert set(found) == {"one-arm-dumbbell-row", "table-row"}


def test_an_article_keeps_the_negation() -> None:
    """'rows without a barbell' must not read as 'rows with a barbell'."""
    found = slugs(_rows(), "rows without a barbell")
    assert "barbell-bent-over-row" not in found
    assert {"inverted-row", "one-arm-dumbbell-row"} <= set(found)


def test_home_includes_the_furniture_people_row_from() -> None:
    assert "table-row" in slugs(_rows(), "rows at home")
