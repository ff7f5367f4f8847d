"""API v1 service logic without HTTP: checks, filters, sorting and the detail view."""

from __future__ import annotations

import pytest

from repforge.catalog.catalog import Catalog
from repforge.errors import InvalidInputError, NotFoundError
from repforge.web.api import service
from repforge.web.api.schemas import ExerciseQuery
from tests.factories import make_catalog, make_exercise


def test_a_bad_filter_value_names_the_field_and_lists_allowed_values(
    small_catalog: Catalog,
) -> None:
    with pytest.raises(InvalidInputError) as raised:
        service.list_exercises(small_catalog, ExerciseQuery(pattern="squat", mechanic="both"))
    assert raised.value.field == "mechanic"
    assert raised.value.allowed == ["compound", "isolation"]


def test_equipment_means_any_and_available_means_only(small_catalog: Catalog) -> None:
    def slugs(**filters: object) -> set[str]:
        query = ExerciseQuery.model_validate(filters)
        return {e.slug for e in service.list_exercises(small_catalog, query).data}

    assert slugs(equipment=["dumbbell", "barbell"]) == {"goblet-test"}
    assert slugs(equipment=["bodyweight"]) == {"test-squat", "pistol-test", "test-stretch"}
    assert slugs(available_equipment=["barbell"]) == {"test-squat", "pistol-test", "test-stretch"}
    assert "goblet-test" in slugs(available_equipment=["dumbbell"])


def test_q_with_name_sort_keeps_only_matches(small_catalog: Catalog) -> None:
    catalog = Catalog(list(small_catalog), "service-search-test")  # search indexes per version
    page = service.list_exercises(catalog, ExerciseQuery(q="pistol", sort="name"))
    assert page.data[0].slug == "pistol-test"
    assert page.count == len(page.data)


def test_offset_past_the_end_is_an_empty_page(small_catalog: Catalog) -> None:
    page = service.list_exercises(small_catalog, ExerciseQuery(offset=50))
    assert (page.data, page.count) == ([], 4)


def test_detail_carries_own_and_generated_faq() -> None:
    catalog = make_catalog(
        make_exercise(faq=[{"q": "Is this a real question?", "a": "Yes, it is an authored one."}])
    )
    faq = service.exercise_detail(catalog, "test-squat").faq
    assert (faq[0].question, faq[0].generated) == ("Is this a real question?", False)
    assert any(f.generated and f.question.startswith("How many") for f in faq)


def test_detail_hub_links_and_quick_answer(small_catalog: Catalog) -> None:
    detail = service.exercise_detail(small_catalog, "test-squat")
    assert detail.quick_answer.startswith(detail.summary)
    assert all(link.url.startswith("/exercises") for link in detail.hubs)


def test_unknown_slug_raises_not_found(small_catalog: Catalog) -> None:
    with pytest.raises(NotFoundError):
        service.progressions(small_catalog, "nope")
    with pytest.raises(NotFoundError):
        service.alternatives(small_catalog, "nope", [], 4)


def test_taxonomy_counts_stresses_as_joints(small_catalog: Catalog) -> None:
    joints = {t.slug: t.count for t in service.taxonomy(small_catalog).joints}
    assert joints["knees"] == 4
    assert joints["wrists"] == 0
