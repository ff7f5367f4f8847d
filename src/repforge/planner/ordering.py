"""The order of a session's exercises, and the openers of a strength week (issue 11)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from repforge.planner import prescription as rx
from repforge.planner.candidates import Candidate
from repforge.planner.profile import STAPLE_POPULARITY, Profile, is_barbell_lift
from repforge.planner.split import SessionSpec
from repforge.planner.supersets import label

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
    partner: str | None = None  # the option key of its superset partner
    superset: str | None = None  # the pair's label in the session (A, B ...)


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
    strength = profile.goal == "strength"
    return pair_up(_priority_early(ordered, profile) if strength else ordered, strength)


def pair_up(picks: Sequence[Pick], strength: bool = False) -> list[Pick]:
    """Each superset's two exercises side by side, labelled A, B ... in session order; a
    partner missing from the session leaves its mate a straight exercise.

    A pair sits where its earlier exercise stood, unless that would bring a one-joint exercise
    ahead of a bigger lift for the same area: then where its later one stood (a strength main
    lift keeps its place at the front either way)."""
    keys = {p.candidate.option.key for p in picks}
    by_key = {p.candidate.option.key: p for p in picks}
    position = {p.candidate.option.key: i for i, p in enumerate(picks)}
    late: dict[str, str] = {}  # a pair's later exercise -> its earlier one, placed there
    out: list[Pick] = []
    placed: set[str] = set()
    for pick in picks:
        key = pick.candidate.option.key
        if key in placed:
            continue
        mate = pick.partner if pick.partner in keys and pick.partner != key else None
        if key in late:
            mate = late[key]
        elif (
            mate is not None and mate not in placed and _jumps(picks, position, key, mate, strength)
        ):
            late[mate] = key
            continue
        if mate is None or mate in placed:
            out.append(replace(pick, partner=None, superset=None))
            placed.add(key)
            continue
        first, second = (by_key[mate], pick) if key in late else (pick, by_key[mate])
        letter = label(len({p.superset for p in out if p.superset}))
        out.append(replace(first, partner=second.candidate.option.key, superset=letter))
        out.append(replace(second, partner=first.candidate.option.key, superset=letter))
        placed.update((key, mate))
    return out


def _jumps(
    picks: Sequence[Pick], position: Mapping[str, int], key: str, mate: str, strength: bool
) -> bool:
    """Whether pulling `mate` up to `key` puts a one-joint exercise before a bigger lift of
    the same body part that stands between them (and `key` may move down instead)."""
    moved = picks[position[mate]].candidate.option.exercise
    leader = picks[position[key]].candidate.option.exercise
    if moved.mechanic != "isolation" or (strength and rx.is_main_lift(leader)):
        return False
    between = picks[position[key] + 1 : position[mate]]
    return any(
        p.candidate.option.exercise.mechanic == "compound"
        and p.candidate.option.exercise.body_part == moved.body_part
        for p in between
    )


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
            days[index] = pair_up(_priority_early(day, profile), strength=True)
    return days
