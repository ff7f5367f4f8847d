"""`repforge plan` and `repforge plan validate`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import repforge.cli.plan as cli_plan
from repforge import served
from repforge.catalog.catalog import Catalog
from repforge.planner.plan import Finding, Plan, ValidationReport

runner = CliRunner()


@pytest.fixture(autouse=True)
def _test_catalog(monkeypatch: pytest.MonkeyPatch, gym: Catalog) -> None:
    monkeypatch.setattr(served, "file_catalog", lambda settings: gym)


def test_markdown_by_default() -> None:
    result = runner.invoke(cli_plan.plan_app, ["--goal", "strength", "--days", "3", "--weeks", "2"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Training plan: strength")


def test_json_to_a_file_then_validate_it(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    args = ["--goal", "hypertrophy", "--level", "intermediate", "--days", "4"]
    result = runner.invoke(cli_plan.plan_app, [*args, "--format", "json", "-o", str(target)])
    assert result.exit_code == 0, result.output
    data = json.loads(target.read_text())
    assert data["profile"]["days"] == 4
    checked = runner.invoke(cli_plan.plan_app, ["validate", str(target)])
    assert checked.exit_code == 0, checked.output
    assert "0 problems" in checked.output
    as_json = runner.invoke(cli_plan.plan_app, ["validate", "--json", str(target)])
    assert json.loads(as_json.output)["errors"] == []


def test_validate_fails_on_a_broken_plan(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    runner.invoke(cli_plan.plan_app, ["--days", "2", "--format", "json", "-o", str(target)])
    data = json.loads(target.read_text())
    data["weeks"][0]["sessions"][0]["exercises"][0]["rir"] = 7
    target.write_text(json.dumps(data))
    result = runner.invoke(cli_plan.plan_app, ["validate", str(target)])
    assert result.exit_code == 1
    assert "Problem (week 1, " in result.output
    assert "reps short of failure is too easy to count as a hard set" in result.output
    json_report = runner.invoke(cli_plan.plan_app, ["validate", "--json", str(target)])
    assert "rir-window" in {f["check"] for f in json.loads(json_report.output)["errors"]}


def test_lists_maxes_and_ics() -> None:
    args = [
        "--equipment",
        "dumbbell,bench",
        "--protect",
        "knees",
        "--weekdays",
        "mon,thu",
    ]
    args += ["--max", "dumbbell-bench-press=30x10", "--format", "ics", "--start", "2025-01-06"]
    result = runner.invoke(cli_plan.plan_app, args)
    assert result.exit_code == 0, result.output
    assert "DTSTART:20250106T180000" in result.output


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--days", "9"], "days"),
        (["--equipment", "spaceship"], "equipment"),
        (["--max", "bench=heavy"], "max"),
        (["--exclude", "nothing-like-this"], "exclude"),
        (["--format", "ics", "--start", "soon"], "start"),
    ],
)
def test_bad_input_names_the_field(args: list[str], field: str) -> None:
    result = runner.invoke(cli_plan.plan_app, args)
    assert result.exit_code == 2
    assert f"{field}:" in result.output


def test_a_plan_with_errors_is_written_but_exits_non_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    real = cli_plan.make_plan

    def broken(catalog: Catalog, profile: Any) -> Plan:
        plan = real(catalog, profile)
        error = Finding(check="volume-floor", severity="error", message="quads: 2 weekly sets")
        return plan.model_copy(update={"validation": ValidationReport(errors=[error])})

    monkeypatch.setattr(cli_plan, "make_plan", broken)
    result = runner.invoke(cli_plan.plan_app, ["--days", "3", "--weeks", "1"])
    assert result.exit_code == 1
    assert "# Training plan" in result.output
    assert "breaks a rule: see what had to give at the top of the plan" in result.output

    def proven(catalog: Catalog, profile: Any) -> Plan:
        return broken(catalog, profile).model_copy(update={"impossible": True})

    monkeypatch.setattr(cli_plan, "make_plan", proven)
    result = runner.invoke(cli_plan.plan_app, ["--days", "3", "--weeks", "1"])
    assert result.exit_code == 1
    assert "no week of these sessions can keep them all" in result.output


def test_age_reaches_the_profile() -> None:
    result = runner.invoke(cli_plan.plan_app, ["--age", "70", "--weeks", "1", "--format", "json"])
    assert json.loads(result.output)["profile"]["age"] == 70
    refused = runner.invoke(cli_plan.plan_app, ["--age", "7"])
    assert refused.exit_code == 2
    assert "age" in refused.output


def test_a_plan_without_a_database_loads_neither_sqlalchemy_nor_pandas(tmp_path: Path) -> None:
    """The shell command stays quick: no database is made or opened when none exists, and
    CP-SAT loads without pandas."""
    import subprocess
    import sys

    child = (
        "import sys\n"
        "from repforge.cli import app\n"
        "sys.argv = ['repforge', 'plan', '--days', '2', '--weeks', '1']\n"
        "try:\n"
        "    app()\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "print(sorted(m for m in ('sqlalchemy', 'pandas', 'alembic') if m in sys.modules))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "REPFORGE_DATA_DIR": str(tmp_path / "data")}
    env["REPFORGE_CACHE_DIR"] = str(tmp_path / "cache")
    out = subprocess.run(
        [sys.executable, "-c", child], check=True, capture_output=True, text=True, env=env
    ).stdout
    assert out.startswith("# Training plan")
    assert out.strip().endswith("[]")
    assert not (tmp_path / "data").exists()
