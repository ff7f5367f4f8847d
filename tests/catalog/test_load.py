"""The loader refuses each kind of bad file with file:line and a clear message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from repforge.catalog import load
from repforge.catalog.load import SourceFile
from repforge.errors import CatalogError
from tests.factories import exercise_data, to_yaml


def source(**overrides: Any) -> SourceFile:
    data = exercise_data(**overrides)
    return SourceFile(f"{data['slug']}.yaml", to_yaml(data))


def problems_of(*sources: SourceFile) -> list[str]:
    _, problems = load.check(list(sources))
    return [str(p) for p in problems]


def line_of(src: SourceFile, key: str) -> int:
    return next(i for i, line in enumerate(src.text.splitlines(), 1) if line.startswith(key))


def test_valid_files_load_into_a_catalog() -> None:
    catalog = load.load_sources([source(), source(slug="other-squat")])
    assert catalog.slugs == ("other-squat", "test-squat")
    assert len(catalog.version) == 16


def test_unknown_vocabulary_value_names_file_line_and_allowed_values() -> None:
    src = source(target="hammies")
    [message] = problems_of(src)
    assert message.startswith(f"test-squat.yaml:{line_of(src, 'target:')}: target: unknown muscle")
    assert "'hammies'" in message
    assert "hamstrings" in message  # the allowed values are listed


def test_unknown_equipment_in_a_nested_list_points_at_its_line() -> None:
    src = source(equipment={"required": ["barbell", "hoverboard"]})
    [message] = problems_of(src)
    assert message.startswith(f"test-squat.yaml:{line_of(src, '  - hoverboard')}:")
    assert "unknown equipment 'hoverboard'" in message


def test_missing_section_is_named() -> None:
    data = exercise_data()
    del data["mistakes"]
    [message] = problems_of(SourceFile("test-squat.yaml", to_yaml(data)))
    assert message == "test-squat.yaml:1: mistakes: is missing"


def test_too_few_steps_is_refused() -> None:
    src = source(steps=["Only one step that is long enough."])
    [message] = problems_of(src)
    # a block list is located at its first item, the line below its key
    assert f"test-squat.yaml:{line_of(src, 'steps:') + 1}" in message
    assert "steps" in message
    assert "at least 4" in message


def test_unknown_field_is_refused() -> None:
    [message] = problems_of(source(colour="red"))
    assert "colour: unknown field" in message


def test_relation_to_unknown_slug() -> None:
    src = source(alternatives=[{"slug": "ghost-lift", "reason": "It does not exist."}])
    [message] = problems_of(src)
    assert message == (
        f"test-squat.yaml:{line_of(src, '- slug: ghost-lift')}: "
        "alternatives links to unknown exercise 'ghost-lift'"
    )


def test_easier_exercise_harder_than_its_target() -> None:
    hard = source(slug="hard-squat", difficulty="advanced")
    easy = source(slug="easy-squat", easier=["hard-squat"])
    messages = problems_of(hard, easy)
    assert any(
        m.startswith("easy-squat.yaml:") and "easier exercise 'hard-squat' is advanced" in m
        for m in messages
    )


def test_harder_exercise_easier_than_its_source() -> None:
    easy = source(slug="easy-squat")
    hard = source(slug="hard-squat", difficulty="advanced", harder=["easy-squat"])
    messages = problems_of(easy, hard)
    assert any("harder exercise 'easy-squat' is beginner" in m for m in messages)


def test_duplicate_slug_across_files() -> None:
    first = SourceFile("a.yaml", to_yaml(exercise_data(slug="same-slug")))
    second = SourceFile("same-slug.yaml", to_yaml(exercise_data(slug="same-slug")))
    messages = problems_of(first, second)
    assert any("slug 'same-slug' must match the file name 'a'" in m for m in messages)


def test_duplicate_name_or_alias_across_exercises() -> None:
    first = source(slug="front-squat", aliases=["FSQ"])
    second = source(slug="other-squat", aliases=["fsq"])
    [message] = problems_of(first, second)
    assert message.startswith("other-squat.yaml:")
    assert "alias 'fsq' is already used by 'front-squat'" in message


def test_progression_cycle() -> None:
    one = source(slug="one-squat", harder=["two-squat"])
    two = source(slug="two-squat", harder=["one-squat"])
    messages = problems_of(one, two)
    assert any("progression cycle" in m for m in messages)


def test_invalid_yaml_reports_the_line() -> None:
    broken = SourceFile("broken.yaml", "slug: broken\nname: [unclosed\nbody_part: legs\n")
    [message] = problems_of(broken)
    assert message.startswith("broken.yaml:3: invalid YAML")


def test_duplicate_key_is_refused() -> None:
    text = to_yaml(exercise_data()) + "popularity: 4\n"
    [message] = problems_of(SourceFile("test-squat.yaml", text))
    assert message == f"test-squat.yaml:{len(text.splitlines())}: key 'popularity' appears twice"


def test_advanced_needs_why_hard_and_others_must_not_have_it() -> None:
    data = exercise_data(difficulty="advanced")
    del data["why_hard"]
    assert (
        "advanced exercises need why_hard"
        in problems_of(SourceFile("test-squat.yaml", to_yaml(data)))[0]
    )
    assert "why_hard is only for advanced" in problems_of(source(why_hard="Because it is."))[0]


def test_load_sources_raises_catalog_error_with_every_problem() -> None:
    with pytest.raises(CatalogError) as info:
        load.load_sources([source(target="x"), source(slug="b-squat", category="y")])
    assert len(info.value.problems) == 2


def test_load_dir_reads_yaml_files(tmp_path: Path) -> None:
    (tmp_path / "test-squat.yaml").write_text(to_yaml(exercise_data()), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    assert load.load_dir(tmp_path).slugs == ("test-squat",)


def test_a_two_letter_alias_is_refused_with_its_line() -> None:
    """The importers refuse aliases under three characters; the catalog check agrees."""
    [message] = problems_of(source(slug="double-skip", aliases=["DU"]))
    assert message.startswith("double-skip.yaml:")
    assert "aliases" in message
