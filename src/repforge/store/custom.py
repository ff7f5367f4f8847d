"""Repository for custom exercises and the catalog revision (all SQL for them lives here)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from repforge.catalog.model import Exercise
from repforge.catalog.names import normalise
from repforge.errors import NameConflictError
from repforge.store.tables import CustomExercise, ExerciseName, InstanceMeta

log = logging.getLogger(__name__)

# instance_meta key counting changes to custom exercises; instances compare it to reload
REVISION_KEY = "catalog_revision"


@dataclass(frozen=True)
class StoredExercise:
    """One custom_exercises row as plain data."""

    slug: str
    source: str
    source_id: str | None
    data: dict[str, Any]


class CustomExerciseRepository:
    """Reads and writes custom exercises; every change bumps the catalog revision once."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._bumped = False

    def all(self) -> list[StoredExercise]:
        rows = self.session.scalars(select(CustomExercise).order_by(CustomExercise.id))
        return [StoredExercise(r.slug, r.source, r.source_id, dict(r.data)) for r in rows]

    def exercises(self) -> list[Exercise]:
        """Every stored exercise that still validates (rows a newer vocabulary refuses are logged)."""
        found = []
        for row in self.all():
            try:
                found.append(Exercise.model_validate(row.data))
            except ValidationError as exc:
                log.warning("custom exercise %r no longer validates: %s", row.slug, exc)
        return found

    def add(
        self, exercise: Exercise, source: str | None = None, source_id: str | None = None
    ) -> None:
        """Store a new exercise; `source` overrides its provenance's (overlays on built-ins)."""
        provenance = exercise.provenance
        self.session.add(
            CustomExercise(
                slug=exercise.slug,
                source=(source or provenance.source or "custom")[:64],
                source_id=(source_id or provenance.source_id or "")[:200] or None,
                licence=provenance.licence[:200],
                author=provenance.author[:200],
                data=exercise.model_dump(mode="json"),
            )
        )
        self._claim_names(exercise)
        self._changed()

    def replace(self, exercise: Exercise) -> None:
        """Overwrite the stored exercise with this slug (its row keeps its source)."""
        row = self.session.scalars(
            select(CustomExercise).where(CustomExercise.slug == exercise.slug)
        ).one()
        row.data = exercise.model_dump(mode="json")
        row.licence = exercise.provenance.licence[:200]
        row.author = exercise.provenance.author[:200]
        self.session.execute(delete(ExerciseName).where(ExerciseName.slug == exercise.slug))
        self._claim_names(exercise)
        self._changed()

    def remove_source(self, source: str) -> int:
        """Delete every exercise stored from `source` (and its names); returns how many."""
        slugs = select(CustomExercise.slug).where(CustomExercise.source == source)
        self.session.execute(delete(ExerciseName).where(ExerciseName.slug.in_(slugs)))
        result = self.session.execute(delete(CustomExercise).where(CustomExercise.source == source))
        removed = int(getattr(result, "rowcount", 0) or 0)
        if removed:
            self._changed()
        return removed

    def sources(self) -> dict[str, int]:
        """Source name -> stored exercises."""
        rows = self.session.execute(
            select(CustomExercise.source, func.count()).group_by(CustomExercise.source)
        )
        return {str(source): int(count) for source, count in sorted(rows.all())}

    def revision(self) -> int:
        value = self.session.scalar(
            select(InstanceMeta.value).where(InstanceMeta.key == REVISION_KEY)
        )
        return int(value) if value else 0

    def _claim_names(self, exercise: Exercise) -> None:
        # written and flushed now, in the import's transaction: a name another import committed
        # meanwhile fails here (unique key), and the whole import rolls back
        labels = [exercise.name, *exercise.aliases]
        keys = dict.fromkeys(key for key in (normalise(label)[:200] for label in labels) if key)
        self.session.add_all(ExerciseName(key=key, slug=exercise.slug) for key in keys)
        try:
            self.session.flush()
        except IntegrityError as exc:
            raise NameConflictError(exercise.slug, labels) from exc

    def _changed(self) -> None:
        if self._bumped:
            return
        # row lock on PostgreSQL so concurrent imports cannot both write the same next number
        row = self.session.get(InstanceMeta, REVISION_KEY, with_for_update=True)
        if row is None:
            self.session.add(InstanceMeta(key=REVISION_KEY, value="1"))
        else:
            row.value = str(int(row.value) + 1)
        self._bumped = True
