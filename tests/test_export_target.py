"""The export folder guard: only an empty folder or an earlier export is replaced."""

from __future__ import annotations

from pathlib import Path

import pytest

from repforge.export_target import (
    MARKER,
    ExportTargetError,
    check_target,
    mark_target,
    summarise,
)


def test_missing_or_empty_folder_is_fine(tmp_path: Path) -> None:
    check_target(tmp_path / "new")
    check_target(tmp_path)


def test_foreign_folder_is_refused_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "thesis.tex").write_text("years of work")
    with pytest.raises(ExportTargetError, match="--force"):
        check_target(tmp_path)
    check_target(tmp_path, force=True)


def test_an_earlier_export_may_be_replaced(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>old</p>")
    mark_target(tmp_path, "https://example.org")
    assert "https://example.org" in (tmp_path / MARKER).read_text()
    check_target(tmp_path)


def test_a_file_is_never_a_target(tmp_path: Path) -> None:
    file = tmp_path / "site"
    file.write_text("x")
    with pytest.raises(ExportTargetError, match="is a file"):
        check_target(file, force=True)


def test_summary_counts_by_kind() -> None:
    counted = dict(
        summarise(
            ["/exercise/a", "/exercise/a.md", "/exercises", "/static/site.css", "/exercise/b"]
        )
    )
    assert counted == {
        "exercise pages": 2,
        "Markdown pages": 1,
        "list pages": 1,
        "assets": 1,
    }
