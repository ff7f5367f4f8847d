"""The import service: one transaction, duplicates handled as asked, removal, round trips."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from repforge import importing
from repforge.catalog.catalog import Catalog
from repforge.catalog.importers.report import ImportReport
from repforge.catalog.model import Exercise
from repforge.errors import ImportFormatError, InvalidInputError, NameConflictError
from repforge.store import db
from repforge.store.custom import CustomExerciseRepository
from tests.factories import exercise_data, make_catalog, make_exercise, to_yaml

FIXTURES = Path(__file__).parent / "catalog" / "importers" / "fixtures"
FREE = FIXTURES / "free_exercise_db" / "exercises.json"
V1 = FIXTURES / "exercisedb" / "v1.json"


@pytest.fixture
def sessions(database_url: str) -> Iterator[sessionmaker[Session]]:
    engine = db.make_engine(database_url)
    db.upgrade(engine)
    yield db.session_factory(engine)
    engine.dispose()


@pytest.fixture
def base() -> Catalog:
    return make_catalog(
        make_exercise(slug="barbell-curl", name="Barbell Curl", target="biceps", secondary=[]),
        make_exercise(
            slug="seated-hip-abduction",
            name="Seated Hip Abduction",
            aliases=["Lever Seated Hip Abduction"],
            target="abductors",
            secondary=[],
            pattern="hip-abduction",
            summary=None,
            steps=[],
        ),
        make_exercise(slug="barbell-back-squat", name="Barbell Back Squat"),
    )


def _stored(sessions: sessionmaker[Session]) -> tuple[list[str], int]:
    with db.transaction(sessions) as session:
        repo = CustomExerciseRepository(session)
        return [row.slug for row in repo.all()], repo.revision()


def test_import_stores_drafts_and_reports_duplicates(
    sessions: sessionmaker[Session], base: Catalog
) -> None:
    report = importing.import_records(sessions, base, "free-exercise-db", FREE)
    assert (report.records, report.imported, report.skipped, report.merged) == (5, 4, 1, 0)
    [duplicate] = report.duplicates
    assert (duplicate.existing, duplicate.matched, duplicate.where, duplicate.action) == (
        "barbell-curl",
        "slug",
        "built-in",
        "skipped",
    )
    slugs, revision = _stored(sessions)
    assert len(slugs) == 4
    assert revision == 1
    catalog, seen = importing.custom_catalog(sessions, base)
    assert seen == 1
    assert len(catalog) == len(base) + 4
    assert catalog.get("kettlebell-figure-eight").provenance.source == "free-exercise-db"


def test_dry_run_reports_the_same_and_writes_nothing(
    sessions: sessionmaker[Session], base: Catalog
) -> None:
    report = importing.import_records(sessions, base, "free-exercise-db", FREE, dry_run=True)
    assert report.dry_run
    assert (report.imported, report.skipped) == (4, 1)
    assert _stored(sessions) == ([], 0)


def test_a_failing_import_leaves_the_database_unchanged(
    sessions: sessionmaker[Session], base: Catalog
) -> None:
    importing.import_records(sessions, base, "exercisedb", V1)
    before = _stored(sessions)

    def fail_midway(done: int, total: int) -> None:
        if done == 3:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        importing.import_records(sessions, base, "free-exercise-db", FREE, progress=fail_midway)
    assert _stored(sessions) == before
    with pytest.raises(ImportFormatError, match="record 1, field 'name'"):
        importing.import_records(
            sessions, base, "free-exercise-db", FIXTURES / "free_exercise_db" / "missing_name.json"
        )
    assert _stored(sessions) == before


def test_duplicates_within_one_file_are_skipped_by_default(
    sessions: sessionmaker[Session],
) -> None:
    report = importing.import_records(sessions, make_catalog(), "exercisedb", V1)
    assert (report.imported, report.skipped) == (2, 1)
    assert report.duplicates[0].where == "this import"


def test_merge_folds_names_and_missing_text_into_the_existing_exercise(
    sessions: sessionmaker[Session], base: Catalog
) -> None:
    report = importing.import_records(sessions, base, "exercisedb", V1, on_duplicate="merge")
    assert (report.imported, report.merged) == (1, 2)
    assert {d.action for d in report.duplicates} == {"merged into seated-hip-abduction"}
    catalog, _ = importing.custom_catalog(sessions, base)
    merged = catalog.get("seated-hip-abduction")
    assert merged.steps == ("Sit tall with the pads outside the knees and press them apart.",)
    assert merged.provenance == base.get("seated-hip-abduction").provenance
    assert importing.sources(sessions) == {"exercisedb": 2}
    assert importing.remove_source(sessions, "exercisedb") == 2
    restored, _ = importing.custom_catalog(sessions, base)
    assert restored.get("seated-hip-abduction").steps == ()


def test_rename_keeps_both(sessions: sessionmaker[Session], base: Catalog) -> None:
    report = importing.import_records(sessions, base, "exercisedb", V1, on_duplicate="rename")
    assert (report.imported, report.skipped) == (3, 0)
    catalog, _ = importing.custom_catalog(sessions, base)
    renamed = [e for e in catalog if e.slug.startswith("lever-seated-hip-abduction-exercisedb")]
    assert sorted(e.name for e in renamed) == [
        "Lever Seated Hip Abduction (exercisedb)",
        "Lever Seated Hip Abduction (exercisedb) 2",
    ]


def test_importing_the_same_records_again(sessions: sessionmaker[Session], base: Catalog) -> None:
    importing.import_records(sessions, base, "free-exercise-db", FREE)
    again = importing.import_records(sessions, base, "free-exercise-db", FREE)
    assert (again.imported, again.skipped) == (0, 5)
    assert {d.matched for d in again.duplicates} == {"source id", "slug"}
    updated = importing.import_records(
        sessions, base, "free-exercise-db", FREE, on_duplicate="merge"
    )
    assert (updated.imported, updated.merged) == (0, 5)
    assert len(_stored(sessions)[0]) == 5  # four imports plus the overlay on barbell-curl


def test_relations_must_resolve(sessions: sessionmaker[Session], base: Catalog) -> None:
    report = importing.import_records(sessions, base, "repforge", FIXTURES / "repforge")
    assert report.imported == 2
    with pytest.raises(ImportFormatError, match=r"field 'alternatives\.0'"):
        importing.import_records(sessions, make_catalog(), "repforge", FIXTURES / "repforge")


def test_remove_an_unknown_source_and_bad_choices(
    sessions: sessionmaker[Session], base: Catalog
) -> None:
    assert importing.remove_source(sessions, "nobody") == 0
    with pytest.raises(InvalidInputError, match="on_duplicate"):
        importing.import_records(sessions, base, "wger", FIXTURES / "wger", on_duplicate="keep")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="format"):
        importing.import_records(sessions, base, "csv", FREE)
    with pytest.raises(InvalidInputError, match="source"):
        importing.import_records(sessions, base, "wger", FIXTURES / "wger", source="My Gym!")


def _customs(sessions: sessionmaker[Session]) -> list[object]:
    with db.transaction(sessions) as session:
        return sorted(CustomExerciseRepository(session).exercises(), key=lambda e: e.slug)


@pytest.mark.parametrize("fmt", ["repforge", "exercisedb"])
def test_import_export_import_gives_the_same_records(
    database_url: str, tmp_path: Path, base: Catalog, fmt: str
) -> None:
    first = db.make_engine(database_url)
    db.upgrade(first)
    sessions = db.session_factory(first)
    importing.import_records(sessions, base, "exercisedb", V1)
    if fmt == "repforge":
        importing.import_records(sessions, base, "wger", FIXTURES / "wger")
        importing.import_records(sessions, base, "free-exercise-db", FREE)
    catalog, _ = importing.custom_catalog(sessions, base)
    out = tmp_path / ("export" if fmt == "repforge" else "export.json")
    assert importing.export_catalog(catalog, fmt, out) == len(catalog)
    records = _customs(sessions)
    first.dispose()

    second = db.make_engine(f"sqlite:///{tmp_path / 'second.sqlite3'}")
    db.upgrade(second)
    fresh = db.session_factory(second)
    report = importing.import_records(fresh, base, fmt, out)
    assert report.skipped == len(base)  # the built-in exercises are already there
    assert _customs(fresh) == records
    second.dispose()


def test_export_refuses_a_folder_in_use(tmp_path: Path, base: Catalog) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(InvalidInputError, match="new or empty folder"):
        importing.export_catalog(base, "repforge", tmp_path)
    with pytest.raises(InvalidInputError, match="format"):
        importing.export_catalog(base, "wger", tmp_path / "x")
    shutil.rmtree(tmp_path)


def test_nul_and_direction_characters_in_ids_are_cleaned_before_storing(
    sessions: sessionmaker[Session], base: Catalog, tmp_path: Path
) -> None:
    # PostgreSQL refuses NUL in text outright; a dirty id must never reach the database
    records = [
        {
            "id": "Dirty\x00_Id\u202e",
            "name": "Kettlebell Halo\u202e Drill",
            "primaryMuscles": ["shoulders"],
            "equipment": "kettlebells",
            "instructions": ["Circle the bell around your head\x00 slowly and evenly."],
        }
    ]
    dirty = tmp_path / "dirty.json"
    dirty.write_text(json.dumps(records), encoding="utf-8")
    report = importing.import_records(sessions, base, "free-exercise-db", dirty)
    assert report.imported == 1
    with db.transaction(sessions) as session:
        (row,) = CustomExerciseRepository(session).all()
    assert row.source_id == "Dirty_Id"
    assert row.data["name"] == "Kettlebell Halo Drill"


def _yaml_folder(folder: Path, *exercises: dict[str, Any]) -> Path:
    folder.mkdir()
    for data in exercises:
        (folder / f"{data['slug']}.yaml").write_text(to_yaml(data), encoding="utf-8")
    return folder


def test_a_name_and_the_same_alias_imported_at_once_cannot_both_be_stored(
    sessions: sessionmaker[Session],
    base: Catalog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    named = _yaml_folder(tmp_path / "a", exercise_data(slug="zercher-walk", name="Zercher Walk"))
    aliased = _yaml_folder(
        tmp_path / "b",
        exercise_data(slug="sandbag-carry", name="Sandbag Carry"),
        exercise_data(slug="bear-hug-carry", name="Bear Hug Carry", aliases=["Zercher walk"]),
    )
    # B reads the names in use, then A imports and commits, then B writes: B's check in Python
    # is stale, so only the database can stop the same text being a name and an alias
    b_has_read, a_committed = threading.Event(), threading.Event()
    known_of = importing._Known.of

    def slow_read(base: Catalog, custom: list[Exercise]) -> importing._Known:
        known = known_of(base, custom)
        if threading.current_thread().name == "b":
            b_has_read.set()
            assert a_committed.wait(30)
        return known

    monkeypatch.setattr(importing._Known, "of", staticmethod(slow_read))
    outcome: dict[str, object] = {}

    def run(name: str, path: Path) -> None:
        try:
            outcome[name] = importing.import_records(sessions, base, "repforge", path)
        except Exception as exc:  # the outcome is what the test checks
            outcome[name] = exc
        finally:
            if name == "a":
                a_committed.set()

    b = threading.Thread(target=run, args=("b", aliased), name="b")
    b.start()
    assert b_has_read.wait(30)
    a = threading.Thread(target=run, args=("a", named), name="a")
    a.start()
    a.join(60)
    b.join(60)
    assert isinstance(outcome["a"], ImportReport)
    assert isinstance(outcome["b"], NameConflictError)
    assert "zercher walk" in str(outcome["b"]).lower()
    slugs, revision = _stored(sessions)
    assert slugs == ["zercher-walk"]  # nothing of B's import, not even its other record
    assert revision == 1


def test_every_format_the_cli_offers_has_a_parser_or_writer(tmp_path: Path) -> None:
    from repforge.catalog import importers
    from repforge.cli import catalog_io

    assert set(importers.FORMATS) == set(catalog_io.ImportFormat)
    assert set(importing.EXPORT_FORMATS) == set(catalog_io.ExportFormat)
    for fmt in catalog_io.ExportFormat:
        target = tmp_path / fmt.value / ("out" if fmt == "repforge" else "out.json")
        assert importing.export_catalog(make_catalog(make_exercise()), fmt.value, target) == 1
