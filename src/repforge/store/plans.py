"""Repository for saved plans (all SQL for them lives here)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from repforge.store.tables import SavedPlan


class PlanRepository:
    """Stores plans by content id; saving the same plan twice is a no-op."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def save(self, plan_id: str, catalog_version: str, plan: dict[str, Any]) -> None:
        if self.session.get(SavedPlan, plan_id) is None:
            self.session.add(SavedPlan(id=plan_id, catalog_version=catalog_version, plan=plan))

    def get(self, plan_id: str) -> dict[str, Any] | None:
        row = self.session.get(SavedPlan, plan_id)
        return None if row is None else dict(row.plan)
