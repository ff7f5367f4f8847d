"""What every request needs: settings, the catalog, the database, rendered-page cache."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from repforge.catalog.catalog import Catalog
from repforge.config import Settings


@dataclass
class AppState:
    """Shared, read-mostly state hung on the app; one per process."""

    settings: Settings
    catalog: Catalog
    engine: Engine
    sessions: sessionmaker[Session]
    # (catalog version, cache key) -> rendered body; bounded by the number of public pages
    rendered: dict[tuple[str, str], bytes] = field(default_factory=dict)
