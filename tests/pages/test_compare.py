"""Comparison pages exist only for alternative pairs and explain when to choose which."""

from __future__ import annotations

import pytest

from repforge.catalog.catalog import Catalog
from repforge.errors import NotFoundError
from repforge.pages import compare, links


def test_pairs_are_alternatives_in_sorted_order(small_catalog: Catalog) -> None:
    assert compare.pairs(small_catalog) == [("goblet-test", "test-squat")]
    assert links.compare_path("test-squat", "goblet-test") == (
        "/exercise/compare/goblet-test-vs-test-squat"
    )


def test_comparison_table_and_guidance(small_catalog: Catalog) -> None:
    found = compare.compare(small_catalog, "goblet-test-vs-test-squat")
    rows = {row.label: row for row in found.rows}
    assert rows["Equipment"].left == "Dumbbell or Kettlebell"
    assert rows["Equipment"].right == "Body weight"
    assert not rows["Equipment"].same
    assert rows["Target muscle"].same
    assert "you have a dumbbell or a kettlebell" in found.choose_left
    assert "you have no equipment at hand" in found.choose_right
    assert "A weight in front teaches depth." in found.intro


def test_pairs_that_are_not_alternatives_are_not_published(small_catalog: Catalog) -> None:
    with pytest.raises(NotFoundError):
        compare.compare(small_catalog, "pistol-test-vs-test-squat")
    with pytest.raises(NotFoundError):
        compare.compare(small_catalog, "nothing-vs-nowhere")
