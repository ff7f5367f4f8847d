"""SQL for the training log and programs; every query filters by the owner here."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from functools import cache
from typing import Any, cast

import orjson
from sqlalchemy import (
    Executable,
    Float,
    Insert,
    Integer,
    String,
    Table,
    Text,
    bindparam,
    column,
    delete,
    func,
    select,
    true,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session

from repforge.logbook.model import CUSTOM_PREFIX as CUSTOM
from repforge.logbook.model import ProgramRecord, WorkoutRecord
from repforge.store import tables as t
from repforge.store.db import dialect_insert
from repforge.training.model import LoggedSet, LoggedWorkout, SetType


class SqlLogStore:
    """The LogStore of logbook.ports over one SQLAlchemy session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # -- workouts

    def add_workout(
        self,
        owner: int,
        workout: LoggedWorkout,
        program_id: int | None = None,
        *,
        in_current_program: bool = False,
    ) -> tuple[WorkoutRecord, bool]:
        """Insert a workout and its sets; a client_id the owner already used returns that one."""
        # One INSERT .. ON CONFLICT DO NOTHING: a concurrent twin with this client_id that
        # commits first makes ours a no-op, on SQLite and PostgreSQL alike, with no savepoint.
        connection = self.session.connection()
        values: dict[str, Any] = {"user_id": owner}
        values.update({name: getattr(workout, name) for name in _WORKOUT_FIELDS})
        if in_current_program:
            values["owner"] = owner
        else:
            values["program_id"] = program_id
        dialect = connection.dialect.name
        together = dialect == "postgresql" and bool(workout.sets)
        if together:  # one round trip: the sets ride along as one JSON text (a CTE SQLite lacks)
            rows = self._set_rows(owner, workout.sets)
            values["sets"] = orjson.dumps(rows).decode()
        row = connection.execute(
            _add_workout_statement(dialect, in_current_program, together), values
        ).first()
        if row is None:  # DO NOTHING: this owner's client_id is taken
            existing = self.workout_by_client_id(owner, cast(str, workout.client_id))
            if existing is None:
                raise RuntimeError("a conflicting workout vanished in the same transaction")
            return existing, False
        workout_id, saved_program = row
        if not together:
            self._add_sets(owner, workout_id, workout.sets)
        return WorkoutRecord(id=workout_id, workout=workout, program_id=saved_program), True

    def workout(self, owner: int, workout_id: int) -> WorkoutRecord | None:
        row = self.session.scalar(
            select(t.Workout).where(t.Workout.id == workout_id, t.Workout.user_id == owner)
        )
        return None if row is None else self._records([row])[0]

    def workout_by_client_id(self, owner: int, client_id: str) -> WorkoutRecord | None:
        row = self.session.scalar(
            select(t.Workout).where(t.Workout.user_id == owner, t.Workout.client_id == client_id)
        )
        return None if row is None else self._records([row])[0]

    def workouts(
        self,
        owner: int,
        limit: int,
        offset: int,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> tuple[list[WorkoutRecord], int]:
        where: list[Any] = [t.Workout.user_id == owner]
        if since is not None:
            where.append(t.Workout.started_at >= since)
        if until is not None:
            where.append(t.Workout.started_at < until)
        count = self.session.scalar(select(func.count()).select_from(t.Workout).where(*where))
        rows = self.session.scalars(
            select(t.Workout)
            .where(*where)
            .order_by(t.Workout.started_at.desc(), t.Workout.id.desc())
            .limit(limit)
            .offset(offset)
        ).all()
        return self._records(list(rows)), int(count or 0)

    def replace_workout(
        self, owner: int, workout_id: int, workout: LoggedWorkout
    ) -> WorkoutRecord | None:
        row = self.session.scalar(
            select(t.Workout).where(t.Workout.id == workout_id, t.Workout.user_id == owner)
        )
        if row is None:
            return None
        client_id = row.client_id  # the id a client created it under stays its own
        _fill(row, workout)
        row.client_id = client_id
        self.session.execute(delete(t.LoggedSetRow).where(t.LoggedSetRow.workout_id == row.id))
        self.session.flush()
        self._add_sets(owner, row.id, workout.sets)
        return self._records([row])[0]

    def delete_workout(self, owner: int, workout_id: int) -> bool:
        owned = select(t.Workout.id).where(t.Workout.id == workout_id, t.Workout.user_id == owner)
        if self.session.scalar(owned) is None:
            return False
        self.session.execute(delete(t.LoggedSetRow).where(t.LoggedSetRow.workout_id == workout_id))
        self.session.execute(
            delete(t.Workout).where(t.Workout.id == workout_id, t.Workout.user_id == owner)
        )
        return True

    def program_history(self, owner: int, program_id: int) -> list[LoggedWorkout]:
        rows = self.session.scalars(
            select(t.Workout)
            .where(t.Workout.user_id == owner, t.Workout.program_id == program_id)
            .order_by(t.Workout.started_at, t.Workout.id)
        ).all()
        return [r.workout for r in self._records(list(rows))]

    def history(self, owner: int, since: datetime | None = None) -> list[LoggedWorkout]:
        """Every workout of the owner, oldest first: the input of progress and export."""
        where: list[Any] = [t.Workout.user_id == owner]
        if since is not None:
            where.append(t.Workout.started_at >= since)
        rows = self.session.scalars(
            select(t.Workout).where(*where).order_by(t.Workout.started_at, t.Workout.id)
        ).all()
        return [r.workout for r in self._records(list(rows))]

    # -- programs

    def add_program(
        self, owner: int, plan_id: str, plan: dict[str, Any], start: date, now: datetime
    ) -> ProgramRecord:
        self.session.execute(
            update(t.Program)
            .where(t.Program.user_id == owner, t.Program.is_current.is_(True))
            .values(is_current=False)
        )
        self.session.flush()
        row = t.Program(
            user_id=owner,
            plan_id=plan_id,
            plan=plan,
            start_date=start,
            is_current=True,
            created_at=now,
        )
        self.session.add(row)
        self.session.flush()
        return _program(row)

    def current_program_id(self, owner: int) -> int | None:
        """The current program's id alone: logging a set need not load the whole plan."""
        return self.session.scalar(
            select(t.Program.id).where(t.Program.user_id == owner, t.Program.is_current.is_(True))
        )

    def current_program(self, owner: int) -> ProgramRecord | None:
        row = self.session.scalar(
            select(t.Program).where(t.Program.user_id == owner, t.Program.is_current.is_(True))
        )
        return None if row is None else _program(row)

    # -- helpers

    def _add_sets(self, owner: int, workout_id: int, sets: Sequence[LoggedSet]) -> None:
        if not sets:
            return
        # one executemany of plain rows: the ORM's unit of work costs more than the insert
        self.session.connection().execute(
            _SETS.insert(),
            [{"workout_id": workout_id, **row} for row in self._set_rows(owner, sets)],
        )

    def _set_rows(self, owner: int, sets: Sequence[LoggedSet]) -> list[dict[str, Any]]:
        """The logged_sets columns of each set but its workout, custom exercises resolved."""
        customs = self._custom_ids(
            owner, {s.exercise for s in sets if s.exercise.startswith(CUSTOM)}
        )
        return [
            {
                "position": position,
                "exercise_slug": None if s.exercise.startswith(CUSTOM) else s.exercise,
                "user_exercise_id": customs.get(s.exercise),
                "set_type": s.set_type,
                "weight_kg": s.weight_kg,
                "reps": s.reps,
                "seconds": s.seconds,
                "metres": s.metres,
                "rir": s.rir,
                "rpe": s.rpe,
                "notes": s.notes,
            }
            for position, s in enumerate(sets)
        ]

    def _custom_ids(self, owner: int, names: set[str]) -> dict[str, int]:
        """Ids of the user's own exercises named `custom:<name>`, creating the new ones."""
        if not names:
            return {}
        plain = {n.removeprefix(CUSTOM).strip()[:200] for n in names}
        rows = self.session.execute(
            select(t.UserExercise.name, t.UserExercise.id).where(
                t.UserExercise.user_id == owner, t.UserExercise.name.in_(plain)
            )
        ).all()
        found: dict[str, int] = dict(rows)
        for name in sorted(plain - found.keys()):
            row = t.UserExercise(user_id=owner, name=name)
            self.session.add(row)
            self.session.flush()
            found[name] = row.id
        return {n: found[n.removeprefix(CUSTOM).strip()[:200]] for n in names}

    def _records(self, rows: list[t.Workout]) -> list[WorkoutRecord]:
        """Records for workout rows already filtered by owner, sets loaded in one query."""
        if not rows:
            return []
        found = self.session.execute(
            select(t.LoggedSetRow, t.UserExercise.name)
            .outerjoin(t.UserExercise, t.UserExercise.id == t.LoggedSetRow.user_exercise_id)
            .where(t.LoggedSetRow.workout_id.in_([r.id for r in rows]))
            .order_by(t.LoggedSetRow.workout_id, t.LoggedSetRow.position)
        ).all()
        sets: dict[int, list[LoggedSet]] = defaultdict(list)
        for row, custom_name in found:
            sets[row.workout_id].append(_logged_set(row, custom_name))
        return [self._record(r, sets[r.id]) for r in rows]

    def _record(self, row: t.Workout, sets: Sequence[LoggedSet]) -> WorkoutRecord:
        workout = LoggedWorkout(
            started_at=row.started_at,
            name=row.name,
            ended_at=row.ended_at,
            notes=row.notes,
            source=row.source,
            client_id=row.client_id,
            sets=tuple(sets),
        )
        return WorkoutRecord(id=row.id, workout=workout, program_id=row.program_id)


_WORKOUTS = cast(Table, t.Workout.__table__)
_SETS = cast(Table, t.LoggedSetRow.__table__)
_PROGRAMS = cast(Table, t.Program.__table__)


# The logged_sets columns a PostgreSQL workout INSERT reads from its JSON parameter.
_SET_COLUMNS = (
    ("position", Integer()),
    ("exercise_slug", String()),
    ("user_exercise_id", Integer()),
    ("set_type", String()),
    ("weight_kg", Float()),
    ("reps", Integer()),
    ("seconds", Float()),
    ("metres", Float()),
    ("rir", Float()),
    ("rpe", Float()),
    ("notes", Text()),
)
# The workouts columns filled straight from the LoggedWorkout field of the same name.
_WORKOUT_FIELDS = ("client_id", "started_at", "ended_at", "name", "notes", "source")


@cache
def _add_workout_statement(
    dialect: str, in_current_program: bool, with_sets: bool = False
) -> Executable:
    """The workout INSERT .. RETURNING of one backend, built once so each request reuses it.

    With `with_sets` (PostgreSQL) the sets go in the same statement, a data-modifying CTE
    that reads one JSON parameter as rows, so a workout costs one round trip and one prepared
    statement whatever its number of sets. JSON text rather than one array per column: psycopg
    dumps eleven arrays in Python, which measured a third of the writer thread's time.
    """
    insert = dialect_insert(dialect)
    values: dict[str, Any] = {}
    if in_current_program:
        values["program_id"] = (
            select(_PROGRAMS.c.id)
            .where(_PROGRAMS.c.user_id == bindparam("owner"), _PROGRAMS.c.is_current.is_(True))
            .scalar_subquery()
        )
    if not with_sets:  # the other columns come from the parameters of each execution
        statement: Insert = (
            insert(_WORKOUTS)
            .values(values)
            .on_conflict_do_nothing(index_elements=["user_id", "client_id"])
            .returning(_WORKOUTS.c.id, _WORKOUTS.c.program_id)
        )
        return statement
    if not in_current_program:
        values["program_id"] = bindparam("program_id", type_=Integer())
    for name in ("user_id", *_WORKOUT_FIELDS):
        values[name] = bindparam(name, type_=_WORKOUTS.c[name].type)
    saved = (
        insert(_WORKOUTS)
        .values(values)
        .on_conflict_do_nothing(index_elements=["user_id", "client_id"])
        .returning(_WORKOUTS.c.id, _WORKOUTS.c.program_id)
        .cte("saved")
    )
    names = [name for name, _ in _SET_COLUMNS]
    arrays = (
        func.jsonb_to_recordset(sql_cast(bindparam("sets", type_=Text()), JSONB))
        .table_valued(*(column(name, kind) for name, kind in _SET_COLUMNS))
        .render_derived(name="given", with_types=True)
    )
    rows = select(saved.c.id, *(arrays.c[name] for name in names)).select_from(
        saved.join(arrays, true())
    )
    sets = _SETS.insert().from_select(["workout_id", *names], rows).cte("sets")
    return select(saved.c.id, saved.c.program_id).add_cte(sets)


def _fill(row: t.Workout, workout: LoggedWorkout) -> None:
    row.client_id = workout.client_id
    row.started_at = workout.started_at
    row.ended_at = workout.ended_at
    row.name = workout.name
    row.notes = workout.notes
    row.source = workout.source


def _logged_set(row: t.LoggedSetRow, custom_name: str | None) -> LoggedSet:
    return LoggedSet(
        exercise=f"{CUSTOM}{custom_name}" if custom_name is not None else row.exercise_slug or "",
        order=row.position,
        set_type=cast(SetType, row.set_type),
        weight_kg=row.weight_kg,
        reps=row.reps,
        seconds=row.seconds,
        metres=row.metres,
        rir=row.rir,
        rpe=row.rpe,
        notes=row.notes,
    )


def _program(row: t.Program) -> ProgramRecord:
    return ProgramRecord(
        id=row.id,
        plan_id=row.plan_id,
        plan=dict(row.plan),
        start_date=row.start_date,
        created_at=row.created_at,
    )
