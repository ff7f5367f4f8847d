"""Reading any format with names mapped, and writing the log back in every shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from repforge.catalog.catalog import Catalog
from repforge.training.formats import LogFormatError, read_log, write_log

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_read_log_maps_names_and_reports_the_unmapped(catalog: Catalog) -> None:
    text = (FIXTURES / "hevy_kg.csv").read_text("utf-8")
    found = read_log("hevy", text, "hevy_kg.csv", catalog)
    slugs = {s.exercise for w in found.workouts for s in w.sets}
    assert {"barbell-bench-press", "lat-pulldown", "plank", "outdoor-running"} <= slugs
    assert found.unmapped == []
    assert found.sets == 7


def test_unknown_names_become_custom_and_are_listed(catalog: Catalog) -> None:
    text = (FIXTURES / "strong_semicolon.csv").read_text("utf-8").replace("Plank", "Zorb Roll")
    found = read_log("strong", text, "s.csv", catalog)
    assert found.unmapped == ["Zorb Roll"]
    assert "custom:Zorb Roll" in {s.exercise for w in found.workouts for s in w.sets}


def test_a_malformed_file_reads_nothing(catalog: Catalog) -> None:
    text = (FIXTURES / "strong_malformed.csv").read_text("utf-8")
    with pytest.raises(LogFormatError, match="line 4"):
        read_log("strong", text, "strong_malformed.csv", catalog)


@pytest.mark.parametrize(
    ("export", "read_as"),
    [("strong", "strong"), ("strong-comma", "strong"), ("hevy", "hevy"), ("repforge", "repforge")],
)
def test_every_export_reads_back_to_the_same_exercises(
    catalog: Catalog, export: str, read_as: str
) -> None:
    text = (FIXTURES / "hevy_kg.csv").read_text("utf-8")
    original = read_log("hevy", text, "hevy_kg.csv", catalog).workouts
    written = write_log(export, original, catalog)  # type: ignore[arg-type]
    again = read_log(read_as, written, "export", catalog)  # type: ignore[arg-type]
    assert [s.exercise for w in again.workouts for s in w.sets] == [
        s.exercise for w in original for s in w.sets
    ]
