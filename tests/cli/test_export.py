"""`repforge export`: refuses to clobber, names the base URL, says what it wrote."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from repforge.cli import app
from repforge.config import get_settings
from repforge.export_target import MARKER
from tests.factories import exercise_data, to_yaml

runner = CliRunner()


@pytest.fixture(autouse=True)
def instance(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    catalog = tmp_path / "catalog"
    catalog.mkdir()
    for slug in ("barbell-curl", "test-squat", "goblet-squat"):
        (catalog / f"{slug}.yaml").write_text(to_yaml(exercise_data(slug=slug)))
    monkeypatch.setenv("REPFORGE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("REPFORGE_CATALOG_DIR", str(catalog))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _export(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["export", *args, "--workers", "1"])
    return result.exit_code, result.output


def test_refuses_a_folder_it_did_not_write_and_keeps_it(tmp_path: Path) -> None:
    target = tmp_path / "docs"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    code, output = _export(str(target), "--base-url", "https://example.org")
    assert code == 1
    assert "--force" in output
    assert (target / "notes.txt").read_text() == "mine"


def test_writes_marker_reports_and_replaces_its_own_export(tmp_path: Path) -> None:
    target = tmp_path / "site"
    code, output = _export(str(target), "--base-url", "https://example.org")
    assert code == 0, output
    assert (target / MARKER).is_file()
    assert "for https://example.org" in output
    assert "exercise pages" in output
    assert "https://example.org/exercise/" in (target / "sitemap.xml").read_text()
    code, _ = _export(str(target), "--base-url", "https://example.org")
    assert code == 0


def test_without_base_url_says_loudly_which_one_is_used(tmp_path: Path) -> None:
    code, output = _export(str(tmp_path / "site"))
    assert code == 0, output
    assert "No --base-url given" in output
    assert "http://127.0.0.1:8000" in output


def test_force_replaces_a_foreign_folder(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "old.html").write_text("old")
    code, output = _export(str(target), "--base-url", "https://example.org", "--force")
    assert code == 0, output
    assert not (target / "old.html").exists()
