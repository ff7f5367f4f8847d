"""`repforge catalog import|export|remove`: move custom exercises in and out of the database."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from repforge.catalog import importers
from repforge.errors import NotFoundError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from repforge.catalog.catalog import Catalog
    from repforge.catalog.importers.report import ImportReport

console = Console()
err = Console(stderr=True)
SHOWN = 25  # rows per table; --report writes everything


# The choices are the domain's own enums, so a new format is offered here by adding it there.
ImportFormat = importers.ImportFormat
ExportFormat = importers.ExportFormat
OnDuplicate = importers.OnDuplicate


@contextmanager
def _database() -> Iterator[tuple[sessionmaker[Session], Catalog]]:
    """Sessions and the file catalog imports are checked against (the served one's base)."""
    from repforge.config import get_settings
    from repforge.served import database, file_catalog

    settings = get_settings()
    with database(settings) as sessions:
        yield sessions, file_catalog(settings)


def import_command(
    path: Annotated[Path, typer.Argument(help="File or folder to import.")],
    fmt: Annotated[ImportFormat, typer.Option("--format", help="Layout of the input.")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the report and write nothing.")
    ] = False,
    on_duplicate: Annotated[
        OnDuplicate,
        typer.Option(
            help="For records whose slug, name or alias is taken: skip them, merge their names "
            "and missing text into the existing exercise, or import them under a new slug.",
        ),
    ] = OnDuplicate.SKIP,
    source: Annotated[
        str | None,
        typer.Option(help="Source name to record (default: the format); `remove` takes it."),
    ] = None,
    report_file: Annotated[
        Path | None, typer.Option("--report", help="Also write the full report as JSON here.")
    ] = None,
) -> None:
    """Import exercises in one transaction (all or nothing) and print the mapping report."""
    from rich.progress import Progress

    from repforge import importing  # SQLAlchemy loads only for the commands that need it

    # a refused import raises a domain error: the command group prints it (cli/errors.py)
    with _database() as (sessions, catalog), Progress(console=err, transient=True) as progress:
        task = progress.add_task("importing", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        report = importing.import_records(
            sessions, catalog, fmt.value, path, dry_run, on_duplicate.value, source, advance
        )
    print_report(report)
    if report_file is not None:
        report_file.write_text(json.dumps(report.as_dict(), indent=2) + "\n", encoding="utf-8")


def export_command(
    path: Annotated[Path, typer.Argument(help="New folder (repforge) or JSON file (exercisedb).")],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="Layout to write.")],
) -> None:
    """Write the merged catalog (built-in plus custom exercises) to files."""
    from repforge import importing
    from repforge.config import get_settings
    from repforge.served import catalog_for, database

    settings = get_settings()
    with database(settings) as sessions:
        merged = catalog_for(settings, sessions).catalog
    count = importing.export_catalog(merged, fmt.value, path)
    console.print(f"{count} exercises -> {path}", markup=False, highlight=False, soft_wrap=True)


def remove_command(
    source: Annotated[str, typer.Option("--source", help="Source name an import recorded.")],
) -> None:
    """Remove every custom exercise one import (source) brought in."""
    from repforge import importing

    with _database() as (sessions, _):
        removed = importing.remove_source(sessions, source)
        known = importing.sources(sessions)
    if not removed:
        listed = [f"{name} ({count})" for name, count in known.items()]
        raise NotFoundError("source of custom exercises", source, listed)
    console.print(f"removed {removed} exercises imported from {source}", markup=False)


def _table(title: str, columns: tuple[str, ...], rows: Sequence[tuple[object, ...]]) -> None:
    if not rows:
        return
    grid = Table(title=title, show_edge=False, title_justify="left")
    for column in columns:
        grid.add_column(column, justify="right" if column in ("#", "records", "rules") else "left")
    for row in rows[:SHOWN]:
        grid.add_row(*(Text(str(cell)) for cell in row))  # Text: never parsed as markup
    if len(rows) > SHOWN:
        grid.caption = f"... and {len(rows) - SHOWN} more (--report writes them all)"
    console.print(grid)


def print_report(report: ImportReport) -> None:
    """The report as Rich tables; long lists are cut (the JSON report has everything)."""
    # imported text reaches the terminal: never let it be read as Rich markup
    console.print(
        f"{report.format} from {report.path}: {report.records} records, "
        f"{report.imported} imported, {report.skipped} skipped, {report.merged} merged"
        + ("  (dry run: nothing written)" if report.dry_run else ""),
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    _table("Unmapped values", ("field", "value", "records"), _counted(report.unmapped))
    _table("Values carrying no fact", ("field", "value", "records"), _counted(report.vague))
    _table("Text trimmed", ("field", "what", "records"), _counted(report.trimmed))
    kinds = Counter((d.where, d.matched, d.action.split(" ")[0]) for d in report.duplicates)
    _table(
        "Duplicates by kind",
        ("existing", "matched on", "action", "records"),
        [(*key, count) for key, count in kinds.most_common()],
    )
    _table(
        "Duplicates",
        ("#", "name", "existing", "in", "matched on", "action"),
        [(d.index, d.name, d.existing, d.where, d.matched, d.action) for d in report.duplicates],
    )
    _table(
        "Skipped records",
        ("#", "name", "reason"),
        [(s.index, s.name, s.reason) for s in report.skips],
    )
    inferred = [
        (name, sum(count for _, count in rules), len(rules), f"{rules[0][0]} ({rules[0][1]})")
        for name, rules in report.inferred_by_field().items()
    ]
    _table("Inferred", ("field", "records", "rules", "most used rule (records)"), inferred)


def _counted(counter: Counter[tuple[str, str]]) -> list[tuple[object, ...]]:
    return [(a, b, count) for (a, b), count in sorted(counter.items(), key=lambda i: (-i[1], i[0]))]
