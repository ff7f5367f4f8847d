"""Progress from the log: e1RM series, personal records, weekly sets per muscle, adherence.

e1RM is Epley's 1RM = w * (1 + r / 30) on sets of 1-12 reps (training-science.md §3.3; the
planner's `prescription.e1rm`). Volume counts hard sets the planner's way: direct sets for the
exercise's target, fractional sets at the catalog's muscle weights (secondaries 0.5 by default).
Every function is one pass over the log, so five years (about 50,000 sets) stays in milliseconds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from repforge.catalog.catalog import Catalog
from repforge.planner import prescription as rx
from repforge.training.model import LoggedSet, LoggedWorkout, Prescription
from repforge.training.sets import WORK_TYPES, is_hard, is_work, set_e1rm

RecordKind = Literal["heaviest-weight", "best-reps", "best-e1rm", "best-volume"]
RECORD_KINDS: tuple[RecordKind, ...] = ("heaviest-weight", "best-reps", "best-e1rm", "best-volume")
_RECORD_WORDS: Mapping[RecordKind, str] = {
    "heaviest-weight": "Heaviest weight",
    "best-reps": "Most reps at this weight",
    "best-e1rm": "Best estimated one-rep max",
    "best-volume": "Best set volume",
}


@dataclass(frozen=True, slots=True)
class Point:
    """One point of a series: a day and a value (kg for e1RM)."""

    day: date
    value: float


@dataclass(frozen=True, slots=True)
class Record:
    """A personal record set on `day`: what kind, its value, and the set that made it."""

    kind: RecordKind
    exercise: str
    day: date
    value: float
    weight_kg: float
    reps: int

    @property
    def label(self) -> str:
        return _RECORD_WORDS[self.kind]

    @property
    def text(self) -> str:
        """The record in plain words: 'Heaviest weight: 100 kg x 5'."""
        return f"{self.label}: {self.weight_kg:g} kg x {self.reps}"


def e1rm_series(history: Iterable[LoggedWorkout], slug: str) -> list[Point]:
    """Best e1RM per day for one exercise, oldest first (sets of 12 reps or fewer only)."""
    best: dict[date, float] = {}
    for workout in history:
        day = workout.started_at.date()
        for logged in workout.sets:
            if logged.exercise != slug:
                continue
            value = set_e1rm(logged)
            if value is not None and value > best.get(day, 0.0):
                best[day] = value
    return [Point(day, round(best[day], 1)) for day in sorted(best)]


class _Bests:
    """Running bests for one exercise, updated set by set in date order."""

    __slots__ = ("e1rm", "reps_at", "volume", "weight")

    def __init__(self) -> None:
        self.weight = 0.0
        self.e1rm = 0.0
        self.volume = 0.0
        self.reps_at: dict[float, int] = {}

    def absorb(self, logged: LoggedSet) -> None:
        """Make an earlier set part of the bests without flagging anything."""
        weight, reps = logged.weight_kg, logged.reps
        if logged.set_type not in WORK_TYPES or not weight or not reps or weight <= 0 or reps <= 0:
            return
        if weight > self.weight:
            self.weight = weight
        if reps <= rx.E1RM_MAX_REPS:
            self.e1rm = max(self.e1rm, rx.e1rm(weight, reps))
        self.volume = max(self.volume, weight * reps)
        if reps > self.reps_at.get(weight, 0):
            self.reps_at[weight] = reps

    def update(self, logged: LoggedSet, day: date, flag: bool) -> list[Record]:
        """Record what `logged` beats (when `flag`), then make it part of the bests."""
        weight, reps = logged.weight_kg, logged.reps
        if not is_work(logged) or not weight or not reps or weight <= 0 or reps <= 0:
            return []
        found: list[Record] = []
        e1rm = set_e1rm(logged) or 0.0
        volume = weight * reps
        seen = self.weight > 0  # the first session of an exercise sets bests, not records

        def record(kind: RecordKind, value: float) -> None:
            if flag and seen:
                found.append(Record(kind, logged.exercise, day, round(value, 2), weight, reps))

        if weight > self.weight:
            record("heaviest-weight", weight)
        if weight in self.reps_at and reps > self.reps_at[weight]:
            record("best-reps", reps)
        if e1rm > self.e1rm:
            record("best-e1rm", e1rm)
        if volume > self.volume:
            record("best-volume", volume)
        self.weight = max(self.weight, weight)
        self.e1rm = max(self.e1rm, e1rm)
        self.volume = max(self.volume, volume)
        self.reps_at[weight] = max(self.reps_at.get(weight, 0), reps)
        return found


def _dated(history: Iterable[LoggedWorkout]) -> list[LoggedWorkout]:
    return sorted(history, key=lambda w: w.started_at)


def _best_per_kind(found: list[Record]) -> list[Record]:
    """Within one workout keep only the best record of each kind per exercise (and weight)."""
    kept: dict[tuple[str, RecordKind, float], Record] = {}
    for rec in found:
        key = (rec.exercise, rec.kind, rec.weight_kg if rec.kind == "best-reps" else 0.0)
        if key not in kept or rec.value > kept[key].value:
            kept[key] = rec
    return list(kept.values())


def records_in(workout: LoggedWorkout, history: Iterable[LoggedWorkout]) -> list[Record]:
    """The personal records `workout` sets against every earlier workout in `history`."""
    slugs = {s.exercise for s in workout.sets}
    bests: dict[str, _Bests] = defaultdict(_Bests)
    for earlier in history:
        # bests are maxima, so earlier workouts can be absorbed in any order
        if earlier.started_at >= workout.started_at or earlier is workout:
            continue
        for logged in earlier.sets:
            if logged.exercise in slugs:
                bests[logged.exercise].absorb(logged)
    found: list[Record] = []
    day = workout.started_at.date()
    for logged in workout.sets:
        found.extend(bests[logged.exercise].update(logged, day, flag=True))
    return _best_per_kind(found)


def personal_records(history: Iterable[LoggedWorkout], slug: str) -> list[Record]:
    """Every record one exercise set, in the order it happened (one pass over the log)."""
    bests = _Bests()
    out: list[Record] = []
    for workout in _dated(history):
        found: list[Record] = []
        day = workout.started_at.date()
        for logged in workout.sets:
            if logged.exercise == slug:
                found.extend(bests.update(logged, day, flag=True))
        out.extend(sorted(_best_per_kind(found), key=lambda r: RECORD_KINDS.index(r.kind)))
    return out


@dataclass(frozen=True, slots=True)
class MuscleVolume:
    """Hard sets for one muscle in one week: direct (as its target) and fractional."""

    direct: int = 0
    fractional: float = 0.0


def week_start(day: date) -> date:
    """The Monday of the week `day` is in."""
    return day - timedelta(days=day.weekday())


def _counted(catalog: Catalog, slug: str) -> tuple[str, Mapping[str, float]] | None:
    """(target, muscle weights) of an exercise whose sets count as volume, else None."""
    exercise = catalog.find(slug)
    if exercise is None or not rx.is_hard_set_work(exercise):
        return None
    return exercise.target, exercise.muscle_weights


def weekly_sets_by_week(
    history: Iterable[LoggedWorkout], catalog: Catalog
) -> dict[date, dict[str, MuscleVolume]]:
    """Week start -> muscle -> hard sets, for every week in the log (custom exercises skipped)."""
    counted: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for workout in history:
        per_slug = counted[week_start(workout.started_at.date())]
        for logged in workout.sets:
            if is_hard(logged):
                per_slug[logged.exercise] += 1
    weights: dict[str, tuple[str, Mapping[str, float]] | None] = {}
    out: dict[date, dict[str, MuscleVolume]] = {}
    for week in sorted(counted):
        direct: dict[str, int] = defaultdict(int)
        frac: dict[str, float] = defaultdict(float)
        for slug, sets in counted[week].items():
            if slug not in weights:
                weights[slug] = _counted(catalog, slug)
            known = weights[slug]
            if known is None:
                continue
            target, shares = known
            direct[target] += sets
            for muscle, share in shares.items():
                frac[muscle] += share * sets
        if frac:
            out[week] = {m: MuscleVolume(direct.get(m, 0), round(frac[m], 2)) for m in sorted(frac)}
    return out


def sets_per_week(
    by_week: Mapping[date, Mapping[str, MuscleVolume]], muscle: str | None = None
) -> list[tuple[date, float]]:
    """(week start, sets) for one muscle (fractional), or every hard set (muscle None)."""
    if muscle is None:
        return [(w, float(sum(v.direct for v in m.values()))) for w, m in by_week.items()]
    return [(w, m[muscle].fractional if muscle in m else 0.0) for w, m in by_week.items()]


def weekly_sets(
    history: Iterable[LoggedWorkout], catalog: Catalog, week: date
) -> dict[str, MuscleVolume]:
    """Muscle -> hard sets in the week containing `week`."""
    start = week_start(week)
    end = start + timedelta(days=7)
    inside = [w for w in history if start <= w.started_at.date() < end]
    return weekly_sets_by_week(inside, catalog).get(start, {})


@dataclass(frozen=True, slots=True)
class Adherence:
    """Planned against done for one week: sessions and working sets."""

    week: date
    planned_sessions: int
    done_sessions: int
    planned_sets: int
    done_sets: int

    @property
    def share(self) -> float:
        """Done sets over planned sets, 0-1 (1 when nothing was planned)."""
        return min(1.0, self.done_sets / self.planned_sets) if self.planned_sets else 1.0


def adherence(
    planned: Mapping[date, Sequence[Prescription]], history: Iterable[LoggedWorkout]
) -> list[Adherence]:
    """Per week: planned sessions and sets (by session date) against what the log shows.

    A planned set counts as done when a working set of that exercise is logged in the same
    week, so moving a session to another day of the week still counts.
    """
    planned_sets: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    sessions: dict[date, int] = defaultdict(int)
    for day, items in planned.items():
        week = week_start(day)
        sessions[week] += 1
        for item in items:
            planned_sets[week][item.slug] += item.sets
    done: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    done_days: dict[date, set[date]] = defaultdict(set)
    for workout in history:
        day = workout.started_at.date()
        week = week_start(day)
        if week not in sessions:
            continue
        done_days[week].add(day)
        for logged in workout.sets:
            if is_work(logged):
                done[week][logged.exercise] += 1
    return [
        Adherence(
            week,
            sessions[week],
            min(len(done_days[week]), sessions[week]),
            sum(planned_sets[week].values()),
            sum(min(n, done[week][slug]) for slug, n in planned_sets[week].items()),
        )
        for week in sorted(sessions)
    ]
