"""Name normalisation shared by duplicate checks, importers and search."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def normalise(name: str) -> str:
    """Fold a name to ASCII lower-case words: 'Glute-Ham Raise' -> 'glute ham raise'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NON_ALNUM.sub(" ", ascii_name.lower()).strip()


def slugify(name: str) -> str:
    """A URL slug from a name: 'Glute-Ham Raise' -> 'glute-ham-raise'."""
    return normalise(name).replace(" ", "-")
