"""The catalog an instance serves: the file catalog from settings plus imported exercises."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from repforge.catalog import load
from repforge.catalog.catalog import Catalog
from repforge.config import Settings, sqlite_file

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

# SQLAlchemy and the importers load only when a database is opened: `repforge plan` on a
# machine without a database never pays for them.


@dataclass(frozen=True)
class ServedCatalog:
    """What users see (`catalog`), the file catalog it grew from, and the database revision."""

    catalog: Catalog
    base: Catalog
    revision: int


def file_catalog(settings: Settings) -> Catalog:
    """The configured folder (REPFORGE_CATALOG_DIR) or the built-in catalog."""
    if settings.catalog_dir is not None:
        return load.load_dir(settings.catalog_dir, settings.cache_dir)
    return load.load_builtin(settings.cache_dir)


def database_exists(settings: Settings) -> bool:
    """False only for a SQLite file not made yet, which can hold no imported exercises."""
    path = sqlite_file(settings.resolved_database_url)
    return path is None or path.exists()


@contextmanager
def database(settings: Settings) -> Iterator[sessionmaker[Session]]:
    """Sessions on the configured database, migrated first when auto_migrate is on."""
    from repforge.store import db

    engine = db.make_engine(settings.resolved_database_url, settings.database_busy_timeout_ms)
    try:
        if settings.auto_migrate:
            db.upgrade(engine)
        yield db.session_factory(engine)
    finally:
        engine.dispose()


def catalog_for(
    settings: Settings, sessions: sessionmaker[Session], base: Catalog | None = None
) -> ServedCatalog:
    """The file catalog (or `base`, for tests) with the database's custom exercises merged in.

    The app and every CLI command get their catalog here, so all of them see the same
    exercises: REPFORGE_CATALOG_DIR and every import included.
    """
    from repforge import importing

    chosen = base if base is not None else file_catalog(settings)
    catalog, revision = importing.custom_catalog(sessions, chosen)
    return ServedCatalog(catalog, chosen, revision)
