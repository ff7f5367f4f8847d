"""A compiled copy of a valid catalog, keyed on its files and the code that reads them.

Parsing and validating every YAML file costs most of a CLI call or a server start; the result
only changes when a file or the loading code changes. So a catalog that loaded without problems
is pickled under a key hashing both, and the next process with the same key unpickles it instead.
Invalid catalogs are never cached: their file:line problems come from the full parse each time.
Pickle is read only from the user's own cache folder (the trust model of Python's __pycache__);
anything unreadable there is ignored and rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from repforge.catalog.catalog import Catalog
from repforge.catalog.model import Exercise
from repforge.files import write_atomically
from repforge.fingerprint import code_fingerprint
from repforge.gcpause import paused

PREFIX = "catalog-"
SUFFIX = ".pickle"
KEEP = 4  # compiled catalogs kept per folder: a few checkouts or catalog dirs side by side


class Source(Protocol):
    """What the key needs of an exercise file."""

    @property
    def name(self) -> str: ...

    @property
    def text(self) -> str: ...


def key_of(sources: Sequence[Source]) -> str:
    """The cache key: the files (names and text, in name order) and the code fingerprint."""
    digest = hashlib.sha256(code_fingerprint(Path(__file__).parent).encode())
    for source in sorted(sources, key=lambda s: s.name):
        digest.update(source.name.encode())
        digest.update(b"\0")
        digest.update(source.text.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def _read(path: Path) -> list[Exercise] | None:
    try:
        with path.open("rb") as handle, paused():
            exercises = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        return None
    if isinstance(exercises, list) and all(isinstance(e, Exercise) for e in exercises):
        return exercises
    return None


def _write(folder: Path, path: Path, exercises: list[Exercise]) -> None:
    # a read-only or full cache folder only costs speed, never a load
    if write_atomically(path, pickle.dumps(exercises, protocol=pickle.HIGHEST_PROTOCOL)):
        _prune(folder, keep=path)


def _prune(folder: Path, keep: Path) -> None:
    others = sorted(
        (p for p in folder.glob(f"{PREFIX}*{SUFFIX}") if p != keep),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in others[KEEP - 1 :]:
        with contextlib.suppress(OSError):
            old.unlink()


def load(
    sources: Sequence[Source],
    folder: Path,
    version: str,
    build: Callable[[], Catalog],
) -> Catalog:
    """The catalog from `folder` when compiled for these exact files, else `build()` and store it."""
    path = folder / f"{PREFIX}{key_of(sources)}{SUFFIX}"
    exercises = _read(path)
    if exercises is not None:
        return Catalog(exercises, version)
    catalog = build()  # raises CatalogError on a bad file: nothing is written then
    _write(folder, path, list(catalog))
    return catalog
