"""`repforge log import` on the configured database: counts, repeats, dry runs, bad rows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from repforge.cli.main import app
from repforge.config import get_settings

runner = CliRunner()
HEADER = "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration\n"
ROWS = (
    "2025-03-03 07:30:00;Push A;Bench Press (Barbell);W;20;kg;10;;;;0;;;1h\n"
    "2025-03-03 07:30:00;Push A;Bench Press (Barbell);1;60;kg;8;8;;;0;;;1h\n"
    "2025-03-03 07:30:00;Push A;Zercher Hold With Chains;1;100;lbs;1;;;;20;;;1h\n"
    "2025-03-05 07:30:00;Pull A;Pull Up;1;0;kg;8;;;;0;;;45m\n"
)


@pytest.fixture(autouse=True)
def _database(monkeypatch: pytest.MonkeyPatch, database_url: str) -> Iterator[None]:
    monkeypatch.setenv("REPFORGE_DATABASE_URL", database_url)
    get_settings.cache_clear()
    created = runner.invoke(
        app, ["user", "create", "ann@example.com", "--password-stdin"], input="a long password\n"
    )
    assert created.exit_code == 0, created.output
    yield
    get_settings.cache_clear()


def _import(path: Path, *extra: str) -> dict[str, object]:
    args = ["log", "import", "--format", "strong", str(path), "--user", "ann@example.com"]
    result = runner.invoke(app, [*args, "--json", *extra])
    assert result.exit_code == 0, result.output
    report: dict[str, object] = json.loads(result.output)
    return report


def test_an_import_counts_what_it_added_and_a_repeat_adds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "strong.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    first = _import(path)
    assert (first["workouts"], first["sets"]) == (2, 4)
    assert first["unmapped"] == ["Zercher Hold With Chains"]
    again = _import(path)
    assert (again["workouts"], again["sets"], again["already_there"]) == (0, 0, 2)


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "strong.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    dry = _import(path, "--dry-run")
    assert (dry["workouts"], dry["sets"]) == (2, 4)
    assert _import(path)["workouts"] == 2


def test_a_malformed_row_is_named_and_nothing_is_imported(tmp_path: Path) -> None:
    path = tmp_path / "strong.csv"
    bad = "2025-03-07 07:30:00;Legs;Squat (Barbell);1;heavy;kg;5;;;;0;;;1h\n"
    path.write_text(HEADER + ROWS + bad, encoding="utf-8")
    args = ["log", "import", "--format", "strong", str(path), "--user", "ann@example.com"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "line 6" in result.output
    path.write_text(HEADER + ROWS, encoding="utf-8")
    assert _import(path)["workouts"] == 2


def test_an_unknown_account_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "strong.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    args = ["log", "import", str(path), "--user", "nobody@example.com"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "nobody@example.com" in result.output


def test_an_export_gives_back_what_was_imported(tmp_path: Path) -> None:
    path = tmp_path / "strong.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    _import(path)
    out = tmp_path / "log.json"
    args = ["log", "export", "--user", "ann@example.com", "--format", "repforge", "-o", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    workouts = json.loads(out.read_text(encoding="utf-8"))["workouts"]
    assert [w["name"] for w in workouts] == ["Push A", "Pull A"]
    assert sum(len(w["sets"]) for w in workouts) == 4
    # the Strong-shaped export imports again into the same numbers, and a repeat adds nothing
    strong = runner.invoke(
        app, ["log", "export", "--user", "ann@example.com", "--format", "strong"]
    )
    assert strong.exit_code == 0, strong.output
    assert "Bench Press (Barbell)" in strong.output
    unknown = runner.invoke(app, ["log", "export", "--user", "nobody@example.com"])
    assert unknown.exit_code == 1
    assert "nobody@example.com" in unknown.output
