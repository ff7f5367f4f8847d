"""THE seam for adaptation: the next session of a program, from the plan and the log.

The plan says which session comes next and what it prescribes; training.adapt turns each
prescription into the next one from the user's whole log, with its why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from repforge.accounts.model import Preferences
from repforge.catalog.catalog import Catalog
from repforge.logbook.model import NextSession
from repforge.planner.plan import Plan, PlanExercise
from repforge.training import adapt
from repforge.training.model import Increments, LoggedWorkout, Prescription, WeightUnit


@dataclass(frozen=True, slots=True)
class Coaching:
    """What adapting needs beyond the plan and the log: the catalog, the day, the user's steps."""

    catalog: Catalog
    today: date
    increments: Increments = field(default_factory=Increments)
    unit: WeightUnit = "kg"

    @classmethod
    def of(cls, catalog: Catalog, preferences: Preferences, today: date) -> Coaching:
        """Coaching in the user's units, with their plates for barbells and their dumbbell gap."""
        increments = Increments(
            barbell_kg=preferences.plate_increment_kg,
            dumbbell_kg=preferences.dumbbell_increment_kg,
        )
        return cls(catalog, today, increments, preferences.units)


def next_session(
    plan: Plan,
    history: Sequence[LoggedWorkout],
    skip: int = 0,
    coaching: Coaching | None = None,
    log: Sequence[LoggedWorkout] = (),
) -> NextSession:
    """The session after the ones logged (resuming where the log stops, never jumping ahead),
    adapted to `log` (the user's every workout) when `coaching` is given, else as planned."""
    sessions = [(week, s) for week in plan.weeks for s in week.sessions if s.exercises]
    if not sessions:
        return NextSession(week=1, day="", name="", index=0, exercises=())
    index = len(history) + skip
    week, session = sessions[index % len(sessions)]
    planned = [_planned(e) for e in session.exercises]
    if coaching is not None:
        planned = adapt.next_session(
            coaching.catalog,
            planned,
            log,
            coaching.today,
            coaching.increments,
            coaching.unit,
        )
    return NextSession(
        week=week.week,
        day=session.day,
        name=session.name,
        index=index,
        exercises=tuple(planned),
        rest_seconds=tuple(e.rest_seconds for e in session.exercises),
        supersets=tuple(session.superset_marks()),
    )


def _planned(exercise: PlanExercise) -> Prescription:
    return Prescription(
        slug=exercise.slug,
        sets=exercise.sets,
        reps=exercise.reps,
        rir=exercise.rir,
        load_kg=exercise.load_kg,
        why=exercise.why or "As your plan prescribes.",
    )
