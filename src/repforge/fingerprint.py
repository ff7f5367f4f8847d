"""Fingerprints of our own code, for caches that must roll over when the code changes."""

from __future__ import annotations

import hashlib
import sys
from functools import cache
from pathlib import Path

from repforge import __version__


@cache
def code_fingerprint(*packages: Path) -> str:
    """Hash of the Python files of `packages`, the repforge version and the Python version."""
    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
    for package in packages:
        for module in sorted(package.glob("*.py")):
            digest.update(module.name.encode())
            digest.update(module.read_bytes())
    return digest.hexdigest()
