"""THE seam for adaptation: the next session of a program, from the plan and the log.

Today it serves the plan's own prescription. The adaptive rules (training/, built apart)
plug in here and only here: given the plan's prescription and the history, return the
adjusted Prescription with its why.
"""

from __future__ import annotations

from collections.abc import Sequence

from repforge.logbook.model import NextSession
from repforge.planner.plan import Plan, PlanExercise
from repforge.training.model import LoggedWorkout, Prescription


def next_session(plan: Plan, history: Sequence[LoggedWorkout], skip: int = 0) -> NextSession:
    """The session after the ones logged (resuming where the log stops, never jumping ahead)."""
    sessions = [(week, s) for week in plan.weeks for s in week.sessions if s.exercises]
    if not sessions:
        return NextSession(week=1, day="", name="", index=0, exercises=())
    index = len(history) + skip
    week, session = sessions[index % len(sessions)]
    return NextSession(
        week=week.week,
        day=session.day,
        name=session.name,
        index=index,
        exercises=tuple(_planned(e, history) for e in session.exercises),
        rest_seconds=tuple(e.rest_seconds for e in session.exercises),
    )


def _planned(exercise: PlanExercise, history: Sequence[LoggedWorkout]) -> Prescription:
    # Wiring point: training.adaptation replaces this with the log-driven prescription.
    del history
    why = exercise.why or "As your plan prescribes."
    return Prescription(
        slug=exercise.slug,
        sets=exercise.sets,
        reps=exercise.reps,
        rir=exercise.rir,
        load_kg=exercise.load_kg,
        why=why,
    )
