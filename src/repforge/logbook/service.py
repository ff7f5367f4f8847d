"""Log workouts and follow programs: the rules, over a LogStore owned by one user."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from repforge.catalog.catalog import Catalog
from repforge.errors import InvalidInputError, NotFoundError
from repforge.logbook.model import CUSTOM_PREFIX, NextSession, ProgramRecord, WorkoutRecord
from repforge.logbook.next import Coaching, next_session
from repforge.logbook.ports import LogStore
from repforge.planner.ics import plan_ics
from repforge.planner.plan import Plan
from repforge.training.model import LoggedWorkout, Prescription

MAX_SETS = 500
IN_PROGRESS_FOR = timedelta(hours=12)  # an unfinished session older than this is abandoned


def check_workout(catalog: Catalog, workout: LoggedWorkout) -> LoggedWorkout:
    """The workout with sets numbered in order; refuses unknown exercises, naming the set."""
    if len(workout.sets) > MAX_SETS:
        raise InvalidInputError("sets", f"at most {MAX_SETS} sets in one workout")
    if workout.started_at.tzinfo is None:
        workout = replace(workout, started_at=workout.started_at.replace(tzinfo=UTC))
    if workout.ended_at is not None and workout.ended_at.tzinfo is None:
        workout = replace(workout, ended_at=workout.ended_at.replace(tzinfo=UTC))
    if workout.ended_at is not None and workout.ended_at < workout.started_at:
        raise InvalidInputError("ended_at", "the workout cannot end before it starts")
    numbered = []
    for index, logged in enumerate(workout.sets):
        name = logged.exercise.strip()
        if name.startswith(CUSTOM_PREFIX):
            if not name.removeprefix(CUSTOM_PREFIX).strip():
                raise InvalidInputError(f"sets.{index}.exercise", "name the custom exercise")
        elif catalog.find(name) is None:
            raise InvalidInputError(
                f"sets.{index}.exercise",
                f"no exercise called {name!r}; use a catalog slug or custom:<your name for it>",
            )
        numbered.append(replace(logged, exercise=name, order=index))
    return replace(workout, sets=tuple(numbered))


def log_workout(
    store: LogStore,
    catalog: Catalog,
    owner: int,
    workout: LoggedWorkout,
    *,
    in_program: bool = True,
) -> tuple[WorkoutRecord, bool]:
    """Save a workout (under the current program unless imported history); a known
    client_id returns the saved one, so retries and re-imports add nothing."""
    try:
        checked = check_workout(catalog, workout)
    except InvalidInputError:
        # a retry of a saved workout gets it back even if it would not pass the checks now
        existing = (
            store.workout_by_client_id(owner, workout.client_id) if workout.client_id else None
        )
        if existing is None:
            raise
        return existing, False
    return store.add_workout(owner, checked, in_current_program=in_program)


def save_session(
    store: LogStore, catalog: Catalog, owner: int, workout: LoggedWorkout
) -> WorkoutRecord:
    """Create the workout of this client_id, or replace its sets (the site saves as you go)."""
    record, created = log_workout(store, catalog, owner, workout)
    if created:
        return record
    return replace_workout(store, catalog, owner, record.id, workout)


def get_workout(store: LogStore, owner: int, workout_id: int) -> WorkoutRecord:
    found = store.workout(owner, workout_id)
    if found is None:
        raise NotFoundError("workout", str(workout_id))
    return found


def replace_workout(
    store: LogStore, catalog: Catalog, owner: int, workout_id: int, workout: LoggedWorkout
) -> WorkoutRecord:
    found = store.replace_workout(owner, workout_id, check_workout(catalog, workout))
    if found is None:
        raise NotFoundError("workout", str(workout_id))
    return found


def delete_workout(store: LogStore, owner: int, workout_id: int) -> None:
    if not store.delete_workout(owner, workout_id):
        raise NotFoundError("workout", str(workout_id))


def take_program(store: LogStore, owner: int, plan: Plan, start: date) -> ProgramRecord:
    """Make `plan` the user's current program from `start` (the previous one is kept)."""
    return store.add_program(
        owner, plan.content_id(), plan.to_json_data(), start, datetime.now(UTC)
    )


def current_program(store: LogStore, owner: int) -> ProgramRecord:
    found = store.current_program(owner)
    if found is None:
        raise NotFoundError("program", "current")
    return found


def program_plan(program: ProgramRecord) -> Plan:
    return Plan.model_validate(program.plan)


CALENDAR_NAME = "repforge-program.ics"
CALENDAR_TYPE = "text/calendar; charset=utf-8"


def program_calendar(store: LogStore, owner: int) -> str:
    """The current program's sessions as iCalendar events, week 1 being the start week."""
    program = current_program(store, owner)
    return plan_ics(program_plan(program), program.start_date)


def upcoming(
    store: LogStore, owner: int, coaching: Coaching | None = None
) -> tuple[ProgramRecord, NextSession]:
    """The current program and its next session, adapted to the user's log when coached."""
    program = current_program(store, owner)
    history = store.program_history(owner, program.id)
    log = store.history(owner) if coaching is not None else []
    return program, next_session(program_plan(program), history, 0, coaching, log)


def in_progress(history: list[LoggedWorkout], now: datetime) -> LoggedWorkout | None:
    """The last workout if the site is still saving it set by set (not finished, recent)."""
    if not history:
        return None
    last = history[-1]
    recent = timedelta(0) <= now - last.started_at <= IN_PROGRESS_FOR
    if last.source == "repforge" and last.ended_at is None and last.client_id and recent:
        return last
    return None


def today(
    store: LogStore, owner: int, now: datetime, coaching: Coaching | None = None
) -> tuple[NextSession, LoggedWorkout | None]:
    """The session to log now, and the workout already saved for it if one is under way."""
    program = current_program(store, owner)
    history = store.program_history(owner, program.id)
    started = in_progress(history, now)
    done = history[:-1] if started else history
    log: list[LoggedWorkout] = []
    if coaching is not None:
        # the session under way is what is being prescribed, not evidence for it
        log = [w for w in store.history(owner) if started is None or w != started]
    return next_session(program_plan(program), done, 0, coaching, log), started


def prescription_for(
    store: LogStore, owner: int, slug: str, coaching: Coaching | None = None
) -> Prescription:
    """The next prescription of one exercise of the current program (or the exercise a
    swap put in its place, which names it in `replaces`)."""
    program, session = upcoming(store, owner, coaching)
    for prescription in session.exercises:
        if slug in (prescription.slug, prescription.replaces):
            return prescription
    # not in the next session: its next appearance in the plan, adapted the same way
    history = store.program_history(owner, program.id)
    log = store.history(owner) if coaching is not None else []
    plan = program_plan(program)
    for offset in range(1, _session_count(plan)):
        later = next_session(plan, history, offset, coaching, log)
        for prescription in later.exercises:
            if slug in (prescription.slug, prescription.replaces):
                return prescription
    raise NotFoundError("exercise in your program", slug)


def _session_count(plan: Plan) -> int:
    return sum(len(week.sessions) for week in plan.weeks)
