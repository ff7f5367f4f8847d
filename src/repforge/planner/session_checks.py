"""Checks on one prescribed exercise and on one session (docs/planner-rules.md, #1-#12, #17-#20,
#25, #35, #36), in plain words."""

from __future__ import annotations

from repforge.catalog.model import Exercise
from repforge.planner import prescription as rx
from repforge.planner import words
from repforge.planner.plan import Finding
from repforge.planner.profile import Eligibility, Profile, Weekday
from repforge.planner.rules import day_volume
from repforge.planner.timing import general_warmup_seconds, minutes_of, session_seconds, warmup_sets
from repforge.planner.validate import (
    EPS,
    MINUTES_PER_UNIT,
    Day,
    Item,
    finding,
)


def why_unusable(eligibility: Eligibility, exercise: Exercise) -> tuple[str, str] | None:
    """(check id, the end of a sentence) when the profile rules the exercise out, else None."""
    if exercise.slug in eligibility.excluded:
        return "excluded", "is on your list of exercises to leave out"
    needs = exercise.equipment
    if not needs.doable_with(eligibility.available):
        missing = [k for k in needs.required if k not in eligibility.available]
        if needs.options and not set(needs.options) & eligibility.available:
            missing.append(" or ".join(words.kit([k]) for k in needs.options))
            return "equipment", f"needs equipment you do not have ({words.listing(missing)})"
        return "equipment", f"needs equipment you do not have ({words.kit(missing)})"
    # the catalog grades joint stress: only high-stress work is ruled out (low stress, like a
    # wall sit for the knees, is how a protected region keeps training)
    hurt = sorted(j for j in eligibility.protected if exercise.stress_grade(j) == "high")
    if hurt:
        return (
            "protected-joint",
            f"loads your {words.joints(hurt)} hard, which you asked to protect",
        )
    return None


def item_findings(
    profile: Profile, eligibility: Eligibility, item: Item, week: int, deload: bool, day: Weekday
) -> list[Finding]:
    """Checks on one prescribed exercise (#1-#12, #35, #36)."""
    ex, out = item.exercise, []
    name = item.name

    def add(check: str, message: str, severity: str = "error") -> None:
        out.append(finding(check, severity, message, week, day=day, slug=ex.slug))

    ruled_out = why_unusable(eligibility, ex)
    if ruled_out:
        add(ruled_out[0], f"{name} {ruled_out[1]}.")
    if not eligibility.level_ok(ex):
        add("difficulty", f"{name} is an {ex.difficulty} exercise, too hard for a {profile.level}.")
    if item.mode == "normal" and item.hard and eligibility.not_yet(ex):
        add(
            "skill-regression",
            f"{name} is a skill you cannot do yet; the plan should give an easier step toward it.",
        )
    if not item.hard or deload:
        return out
    goal, role = profile.goal, rx.role_of(ex, profile.goal)
    lo_r, hi_r = item.reps
    if item.unit == "reps" and item.mode == "normal":
        lo, hi = rx.REP_BOUNDS[goal]
        if goal == "strength" and role == "main":
            lo, hi = rx.STRENGTH_MAIN_REP_BOUNDS[profile.level]
        if lo_r < lo or hi_r > hi:
            add(
                "rep-range",
                f"{name}: {lo_r}-{hi_r} reps is outside the {lo}-{hi} that suits your goal.",
            )
        width = rx.REP_RANGE_MIN_WIDTH["isolation" if role == "isolation" else "compound"]
        if hi_r - lo_r < width:
            add(
                "rep-range-width",
                f"{name}: {lo_r}-{hi_r} reps leaves little room to add reps before adding "
                f"weight; a range at least {width} reps wide works better.",
                "warning",
            )
    if not 0 <= item.rir <= rx.RIR_HARD_SET_MAX:
        add(
            "rir-window",
            f"{name}: stopping {item.rir} reps short of failure is too easy to count as a hard "
            f"set; 0 to {rx.RIR_HARD_SET_MAX} reps in reserve is the window.",
        )
    floor = rx.min_rir(ex, profile.level, week)
    if item.rir < floor:
        if not rx.failure_safe(ex):
            add(
                "failure-safety",
                f"{name}: a failed rep is unsafe on this lift, so keep at least {floor} reps in "
                f"reserve; the plan asks for {item.rir}.",
            )
        else:
            add(
                "beginner-effort",
                f"{name}: at your level keep at least {floor} reps in reserve; the plan asks "
                f"for {item.rir}.",
            )
    lo, hi = rx.BEGINNER_SET_BOUNDS if profile.level == "beginner" else rx.SET_BOUNDS[goal]
    if not lo <= item.sets <= hi:
        add(
            "sets-per-exercise",
            f"{name}: {item.sets} sets is outside the {lo} to {hi} that suit you.",
        )
    lo, hi = rx.REST_BOUNDS[goal][role]
    if not lo <= item.rest_seconds <= hi:
        add(
            "rest",
            f"{name}: {item.rest_seconds} seconds of rest is outside the {lo} to {hi} seconds "
            "that suit this exercise and your goal.",
        )
    best = profile.maxes.get(ex.slug)
    if item.load_kg is not None and best is not None:
        e1rm = rx.e1rm(best.weight_kg, best.reps)
        limit = e1rm * rx.percent_1rm(lo_r + item.rir) / 100 + rx.LOAD_INCREMENT_KG
        if item.load_kg > limit + EPS:
            add(
                "load-vs-effort",
                f"{name}: {item.load_kg:g} kg is heavier than your best lift allows for "
                f"{lo_r} reps with {item.rir} in reserve (about {words.figure(limit, item.load_kg)} kg).",
            )
    return out


def session_minutes(profile: Profile, day: Day) -> int:
    """The session's time from its items and warm-up, whatever its label says (§5)."""
    timed = [i.timed for i in day.items if i.unit != "minutes"]
    general = general_warmup_seconds(profile.goal, profile.minutes) if timed else 0.0
    seconds = session_seconds(timed, max(general, day.warm_up_minutes * 60.0))
    seconds += sum(i.sets * i.reps[1] * MINUTES_PER_UNIT for i in day.items if i.unit == "minutes")
    return minutes_of(seconds)


def session_findings(profile: Profile, day: Day, week: int, minutes: int) -> list[Finding]:
    """Time, per-session caps, breadth, order and warm-up checks for one session."""
    out: list[Finding] = []
    hard = [i for i in day.items if i.hard]
    when = words.day(day.day)
    estimate = session_minutes(profile, day)
    if estimate > minutes:
        msg = (
            f"The {when} session takes about {estimate} minutes, more than the {minutes} you have."
        )
        out.append(finding("session-time", "error", msg, week, day=day.day))
    direct, _ = day_volume(hard)
    for muscle, sets in sorted(direct.items()):
        if sets > rx.SESSION_DIRECT_WARN:
            severity = "error" if sets > rx.SESSION_DIRECT_MAX else "warning"
            msg = (
                f"Your {words.muscle(muscle)} {words.verb(muscle, 'get')} {sets} hard sets in the "
                f"{when} session; "
                f"past {rx.SESSION_DIRECT_WARN} extra sets add fatigue more than growth, and "
                f"{rx.SESSION_DIRECT_MAX} is the most one session should hold."
            )
            out.append(finding("session-cap", severity, msg, week, day=day.day))
    trained = sum(1 for n in direct.values() if n >= 2)
    if trained > rx.SESSION_MAX_MUSCLES:
        msg = (
            f"The {when} session works {trained} muscles hard; more than "
            f"{rx.SESSION_MAX_MUSCLES} spreads your effort thin."
        )
        out.append(finding("session-breadth", "warning", msg, week, day=day.day))
    seen: set[str] = set()
    for index, item in enumerate(hard):
        ex = item.exercise
        later = hard[index + 1 :]
        early_isolation = ex.mechanic == "isolation" and ex.target not in profile.priorities
        bigger = next(
            (
                o
                for o in later
                if o.exercise.mechanic == "compound" and o.exercise.body_part == ex.body_part
            ),
            None,
        )
        if early_isolation and bigger:
            msg = (
                f"{item.name} works one joint and comes before {bigger.name}, a bigger lift for "
                "the same area; the bigger lift usually goes first."
            )
            out.append(finding("exercise-order", "warning", msg, week, day=day.day, slug=ex.slug))
        if ex.pattern not in seen:
            seen.add(ex.pattern)
            need = warmup_sets(item.timed)
            if item.warmup_sets < need:
                msg = (
                    f"{item.name}: the working weight calls for {need} lighter ramp-up sets "
                    f"first; the plan has {item.warmup_sets}."
                )
                out.append(finding("warm-up-sets", "warning", msg, week, day=day.day, slug=ex.slug))
    return out
