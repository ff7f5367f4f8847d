"""Import a whole training log from Strong, Hevy or our JSON into one user's log."""

from __future__ import annotations

from dataclasses import dataclass

from repforge.catalog.catalog import Catalog
from repforge.logbook.ports import LogStore
from repforge.logbook.service import check_workout, log_workout
from repforge.training.formats import ExportFormat, LogFormat, read_log, write_log
from repforge.training.model import WeightUnit


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import added (a repeated import adds nothing) and the names it could not map."""

    workouts: int
    sets: int
    unmapped: list[str]
    already_there: int  # workouts of the file imported before

    def as_json(self) -> dict[str, object]:
        return {
            "workouts": self.workouts,
            "sets": self.sets,
            "unmapped": self.unmapped,
            "already_there": self.already_there,
        }


def import_log(
    store: LogStore,
    catalog: Catalog,
    owner: int,
    log_format: LogFormat,
    text: str,
    source: str,
    *,
    weight_unit: WeightUnit = "kg",
    dry_run: bool = False,
) -> ImportReport:
    """Add every workout of the file not imported before, as history outside the program.

    The caller's transaction makes it all-or-nothing; unmapped names become the user's own
    exercises. A dry run checks everything and writes nothing.
    """
    imported = read_log(log_format, text, source, catalog, weight_unit=weight_unit)
    workouts = sets = already = 0
    for workout in imported.workouts:
        if workout.client_id and store.workout_by_client_id(owner, workout.client_id):
            already += 1
            continue
        if dry_run:
            check_workout(catalog, workout)
        else:
            log_workout(store, catalog, owner, workout, in_program=False)
        workouts += 1
        sets += len(workout.sets)
    return ImportReport(workouts, sets, imported.unmapped, already)


EXPORTS: dict[ExportFormat, tuple[str, str]] = {
    "strong": ("repforge-log-strong.csv", "text/csv; charset=utf-8"),
    "strong-comma": ("repforge-log-strong-comma.csv", "text/csv; charset=utf-8"),
    "hevy": ("repforge-log-hevy.csv", "text/csv; charset=utf-8"),
    "repforge": ("repforge-log.json", "application/json"),
}


def export_log(
    store: LogStore, catalog: Catalog, owner: int, export_format: ExportFormat
) -> tuple[str, str, str]:
    """The owner's whole log in `export_format`: (file name, media type, text)."""
    name, media_type = EXPORTS[export_format]
    return name, media_type, write_log(export_format, store.history(owner), catalog)
