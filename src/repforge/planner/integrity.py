"""Whether a plan file tells the truth about itself: one session a day, each exercise once a
session, labels that match the work, warm-ups and progression advice the person can follow, and
stated totals that match the exercises (recomputed, never trusted)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache

from repforge.catalog.catalog import Catalog
from repforge.catalog.model import Exercise
from repforge.planner import words
from repforge.planner.plan import Finding, Plan, PlanSession, PlanWeek
from repforge.planner.profile import Eligibility
from repforge.planner.rules import day_volume
from repforge.planner.session_checks import session_minutes, why_unusable
from repforge.planner.supersets import is_pair, members, why_not_pair
from repforge.planner.validate import Day, days_of, finding

# Stated fractional totals are written rounded to 0.1 set; a larger gap is an edit.
STATED_TOTAL_TOLERANCE = 0.05 + 1e-6


def integrity_findings(catalog: Catalog, eligibility: Eligibility, plan: Plan) -> list[Finding]:
    """Every integrity check on every week of the plan."""
    out: list[Finding] = []
    weekly_direct: dict[str, int] = {}
    weekly_frac: dict[str, float] = {}
    for index, week in enumerate(plan.weeks):
        days, _ = days_of(catalog, week.sessions, week.week)
        out += _calendar(week)
        frac_total: Counter[str] = Counter()
        direct_total: Counter[str] = Counter()
        for session, day in zip(week.sessions, days, strict=True):
            out += _session(catalog, eligibility, session, day, week.week)
            direct, frac = day_volume(day.items)
            direct_total.update(direct)
            frac_total.update(frac)
            out += _stated(session.sets_by_muscle, frac, week.week, words.day(session.day))
        out += _stated(week.sets_by_muscle, frac_total, week.week, f"week {week.week}")
        out += _stated(week.direct_sets_by_muscle, direct_total, week.week, f"week {week.week}")
        if index == 0:
            weekly_frac, weekly_direct = dict(frac_total), dict(direct_total)
    out += _stated(plan.weekly_sets_by_muscle, weekly_frac, None, "the plan's weekly table")
    out += _stated(
        plan.weekly_direct_sets_by_muscle, weekly_direct, None, "the plan's weekly table"
    )
    return out


def _supersets(day: Day, week: int) -> list[Finding]:
    """Each superset is two neighbouring exercises that can alternate; a label that pairs
    anything else saves no time in the session's estimate (timing.session_seconds)."""
    out = []
    when = words.day(day.day)
    for letter, indexes in sorted(members([i.superset for i in day.items]).items()):
        names = words.listing([day.items[i].name for i in indexes])
        if not is_pair(indexes):
            msg = (
                f"Superset {letter} of the {when} session holds {names}; a superset is two "
                "exercises next to each other."
            )
            out.append(finding("superset", "error", msg, week, day=day.day))
            continue
        a, b = (day.items[i].exercise for i in indexes)
        reason = why_not_pair(a, b)
        if reason:
            msg = (
                f"{a.name} and {b.name} are paired in the {when} session, but {reason}; "
                "do them one after the other."
            )
            out.append(finding("superset", "error", msg, week, day=day.day, slug=b.slug))
    return out


def _calendar(week: PlanWeek) -> list[Finding]:
    out = []
    for day, n in sorted(Counter(s.day for s in week.sessions).items()):
        if n > 1:
            msg = (
                f"Week {week.week} has {n} sessions on {words.day(day)}; "
                "the plan gives each day at most one."
            )
            out.append(finding("same-day-sessions", "error", msg, week.week, day=day))
    return out


def _session(
    catalog: Catalog, eligibility: Eligibility, session: PlanSession, day: Day, week: int
) -> list[Finding]:
    out: list[Finding] = []
    profile = eligibility.profile
    when = words.day(session.day)
    for slug, n in Counter(e.slug for e in session.exercises).items():
        if n > 1:
            name = next((i.name for i in day.items if i.exercise.slug == slug), slug)
            msg = (
                f"{name} appears {n} times in the {when} session; do each exercise once a session."
            )
            out.append(finding("repeated-exercise", "error", msg, week, day=session.day, slug=slug))
    hard = sum(i.sets for i in day.items if i.hard)
    if session.kind == "conditioning" and hard:
        msg = (
            f"The {when} session is labelled conditioning but holds {words.count(hard, 'hard set')} "
            "of lifting; it is checked as a lifting session."
        )
        out.append(finding("session-label", "error", msg, week, day=session.day))
    out += _supersets(day, week)
    actual = session_minutes(profile, day)
    if session.estimated_minutes < actual:
        msg = (
            f"The {when} session says it takes {session.estimated_minutes} minutes; "
            f"its exercises take about {actual}."
        )
        out.append(finding("stated-totals", "error", msg, week, day=session.day))
    for drill in session.warm_up:
        ex = catalog.find(drill.slug)
        if ex is None:
            msg = f"The {when} warm-up names an exercise that is not in the catalog: {drill.name or drill.slug}."
            out.append(finding("warm-up", "error", msg, week, day=session.day, slug=drill.slug))
            continue
        ruled_out = why_unusable(eligibility, ex)
        if ruled_out:
            msg = f"The {when} warm-up uses {ex.name}, which {ruled_out[1]}."
            out.append(finding("warm-up", "error", msg, week, day=session.day, slug=ex.slug))
    for entry, item in zip(
        (e for e in session.exercises if catalog.find(e.slug)), day.items, strict=True
    ):
        for other in mentioned(catalog, entry.progression):
            if other.slug == item.exercise.slug:
                continue
            ruled_out = why_unusable(eligibility, other)
            if ruled_out:
                msg = f"{item.name}: the advice to move on to {other.name} does not fit you; it {ruled_out[1]}."
                out.append(
                    finding(
                        "progression-advice",
                        "error",
                        msg,
                        week,
                        day=session.day,
                        slug=item.exercise.slug,
                    )
                )
    return out


def _stated(
    stated: Mapping[str, float], actual: Mapping[str, float], week: int | None, where: str
) -> list[Finding]:
    """A finding when a file's own totals differ from what its exercises add up to."""
    if not stated:
        return []
    wrong = sorted(
        m
        for m in set(stated) | {m for m, v in actual.items() if v}
        if abs(stated.get(m, 0.0) - actual.get(m, 0.0)) > STATED_TOTAL_TOLERANCE
    )
    if not wrong:
        return []
    m = wrong[0]
    more = f" (and {words.count(len(wrong) - 1, 'other muscle')})" if len(wrong) > 1 else ""
    msg = (
        f"In {where}, the plan says your {words.muscle(m)} get {stated.get(m, 0.0):g} hard sets, "
        f"but its exercises add up to {words.figure(actual.get(m, 0.0))}{more}."
    )
    return [finding("stated-totals", "error", msg, week)]


_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=8)
def _names_by_first_word(catalog: Catalog) -> dict[str, list[tuple[tuple[str, ...], Exercise]]]:
    """First word of a name -> (the name's words, exercise), longest name first."""
    index: dict[str, list[tuple[tuple[str, ...], Exercise]]] = {}
    for ex in catalog:
        name = tuple(_WORD.findall(ex.name.lower()))
        if name:
            index.setdefault(name[0], []).append((name, ex))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


def mentioned(catalog: Catalog, text: str) -> list[Exercise]:
    """Catalog exercises named in a piece of advice, in order of mention (longest name wins:
    "pike push-up" is not also a "push-up"). Linear in the text: a plan file's advice is
    untrusted input."""
    index = _names_by_first_word(catalog)
    tokens = _WORD.findall(text.lower())
    found: list[Exercise] = []
    i = 0
    while i < len(tokens):
        for name, ex in index.get(tokens[i], ()):
            if tuple(tokens[i : i + len(name)]) == name:
                found.append(ex)
                i += len(name)
                break
        else:
            i += 1
    return found
