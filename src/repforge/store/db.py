"""Engine, sessions and schema migrations."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from repforge.config import sqlite_file
from repforge.errors import DatabaseBusy

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only when a migration has to run: it costs a CLI call about 0.15 s, and
# nearly every call finds the schema already current (see `upgrade`).

MIGRATIONS = "repforge.store:migrations"
BUSY_TIMEOUT_MS = 5000
# SQLite SQLITE_BUSY / SQLITE_LOCKED (primary codes); PostgreSQL lock_not_available and
# deadlock_detected: another writer holds what we need, so the same request can succeed later
_SQLITE_BUSY = frozenset({5, 6})
_POSTGRES_BUSY = frozenset({"55P03", "40P01"})


def make_engine(url: str, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """An engine for `url` whose writes wait `busy_timeout_ms` for a lock, then fail busy."""
    connect_args: dict[str, object] = {}
    if url.startswith("sqlite"):
        connect_args["timeout"] = busy_timeout_ms / 1000
    if (path := sqlite_file(url)) is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    # a local SQLite file never drops a connection; a server can, so check those on checkout
    pre_ping = not url.startswith("sqlite")
    engine = create_engine(url, pool_pre_ping=pre_ping, connect_args=connect_args)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    elif engine.dialect.name == "postgresql":
        event.listen(engine, "connect", partial(_postgres_lock_timeout, busy_timeout_ms))
    return engine


def _postgres_lock_timeout(timeout_ms: int, dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    # 0 means "wait forever" to PostgreSQL but "do not wait" to SQLite: keep SQLite's meaning
    cursor.execute(f"SET lock_timeout = {max(1, int(timeout_ms))}")
    cursor.close()
    dbapi_connection.commit()  # type: ignore[attr-defined]


def is_busy(error: DBAPIError) -> bool:
    """Whether `error` says another writer held a lock past our timeout."""
    code = getattr(error.orig, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _SQLITE_BUSY:
        return True
    return getattr(error.orig, "sqlstate", None) in _POSTGRES_BUSY


@contextmanager
def busy_as_domain_error() -> Iterator[None]:
    """Turn a lock timeout into DatabaseBusy; every other database error passes unchanged."""
    try:
        yield
    except DBAPIError as exc:
        if is_busy(exc):
            raise DatabaseBusy() from exc
        raise


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL syncs at checkpoints, not every commit: a killed process loses no
    # committed write (only a power cut can drop the last ones), and logging a set gets ~3x faster.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def alembic_config(engine: Engine) -> Config:
    """Alembic configuration pointing at the packaged migrations."""
    config = _scripts_config()
    url = engine.url.render_as_string(hide_password=False)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # configparser escaping
    config.attributes["engine"] = engine
    return config


def numbered_head() -> str:
    """The newest migration by its file number (0005_...), read without Alembic."""
    from importlib import resources

    folder = resources.files("repforge.store.migrations") / "versions"
    numbers = [p.name[:4] for p in folder.iterdir() if p.name[:4].isdigit()]
    return max(numbers, default="")


def _recorded(engine: Engine) -> tuple[str, ...]:
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version"))
            return tuple(sorted(row[0] for row in rows))
    except SQLAlchemyError:
        return ()  # no table yet: a new database


def dialect_insert(dialect: str) -> Callable[..., Any]:
    """The INSERT of a database dialect ('postgresql', 'sqlite'), the one with ON CONFLICT."""
    from sqlalchemy.dialects import postgresql, sqlite

    return postgresql.insert if dialect == "postgresql" else sqlite.insert


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to `revision`."""
    if revision == "head" and _recorded(engine) == (numbered_head(),):
        return  # already current: skip loading Alembic at all
    from alembic import command

    with busy_as_domain_error(), _migration_lock(engine), engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # held to the end of this transaction: a second first start waits, then finds
            # the schema current and changes nothing
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_KEY})
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


# pg_advisory_xact_lock key for migrations: any fixed number no other code of ours locks
MIGRATION_KEY = 0x7265_7066  # "repf"


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """One migrating process at a time on a SQLite file (PostgreSQL locks in the transaction)."""
    path = sqlite_file(str(engine.url))
    if path is None:
        yield
        return
    import fcntl

    with open(path.with_name(path.name + ".migrate-lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # SQLite DDL is not transactional in Alembic
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def current(engine: Engine) -> tuple[str, ...]:
    """The revisions the database is at (empty before the first upgrade)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_heads()


def head() -> str:
    """The newest revision the packaged migrations know."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_scripts_config()).get_current_head() or ""


def new_revision(engine: Engine, message: str, autogenerate: bool) -> Path:
    """Write the next numbered migration file (0004_message.py ...); its path."""
    from alembic import command
    from alembic.script import ScriptDirectory

    config = alembic_config(engine)
    scripts = ScriptDirectory.from_config(config)
    numbers = [int(r.revision) for r in scripts.walk_revisions() if r.revision.isdigit()]
    revision_id = f"{max(numbers, default=0) + 1:04d}"
    written = command.revision(
        config, message=message, autogenerate=autogenerate, rev_id=revision_id
    )
    script = written[0] if isinstance(written, list) else written
    if script is None:
        raise RuntimeError("alembic wrote no revision")
    return Path(script.path)


def _scripts_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")  # 0004_saved_plans.py
    return config


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error (DatabaseBusy on a lock)."""
    with busy_as_domain_error(), factory() as session, session.begin():
        yield session
