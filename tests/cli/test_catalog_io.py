"""`repforge catalog import|export|remove` against a throwaway data folder."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from repforge.cli import app
from repforge.config import get_settings
from tests.factories import DATASETS, exercise_data, to_yaml
from tests.store.locks import write_lock_held

FIXTURES = Path(__file__).parents[1] / "catalog" / "importers" / "fixtures"
runner = CliRunner()


@pytest.fixture(autouse=True)
def instance(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    catalog = tmp_path / "catalog"
    catalog.mkdir()
    for slug in ("barbell-curl", "test-squat"):
        (catalog / f"{slug}.yaml").write_text(to_yaml(exercise_data(slug=slug)))
    monkeypatch.setenv("REPFORGE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("REPFORGE_CATALOG_DIR", str(catalog))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["catalog", *args])
    return result.exit_code, result.output


def test_dry_run_then_import_export_and_remove(tmp_path: Path) -> None:
    free = str(FIXTURES / "free_exercise_db")
    code, out = _run("import", "--format", "free-exercise-db", free, "--dry-run")
    assert code == 0, out
    assert "5 records, 4 imported, 1 skipped, 0 merged  (dry run: nothing written)" in out
    assert "Unmapped values" in out
    assert "shoulder blades" in out
    report = tmp_path / "report.json"
    code, out = _run("import", "--format", "free-exercise-db", free, "--report", str(report))
    assert code == 0
    assert "(dry run" not in out
    assert json.loads(report.read_text())["imported"] == 4
    exported = tmp_path / "out.json"
    code, out = _run("export", "--format", "exercisedb", str(exported))
    assert code == 0
    assert f"6 exercises -> {exported}" in out
    assert len(json.loads(exported.read_text())) == 6
    code, out = _run("remove", "--source", "free-exercise-db")
    assert code == 0
    assert "removed 4 exercises" in out
    code, out = _run("remove", "--source", "free-exercise-db")
    assert code == 3
    assert "no source of custom exercises called 'free-exercise-db'" in out


def test_malformed_input_is_refused_without_a_traceback() -> None:
    code, out = _run(
        "import", "--format", "free-exercise-db", str(FIXTURES / "free_exercise_db" / "bad.json")
    )
    assert code == 6
    assert "refused, nothing written: bad.json: invalid JSON at line 2" in out


@pytest.mark.parametrize("fmt", ["free-exercise-db", "exercisedb", "wger", "repforge"])
def test_the_messy_dataset_is_refused_by_every_format(fmt: str) -> None:
    messy = DATASETS / "glowupp-open-exercisedb" / "exercises.json"
    if not messy.exists():
        pytest.skip("shared/datasets is not beside this checkout")
    code, out = _run("import", "--format", fmt, str(messy), "--dry-run")
    assert code == 6, out
    assert "refused, nothing written" in out


def test_a_busy_database_is_a_message_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    free = str(FIXTURES / "free_exercise_db")
    assert _run("import", "--format", "free-exercise-db", free, "--dry-run")[0] == 0  # migrated
    monkeypatch.setenv("REPFORGE_DATABASE_BUSY_TIMEOUT_MS", "100")
    get_settings.cache_clear()
    with write_lock_held(get_settings().resolved_database_url, "custom_exercises"):
        result = runner.invoke(app, ["catalog", "import", "--format", "free-exercise-db", free])
    assert result.exit_code == 75
    assert isinstance(result.exception, SystemExit)
    assert "busy" in result.output
    assert "Traceback" not in result.output


def test_search_and_plan_see_the_catalog_folder_and_imported_exercises() -> None:
    from repforge.cli.plan import _catalog as plan_catalog

    code, out = _run("import", "--format", "free-exercise-db", str(FIXTURES / "free_exercise_db"))
    assert code == 0, out
    found = runner.invoke(app, ["search", "kettlebell figure eight", "--json"])
    assert found.exit_code == 0, found.output
    assert json.loads(found.output)[0]["name"] == "Kettlebell Figure Eight"
    from_folder = runner.invoke(app, ["search", "test squat", "--json"])
    assert [row["slug"] for row in json.loads(from_folder.output)] == ["test-squat"]
    slugs = set(plan_catalog(None).slugs)
    assert {"barbell-curl", "test-squat"} <= slugs
    assert any("figure-eight" in slug for slug in slugs)
