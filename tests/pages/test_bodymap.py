"""Body map: a region per muscle on each of its views, highlight levels, links, legend."""

from __future__ import annotations

import re

import pytest
from jinja2 import Environment, PackageLoader, select_autoescape

from repforge.catalog import vocab
from repforge.errors import InvalidInputError
from repforge.pages.bodymap import (
    OUTLINES,
    REGIONS,
    BodyMap,
    Region,
    body_map,
    exercise_highlight,
    mirror,
)
from tests.factories import make_exercise

MAPPED = [m for m in vocab.MUSCLES if m.views]


def _points(d: str) -> list[tuple[float, float]]:
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d)]
    return list(zip(numbers[::2], numbers[1::2], strict=True))


def _middle_y(d: str) -> float:
    ys = [y for _, y in _points(d)]
    return (min(ys) + max(ys)) / 2


def _regions(bodymap: BodyMap, view: str) -> dict[str, Region]:
    return {r.muscle: r for v in bodymap.views if v.view == view for r in v.regions}


@pytest.mark.parametrize("muscle", MAPPED, ids=lambda m: m.slug)
def test_every_muscle_has_a_region_on_each_of_its_views(muscle: vocab.Muscle) -> None:
    bodymap = body_map(None, link=False)
    drawn_on = tuple(v.view for v in bodymap.views if muscle.slug in {r.muscle for r in v.regions})
    assert drawn_on == tuple(view for view in ("front", "back") if view in muscle.views)
    assert {f"{view}:{muscle.slug}" for view in drawn_on} == set(
        vocab.BODY_MAP_REGIONS[muscle.slug]
    )


def test_geometry_names_only_known_muscles_on_their_views() -> None:
    for view, regions in REGIONS.items():
        for slug in regions:
            assert view in vocab.MUSCLES[slug].views, f"{view}:{slug} is not in vocab"
    assert "cardiovascular-system" not in REGIONS["front"]
    assert "cardiovascular-system" not in REGIONS["back"]


def test_regions_sit_inside_the_figure_on_both_sides() -> None:
    for view, regions in REGIONS.items():
        outline = _points(OUTLINES[view])
        left, right = min(x for x, _ in outline), max(x for x, _ in outline)
        top, bottom = min(y for _, y in outline), max(y for _, y in outline)
        for slug, d in regions.items():
            points = _points(d)
            assert all(left < x < right and top < y < bottom for x, y in points), slug
            assert any(x < 100 for x, _ in points), f"{slug} has no left side"
            assert any(x > 100 for x, _ in points), f"{slug} has no right side"


@pytest.mark.parametrize(
    ("view", "top_to_bottom"),
    [
        ("front", ["neck", "chest", "abs", "hip-flexors", "quads"]),
        ("back", ["neck", "traps", "lats", "lower-back", "glutes", "hamstrings", "calves"]),
    ],
)
def test_muscles_are_stacked_in_anatomical_order(
    view: vocab.View, top_to_bottom: list[str]
) -> None:
    heights = [_middle_y(REGIONS[view][slug]) for slug in top_to_bottom]
    assert heights == sorted(heights)


def test_mirror_reflects_about_the_centre_line() -> None:
    assert mirror("M 90 10 L 80 20 C 70 30 60 40 50 50 H 40 V 60 Z") == (
        "M 110 10 L 120 20 C 130 30 140 40 150 50 H 160 V 60 Z"
    )
    assert mirror(mirror("M 91.5 3 L 100 7 Z")) == "M 91.5 3 L 100 7 Z"
    with pytest.raises(ValueError, match="absolute"):
        mirror("m 10 10 l 5 5")


def test_outline_is_one_closed_symmetric_path() -> None:
    outline = OUTLINES["front"]
    assert outline.startswith("M 100 4")
    assert outline.endswith("Z")
    assert outline.count("M") == 1
    xs = sorted(round(x - 100, 3) for x, _ in _points(outline))
    assert xs == sorted(-x for x in xs)


def test_highlight_levels_and_legend() -> None:
    bodymap = body_map({"hamstrings": "target", "glutes": "secondary"}, link=False)
    back = _regions(bodymap, "back")
    assert back["hamstrings"].level == "target"
    assert back["glutes"].level == "secondary"
    assert back["lats"].level is None
    assert bodymap.target == ("Hamstrings",)
    assert bodymap.secondary == ("Glutes",)
    assert bodymap.unmapped == ()
    # highlighted regions are painted last, the target on top
    order = [r.muscle for v in bodymap.views if v.view == "back" for r in v.regions]
    assert order[-2:] == ["glutes", "hamstrings"]


def test_summaries_name_only_what_each_view_shows() -> None:
    bodymap = body_map({"chest": "target", "triceps": "secondary"}, link=False)
    front, back = bodymap.views
    assert front.summary == "Front view of the body. Target: Chest."
    assert back.summary == "Back view of the body. Secondary: Triceps."


def test_a_muscle_without_views_is_listed_but_not_drawn() -> None:
    bodymap = body_map({"cardiovascular-system": "target", "calves": "secondary"}, link=False)
    assert bodymap.target == ("Cardiovascular system",)
    assert bodymap.unmapped == ("Cardiovascular system",)


@pytest.mark.parametrize(
    ("highlight", "message"),
    [({"pecs": "target"}, "unknown muscle 'pecs'"), ({"chest": "main"}, "unknown level 'main'")],
)
def test_unknown_muscles_and_levels_are_refused(highlight: dict[str, str], message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        body_map(highlight, link=False)


def test_links_only_when_asked() -> None:
    plain = body_map(None, link=False)
    assert all(r.href is None for v in plain.views for r in v.regions)
    assert not plain.linked
    linked = body_map(None, link=True)
    assert all(r.href == f"/exercises/muscle/{r.muscle}" for v in linked.views for r in v.regions)
    assert _regions(linked, "back")["hamstrings"].label == "Hamstrings exercises"


def test_links_can_be_limited_to_published_hubs() -> None:
    bodymap = body_map(None, link=True, linkable={"chest", "quads"})
    hrefs = {r.muscle: r.href for v in bodymap.views for r in v.regions if r.href}
    assert hrefs == {"chest": "/exercises/muscle/chest", "quads": "/exercises/muscle/quads"}


def test_region_title_carries_the_latin_names() -> None:
    region = _regions(body_map({"calves": "target"}, link=False), "back")["calves"]
    assert region.title == "Calves (gastrocnemius, soleus)"
    assert region.label == "Calves, target muscle"


def test_exercise_highlight_marks_target_strongly_and_secondaries_lightly() -> None:
    ghr = make_exercise(
        target="hamstrings",
        secondary=["glutes", {"muscle": "calves", "weight": 0.25}],
    )
    assert exercise_highlight(ghr) == {
        "hamstrings": "target",
        "glutes": "secondary",
        "calves": "secondary",
    }
    assert exercise_highlight(make_exercise(secondary=[])) == {"quads": "target"}


def _render(bodymap: BodyMap) -> str:
    env = Environment(
        loader=PackageLoader("repforge.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    template = env.from_string('{% from "_bodymap.html" import body_map %}{{ body_map(m) }}')
    return template.render(m=bodymap)


def test_macro_renders_accessible_figures_with_a_text_legend() -> None:
    html = _render(body_map({"hamstrings": "target", "glutes": "secondary"}, link=False))
    assert html.count("<svg") == 2
    assert (
        'role="img" aria-label="Back view of the body. Target: Hamstrings. Secondary: Glutes."'
        in html
    )
    assert "<title>Hamstrings (biceps femoris, semitendinosus, semimembranosus)</title>" in html
    assert 'fill="url(#bodymap-back-hatch)"' in html
    assert "Target: Hamstrings" in html
    assert "Secondary: Glutes" in html
    assert "<a " not in html


def test_macro_renders_linked_regions_as_focusable_svg_links() -> None:
    html = _render(body_map(None, link=True))
    assert 'role="group"' in html
    assert 'role="img"' not in html
    assert '<a href="/exercises/muscle/chest" aria-label="Chest exercises">' in html
    assert html.count("<a href=") == sum(len(m.views) for m in MAPPED)
