"""Checks across weeks (#27-#31): deloads, progressive overload, effort and set ramps, and a
progression the person can see (issue 11: weeks that only change RIR are copies of week 1)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import pairwise

from repforge.planner import prescription as rx
from repforge.planner import words
from repforge.planner.plan import Finding
from repforge.planner.profile import Profile
from repforge.planner.rules import day_volume, weekly_cap
from repforge.planner.validate import Day, Item, finding

Week = tuple[int, bool, Sequence[Day]]


def progress_findings(profile: Profile, weeks: Sequence[Week]) -> list[Finding]:
    """Every cross-week check."""
    out = _deload_schedule(profile, weeks)
    ramping = profile.goal == "hypertrophy" and profile.level != "beginner"
    for (_, prev_deload, prev), (week, deload, days) in pairwise(weeks):
        if deload and not prev_deload:
            out += _deload(profile, prev, days, week)
            continue
        if deload or prev_deload:
            continue
        out += _overload(prev, days, week)
        if ramping:
            out += _set_ramp(profile, prev, days, week)
    for block in blocks(weeks):
        out += _visible(block)
    return out


def blocks(weeks: Sequence[Week]) -> list[list[Week]]:
    """Runs of consecutive accumulation weeks."""
    out: list[list[Week]] = [[]]
    for week in weeks:
        if week[1]:
            out.append([])
        else:
            out[-1].append(week)
    return [b for b in out if b]


def _deload_schedule(profile: Profile, weeks: Sequence[Week]) -> list[Finding]:
    out: list[Finding] = []
    run = 0
    most, usual = rx.ACCUMULATION_MAX[profile.level], rx.ACCUMULATION_WARN[profile.level]
    for week, deload, _ in weeks:
        run = 0 if deload else run + 1
        if run > most:
            msg = (
                f"Week {week} is the {run}th week in a row without a lighter week; "
                f"at your level take one at least every {most + 1} weeks."
            )
            out.append(finding("deload-schedule", "error", msg, week))
        elif run > usual:
            msg = (
                f"Week {week} is the {run}th week in a row without a lighter week; "
                "coaches usually plan one every 4 to 6 weeks."
            )
            out.append(finding("deload-schedule", "warning", msg, week))
    return out


def by_key(days: Sequence[Day]) -> dict[tuple[str, str], Item]:
    return {(d.day, i.exercise.slug): i for d in days for i in d.items}


def _overload(prev: Sequence[Day], days: Sequence[Day], week: int) -> list[Finding]:
    out: list[Finding] = []
    before = by_key(prev)
    for (day, slug), item in by_key(days).items():
        old = before.get((day, slug))
        if old is None or not item.hard:
            continue
        if (
            item.sets < old.sets
            or item.reps[0] < old.reps[0]
            or (item.load_kg or 0) < (old.load_kg or 0)
        ):
            msg = (
                f"{item.name} gets easier from week {week - 1} to week {week} (fewer sets, "
                "fewer reps or less weight) in the middle of a block."
            )
            out.append(finding("progressive-overload", "error", msg, week, day=day, slug=slug))
        if item.rir > old.rir:
            msg = (
                f"{item.name}: you stop {item.rir} reps short of failure in week {week}, "
                f"after {old.rir} the week before; effort should hold or rise within a block."
            )
            out.append(finding("effort-ramp", "warning", msg, week, day=day, slug=slug))
    return out


def _weekly_direct(profile: Profile, days: Sequence[Day]) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for day in days:
        direct, _ = day_volume(day.items)
        for muscle, sets in direct.items():
            unit, _, _ = weekly_cap(muscle, profile, first_week=False)
            totals[unit] += sets
    return totals


def _set_ramp(
    profile: Profile, prev: Sequence[Day], days: Sequence[Day], week: int
) -> list[Finding]:
    before, now = _weekly_direct(profile, prev), _weekly_direct(profile, days)
    out = []
    for unit, sets in sorted(now.items()):
        rise = sets - before.get(unit, 0)
        if rise > rx.SET_RAMP_PER_WEEK:
            msg = (
                f"Your {words.muscle(unit)} {words.verb(unit, 'get')} {rise} more hard sets in "
                f"week {week} than the "
                f"week before; adding more than {rx.SET_RAMP_PER_WEEK} a week outpaces recovery."
            )
            out.append(finding("set-ramp", "error", msg, week))
    return out


def _deload(profile: Profile, prev: Sequence[Day], days: Sequence[Day], week: int) -> list[Finding]:
    out = []
    before, now = _weekly_direct(profile, prev), _weekly_direct(profile, days)
    share = round(rx.DELOAD_MAX_SET_RATIO * 100)
    for unit, sets in sorted(now.items()):
        if before.get(unit) and sets > rx.DELOAD_MAX_SET_RATIO * before[unit] + 1e-9:
            msg = (
                f"The lighter week {week} still gives your {words.muscle(unit)} {sets} hard sets, "
                f"against {before[unit]} the week before; a lighter week keeps at most {share} %."
            )
            out.append(finding("deload-content", "error", msg, week))
    previous = by_key(prev)
    for (day, slug), item in by_key(days).items():
        if item.hard and item.rir < rx.DELOAD_RIR:
            msg = (
                f"{item.name}: in a lighter week stop at least {rx.DELOAD_RIR} reps short of "
                f"failure; the plan asks for {item.rir}."
            )
            out.append(finding("deload-content", "error", msg, week, day=day, slug=slug))
        old = previous.get((day, slug))
        if old and item.load_kg and old.load_kg and item.load_kg > old.load_kg:
            msg = f"{item.name} is heavier in the lighter week {week} than the week before."
            out.append(finding("deload-content", "error", msg, week, day=day, slug=slug))
    return out


def _visible(block: Sequence[Week]) -> list[Finding]:
    # #27: over a block something the person can see rises: sets, reps or load of some exercise,
    # or the week's sets. A week that changes only the reps in reserve is a copy of the first.
    if len(block) < 2:
        return []
    first, last = by_key(block[0][2]), by_key(block[-1][2])
    total = [sum(i.sets for d in days for i in d.items if i.hard) for _, _, days in block]
    rises = max(total) > total[0]
    for key, item in last.items():
        old = first.get(key)
        if old is None or not item.hard:
            continue
        if (
            item.sets > old.sets
            or item.reps[0] > old.reps[0]
            or item.reps[1] > old.reps[1]
            or (item.load_kg or 0) > (old.load_kg or 0)
        ):
            rises = True
            break
    if rises:
        return []
    start, end = block[0][0], block[-1][0]
    msg = (
        f"Weeks {start} to {end} repeat the same sets, reps and weights; nothing in the plan "
        "shows you how to progress from week to week."
    )
    return [finding("visible-progression", "error", msg, end)]
