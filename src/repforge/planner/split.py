"""The weekly split: which days train, what each session focuses on (docs/planner-rules.md §4.1).

The split follows the days, goal and level (`resistance_focuses`), then what the profile can
train: days it cannot fill (no squat, lunge or hinge for a lower day; no pull at all for an upper
or pull day) become full-body days (`adapt_split`). Strength days are built around two main lifts
(`STRENGTH_SKELETONS`, `SessionSpec.main`). `allocate` then spreads the weekly volume doses,
pattern minimums and recovery limits over the sessions, and `room` gives each session a fair
share of what is left of the weekly caps, so the sessions solved first do not take it all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Literal

from repforge.catalog import vocab
from repforge.planner.prescription import (
    FREQUENCY_DAY_SETS,
    FREQUENCY_GROUPS,
    FREQUENCY_MIN_DAYS,
    GENERAL_FITNESS_EXTRA_PATTERNS,
    LANDMARK_MEMBERS,
    LEVEL_RANK,
    MAINTENANCE_SETS,
    PATTERN_REQUIREMENTS,
    PULL_PATTERNS,
    PUSH_PATTERNS,
    SESSION_DIRECT_WARN,
    SESSION_MIN_SETS_WHEN_TRAINED,
    STRENGTH_MAIN_PATTERNS,
    landmark_floor,
    weekly_target,
)
from repforge.planner.prescription import muscle_floor as goal_floor
from repforge.planner.profile import WEEKDAYS, Profile, Weekday
from repforge.planner.rules import (
    MAJOR_MUSCLES,
    MINOR_MUSCLES,
    group_floor_groups,
    is_major,
    weekly_cap,
)
from repforge.planner.validate import muscle_floor

SessionKind = Literal["resistance", "conditioning"]

# Calendar days used when the user gives only a count: spread out, weekends late.
DEFAULT_WEEKDAYS: Mapping[int, tuple[Weekday, ...]] = {
    1: ("mon",),
    2: ("mon", "thu"),
    3: ("mon", "wed", "fri"),
    4: ("mon", "tue", "thu", "fri"),
    5: ("mon", "tue", "wed", "fri", "sat"),
    6: ("mon", "tue", "wed", "thu", "fri", "sat"),
    7: WEEKDAYS,
}
# ACSM 2009: novices train 2-3 d/wk; beyond 4 resistance days extra days are conditioning (#34).
BEGINNER_MAX_RESISTANCE_DAYS = 4
# Seven resistance days leave no rest day; the seventh becomes conditioning and mobility.
MAX_RESISTANCE_DAYS = 6
# A strength session is built around at most two main lifts: with 2-5 min rest and 3-4 ramp
# sets each they take 15-25 minutes apiece (docs/planner-rules.md §5.3, second worked example).
MAIN_LIFTS_PER_SESSION = 2

_UPPER = frozenset(
    {"chest", "front-delts", "side-delts", "rear-delts", "rotator-cuff", "biceps", "triceps"}
    | {"forearms", "lats", "upper-back", "traps", "neck", "abs", "obliques"}
)
_LOWER = frozenset(
    {"quads", "hamstrings", "glutes", "calves", "abductors", "adductors", "hip-flexors"}
    | {"lower-back", "abs", "obliques"}
)
# Muscles a session of each focus may give hard direct sets to (by exercise target).
FOCUS_TARGETS: Mapping[str, frozenset[str]] = {
    "full": frozenset(m.slug for m in vocab.MUSCLES if m.slug != "cardiovascular-system"),
    "upper": _UPPER,
    "lower": _LOWER,
    "push": frozenset({"chest", "front-delts", "side-delts", "triceps", "abs", "obliques"}),
    "pull": frozenset(
        {"lats", "upper-back", "rear-delts", "traps", "biceps", "forearms", "rotator-cuff"}
        | {"lower-back"}
    ),
    "legs": _LOWER,
    "conditioning": frozenset(),
}
# Session skeletons (pattern slots in order), preferred but not forced (§4.1).
SKELETONS: Mapping[str, tuple[str, ...]] = {
    "full-a": ("squat", "horizontal-push", "horizontal-pull", "hinge", "anti-extension"),
    "full-b": ("hinge", "vertical-push", "vertical-pull", "lunge", "carry", "anti-lateral-flexion"),
    "full-c": ("lunge", "horizontal-push", "vertical-pull", "hip-extension", "anti-rotation"),
    "upper": (
        "horizontal-push",
        "horizontal-pull",
        "vertical-push",
        "vertical-pull",
        "elbow-flexion",
        "elbow-extension",
        "lateral-raise",
    ),
    "lower": ("squat", "hinge", "lunge", "knee-flexion", "calf-raise", "anti-extension"),
    "push": ("horizontal-push", "vertical-push", "chest-fly", "lateral-raise", "elbow-extension"),
    "pull": ("vertical-pull", "horizontal-pull", "reverse-fly", "elbow-flexion", "hinge"),
    "legs": ("squat", "hinge", "lunge", "knee-flexion", "calf-raise", "anti-extension"),
    "conditioning": (),
}
# Strength full-body days are built around two main lifts each (the first two slots), in the
# classic novice rotation: squat and bench twice a week, deadlift and overhead press once
# (Starting Strength / StrongLifts family; §4.1 skeletons reordered so the main lifts lead).
STRENGTH_SKELETONS: Mapping[str, tuple[str, ...]] = {
    "full-a": ("squat", "horizontal-push", "horizontal-pull", "anti-extension", "calf-raise"),
    "full-b": ("hinge", "vertical-push", "vertical-pull", "lunge", "anti-rotation"),
    "full-c": ("squat", "horizontal-push", "vertical-pull", "hip-extension", "trunk-flexion"),
}
_NAMES: Mapping[str, str] = {
    "full-a": "Full body A",
    "full-b": "Full body B",
    "full-c": "Full body C",
    "upper": "Upper",
    "lower": "Lower",
    "push": "Push",
    "pull": "Pull",
    "legs": "Legs",
    "conditioning": "Conditioning and mobility",
}


# Requirement key -> the skeleton patterns that satisfy it (core is any core pattern).
PATTERN_KEYS: Mapping[str, frozenset[str]] = {
    **PATTERN_REQUIREMENTS,
    **GENERAL_FITNESS_EXTRA_PATTERNS,
}


@dataclass(frozen=True)
class SessionSpec:
    """One training day of the week: when, what it is called, what it may train."""

    day: Weekday
    name: str
    kind: SessionKind
    focus: str
    skeleton: tuple[str, ...]
    main: tuple[str, ...] = ()  # strength: the main-lift patterns this session is built around

    @property
    def targets(self) -> frozenset[str]:
        return FOCUS_TARGETS[self.focus]


def resistance_focuses(profile: Profile, count: int) -> list[str]:
    """Session skeleton keys for `count` resistance days (docs/planner-rules.md §4.1 table)."""
    split_heavy = LEVEL_RANK[profile.level] >= 2 and profile.goal in ("strength", "hypertrophy")
    table: dict[int, list[str]] = {
        1: ["full-a"],
        2: ["full-a", "full-b"],
        3: ["upper", "lower", "full-a"] if split_heavy else ["full-a", "full-b", "full-c"],
        4: ["upper", "lower", "upper", "lower"],
        5: ["upper", "lower", "push", "pull", "legs"],
        6: ["push", "pull", "legs", "push", "pull", "legs"],
    }
    return table[count]


def is_consecutive(first: Weekday, second: Weekday) -> bool:
    """Whether two weekdays are calendar neighbours (the week repeats, so sun-mon counts)."""
    gap = abs(WEEKDAYS.index(first) - WEEKDAYS.index(second))
    return gap in (1, 6)


def consecutive_pairs(days: Sequence[Weekday]) -> list[tuple[int, int]]:
    """Index pairs of the given training days that fall on neighbouring calendar days."""
    return [
        (i, j)
        for i, j in combinations(range(len(days)), 2)
        if days[i] != days[j] and is_consecutive(days[i], days[j])
    ]


def _spread(days: Sequence[Weekday], count: int) -> tuple[Weekday, ...]:
    # Resistance days with the fewest back-to-back pairs; the earliest such choice wins.
    best = min(
        combinations(days, count),
        key=lambda chosen: (len(consecutive_pairs(chosen)), [WEEKDAYS.index(d) for d in chosen]),
    )
    return tuple(best)


# Patterns that make a lower-body day worth having: without any of them (knees and lower back
# both protected, say) a "Lower" day is glute bridges and calf raises, so those days become
# full-body days that carry the upper-body volume too. Without any pulling pattern (bodyweight
# only, no bar) an upper or pull day is push-ups and prone raises, so every day is full-body.
LOWER_DAY_PATTERNS = frozenset({"squat", "lunge", "hinge"})
PULL_DAY_PATTERNS = frozenset({"horizontal-pull", "vertical-pull"})
_FULL_ROTATION = ("full-a", "full-b", "full-c")


def adapt_split(keys: Sequence[str], possible: frozenset[str]) -> list[str]:
    """The split with the days the profile cannot fill turned into full-body days (A, B, C...)."""
    if not possible & PULL_DAY_PATTERNS:
        empty = {"upper", "lower", "push", "pull", "legs"}
    elif not possible & LOWER_DAY_PATTERNS:
        empty = {"lower", "legs"}
    else:
        return list(keys)
    rotation = iter(_FULL_ROTATION * 3)
    return [next(rotation) if key in empty else key for key in keys]


def week_sessions(
    profile: Profile, possible_patterns: frozenset[str] | None = None
) -> list[SessionSpec]:
    """The sessions of one week, in calendar order.

    `possible_patterns` (the patterns some usable exercise has) lets the split drop lower-body
    days the profile cannot fill; without it every pattern is assumed possible.
    """
    days = profile.weekdays or DEFAULT_WEEKDAYS[profile.days]
    cap = BEGINNER_MAX_RESISTANCE_DAYS if profile.level == "beginner" else MAX_RESISTANCE_DAYS
    lifting = _spread(days, min(len(days), cap))
    keys = resistance_focuses(profile, len(lifting))
    if possible_patterns is not None:
        keys = adapt_split(keys, possible_patterns)
    focuses = iter(keys)
    seen: dict[str, int] = {}
    sessions: list[SessionSpec] = []
    for day in days:
        key = next(focuses) if day in lifting else "conditioning"
        focus = key.split("-")[0]
        seen[key] = seen.get(key, 0) + 1
        name = _NAMES[key]
        repeats = sum(1 for k in keys if k == key)
        if repeats > 1 and key.startswith("full-"):
            name = name if seen[key] == 1 else f"{name} {seen[key]}"  # Full body A, A 2
        elif repeats > 1 and key != "conditioning":
            name = f"{name} {'AB'[seen[key] - 1] if seen[key] <= 2 else seen[key]}"
        kind: SessionKind = "conditioning" if key == "conditioning" else "resistance"
        skeleton = SKELETONS[key]
        main: tuple[str, ...] = ()
        if profile.goal == "strength" and kind == "resistance":
            skeleton = STRENGTH_SKELETONS.get(key, skeleton)
            main = tuple(p for p in skeleton if p in STRENGTH_MAIN_PATTERNS)[
                :MAIN_LIFTS_PER_SESSION
            ]
        sessions.append(SessionSpec(day, name, kind, focus, skeleton, main))
    return sessions


@dataclass(frozen=True)
class Need:
    """A weekly volume floor for a muscle or landmark group, in scaled (fractional) units, or
    (`frequency`) a group of invariant #13 that needs >= 2 hard sets on `days` days."""

    name: str
    members: tuple[str, ...]
    floor: int
    maintenance: int  # the part of the floor that is the maintenance dose
    target: int  # what the objective aims for
    days: int  # sessions to spread it over (the training days a frequency group needs)
    priority: bool = False
    frequency: bool = False


@dataclass(frozen=True)
class Dose:
    """The share of a Need one session must deliver."""

    need: Need
    floor: int
    maintenance: int
    target: int
    counts_day: bool  # this session is one of the frequency group's >= 2 training days


@dataclass
class Allocation:
    """Which session carries which doses and patterns, and where recovery limits sets."""

    doses: dict[int, list[Dose]]
    patterns: dict[int, list[str]]
    light: dict[int, dict[str, int]]


# A session dose above ~8 fractional sets crowds out the rest (per-session direct warn is 10).
SESSION_DOSE_MAX_SETS = 8
LIGHT_DIRECT_SETS = 3  # below the 4 direct sets that need 48 h (invariant #21)
FAST_LIGHT_DIRECT_SETS = 4


def allocate(
    specs: Sequence[SessionSpec],
    reach: Mapping[int, Mapping[str, int]],
    needs: Sequence[Need],
    meetable: Mapping[str, Sequence[int]],
    capacity: Mapping[int, int],
    scale: int,
    fast_muscles: frozenset[str],
) -> Allocation:
    """Spread weekly needs, pattern minimums and recovery limits over the resistance sessions."""
    sessions = sorted(reach)
    load = dict.fromkeys(sessions, 0)
    doses: dict[int, list[Dose]] = {s: [] for s in sessions}
    days = [specs[s].day for s in sessions]
    pairs = {(sessions[a], sessions[b]) for a, b in consecutive_pairs(days)}

    def reachable(need: Need) -> list[int]:
        return [s for s in sessions if any(reach[s].get(m, 0) for m in need.members)]

    def dosed(s: int, members: tuple[str, ...]) -> int:
        return sum(d.floor for d in doses[s] if set(d.need.members) & set(members))

    # Volume floors first, then the frequency groups (#13), which prefer the sessions that
    # already carry their members' volume: one dose can then serve both.
    day_floor = int(FREQUENCY_DAY_SETS * scale)
    for need in sorted(needs, key=lambda n: (n.frequency, len(reachable(n)), n.name)):
        options = reachable(need)
        if not options:
            continue
        spread = -(-need.floor // (SESSION_DOSE_MAX_SETS * scale))
        k = min(len(options), max(need.days, spread))

        def cost(chosen: tuple[int, ...], need: Need = need, k: int = k) -> tuple[object, ...]:
            away = sum(1 for s in chosen if not set(need.members) & specs[s].targets)
            fresh = sum(1 for s in chosen if need.frequency and not dosed(s, need.members))
            close = sum(1 for a, b in pairs if a in chosen and b in chosen)
            share = day_floor if need.frequency else -(-need.floor // k)
            fill = [(load[s] + share) / max(capacity[s], 1) for s in chosen]
            # The fullest chosen session first, then the total: with the maximum alone, (mon, fri)
            # ties with (mon, wed) and every dose lands on the first two days of the week.
            return (away, fresh, close, round(max(fill), 3), round(sum(fill), 3), chosen)

        chosen = min(combinations(options, k), key=cost)
        for s in chosen:
            if need.frequency:
                load[s] += max(0, day_floor - dosed(s, need.members))
                doses[s].append(Dose(need, 0, 0, 0, True))
                continue
            floor = -(-need.floor // k)
            dose = Dose(
                need, floor, -(-need.maintenance // k), max(floor, -(-need.target // k)), False
            )
            doses[s].append(dose)
            load[s] += floor
    patterns: dict[int, list[str]] = {s: [] for s in sessions}
    for key, hosts in meetable.items():
        if not hosts:
            continue

        def fit(s: int, key: str = key) -> tuple[object, ...]:
            slots = [
                i for i, p in enumerate(specs[s].skeleton) if p in PATTERN_KEYS.get(key, (key,))
            ]
            return (slots[0] if slots else 99, round(load[s] / max(capacity[s], 1), 3), s)

        patterns[min(hosts, key=fit)].append(key)
    light: dict[int, dict[str, int]] = {s: {} for s in sessions}
    for a, b in sorted(pairs):
        for muscle in sorted(specs[a].targets & specs[b].targets):
            if muscle in fast_muscles:
                light[a][muscle] = light[b][muscle] = FAST_LIGHT_DIRECT_SETS
                continue
            amount = {s: sum(d.floor for d in doses[s] if muscle in d.need.members) for s in (a, b)}
            easy = b if amount[a] >= amount[b] else a
            light[easy][muscle] = LIGHT_DIRECT_SETS
    return Allocation(doses, patterns, light)


def weekly_needs(profile: Profile, sessions: int, scale: int) -> list[Need]:
    """Weekly floors: every major muscle, plus RP's multi-muscle landmark groups (back); and the
    five frequency groups of invariant #13, each on two days when the week has two."""
    days = min(FREQUENCY_MIN_DAYS, sessions)
    needs = []
    for muscle in (*MAJOR_MUSCLES, *MINOR_MUSCLES):
        priority = muscle in profile.priorities
        # Minor muscles are aimed for (the objective's reward) but owe no floor (rules.py).
        major = is_major(muscle, profile.priorities)
        floor = muscle_floor(muscle, profile) if major else 0
        target = max(floor, weekly_target(profile.goal, profile.level, priority))
        maint = MAINTENANCE_SETS * scale if major else 0
        # Volume is still spread over two sessions (one big dose of a small muscle crowds out
        # a strength day's main lifts), but only the groups below owe a day of >= 2 sets.
        needs.append(Need(muscle, (muscle,), floor * scale, maint, target * scale, days, priority))
    for name, members in LANDMARK_MEMBERS.items():
        floor = landmark_floor(name, profile.goal, profile.level)
        if len(members) > 1 and floor:
            needs.append(Need(name, members, floor * scale, 0, floor * scale, days))
    for name, members in group_floor_groups().items():
        # A major group's members together owe the muscle floor (rules.MAJOR_GROUPS).
        floor = goal_floor(profile.goal) * scale
        needs.append(Need(f"group:{name}", members, floor, MAINTENANCE_SETS * scale, floor, 1))
    if days >= FREQUENCY_MIN_DAYS:
        for name, members in FREQUENCY_GROUPS.items():
            needs.append(Need(name, members, 0, 0, 0, days, frequency=True))
    return needs


@dataclass
class WeekTally:
    """What the sessions solved so far delivered: exercises, direct and fractional sets, and
    the training days of each frequency group (#13)."""

    used: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    direct: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    frac: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    days: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # frequency groups
    muscle_days: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    today: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    met: set[str] = field(default_factory=set)  # weekly pattern requirements met
    pattern_sets: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    push: int = 0
    pull: int = 0

    def record(
        self, slug: str, target: str, pattern: str, sets: int, weights: Mapping[str, int]
    ) -> None:
        self.used[slug] += 1
        self.direct[target] += sets
        self.push += sets * (pattern in PUSH_PATTERNS)
        self.pull += sets * (pattern in PULL_PATTERNS)
        for muscle, weight in weights.items():
            self.today[muscle] += weight * sets

    def close_day(self, scale: int) -> None:
        for muscle, units in self.today.items():
            self.frac[muscle] += units
            self.muscle_days[muscle] += units >= FREQUENCY_DAY_SETS * scale
        for group, members in FREQUENCY_GROUPS.items():
            units = sum(self.today.get(m, 0) for m in members)
            self.days[group] += units >= FREQUENCY_DAY_SETS * scale
        self.today.clear()


def room(
    profile: Profile,
    specs: Sequence[SessionSpec],
    here: int,
    later: Sequence[int],
    alloc: Allocation,
    owners: Mapping[int, Mapping[str, set[str]]],
    week: WeekTally,
) -> dict[tuple[str, ...], int]:
    """Direct sets a session may give each target muscle and each cap unit (landmark group)."""
    # The weekly cap minus what earlier sessions used, keeping two sets for each later session
    # that must meet a pattern only this unit's exercises meet, or that is one of a member's
    # training days; a pattern assigned to this session is served first. And no more than a fair
    # share of what is left: sessions are solved in calendar order, and without the share the
    # first ones take the whole week's cap and leave the last a token session.
    caps: dict[tuple[str, ...], int] = {}
    spec = specs[here]

    def only(session: int, members: tuple[str, ...]) -> bool:
        return any(t and t <= set(members) for t in owners[session].values())

    for muscle in sorted(spec.targets):
        _, members, cap = weekly_cap(muscle, profile, first_week=True)
        left = cap - sum(week.direct[m] for m in members)
        reserve = 0
        for t in later:
            # A later session planned to carry a dose of this unit, volume or a frequency day,
            # keeps its two sets; a frequency day is owed by the members that session focuses
            # on (a pull day serves the shoulders with rear delts, not side delts).
            owed = sum(
                1
                for d in alloc.doses[t]
                if (d.floor or d.counts_day)
                and set(d.need.members) & set(members) & specs[t].targets
            )
            reserve += SESSION_MIN_SETS_WHEN_TRAINED * (owed or only(t, members))
        sharers = 1 + sum(1 for t in later if set(members) & specs[t].targets)
        share = max(-(-left // sharers), min(left, SESSION_MIN_SETS_WHEN_TRAINED))
        space = min(left - reserve, share)
        if only(here, members):
            space = max(space, min(left, SESSION_MIN_SETS_WHEN_TRAINED))
        caps[members] = max(0, space)
        light = alloc.light[here].get(muscle, SESSION_DIRECT_WARN)
        caps[(muscle,)] = max(0, min(SESSION_DIRECT_WARN, light, caps[members]))
    return caps


def session_doses(
    needs: Sequence[Need],
    here: Sequence[Dose],
    later: Sequence[Dose],
    week: WeekTally,
    reach: Mapping[str, int],
    scale: int,
) -> list[Dose]:
    """A session's doses: its planned share plus what earlier sessions missed, and its targets."""
    # Sessions are solved in calendar order; a later one tops up what an earlier one could not
    # fit, unless a session still to come already plans it.
    out = []
    for need in needs:
        if not any(reach.get(m, 0) for m in need.members):
            continue
        mine = [d for d in here if d.need == need]
        after = [d for d in later if d.need == need]
        if need.frequency:
            # Earlier sessions may already have given the group all its days (pressing on an
            # upper day also counts for the shoulders); then this session owes it nothing.
            days = week.days[need.name] + sum(1 for d in after if d.counts_day)
            if week.days[need.name] < need.days and (mine or days < need.days):
                out.append(Dose(need, 0, 0, 0, True))
            continue
        done = sum(week.frac[m] for m in need.members)
        floor = max(0, need.floor - done - sum(d.floor for d in after))
        maint = max(0, need.maintenance - done - sum(d.maintenance for d in after))
        target = max(0, need.target - done - sum(d.target for d in after))
        # The planned share, unless earlier sessions already trained the muscle on its days
        # (a trap-heavy rack pull on a pull day counts for the lower back too).
        trained = len(need.members) == 1 and week.muscle_days[need.name] >= need.days
        if not trained:
            floor = max([floor, *(d.floor for d in mine)])
        if floor or target:
            out.append(Dose(need, floor, min(maint, floor), max(floor, target), False))
    return out
