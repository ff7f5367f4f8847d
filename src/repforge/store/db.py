"""Engine, sessions and schema migrations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = "repforge.store:migrations"


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets its folder created and foreign keys switched on."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def alembic_config(engine: Engine) -> Config:
    """Alembic configuration pointing at the packaged migrations."""
    config = _scripts_config()
    url = engine.url.render_as_string(hide_password=False)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # configparser escaping
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to `revision`."""
    with engine.begin() as connection:
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current(engine: Engine) -> tuple[str, ...]:
    """The revisions the database is at (empty before the first upgrade)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_heads()


def head() -> str:
    """The newest revision the packaged migrations know."""
    return ScriptDirectory.from_config(_scripts_config()).get_current_head() or ""


def new_revision(engine: Engine, message: str, autogenerate: bool) -> Path:
    """Write the next numbered migration file (0004_message.py ...); its path."""
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
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")  # 0004_saved_plans.py
    return config


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error."""
    with factory() as session, session.begin():
        yield session
