"""What every request needs: settings, the catalog (reloaded when imports change it), the database."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from repforge import importing
from repforge.accounts.token_cache import TokenCache
from repforge.catalog.catalog import Catalog
from repforge.config import Settings
from repforge.served import catalog_for
from repforge.store.redis_counters import RedisRateCounters
from repforge.web.writer import BatchWriter

log = logging.getLogger(__name__)


@dataclass
class AppState:
    """Shared, read-mostly state hung on the app; one per process."""

    settings: Settings
    catalog: Catalog
    engine: Engine
    sessions: sessionmaker[Session]
    # the file catalog custom exercises are merged into, and the database revision merged
    base_catalog: Catalog | None = None
    catalog_revision: int = 0
    catalog_checked_at: float = field(default_factory=time.monotonic)
    # login rate-limit counters in Redis when configured; None keeps them in the database
    counters: RedisRateCounters | None = None
    # Bearer tokens already checked, so most API calls need no lookup (see TokenCache)
    tokens: TokenCache = field(default_factory=TokenCache)
    # SQLite's writer thread for the training log, started on the first write
    writer: BatchWriter | None = None
    _refreshing: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def refresh_due(self) -> bool:
        return time.monotonic() - self.catalog_checked_at >= self.settings.catalog_refresh_s

    def refresh_catalog(self) -> bool:
        """Reload the catalog if another process changed custom exercises; True if it did."""
        if self.base_catalog is None or not self._refreshing.acquire(blocking=False):
            return False  # nothing to merge into, or another request is already checking
        try:
            self.catalog_checked_at = time.monotonic()
            if importing.revision(self.sessions) == self.catalog_revision:
                return False
            served = catalog_for(self.settings, self.sessions, self.base_catalog)
            # rendered pages are cached per catalog version, so the old ones simply age out
            self.catalog, self.catalog_revision = served.catalog, served.revision
            return True
        except SQLAlchemyError:
            log.exception("catalog refresh failed; serving the catalog already loaded")
            return False
        finally:
            self._refreshing.release()
