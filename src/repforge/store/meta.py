"""Repository for instance metadata (all SQL for it lives here)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from repforge.store.tables import InstanceMeta


class MetaRepository:
    """Reads and writes instance_meta rows."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, key: str) -> str | None:
        return self.session.scalar(select(InstanceMeta.value).where(InstanceMeta.key == key))

    def put(self, key: str, value: str) -> None:
        row = self.session.get(InstanceMeta, key)
        if row is None:
            self.session.add(InstanceMeta(key=key, value=value))
        else:
            row.value = value
