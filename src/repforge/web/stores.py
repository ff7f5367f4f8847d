"""The training log's store in one database transaction, for routes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import Request

from repforge.store.db import transaction
from repforge.store.workouts import SqlLogStore
from repforge.web.caching import state_of


@contextmanager
def log_store(request: Request) -> Iterator[SqlLogStore]:
    with transaction(state_of(request).sessions) as session:
        yield SqlLogStore(session)
