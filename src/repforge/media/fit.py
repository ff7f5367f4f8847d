"""Map scene metres onto a canvas: one scale for every frame, the floor near the bottom."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fit:
    """World -> canvas transform (canvas y grows downwards)."""

    scale: float
    ox: float
    oy: float

    def point(self, x: float, y: float) -> tuple[float, float]:
        return self.ox + x * self.scale, self.oy - y * self.scale


def fit(bounds: tuple[float, float, float, float], width: float, height: float) -> Fit:
    """Fit `bounds` (min x, min y, max x, max y) centred in width x height with a margin."""
    x0, y0, x1, y1 = bounds
    margin = 0.06
    scale = min(width * (1 - 2 * margin) / (x1 - x0), height * (1 - 2 * margin) / (y1 - y0))
    ox = width / 2 - (x0 + x1) / 2 * scale
    oy = height / 2 + (y0 + y1) / 2 * scale
    return Fit(scale, ox, oy)
