"""The next prescription from the log: double progression, chains, autoregulation, stalls, gaps.

Every rule and number is in docs/training.md with its source in training-science.md. Loads only
ever come from the log: the last working load, one equipment step above it, or a cut below it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from repforge.catalog.catalog import Catalog
from repforge.catalog.model import Exercise
from repforge.planner import prescription as rx
from repforge.training.loads import (
    MAX_WEEKLY_LOAD_INCREASE,
    WEEK_DAYS,
    cut_load,
    step_kg,
    supported_load,
    weekly_cap,
)
from repforge.training.model import (
    Change,
    Increments,
    LoggedSet,
    LoggedWorkout,
    Prescription,
    WeightUnit,
    weight_text,
)
from repforge.training.sets import (
    Exposure,
    amount,
    describe_sets,
    exposures,
    exposures_of,
    rir_of,
)

# No e1RM progress in three exposures is a stall (issue 12; the §3.1 stall-rule family).
STALL_EXPOSURES = 3
# Missing the bottom of the range in two consecutive exposures cuts the load by 10 % (§3.1:
# repeat after two misses, cut 10 % and climb again; §6.1: drop a chain level after two misses).
MISSES_BEFORE_CUT = 2
MISS_CUT = 0.10
# RIR autoregulation (§3.3): about 3 % of load per RIR point off target, clamped to 10 %;
# a set 2 or more RIR harder than planned drops the load about 5-10 % (5 % here).
PERCENT_PER_RIR_POINT = 0.03
MUCH_HARDER_RIR = -2
MUCH_EASIER_RIR = 2
MUCH_HARDER_CUT = 0.05
# Reactive deload (§3.4): sets about halved, RIR >= 4, load up to 10 % lower.
DELOAD_LOAD_CUT = 0.10
# Stalls are judged on recent exposures only: a lifter stronger years ago is not stalled now.
STALL_LOOKBACK = 4 * STALL_EXPOSURES
STALL_LOOKBACK_DAYS = 12 * WEEK_DAYS
# A load this much below the exposure before it counts as a reset already tried.
RESET_DETECT = 0.05
# Resuming after missed weeks (project convention, not in training-science.md: the §3.1 reset
# size of 10 % after two missed weeks, twice that after four; one more rep in reserve).
GAP_CUTS: tuple[tuple[int, float], ...] = ((28, 0.20), (14, 0.10))


def _number(value: float) -> str:
    return f"{round(value, 2):g}"


def _when(day: date, today: date) -> str:
    days = (today - day).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < WEEK_DAYS:
        return f"last {day.strftime('%A')}"
    return f"on {day.strftime('%A')}, {day.strftime('%B')} {day.day}"


def _reached_top(sets: Sequence[LoggedSet], planned: Prescription, tracking: str) -> bool:
    def top(s: LoggedSet) -> bool:
        done, rir = amount(s, tracking), rir_of(s)
        return done is not None and done >= planned.reps[1] and (rir is None or rir >= planned.rir)

    return all(top(s) for s in sets)


def _missed(sets: Sequence[LoggedSet], planned: Prescription, tracking: str) -> bool:
    return any((amount(s, tracking) or 0) < planned.reps[0] for s in sets)


def _rir_offset(sets: Sequence[LoggedSet], target: int) -> float | None:
    known = [r for r in map(rir_of, sets) if r is not None]
    return sum(known) / len(known) - target if known else None


def _stall(past: Sequence[Exposure]) -> str | None:
    """'first' after three exposures without a better e1RM, 'again' when that follows a reset."""
    since = past[-1].day - timedelta(days=STALL_LOOKBACK_DAYS)
    recent_past = [e for e in past[-STALL_LOOKBACK:] if e.day >= since]
    scored = [(e.best_e1rm, e.load) for e in recent_past if e.best_e1rm is not None and e.load]
    e1rms = [e1rm for e1rm, _ in scored]
    loads = [load for _, load in scored]
    resets = [i for i in range(1, len(loads)) if loads[i] <= (1 - RESET_DETECT) * loads[i - 1]]
    start = resets[-1] if resets else 0
    window = e1rms[start:]
    if len(window) <= STALL_EXPOSURES:
        return None
    recent = max(window[-STALL_EXPOSURES:])
    if start and recent <= max(e1rms[:start]):
        return "again"
    return "first" if recent <= max(window[:-STALL_EXPOSURES]) else None


def _variation(catalog: Catalog, exercise: Exercise) -> Exercise | None:
    """The first listed alternative doable with the kit this exercise already uses."""
    kit = {*exercise.equipment.slugs, "bodyweight"}
    for relation in exercise.alternatives:
        other = catalog.find(relation.slug)
        if other is not None and other.equipment.doable_with(kit):
            return other
    return None


def _chain_step(catalog: Catalog, exercise: Exercise, kind: str) -> Exercise | None:
    """The first easier or harder exercise in the catalog's chain, same kit preferred."""
    kit = {*exercise.equipment.slugs, "bodyweight"}
    found = [catalog.find(r.slug) for r in getattr(exercise, kind)]
    linked = [e for e in found if e is not None]
    same_kit = [e for e in linked if e.equipment.doable_with(kit)]
    choices = same_kit or linked
    return choices[0] if choices else None


class _Context:
    """What every rule needs: the plan, the exercise, its log and how to word it."""

    def __init__(
        self,
        catalog: Catalog,
        planned: Prescription,
        past: Sequence[Exposure],
        today: date,
        increments: Increments,
        unit: WeightUnit,
    ) -> None:
        self.catalog, self.planned, self.past, self.today = catalog, planned, past, today
        self.exercise = catalog.find(planned.slug)
        self.tracking = self.exercise.tracking if self.exercise else "reps"
        self.name = self.exercise.name if self.exercise else planned.slug.removeprefix("custom:")
        self.step = step_kg(self.exercise, increments)
        self.last = past[-1]
        self.unit = unit
        self.did = (
            f"You did {describe_sets(self.last.sets, self.tracking, unit)} on {self.name} "
            f"{_when(self.last.day, today)}"
        )

    def weight(self, kg: float) -> str:
        return weight_text(kg, self.unit)

    def reps_text(self, sets: int | None = None, reps: tuple[int, int] | None = None) -> str:
        lo, hi = reps or self.planned.reps
        unit = {"time": " s", "distance": " m"}.get(self.tracking, "")
        span = f"{lo}{unit}" if lo == hi else f"{lo}-{hi}{unit}"
        return f"{sets or self.planned.sets} x {span}"

    def make(
        self,
        change: Change,
        load: float | None,
        why: str,
        *,
        slug: str | None = None,
        sets: int | None = None,
        rir: int | None = None,
    ) -> Prescription:
        """The planned prescription with this change, load and reason (a swap names `slug`)."""
        return replace(
            self.planned,
            slug=slug or self.planned.slug,
            sets=sets or self.planned.sets,
            rir=self.planned.rir if rir is None else rir,
            load_kg=load,
            why=why,
            change=change,
            replaces=self.planned.slug if slug else None,
        )


def _resume(ctx: _Context, gap: int) -> Prescription | None:
    cut = next((share for days, share in GAP_CUTS if gap >= days), None)
    if cut is None:
        return None
    weeks = gap // WEEK_DAYS
    rir = min(ctx.planned.rir + 1, rx.RIR_HARD_SET_MAX)
    load = ctx.last.load
    if load is None:
        why = (
            f"{ctx.did}, {weeks} weeks ago, so pick up again at the same level with one more rep "
            f"in reserve: {ctx.reps_text()}."
        )
        return ctx.make("resume", None, why, rir=rir)
    lighter = cut_load(load, cut, ctx.step)
    why = (
        f"{ctx.did}, {weeks} weeks ago, so restart about {round(cut * 100)}% lighter at "
        f"{ctx.weight(lighter)} for {ctx.reps_text()} and build back up from there."
    )
    return ctx.make("resume", lighter, why, rir=rir)


def _chain(ctx: _Context) -> Prescription:
    assert ctx.exercise is not None
    sets, planned = ctx.last.sets, ctx.planned
    if _reached_top(sets, planned, ctx.tracking):
        harder = _chain_step(ctx.catalog, ctx.exercise, "harder")
        if harder is not None:
            why = (
                f"{ctx.did}: every set reached the top of the {planned.reps[0]}-{planned.reps[1]} "
                f"range, so move up "
                f"to {harder.name}."
            )
            return ctx.make("harder", None, why, slug=harder.slug)
    if len(ctx.past) >= MISSES_BEFORE_CUT and all(
        _missed(e.sets, planned, ctx.tracking) for e in ctx.past[-MISSES_BEFORE_CUT:]
    ):
        easier = _chain_step(ctx.catalog, ctx.exercise, "easier")
        if easier is not None:
            why = (
                f"{ctx.did}, below {planned.reps[0]} for the second session running, so step "
                f"back to {easier.name} and build up again."
            )
            return ctx.make("easier", None, why, slug=easier.slug)
    why = f"{ctx.did}, so stay with {ctx.name} and aim for {ctx.reps_text()} on every set."
    return ctx.make("keep", None, why)


def _stalled(ctx: _Context, kind: str, load: float) -> Prescription:
    if kind == "again" and ctx.exercise is not None:
        other = _variation(ctx.catalog, ctx.exercise)
        if other is not None:
            why = (
                f"{ctx.did}. Your estimated max has not improved in {STALL_EXPOSURES} sessions "
                f"even after going lighter, so switch to {other.name} for a while."
            )
            return ctx.make("variation", None, why, slug=other.slug)
    lighter = cut_load(load, DELOAD_LOAD_CUT, ctx.step)
    sets = max(1, round(ctx.planned.sets * rx.DELOAD_SET_FACTOR))
    rir = max(ctx.planned.rir, rx.DELOAD_RIR)
    why = (
        f"{ctx.did}. Your estimated max has not improved in {STALL_EXPOSURES} sessions, so take "
        f"a lighter session: {ctx.reps_text(sets)} at {ctx.weight(lighter)}, stopping {rir} reps "
        "short of failure, then build back up."
    )
    return ctx.make("deload", lighter, why, sets=sets, rir=rir)


def _increase(ctx: _Context, load: float, wanted: float, reason: str) -> Prescription:
    cap = weekly_cap(ctx.past, ctx.today) or load
    chart = supported_load(ctx.last.sets, ctx.planned, ctx.step) or 0.0
    limit = min(cap, max(load + ctx.step, chart))
    new = load + max(ctx.step, math.floor(wanted / ctx.step) * ctx.step)
    while new > limit + 1e-9 and new - ctx.step > load:
        new -= ctx.step
    if new > cap + 1e-9:
        why = (
            f"{ctx.did}, {reason}, but the next {ctx.weight(ctx.step)} step would add more than "
            f"{round(MAX_WEEKLY_LOAD_INCREASE * 100)}% in a week, so stay at {ctx.weight(load)} "
            f"for {ctx.reps_text()} (a smaller increment in your settings lets it rise)."
        )
        return ctx.make("keep", load, why)
    why = (
        f"{ctx.did}, {reason}, so add {ctx.weight(new - load)}: {ctx.weight(new)} for "
        f"{ctx.reps_text()}."
    )
    return ctx.make("increase", round(new, 3), why)


def _loaded(ctx: _Context, load: float) -> Prescription:
    planned, sets = ctx.planned, ctx.last.sets
    if _reached_top(sets, planned, ctx.tracking):
        return _increase(ctx, load, ctx.step, "reaching the top of the range on every set")
    recent = ctx.past[-MISSES_BEFORE_CUT:]
    if len(recent) == MISSES_BEFORE_CUT and all(
        _missed(e.sets, planned, ctx.tracking) for e in recent
    ):
        lower = cut_load(load, MISS_CUT, ctx.step)
        why = (
            f"{ctx.did}, below {planned.reps[0]} reps for the second session running, so drop to "
            f"{ctx.weight(lower)} for {ctx.reps_text()} and climb again."
        )
        return ctx.make("decrease", lower, why)
    offset = _rir_offset(sets, planned.rir)
    if offset is not None and offset <= MUCH_HARDER_RIR:
        lower = cut_load(load, MUCH_HARDER_CUT, ctx.step)
        why = (
            f"{ctx.did}, much harder than the planned {planned.rir} reps in reserve, so ease off "
            f"to {ctx.weight(lower)} for {ctx.reps_text()}."
        )
        return ctx.make("decrease", lower, why)
    if _missed(sets, planned, ctx.tracking):
        why = (
            f"{ctx.did}, short of {planned.reps[0]} reps, so keep {ctx.weight(load)} and aim for "
            f"{ctx.reps_text()} next time."
        )
        return ctx.make("keep", load, why)
    if offset is not None and offset >= MUCH_EASIER_RIR:
        share = min(PERCENT_PER_RIR_POINT * offset, MAX_WEEKLY_LOAD_INCREASE)
        reason = f"easier than the planned {planned.rir} reps in reserve"
        return _increase(ctx, load, load * share, reason)
    why = (
        f"{ctx.did}, so keep {ctx.weight(load)} and aim for {planned.reps[1]} on every set "
        f"({ctx.reps_text()}) before adding weight."
    )
    return ctx.make("keep", load, why)


def _assisted(ctx: _Context, help_kg: float, gap: int) -> Prescription:
    """Assisted exercises progress by taking help away: the logged weight is the assistance."""
    planned = ctx.planned
    cut = next((share for days, share in GAP_CUTS if gap >= days), None)
    if cut is not None:
        more = help_kg + max(1, math.ceil(help_kg * cut / ctx.step)) * ctx.step
        why = (
            f"{ctx.did}, {gap // WEEK_DAYS} weeks ago, so restart with more help, "
            f"{ctx.weight(more)} of assistance, for {ctx.reps_text()}."
        )
        return ctx.make("resume", more, why)
    if _reached_top(ctx.last.sets, planned, ctx.tracking):
        less = help_kg - ctx.step
        if less <= 0 and ctx.exercise is not None:
            harder = _chain_step(ctx.catalog, ctx.exercise, "harder")
            if harder is not None:
                why = f"{ctx.did}: every set reached the top of the range, so try {harder.name}."
                return ctx.make("harder", None, why, slug=harder.slug)
        less = max(less, 0.0)
        why = (
            f"{ctx.did}: every set reached the top of the range, so take away "
            f"{ctx.weight(help_kg - less)} of help: {ctx.weight(less)} for {ctx.reps_text()}."
        )
        return ctx.make("less-assistance", less, why)
    recent = ctx.past[-MISSES_BEFORE_CUT:]
    if len(recent) == MISSES_BEFORE_CUT and all(
        _missed(e.sets, planned, ctx.tracking) for e in recent
    ):
        more = help_kg + ctx.step
        why = (
            f"{ctx.did}, below {planned.reps[0]} reps for the second session running, so add "
            f"{ctx.weight(ctx.step)} of help: {ctx.weight(more)} for {ctx.reps_text()}."
        )
        return ctx.make("more-assistance", more, why)
    why = f"{ctx.did}, so keep {ctx.weight(help_kg)} of help and aim for {ctx.reps_text()}."
    return ctx.make("keep", help_kg, why)


def next_prescription(
    catalog: Catalog,
    planned: Prescription,
    history: Iterable[LoggedWorkout],
    today: date,
    increments: Increments | None = None,
    unit: WeightUnit = "kg",
) -> Prescription:
    """The next prescription for one planned exercise, adapted to the log, with its reason
    (loads in the reason are written in `unit`; `load_kg` is always kg)."""
    past = exposures(history, planned.slug, today)
    return _adapt(catalog, planned, past, today, increments or Increments(), unit)


def _adapt(
    catalog: Catalog,
    planned: Prescription,
    past: Sequence[Exposure],
    today: date,
    increments: Increments,
    unit: WeightUnit = "kg",
) -> Prescription:
    if not past:
        return replace(
            planned,
            change="start",
            why=planned.why or "No sets of this exercise are logged yet, so start as planned.",
        )
    ctx = _Context(catalog, planned, past, today, increments, unit)
    if ctx.exercise is not None and ctx.exercise.load == "assisted" and ctx.last.load:
        return _assisted(ctx, ctx.last.load, (today - ctx.last.day).days)
    resumed = _resume(ctx, (today - ctx.last.day).days)
    if resumed is not None:
        return resumed
    load = ctx.last.load
    if load is not None and planned.rir >= rx.DELOAD_RIR:
        lighter = cut_load(load, DELOAD_LOAD_CUT, ctx.step)
        why = (
            f"{ctx.did}. This is a lighter week in your program, so use {ctx.weight(lighter)} "
            f"for {ctx.reps_text()}, stopping {planned.rir} reps short of failure."
        )
        return ctx.make("deload", lighter, why)
    if load is None:
        if ctx.exercise is not None and ctx.exercise.load != "external":
            return _chain(ctx)
        why = f"{ctx.did}, so repeat {ctx.reps_text()} and log a weight to get load advice."
        return ctx.make("keep", None, why)
    if not _reached_top(ctx.last.sets, planned, ctx.tracking):
        stall = _stall(past)
        if stall is not None:
            return _stalled(ctx, stall, load)
    return _loaded(ctx, load)


def next_session(
    catalog: Catalog,
    program_session: Sequence[Prescription],
    history: Iterable[LoggedWorkout],
    today: date,
    increments: Increments | None = None,
    unit: WeightUnit = "kg",
) -> list[Prescription]:
    """The next prescription for every exercise of a planned session, in session order."""
    found = exposures_of(history, {p.slug for p in program_session}, today)
    steps = increments or Increments()
    return [_adapt(catalog, p, found[p.slug], today, steps, unit) for p in program_session]
