"""Where a static export may write: never over a folder it did not write itself."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from repforge.errors import RepforgeError
from repforge.pages.links import INDEX_PATH

MARKER = ".repforge-export"


class ExportTargetError(RepforgeError):
    """The export folder holds something an export did not write."""


def check_target(target: Path, force: bool = False) -> None:
    """Refuse a file, or a non-empty folder without our marker, unless `force`."""
    if target.exists() and not target.is_dir():
        raise ExportTargetError(f"{target} is a file, not a folder")
    if force or not target.exists() or (target / MARKER).is_file():
        return
    if any(target.iterdir()):
        raise ExportTargetError(
            f"{target} is not empty and was not written by `repforge export`: its contents "
            "would be deleted. Choose an empty folder, or pass --force to replace them."
        )


def mark_target(target: Path, base_url: str) -> None:
    """Leave the marker that lets the next export replace this folder."""
    (target / MARKER).write_text(
        f"Written by repforge export for {base_url}; the next export replaces this folder.\n",
        encoding="utf-8",
    )


def summarise(paths: Iterable[str]) -> list[tuple[str, int]]:
    """What an export wrote, counted by kind, for the closing message."""
    counts: Counter[str] = Counter()
    for path in paths:
        suffix = PurePosixPath(path).suffix
        if path.startswith("/static/"):
            counts["assets"] += 1
        elif suffix == ".md":
            counts["Markdown pages"] += 1
        elif path.startswith("/exercise/compare/"):
            counts["comparison pages"] += 1
        elif path.startswith("/exercise/"):
            counts["exercise pages"] += 1
        elif path.startswith(INDEX_PATH):
            counts["list pages"] += 1
        else:
            counts["other files"] += 1
    return sorted(counts.items(), key=lambda kv: -kv[1])
