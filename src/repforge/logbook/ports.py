"""What the log services need from storage; store/workouts.py implements it in SQL.

Every method takes the owner's id and only ever sees that owner's rows.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Protocol

from repforge.logbook.model import ProgramRecord, WorkoutRecord
from repforge.training.model import LoggedWorkout


class LogStore(Protocol):
    def add_workout(
        self,
        owner: int,
        workout: LoggedWorkout,
        program_id: int | None = None,
        *,
        in_current_program: bool = False,
    ) -> tuple[WorkoutRecord, bool]: ...
    def workout(self, owner: int, workout_id: int) -> WorkoutRecord | None: ...
    def workout_by_client_id(self, owner: int, client_id: str) -> WorkoutRecord | None: ...
    def workouts(
        self,
        owner: int,
        limit: int,
        offset: int,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> tuple[list[WorkoutRecord], int]: ...
    def replace_workout(
        self, owner: int, workout_id: int, workout: LoggedWorkout
    ) -> WorkoutRecord | None: ...
    def delete_workout(self, owner: int, workout_id: int) -> bool: ...
    def program_history(self, owner: int, program_id: int) -> list[LoggedWorkout]: ...
    def history(self, owner: int, since: datetime | None = None) -> list[LoggedWorkout]: ...

    def add_program(
        self, owner: int, plan_id: str, plan: dict[str, Any], start: date, now: datetime
    ) -> ProgramRecord: ...
    def current_program(self, owner: int) -> ProgramRecord | None: ...
    def current_program_id(self, owner: int) -> int | None: ...
