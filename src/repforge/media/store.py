"""Rendered media kept on disk between processes, so an export or a restart renders only what changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from repforge.files import write_atomically
from repforge.fingerprint import code_fingerprint

PACKAGES = (Path(__file__).parent, Path(__file__).parents[1] / "catalog")


class DiskStore:
    """Files named by input digest and kind, in a folder named by the drawing code's fingerprint.

    A changed motion block gets a new digest, and changed drawing code a new folder, so a file
    found here is always what a fresh render would give. Folders of older code are removed.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / code_fingerprint(*PACKAGES)[:16]
        self._pruned = False

    def _path(self, digest: str, kind: str) -> Path:
        return self.folder / f"{digest}.{kind}"

    def read(self, digest: str, kind: str) -> bytes | None:
        try:
            return self._path(digest, kind).read_bytes()
        except OSError:
            return None

    def write(self, digest: str, kind: str, data: bytes) -> None:
        """Store atomically; a full or read-only disk only costs a later render."""
        if not write_atomically(self._path(digest, kind), data) or self._pruned:
            return
        self._pruned = True
        for old in self.root.iterdir():
            if old.is_dir() and old != self.folder:
                shutil.rmtree(old, ignore_errors=True)
