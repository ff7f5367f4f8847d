"""What a demonstration is drawn from, and the content hash that names its files."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property

from repforge.catalog import vocab
from repforge.catalog.model import Exercise
from repforge.catalog.motion import Motion

RENDERER_VERSION = "3"  # bump when the drawing changes, so cached media and ETags roll over


@dataclass(frozen=True)
class MediaInput:
    """Everything the drawing depends on, so equal inputs give equal bytes."""

    motion: Motion
    target: str
    title: str
    subtitle: str

    @cached_property
    def digest(self) -> str:
        parts = (RENDERER_VERSION, self.motion.digest, self.target, self.title, self.subtitle)
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:20]


def media_input(exercise: Exercise) -> MediaInput | None:
    """The render input for an exercise, or None when it has no motion data."""
    if exercise.motion is None:
        return None
    pattern = vocab.PATTERNS[exercise.pattern].name
    return MediaInput(exercise.motion, exercise.target, exercise.name, pattern)
