"""One writer thread per process that commits concurrent log writes together (group commit)."""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy.orm import Session, sessionmaker

from repforge.errors import DatabaseBusy
from repforge.store.db import transaction

T = TypeVar("T")
Job = Callable[[Session], Any]
log = logging.getLogger(__name__)

MAX_BATCH = 64
IDLE_EXIT_S = 30.0  # an idle writer thread ends; the next write starts another


@dataclass(slots=True)
class _Pending:
    job: Job
    future: asyncio.Future[Any]
    loop: asyncio.AbstractEventLoop


class BatchWriter:
    """Runs write jobs on one thread, as many as are waiting in one transaction.

    SQLite lets one writer in at a time, so request threads that each open a transaction
    queue on a lock and hand the GIL back and forth for every statement. Here one thread takes
    every job waiting, runs them in one transaction and commits once; each caller is answered
    only after that commit, so an acknowledged write is as durable as one committed alone.
    If any job of a batch fails, the batch is rolled back and its jobs run again one per
    transaction, so a failing request never takes the others with it.
    """

    def __init__(
        self,
        sessions: sessionmaker[Session],
        turn: Callable[[], AbstractContextManager[Any]],
        max_batch: int = MAX_BATCH,
    ) -> None:
        self.sessions = sessions
        self.turn = turn  # SQLite: the process's write lock, shared with the other writers
        self.max_batch = max_batch
        self._queue: queue.SimpleQueue[_Pending] = queue.SimpleQueue()
        self._guard = threading.Lock()
        self._thread: threading.Thread | None = None

    async def run(self, job: Callable[[Session], T]) -> T:
        """The job's result once its transaction has committed (or the job's error)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._queue.put(_Pending(job, future, loop))
        self._ensure_thread()
        return await future

    def _ensure_thread(self) -> None:
        thread = self._thread
        if thread is not None and thread.is_alive():  # the usual case, without the lock
            return
        with self._guard:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._work, name="repforge-writer", daemon=True
                )
                self._thread.start()

    def _work(self) -> None:
        while True:
            try:
                first = self._queue.get(timeout=IDLE_EXIT_S)
            except queue.Empty:
                with self._guard:
                    # cleared before the last look, so a caller that saw this thread set
                    # queued its job before that look, and one that saw None takes the guard
                    self._thread = None
                    if self._queue.empty():
                        return
                    self._thread = threading.current_thread()
                continue
            batch = [first]
            while len(batch) < self.max_batch:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            self._write(batch)

    def _write(self, batch: list[_Pending]) -> None:
        try:
            with self.turn(), transaction(self.sessions) as session:
                results = [p.job(session) for p in batch]
        except DatabaseBusy as exc:  # another process held the database: alone would wait too
            for pending in batch:
                self._answer(pending, None, exc)
            return
        except Exception as exc:
            if len(batch) == 1:
                self._answer(batch[0], None, exc)
                return
            for pending in batch:  # alone, so only the failing job fails
                self._write([pending])
            return
        for pending, result in zip(batch, results, strict=True):
            self._answer(pending, result, None)

    @staticmethod
    def _answer(pending: _Pending, result: Any, error: BaseException | None) -> None:
        def settle() -> None:
            if pending.future.cancelled():
                return
            if error is not None:
                pending.future.set_exception(error)
            else:
                pending.future.set_result(result)

        try:
            pending.loop.call_soon_threadsafe(settle)
        except RuntimeError:  # the caller's event loop closed (shutdown): nobody waits
            log.debug("write answered after its event loop closed")
