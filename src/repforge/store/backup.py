"""SQLite backups through the online backup API: a consistent copy while the site serves."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import Engine

from repforge.errors import RepforgeError

POSTGRES_HINT = (
    "Back up PostgreSQL with its own tools: `pg_dump --format=custom --file=FILE DATABASE` "
    "and restore with `pg_restore --clean --if-exists --dbname=DATABASE FILE` "
    "(see docs/deploy.md)."
)


class BackupError(RepforgeError):
    """A backup or restore that cannot be done, with what to do instead."""


def _sqlite_path(engine: Engine) -> Path:
    if engine.dialect.name != "sqlite":
        raise BackupError(f"repforge db backup and restore handle SQLite only. {POSTGRES_HINT}")
    database = engine.url.database
    if not database or database == ":memory:":
        raise BackupError("the database is in memory: there is no file to back up or restore")
    return Path(database)


def backup(engine: Engine, target: Path) -> None:
    """Copy the live database to `target`, consistent as of one moment, even under writes."""
    source = _sqlite_path(engine)
    if not source.is_file():
        raise BackupError(f"{source}: no database here yet; nothing to back up")
    partial = target.with_name(f".{target.name}.partial")
    with closing(sqlite3.connect(source)) as live, closing(sqlite3.connect(partial)) as copy:
        # one step copies every page under a read lock: writers wait (busy timeout), the copy
        # is a single snapshot; a stepped backup would restart whenever a writer commits
        live.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # a lone file, no -wal beside it
    os.replace(partial, target)  # a crash mid-copy never leaves a half backup under the name


def _check_is_backup(path: Path) -> None:
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as copy:
            copy.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path}: not a repforge SQLite backup ({exc})") from None


def restore(engine: Engine, source: Path) -> None:
    """Replace the live database's content with the backup at `source`, in one step."""
    target = _sqlite_path(engine)
    _check_is_backup(source)
    engine.dispose()  # our pooled connections would hold the old pages
    with closing(sqlite3.connect(source)) as copy, closing(sqlite3.connect(target)) as live:
        copy.backup(live)
