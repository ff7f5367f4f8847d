"""The order of a session's exercises, and the openers of a strength week (issue 11)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from repforge.planner import prescription as rx
from repforge.planner.candidates import Candidate
from repforge.planner.profile import STAPLE_POPULARITY, Profile, is_barbell_lift
from repforge.planner.split import SessionSpec

# A body-weight strength day's opening order: legs, then presses, then pulls.
UNLOADED_MAIN_ORDER = (
    "squat",
    "horizontal-push",
    "hinge",
    "vertical-push",
    "horizontal-pull",
    "vertical-pull",
)


@dataclass(frozen=True)
class Pick:
    """A chosen exercise and its week-1 sets."""

    candidate: Candidate
    sets: int


def order(picks: Sequence[Pick], spec: SessionSpec, profile: Profile) -> list[Pick]:
    """Main lifts and compounds first, isolation last unless it serves a priority (ACSM 2009).

    Priority muscles lead (ACSM 2009 priority sequencing; validator #26), except that a strength
    plan's main lifts always open the session, a priority right after the first of them. Only a staple main lift leads: a rack pull added
    for its trap work follows the skeleton like any other compound. Core work and carries close
    the compound block, so the trunk is fresh for the heavy lifts."""

    def key(pick: Pick) -> tuple[object, ...]:
        ex = pick.candidate.option.exercise
        priority = ex.target in profile.priorities
        late = ex.mechanic == "isolation" and not priority
        main = rx.is_main_lift(ex) and ex.popularity >= STAPLE_POPULARITY
        # with no load to add, a strength day opens with its hardest body-weight compound
        unloaded_main = ex.load != "external" and rx.is_main_pattern(ex)
        first = (main or unloaded_main) if profile.goal == "strength" else priority
        slot = spec.skeleton.index(ex.pattern) if ex.pattern in spec.skeleton else 99
        if profile.goal == "strength" and unloaded_main and not main:
            # one order every day, so the same movement opens the week's sessions (repeated,
            # not rotated) instead of whichever pattern the day's skeleton lists first
            slot = UNLOADED_MAIN_ORDER.index(ex.pattern)
        heavy = -pick.candidate.warm_s  # the heaviest lift of a pattern opens it (ramp sets)
        barbell = main and is_barbell_lift(ex)
        trunk = ex.pattern in rx.CORE_PATTERNS or ex.pattern == "carry"  # core work closes
        # after a strength plan's main lifts, the priorities come before the other compounds
        lead = (late, not first, not priority, not main, not barbell, trunk, slot, heavy)
        return (*lead, -pick.sets, ex.slug)

    ordered = sorted(picks, key=key)
    return _priority_early(ordered, profile) if profile.goal == "strength" else ordered


def _is_priority(pick: Pick, profile: Profile) -> bool:
    return pick.candidate.option.exercise.target in profile.priorities


def _priority_early(ordered: list[Pick], profile: Profile) -> list[Pick]:
    """A priority waiting behind several main lifts moves up to follow the opening one, so it
    is trained fresh (ACSM 2009 priority sequencing) while a main lift still opens the day."""
    half = (len(ordered) + 1) // 2
    first = next((i for i, p in enumerate(ordered) if _is_priority(p, profile)), None)
    if first is not None and first >= half and half >= 1:
        ordered.insert(1, ordered.pop(first))
    return ordered


def align_openers(picks: Sequence[Sequence[Pick]], profile: Profile) -> list[list[Pick]]:
    """Strength: a day whose opener the week does not repeat opens instead with a main movement
    the week repeats, so the main lifts are practised, not rotated (issue 11)."""
    days = [list(day) for day in picks]
    if profile.goal != "strength":
        return days

    def slug(pick: Pick) -> str:
        return pick.candidate.option.exercise.slug

    def can_open(pick: Pick) -> bool:
        return rx.is_main_pattern(pick.candidate.option.exercise)

    counts = Counter(slug(p) for day in days for p in day if can_open(p))
    for index, day in enumerate(days):
        options = [i for i, p in enumerate(day) if can_open(p)]
        if not options or (can_open(day[0]) and counts[slug(day[0])] >= 2):
            continue
        best = max(options, key=lambda i: (counts[slug(day[i])], -i))
        if counts[slug(day[best])] >= 2 or not can_open(day[0]):
            day.insert(0, day.pop(best))
            days[index] = _priority_early(day, profile)
    return days
