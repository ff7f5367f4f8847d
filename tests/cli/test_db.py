"""`repforge db upgrade|current|revision` and the contributor's alembic.ini."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from repforge.cli import app
from repforge.store import db

ROOT = Path(__file__).parents[2]
runner = CliRunner()


def test_upgrade_then_current_reports_the_newest_revision() -> None:
    before = runner.invoke(app, ["db", "current"])
    assert before.exit_code == 0, before.output
    assert "no revision (empty database)" in before.output
    upgraded = runner.invoke(app, ["db", "upgrade"])
    assert upgraded.exit_code == 0, upgraded.output
    after = runner.invoke(app, ["db", "current"])
    assert f"{db.head()}: up to date" in after.output


def test_revision_writes_the_next_numbered_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = ROOT / "src" / "repforge" / "store" / "migrations"
    copy = tmp_path / "migrations"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(db, "MIGRATIONS", str(copy))
    newest = int(db.head())
    result = runner.invoke(app, ["db", "revision", "-m", "add a column"])
    assert result.exit_code == 0, result.output
    written = copy / "versions" / f"{newest + 1:04d}_add_a_column.py"
    assert written.is_file(), result.output
    text = written.read_text()
    assert f"down_revision = '{newest:04d}'" in text
    assert db.head() == f"{newest + 1:04d}"


def test_alembic_ini_points_at_the_packaged_migrations_and_sdist_files_exist() -> None:
    ini = (ROOT / "alembic.ini").read_text()
    assert "script_location = repforge.store:migrations" in ini
    sdist = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["hatch"]["build"]
    for name in sdist["targets"]["sdist"]["include"]:
        assert (ROOT / name).exists(), f"pyproject's sdist includes {name}, which does not exist"


def test_backup_then_restore_brings_back_the_database(tmp_path: Path) -> None:
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    copy = tmp_path / "backup.sqlite3"
    made = runner.invoke(app, ["db", "backup", str(copy)])
    assert made.exit_code == 0, made.output
    assert copy.is_file()
    database = tmp_path / "data" / "repforge.sqlite3"
    engine = db.make_engine(f"sqlite:///{database}")
    with engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM alembic_version")
    engine.dispose()
    assert "no revision" in runner.invoke(app, ["db", "current"]).output
    restored = runner.invoke(app, ["db", "restore", str(copy)])
    assert restored.exit_code == 0, restored.output
    assert f"{db.head()}: up to date" in runner.invoke(app, ["db", "current"]).output


def test_backup_on_postgresql_points_at_pg_dump(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPFORGE_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1/none")
    result = runner.invoke(app, ["db", "backup", "out.dump"])
    assert result.exit_code == 1
    assert "pg_dump" in result.output
