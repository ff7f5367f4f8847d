"""Contact sheets: every poster in a grid with its name and pattern, for reviewing by eye."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from PIL import Image

from repforge.media.inputs import MediaInput
from repforge.media.render import render

TILE = (400, 210)
COLUMNS = 4
PER_SHEET = 32


def sheet(items: Sequence[MediaInput]) -> Image.Image:
    """One sheet image of up to PER_SHEET posters."""
    rows = max(1, -(-len(items) // COLUMNS))
    image = Image.new("RGB", (TILE[0] * COLUMNS, TILE[1] * rows), "white")
    for i, item in enumerate(items):
        poster = Image.open(io.BytesIO(render(item, "png"))).convert("RGB")
        tile = poster.resize(TILE, Image.Resampling.LANCZOS)
        image.paste(tile, ((i % COLUMNS) * TILE[0], (i // COLUMNS) * TILE[1]))
    return image


def write_sheets(items: Sequence[MediaInput], folder: Path) -> list[Path]:
    """sheet-01.png, sheet-02.png, ... in `folder`; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n, start in enumerate(range(0, len(items), PER_SHEET), start=1):
        path = folder / f"sheet-{n:02d}.png"
        sheet(items[start : start + PER_SHEET]).save(path, optimize=True)
        written.append(path)
    return written
