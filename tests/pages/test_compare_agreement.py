"""Comparison pages never contradict the relations, the equipment data or the exercise page."""

from __future__ import annotations

import re

import pytest

from repforge.catalog import load, vocab
from repforge.catalog.catalog import Catalog
from repforge.catalog.model import Exercise
from repforge.catalog.relations import overlap_percent
from repforge.pages.compare import compare, pairs, progression_step
from repforge.pages.exercise import compose
from repforge.pages.text import lower_name


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load.load_builtin()


def _kit_names(ex: Exercise) -> set[str]:
    return {lower_name(vocab.EQUIPMENT[s].name) for s in ex.equipment.slugs}


def _equipment_named(text: str) -> list[tuple[str, str]]:
    """(name, slug) of each equipment item a list names ("a bench, a plyo box or a sturdy sofa or
    bed"); a name may hold "or" itself."""
    found = []
    rest = f" {text} "
    # longest names first, so "a sturdy sofa or bed" is one item, not "sofa" and "bed"
    for item in sorted(vocab.EQUIPMENT, key=lambda e: -len(lower_name(e.name))):
        name = lower_name(item.name)
        for spoken in (f" {name} ", f" {re.sub(r'^an? ', '', name)} "):
            if spoken in rest.replace(",", " "):
                found.append((name, item.slug))
                rest = rest.replace(spoken.strip(), " ")
                break
    assert not re.sub(r"\b(or|and|a|an)\b|,", "", rest).strip(), f"unknown equipment in {text!r}"
    return found


def _check_side(this: Exercise, other: Exercise, reasons: tuple[str, ...]) -> None:
    step = progression_step(this, other)
    for reason in reasons:
        if "no longer challenges you" in reason:
            assert step != "easier", f"{this.slug} is listed as the easier step, yet: {reason}"
        if reason.startswith(("you want the easier", "you want a step toward")):
            assert step != "harder", f"{this.slug} is listed as the harder step, yet: {reason}"
        lacking = re.fullmatch(r"you have no (.+)", reason)
        if lacking and lacking.group(1) != "equipment at hand":
            for name, slug in _equipment_named(lacking.group(1)):
                kit = set(this.equipment.slugs) - {slug}
                assert this.equipment.doable_with(kit), f"{this.slug} needs the {name}"
        having = re.fullmatch(r"you have (.+)", reason)
        if having and not lacking:
            for name, _ in _equipment_named(having.group(1)):
                assert name in _kit_names(this), f"{this.slug} cannot use: {reason}"


def test_every_comparison_agrees_with_relations_and_equipment(catalog: Catalog) -> None:
    for left_slug, right_slug in pairs(catalog):
        found = compare(catalog, f"{left_slug}-vs-{right_slug}")
        _check_side(found.left, found.right, found.choose_left)
        _check_side(found.right, found.left, found.choose_right)


def test_glute_ham_raise_and_nordic_curl_agree(catalog: Catalog) -> None:
    found = compare(catalog, "glute-ham-raise-vs-nordic-hamstring-curl")
    # the Nordic curl spares you the GHR bench (or any kit at all, once anchors count)
    assert any(r.startswith("you have no ") for r in found.choose_right)
    assert not any("GHR bench" in r for r in found.choose_left if "no " not in r)
    ghr = catalog.get("glute-ham-raise")
    assert "nordic-hamstring-curl" not in {r.slug for r in ghr.easier}


def test_exercise_page_and_comparison_show_one_overlap_figure(catalog: Catalog) -> None:
    page = compose(catalog, "glute-ham-raise")
    nordic = next(r for r in page.ranked_alternatives if r.slug == "nordic-hamstring-curl")
    found = compare(catalog, "glute-ham-raise-vs-nordic-hamstring-curl")
    figure = overlap_percent(catalog.get("glute-ham-raise"), catalog.get("nordic-hamstring-curl"))
    assert nordic.overlap == figure
    assert f"overlaps by about {figure}%" in found.intro


def test_substitute_reasons_read_as_sentences(catalog: Catalog) -> None:
    page = compose(catalog, "glute-ham-raise")
    reasons = " ".join(r.reason or "" for r in page.ranked_alternatives + page.related)
    assert " or ghr bench" not in reasons
    assert "lat pulldown machine or" not in reasons
