"""Rendered media on disk (repforge.media.store): reused across processes, only changes render."""

from __future__ import annotations

from pathlib import Path

import pytest

from repforge.media import render as render_module
from repforge.media.inputs import MediaInput
from repforge.media.render import MediaCache
from repforge.media.store import DiskStore
from tests.media.test_render import ITEM, MOTION


def _count_renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    rendered: list[str] = []
    real = render_module.render

    def counting(item: MediaInput, kind: str) -> bytes:
        rendered.append(f"{item.title}/{kind}")
        return real(item, kind)

    monkeypatch.setattr(render_module, "render", counting)
    return rendered


def test_a_new_process_reads_what_an_earlier_one_rendered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered = _count_renders(monkeypatch)
    first = MediaCache(disk=DiskStore(tmp_path)).get(ITEM, "thumb")
    assert rendered == ["Test Squat/thumb"]
    # a fresh cache (a restart, or the next export) finds the file instead of drawing again
    again = MediaCache(disk=DiskStore(tmp_path)).get(ITEM, "thumb")
    assert again == first
    assert rendered == ["Test Squat/thumb"]
    changed = MediaInput(MOTION, "quads", "Test Squat Renamed", "Squat")
    MediaCache(disk=DiskStore(tmp_path)).get(changed, "thumb")
    assert rendered == ["Test Squat/thumb", "Test Squat Renamed/thumb"]


def test_files_of_older_drawing_code_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / "0123456789abcdef"
    stale.mkdir()
    (stale / "old.gif").write_bytes(b"GIF89a")
    MediaCache(disk=DiskStore(tmp_path)).get(ITEM, "thumb")
    assert not stale.exists()
    assert [p.name for p in tmp_path.iterdir()] == [DiskStore(tmp_path).folder.name]


def test_an_unwritable_disk_still_serves(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way", encoding="utf-8")
    data = MediaCache(disk=DiskStore(blocked / "media")).get(ITEM, "png")
    assert data.startswith(b"\x89PNG")
