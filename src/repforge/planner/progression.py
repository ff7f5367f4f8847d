"""Week-by-week progression: RIR ramp, set ramp, deloads, starting loads, and their checks (#27-#31)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from repforge.planner import prescription as rx
from repforge.planner.profile import WEEKDAYS, Option, Profile, Weekday
from repforge.planner.rules import weekly_cap
from repforge.planner.timing import (
    TimedItem,
    general_warmup_seconds,
    session_seconds,
)


@dataclass(frozen=True)
class Planned:
    """One exercise in one week: what it is and how it is dosed."""

    option: Option
    rx: rx.Prescription
    sets: int
    rir: int
    load_kg: float | None = None
    superset: str | None = None  # the label it shares with its superset partner

    @property
    def timed(self) -> TimedItem:
        ex = self.option.exercise
        return TimedItem(
            ex,
            self.sets,
            self.rx.reps,
            self.rx.unit,
            self.rx.rest_seconds,
            self.rir,
            self.option.mode,
            self.superset,
        )


@dataclass(frozen=True)
class WeekPlan:
    """One week: its number, whether it deloads, its position in the mesocycle, and sessions."""

    week: int
    deload: bool
    in_block: int  # 1-based accumulation week within the mesocycle (0 for a deload)
    sessions: list[list[Planned]]


def schedule(profile: Profile) -> list[tuple[int, bool, int]]:
    """(week, deload, accumulation week in block) for every week of the plan."""
    block = rx.ACCUMULATION_WEEKS[profile.level]
    out = []
    for week in range(1, profile.weeks + 1):
        position = (week - 1) % (block + 1)
        deload = position == block
        out.append((week, deload, 0 if deload else position + 1))
    return out


def rir_for(profile: Profile, option: Option, in_block: int, week: int) -> int:
    """Target RIR for an accumulation week: a linear ramp from the goal's start to its end."""
    start, end = rx.RIR_RAMP[profile.goal][profile.level]
    block = rx.ACCUMULATION_WEEKS[profile.level]
    step = (start - end) * (in_block - 1) / max(block - 1, 1)
    return max(round(start - step), rx.min_rir(option.exercise, profile.level, week))


def load_for(profile: Profile, planned: Planned) -> float | None:
    """Working load from a known rep max (Epley e1RM, RTS chart at the top of the rep range)."""
    best = profile.maxes.get(planned.option.exercise.slug)
    if best is None or planned.rx.unit != "reps" or planned.option.mode != "normal":
        return None
    e1rm = rx.e1rm(best.weight_kg, best.reps)
    return rx.starting_load(e1rm, planned.rx.reps[1], planned.rir)


def _fits(profile: Profile, session: list[Planned], reserved_s: float = 0.0) -> bool:
    # Timed at the block's lowest RIR, as the solver does, so later weeks still fit;
    # `reserved_s` is time set aside in every session (a fat-loss cardio finisher).
    general = general_warmup_seconds(profile.goal, profile.minutes)
    lowest = rx.RIR_RAMP[profile.goal][profile.level][1]
    timed = [replace(p, rir=min(p.rir, lowest)).timed for p in session]
    return session_seconds(timed, general) + reserved_s <= profile.minutes * 60


def no_room(
    profile: Profile, sessions: Sequence[Sequence[Planned]], reserved_s: float = 0.0
) -> bool:
    """Whether no session has the minutes for one more set of any of its exercises."""
    return not any(
        _fits(
            profile,
            [*session[:i], replace(planned, sets=planned.sets + 1), *session[i + 1 :]],
            reserved_s,
        )
        for session in sessions
        for i, planned in enumerate(session)
    )


def _neighbours(days: Sequence[Weekday] | None, count: int) -> dict[int, list[int]]:
    """Session index -> the sessions on the calendar days either side (the week wraps)."""
    out: dict[int, list[int]] = {i: [] for i in range(count)}
    if days is None:
        return out
    for i in range(count):
        for j in range(count):
            gap = abs(WEEKDAYS.index(days[i]) - WEEKDAYS.index(days[j]))
            if i != j and gap in (1, 6):
                out[i].append(j)
    return out


def _direct(session: Sequence[Planned], muscle: str) -> int:
    return sum(p.sets for p in session if p.option.exercise.target == muscle)


def _recovers(muscle: str, here: int, others: Sequence[int]) -> bool:
    """No >= 4 direct sets on consecutive days, unless a fast muscle stays <= 4 (#21)."""
    for there in others:
        fast_ok = (
            muscle in rx.FAST_RECOVERY_MUSCLES and max(here, there) <= rx.FAST_RECOVERY_MAX_SETS
        )
        if min(here, there) >= rx.RECOVERY_HEAVY_SETS and not fast_ok:
            return False
    return True


# Whether a candidate week keeps every weekly rule the week before kept (service.py builds it
# from the validator's weekly checks; progression cannot import the validator, which imports it).
WeekGuard = Callable[[Sequence[Sequence[Planned]]], int]


def ramp(
    profile: Profile,
    previous: list[list[Planned]],
    days: Sequence[Weekday] | None = None,
    guard: WeekGuard | None = None,
    reserved_s: float = 0.0,
) -> list[list[Planned]]:
    """Next accumulation week's sets: +1 per muscle (+2 for priorities) where caps, time and
    recovery allow (`days`, one per session, keeps consecutive-day spacing, #21). With a
    `guard` (the number of weekly errors a week has), a set is added only if the week has no
    more errors than before: one more set for the chest must not leave a priority hamstring
    behind the typical muscle (#26)."""
    sessions = [list(s) for s in previous]
    beside = _neighbours(days, len(sessions))
    added: dict[str, int] = defaultdict(int)
    weekly: dict[str, int] = defaultdict(int)
    for session in sessions:
        for planned in session:
            unit, _, _ = weekly_cap(planned.option.exercise.target, profile, first_week=False)
            weekly[unit] += planned.sets
    order = sorted(
        ((s, i) for s, session in enumerate(sessions) for i in range(len(session))),
        key=lambda si: (
            sessions[si[0]][si[1]].option.exercise.target not in profile.priorities,
            si,
        ),
    )
    errors = guard(sessions) if guard else 0
    for s, i in order:
        planned = sessions[s][i]
        target = planned.option.exercise.target
        unit, _, cap = weekly_cap(target, profile, first_week=False)
        allowed = rx.SET_RAMP_PER_WEEK if target in profile.priorities else 1
        if planned.sets >= planned.rx.sets[1] or added[unit] >= allowed or weekly[unit] >= cap:
            continue
        session_direct = sum(p.sets for p in sessions[s] if p.option.exercise.target == target)
        if session_direct + 1 > rx.SESSION_DIRECT_WARN:
            continue
        nearby = [_direct(sessions[t], target) for t in beside[s]]
        if not _recovers(target, session_direct + 1, nearby):
            continue
        trial = [*sessions[s][:i], replace(planned, sets=planned.sets + 1), *sessions[s][i + 1 :]]
        if not _fits(profile, trial, reserved_s):
            continue
        week = [*sessions[:s], trial, *sessions[s + 1 :]]
        if guard is None or guard(week) <= errors:
            sessions[s] = trial
            added[unit] += 1
            weekly[unit] += 1
    return sessions


# Visible progression (issue 11, step 4): without a known load the lower end of the rep (or hold)
# target climbs one step a week, keeping the range wide enough to add reps before weight (#36);
# with a known load the weight rises instead.
CLIMB_STEP = {"reps": 1, "seconds": 5}


def _climbable(profile: Profile, planned: Planned) -> bool:
    return (
        planned.rx.unit in CLIMB_STEP
        and rx.is_hard_set_work(planned.option.exercise)
        and load_for(profile, planned) is None
    )


def climb(
    profile: Profile,
    sessions: list[list[Planned]],
    keep_width: bool = True,
    reserved_s: float = 0.0,
) -> list[list[Planned]]:
    """Next week's rep targets: each target without a known load rises one step, time allowing
    (`keep_width`: leave the range wide enough to add reps before weight)."""
    out = []
    for session in sessions:
        current = list(session)
        for i, planned in enumerate(current):
            if not _climbable(profile, planned):
                continue
            lo, hi = planned.rx.reps
            step = CLIMB_STEP[planned.rx.unit]
            role = "isolation" if planned.rx.role == "isolation" else "compound"
            room = rx.REP_RANGE_MIN_WIDTH[role] if keep_width and planned.rx.unit == "reps" else 0
            if lo + step > hi - room:
                continue
            raised = replace(planned, rx=replace(planned.rx, reps=(lo + step, hi)))
            trial = [*current[:i], raised, *current[i + 1 :]]
            if _fits(profile, trial, reserved_s):
                current = trial
        out.append(current)
    return out


def _loaded(profile: Profile, sessions: Sequence[Sequence[Planned]]) -> bool:
    return any(load_for(profile, p) is not None for s in sessions for p in s)


def load_in_week(profile: Profile, planned: Planned, in_block: int, block: int) -> float | None:
    """Working load rising one plate step a week and per block, within what the lifter's best
    lift allows for the set's lower rep target at its RIR."""
    base = load_for(profile, planned)
    best = profile.maxes.get(planned.option.exercise.slug)
    if base is None or best is None:
        return None
    e1rm = rx.e1rm(best.weight_kg, best.reps)
    ceiling = rx.starting_load(e1rm, planned.rx.reps[0], planned.rir) + rx.LOAD_INCREMENT_KG
    raised = base + rx.LOAD_INCREMENT_KG * (in_block - 1 + block)
    return max(base, min(raised, ceiling))


def build_weeks(
    profile: Profile,
    first: list[list[Planned]],
    days: Sequence[Weekday] | None = None,
    guard: WeekGuard | None = None,
    reserved_s: float = 0.0,
) -> list[WeekPlan]:
    """Every week of the plan from the solved first week (`days`: each session's weekday;
    `guard`: the weekly errors of a week, which no added set may raise; `reserved_s`: time
    every session sets aside, such as a cardio finisher)."""
    weeks: list[WeekPlan] = []
    ramping = profile.goal == "hypertrophy" and profile.level != "beginner"
    current = first
    block = 0
    moved = False  # whether this block already shows a step the person can see
    for week, deload, in_block in schedule(profile):
        if deload:
            last = weeks[-1].sessions if weeks else first
            sessions = [
                [
                    replace(p, sets=max(1, int(p.sets * rx.DELOAD_SET_FACTOR)), rir=rx.DELOAD_RIR)
                    for p in s
                ]
                for s in last
            ]
            sessions = [
                [
                    replace(
                        p,
                        load_kg=load_for(profile, replace(p, rir=rir_for(profile, p.option, 1, 1))),
                    )
                    for p in s
                ]
                for s in sessions
            ]
            weeks.append(WeekPlan(week, True, 0, sessions))
            current = first
            block += 1
            moved = False
            continue
        sessions = [
            [replace(p, rir=rir_for(profile, p.option, in_block, week)) for p in session]
            for session in current
        ]
        if in_block > 1:
            # Hypertrophy's set ramp is its visible step; reps climb only when no set was added.
            ramped = ramp(profile, sessions, days, guard, reserved_s) if ramping else sessions
            climbed = (
                climb(profile, sessions, reserved_s=reserved_s) if ramped == sessions else ramped
            )
            # Ranges too narrow (or sessions too full) to add reps: a set is the visible step;
            # failing that, once a block, a rep that narrows the range (a warning, not an error).
            loaded = _loaded(profile, sessions)
            if climbed == sessions and not ramping and not loaded:
                climbed = ramp(profile, sessions, days, guard, reserved_s)
            if climbed == sessions and not moved and not loaded:
                climbed = climb(profile, sessions, keep_width=False, reserved_s=reserved_s)
            moved = moved or climbed != sessions
            sessions = climbed
        current = sessions
        sessions = [
            [replace(p, load_kg=load_in_week(profile, p, in_block, block)) for p in s]
            for s in sessions
        ]
        weeks.append(WeekPlan(week, False, in_block, sessions))
    return weeks
