"""The compiled catalog cache (repforge.catalog.compiled): reused, rebuilt, never for bad files."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from repforge.catalog import compiled, load
from repforge.errors import CatalogError
from tests.factories import exercise_data, to_yaml


def _write(folder: Path, slug: str, **overrides: object) -> None:
    text = to_yaml(exercise_data(slug=slug, **overrides))
    (folder / f"{slug}.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "exercises"
    folder.mkdir()
    _write(folder, "test-squat")
    _write(folder, "test-lunge")
    return folder


def _forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the files were parsed again")

    monkeypatch.setattr(load, "load_sources", refuse)


def test_a_second_load_comes_from_the_cache(
    files: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = load.load_dir(files, cache)
    assert len(list(cache.glob("catalog-*.pickle"))) == 1
    _forbid_parsing(monkeypatch)
    second = load.load_dir(files, cache)
    assert second.slugs == first.slugs == ("test-lunge", "test-squat")
    assert second.version == first.version
    assert second.get("test-squat") == first.get("test-squat")


def test_an_edited_file_is_parsed_again(files: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load.load_dir(files, cache)
    _write(files, "test-squat", popularity=5)
    reloaded = load.load_dir(files, cache)
    assert reloaded.get("test-squat").popularity == 5


def test_a_bad_file_is_reported_with_its_line_and_never_cached(files: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _write(files, "test-squat", target="quadz")
    with pytest.raises(CatalogError) as raised:
        load.load_dir(files, cache)
    assert "test-squat.yaml:" in str(raised.value)
    assert not list(cache.glob("catalog-*.pickle"))


def test_a_damaged_cache_file_is_ignored_and_rewritten(files: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load.load_dir(files, cache)
    (written,) = cache.glob("catalog-*.pickle")
    written.write_bytes(b"not a pickle")
    assert load.load_dir(files, cache).slugs == ("test-lunge", "test-squat")
    assert written.read_bytes() != b"not a pickle"


def test_reading_the_cache_pauses_the_cycle_collector_and_restores_it(
    files: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    load.load_dir(files, cache)
    assert gc.isenabled()
    assert load.load_dir(files, cache).slugs == ("test-lunge", "test-squat")  # from the cache
    assert gc.isenabled()
    (written,) = cache.glob("catalog-*.pickle")
    written.write_bytes(b"not a pickle")
    load.load_dir(files, cache)  # a failed read restores it too
    assert gc.isenabled()
    gc.disable()
    try:
        load.load_dir(files, cache)
        assert not gc.isenabled()  # a caller that paused it keeps it paused
    finally:
        gc.enable()


def test_an_unwritable_cache_folder_only_costs_speed(files: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way", encoding="utf-8")
    assert load.load_dir(files, blocked / "cache").slugs == ("test-lunge", "test-squat")


def test_old_compiled_catalogs_are_pruned(files: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    for popularity in range(1, 6):
        _write(files, "test-squat", popularity=popularity)
        load.load_dir(files, cache)
    assert len(list(cache.glob("catalog-*.pickle"))) == compiled.KEEP
