"""Import, export and remove custom exercises: the service behind `repforge catalog ...`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from repforge import metrics
from repforge.catalog import importers
from repforge.catalog.catalog import Catalog
from repforge.catalog.importers import ExportFormat, OnDuplicate, clean, exercisedb, repforge_yaml
from repforge.catalog.importers.merge import combine, merge
from repforge.catalog.importers.report import Duplicate, ImportReport
from repforge.catalog.model import Exercise
from repforge.catalog.names import normalise, slugify
from repforge.errors import ConcurrentChangeError, ImportFormatError, InvalidInputError
from repforge.store import db
from repforge.store.custom import CustomExerciseRepository

ON_DUPLICATE = tuple(OnDuplicate)
EXPORT_FORMATS = tuple(ExportFormat)
SOURCE_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")


@dataclass
class _Known:
    """Slugs and names already taken, and where each exercise lives."""

    exercises: dict[str, Exercise]
    stored: set[str]  # slugs with a custom_exercises row (new, overlay or written now)
    base: set[str]
    names: dict[str, str] = field(default_factory=dict)  # normalised name or alias -> slug
    source_ids: dict[tuple[str, str], str] = field(default_factory=dict)
    batch: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, base: Catalog, custom: list[Exercise]) -> _Known:
        known = cls({}, {e.slug for e in custom}, set(base.slugs))
        for exercise in combine(base, custom):
            known.put(exercise)
        for exercise in custom:
            provenance = exercise.provenance
            if provenance.source and provenance.source_id:
                known.source_ids[(provenance.source, provenance.source_id)] = exercise.slug
        return known

    def put(self, exercise: Exercise) -> None:
        self.exercises[exercise.slug] = exercise
        for label in (exercise.name, *exercise.aliases):
            self.names.setdefault(normalise(label), exercise.slug)

    def where(self, slug: str) -> str:
        if slug in self.batch:
            return "this import"
        return "built-in" if slug in self.base else "custom"

    def match(self, draft: Exercise) -> tuple[str, str] | None:
        """(slug of the exercise `draft` duplicates, what matched), or None."""
        provenance = draft.provenance
        key = (provenance.source or "", provenance.source_id or "")
        if key in self.source_ids:
            return self.source_ids[key], "source id"
        if draft.slug in self.exercises:
            return draft.slug, "slug"
        if normalise(draft.name) in self.names:
            return self.names[normalise(draft.name)], "name"
        for alias in draft.aliases:
            if normalise(alias) in self.names:
                return self.names[normalise(alias)], "alias"
        return None

    def taken_by_others(self, slug: str) -> _TakenBy:
        return _TakenBy(self.names, slug)


@dataclass(frozen=True)
class _TakenBy:
    """Normalised names owned by any exercise but `slug` (a view, not a copy per merge)."""

    names: dict[str, str]
    slug: str

    def __contains__(self, name: object) -> bool:
        owner = self.names.get(name) if isinstance(name, str) else None
        return owner is not None and owner != self.slug


@dataclass
class _Writer:
    """Applies one draft to the database (unless a dry run) and to the known names."""

    known: _Known
    repo: CustomExerciseRepository
    report: ImportReport
    on_duplicate: OnDuplicate
    dry_run: bool

    def place(self, index: int, draft: Exercise) -> None:
        found = self.known.match(draft)
        if found is None:
            self._add(self._without_taken_aliases(draft))
            self.report.imported += 1
            return
        slug, matched = found
        where = self.known.where(slug)
        if matched == "source id" or self.on_duplicate == "merge":
            action = self._merge(slug, draft, replace=matched == "source id")
        elif self.on_duplicate == "rename":
            renamed = self._renamed(draft)
            self._add(renamed)
            self.report.imported += 1
            action = f"renamed to {renamed.slug}"
        else:
            self.report.skipped += 1
            action = "skipped"
        self.report.duplicate(Duplicate(index, draft.name, slug, matched, where, action))

    def _merge(self, slug: str, draft: Exercise, replace: bool) -> str:
        if replace and self.on_duplicate != "merge":
            self.report.skipped += 1
            return "skipped (already imported; --on-duplicate merge updates it)"
        if replace:
            updated = draft.model_copy(update={"slug": slug})
        else:
            taken = self.known.taken_by_others(slug)
            updated = merge(self.known.exercises[slug], draft, taken)
        if not self.dry_run:
            if slug in self.known.stored:
                self.repo.replace(updated)
            else:
                # an overlay row on a built-in: it belongs to (and is removed with) this source
                self.repo.add(updated, draft.provenance.source, draft.provenance.source_id)
        self.known.stored.add(slug)
        self.known.put(updated)
        self.report.merged += 1
        return "updated from this file" if replace else f"merged into {slug}"

    def _add(self, exercise: Exercise) -> None:
        if not self.dry_run:
            self.repo.add(exercise)
        self.known.stored.add(exercise.slug)
        self.known.batch.add(exercise.slug)
        self.known.put(exercise)
        provenance = exercise.provenance
        if provenance.source and provenance.source_id:
            self.known.source_ids[(provenance.source, provenance.source_id)] = exercise.slug

    def _without_taken_aliases(self, draft: Exercise) -> Exercise:
        kept = tuple(a for a in draft.aliases if normalise(a) not in self.known.names)
        return draft if kept == draft.aliases else draft.model_copy(update={"aliases": kept})

    def _renamed(self, draft: Exercise) -> Exercise:
        tag = draft.provenance.source or "import"
        slug = _free(f"{draft.slug}-{slugify(tag)}", self.known.exercises, "-")
        name = draft.name
        if normalise(name) in self.known.names:
            name = _free_name(f"{draft.name} ({tag})", self.known.names)
        renamed = draft.model_copy(update={"slug": slug, "name": name})
        return self._without_taken_aliases(renamed)


def _free(wanted: str, taken: Iterable[str], sep: str) -> str:
    taken = set(taken)
    base = wanted[:76].strip("-")
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}{sep}{number}", number + 1
    return candidate


def _free_name(wanted: str, names: dict[str, str]) -> str:
    base = clean.clip(wanted, clean.NAME_MAX - 4)
    candidate, number = base, 2
    while normalise(candidate) in names:
        candidate, number = f"{base} {number}", number + 1
    return candidate


def _check_relations(drafts: list[Exercise], known: _Known, path: Path) -> None:
    slugs = set(known.exercises) | {d.slug for d in drafts}
    for index, draft in enumerate(drafts):
        for kind in ("easier", "harder", "alternatives"):
            for position, relation in enumerate(getattr(draft, kind)):
                if relation.slug not in slugs:
                    message = f"links to unknown exercise {relation.slug!r}"
                    raise ImportFormatError(path.name, message, index, f"{kind}.{position}")


def import_records(
    sessions: sessionmaker[Session],
    catalog: Catalog,
    fmt: str,
    path: Path,
    dry_run: bool = False,
    on_duplicate: str = OnDuplicate.SKIP,
    source: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import a file or folder into the database in one transaction, all or nothing."""
    if on_duplicate not in ON_DUPLICATE:
        raise InvalidInputError(
            "on_duplicate", f"unknown choice {on_duplicate!r}", [*map(str, ON_DUPLICATE)]
        )
    if source is not None and not SOURCE_NAME.fullmatch(source):
        raise InvalidInputError("source", "use 1-64 lower-case letters, digits, '.', '_' or '-'")
    try:
        report = _import(sessions, catalog, fmt, path, dry_run, on_duplicate, source, progress)
    except Exception:
        metrics.IMPORTS.labels("failed").inc()
        raise
    metrics.IMPORTS.labels("dry_run" if dry_run else "stored").inc()
    if not dry_run:
        metrics.IMPORTED_EXERCISES.inc(report.imported + report.merged)
    return report


def _import(
    sessions: sessionmaker[Session],
    catalog: Catalog,
    fmt: str,
    path: Path,
    dry_run: bool,
    on_duplicate: str,
    source: str | None,
    progress: Callable[[int, int], None] | None,
) -> ImportReport:
    drafts, report = importers.parse(fmt, path, source)
    report.dry_run = dry_run
    try:
        with db.transaction(sessions) as session:
            repo = CustomExerciseRepository(session)
            known = _Known.of(catalog, repo.exercises())
            _check_relations(drafts, known, path)
            writer = _Writer(known, repo, report, OnDuplicate(on_duplicate), dry_run)
            for index, draft in enumerate(drafts):
                writer.place(index, draft)
                if progress is not None:
                    progress(index + 1, len(drafts))
    except IntegrityError:
        # another import stored the same slug between our read and our commit
        raise ConcurrentChangeError(
            "another import changed the catalog meanwhile; nothing written, run again"
        ) from None
    return report


def remove_source(sessions: sessionmaker[Session], name: str) -> int:
    """Delete every custom exercise imported from `name`; returns how many (0: none known)."""
    with db.transaction(sessions) as session:
        return CustomExerciseRepository(session).remove_source(name)


def sources(sessions: sessionmaker[Session]) -> dict[str, int]:
    """Source name -> custom exercises stored from it."""
    with db.transaction(sessions) as session:
        return CustomExerciseRepository(session).sources()


def custom_catalog(sessions: sessionmaker[Session], base: Catalog) -> tuple[Catalog, int]:
    """`base` with the stored custom exercises merged in, and the revision they were read at."""
    with db.transaction(sessions) as session:
        repo = CustomExerciseRepository(session)
        return combine(base, repo.exercises()), repo.revision()


def revision(sessions: sessionmaker[Session]) -> int:
    """The catalog revision: bumped by every change to custom exercises."""
    with db.transaction(sessions) as session:
        return CustomExerciseRepository(session).revision()


def export_catalog(catalog: Catalog, fmt: str, path: Path) -> int:
    """Write every exercise as our YAML (a new folder) or ExerciseDB JSON; returns how many."""
    if fmt == "repforge":
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise InvalidInputError("path", f"{path} must be a new or empty folder")
        path.mkdir(parents=True, exist_ok=True)
        for exercise in catalog:
            target = path / f"{exercise.slug}.yaml"
            target.write_text(repforge_yaml.to_yaml(exercise), encoding="utf-8")
    elif fmt == "exercisedb":
        path.parent.mkdir(parents=True, exist_ok=True)
        records = [exercisedb.export_record(exercise) for exercise in catalog]
        path.write_text(json.dumps(records, indent=2, ensure_ascii=False) + "\n", "utf-8")
    else:
        raise InvalidInputError("format", f"cannot export {fmt!r}", [*map(str, EXPORT_FORMATS)])
    return len(catalog)
