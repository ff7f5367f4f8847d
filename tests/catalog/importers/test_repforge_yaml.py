"""Our YAML as an import format: sections optional, everything else validated, round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from repforge.catalog.importers import repforge_yaml
from repforge.catalog.load import load_builtin
from repforge.catalog.model import Exercise
from repforge.errors import ImportFormatError

from .conftest import FIXTURES


def test_a_folder_of_custom_exercises() -> None:
    drafts, report = repforge_yaml.parse(FIXTURES / "repforge")
    assert [d.slug for d in drafts] == ["belt-squat-machine", "zercher-carry"]
    belt = drafts[0]
    assert belt.summary is None
    assert belt.steps == ()
    assert belt.provenance.source == "repforge"
    assert belt.provenance.source_id == belt.slug
    carry = drafts[1]
    assert (carry.provenance.source, carry.provenance.source_id) == ("example-coach", "zc-1")
    assert report.records == 2
    assert report.imported == 0


def test_one_file_and_a_named_source() -> None:
    drafts, report = repforge_yaml.parse(FIXTURES / "repforge" / "zercher-carry.yaml", "gym")
    assert [d.provenance.source for d in drafts] == ["gym"]
    assert report.source == "gym"


def test_invalid_files_are_refused_with_file_and_line() -> None:
    with pytest.raises(
        ImportFormatError, match=r"broken-row.yaml:4: record 0, field .target.: unknown muscle"
    ):
        repforge_yaml.parse(FIXTURES / "repforge_bad")


def test_bad_yaml_names_and_aliases_are_refused(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("slug: [unclosed\n")
    with pytest.raises(ImportFormatError, match="invalid YAML"):
        repforge_yaml.parse(tmp_path)
    text = (FIXTURES / "repforge" / "belt-squat-machine.yaml").read_text()
    (tmp_path / "x.yaml").unlink()
    (tmp_path / "belt-squat-machine.yaml").write_text(
        text.replace("[Hip Belt Squat]", "[" + "x" * 150 + "]")
    )
    with pytest.raises(ImportFormatError, match=r"field 'aliases\.0'"):
        repforge_yaml.parse(tmp_path)
    with pytest.raises(ImportFormatError, match=r"no \.yaml files"):
        repforge_yaml.parse(FIXTURES / "free_exercise_db")
    with pytest.raises(ImportFormatError, match="no such file or folder"):
        repforge_yaml.parse(tmp_path / "nothing-here")


def test_builtin_exercises_round_trip_through_yaml(tmp_path: Path) -> None:
    catalog = load_builtin()
    sample = list(catalog)[::8]  # every kind of field, without parsing the whole catalog twice
    for exercise in sample:
        (tmp_path / f"{exercise.slug}.yaml").write_text(repforge_yaml.to_yaml(exercise))
    drafts, _ = repforge_yaml.parse(tmp_path)
    for draft in drafts:
        original = Exercise.model_validate(catalog.get(draft.slug).model_dump())
        provenance = original.provenance.model_copy(
            update={"source": "repforge", "source_id": original.slug}
        )
        assert draft == original.model_copy(update={"provenance": provenance})
    assert len(drafts) == len(sample)
