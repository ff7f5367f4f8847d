"""The training log's store in one database transaction, for routes."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import date
from weakref import WeakKeyDictionary

from fastapi import Request
from sqlalchemy import Engine

from repforge.logbook.next import Coaching
from repforge.store.accounts import SqlAccountStore
from repforge.store.db import transaction
from repforge.store.workouts import SqlLogStore
from repforge.web.caching import state_of

_writers: WeakKeyDictionary[Engine, threading.Lock] = WeakKeyDictionary()
_writers_guard = threading.Lock()


def _sqlite_writer(engine: Engine) -> threading.Lock:
    with _writers_guard:
        return _writers.setdefault(engine, threading.Lock())


@contextmanager
def log_store(request: Request) -> Iterator[SqlLogStore]:
    """A log store in one transaction; on SQLite, this process's writers take turns.

    SQLite allows one writer at a time; threads that collide otherwise wait in its busy
    handler, which sleeps in steps of up to 100 ms. Queueing on a lock hands over at once.
    """
    state = state_of(request)
    turn = _sqlite_writer(state.engine) if state.engine.dialect.name == "sqlite" else nullcontext()
    with turn, transaction(state.sessions) as session:
        yield SqlLogStore(session)


def coaching(request: Request, store: SqlLogStore, owner: int) -> Coaching:
    """Adaptation inputs for one user: the catalog, today, their units and load steps."""
    preferences = SqlAccountStore(store.session).preferences(owner)
    return Coaching.of(state_of(request).catalog, preferences, date.today())
