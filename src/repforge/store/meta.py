"""Repository for instance metadata (all SQL for it lives here)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from repforge.store.db import dialect_insert
from repforge.store.tables import InstanceMeta


class MetaRepository:
    """Reads and writes instance_meta rows."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, key: str) -> str | None:
        return self.session.scalar(select(InstanceMeta.value).where(InstanceMeta.key == key))

    def put(self, key: str, value: str) -> None:
        # one statement, so two instances starting at once cannot both insert the key
        statement = (
            dialect_insert(self.session.get_bind().dialect.name)(InstanceMeta)
            .values(key=key, value=value)
            .on_conflict_do_update(index_elements=[InstanceMeta.key], set_={"value": value})
        )
        self.session.execute(statement)
