"""`repforge search`: JSON and table output over the built-in catalog."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from repforge import served
from repforge.catalog.catalog import Catalog
from repforge.cli import app
from repforge.config import Settings
from repforge.errors import CatalogError, Problem

runner = CliRunner()


@pytest.fixture(autouse=True)
def builtin(monkeypatch: pytest.MonkeyPatch, search_catalog: Catalog) -> None:
    monkeypatch.setattr(served, "file_catalog", lambda settings: search_catalog)


def test_json_lists_results_best_first() -> None:
    result = runner.invoke(app, ["search", "rdl", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [r["slug"] for r in rows] == ["romanian-deadlift", "dumbbell-romanian-deadlift"]
    assert {"slug", "name", "score", "matched"} <= set(rows[0])
    assert rows[0]["score"] >= rows[1]["score"]


def test_limit() -> None:
    result = runner.invoke(app, ["search", "legs", "--limit", "2", "--json"])
    assert len(json.loads(result.output)) == 2


def test_json_with_no_results_is_an_empty_list() -> None:
    result = runner.invoke(app, ["search", "xyzzy", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output) == []


def test_table_output() -> None:
    result = runner.invoke(app, ["search", "romanain deadlift"], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "Showing results for romanian deadlift" in result.output
    assert "Romanian Deadlift" in result.output
    assert "romanian-deadlift" in result.output


def test_no_results_message() -> None:
    result = runner.invoke(app, ["search", "xyzzy"])
    assert "No exercises match 'xyzzy'." in result.output


def test_broken_catalog_names_the_file_and_exits_4(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(settings: Settings) -> Catalog:
        raise CatalogError([Problem("x.yaml", 3, "missing required field 'name'")])

    monkeypatch.setattr(served, "file_catalog", broken)
    result = runner.invoke(app, ["search", "rdl"])
    assert result.exit_code == 4
    assert "x.yaml:3: missing required field 'name'" in result.output
    assert "Traceback" not in result.output
