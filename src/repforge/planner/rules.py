"""The planner's rules in one home: named thresholds with their sources.

The week model (solver, split), the prescription and the validator all read these names, so a
threshold changes in one place. Citations are to the primary sources; the grade letters follow
the project's research note (A meta-analysis or position stand, B trial, C textbook, D coaching
practice). The tables of sets, reps, rest and effort by goal and level live in
`prescription.py` and the volume landmarks there too; this module holds the rules about which
muscles count, how a week is shaped and how joints are protected.
"""

from __future__ import annotations

from collections.abc import Mapping

from repforge.catalog import vocab

# Major muscle GROUPS (floors and frequency are errors for these): chest, back, quads,
# hamstrings/glutes and shoulders. ACSM 2009 and 2011 position stands and WHO 2020 ask for every
# major muscle group twice a week (grade A); Schoenfeld, Ogborn & Krieger 2016 (Sports Med 46)
# for frequency. The groups' members are catalog muscles.
MAJOR_GROUPS: Mapping[str, tuple[str, ...]] = {
    "chest": ("chest",),
    "back": ("lats", "upper-back"),
    "quads": ("quads",),
    "hamstrings-glutes": ("hamstrings", "glutes"),
    "shoulders": ("front-delts", "side-delts", "rear-delts"),
}
# Muscles whose weekly floors (maintenance 4 sets, Iversen et al. 2021, Sports Med 51; fat loss 6,
# Roth et al. 2022) are errors when missed: the prime movers of the major groups. The deltoids
# are left to the shoulder group's floor and frequency (presses and rows train them without a
# dedicated exercise).
# Per-muscle floors cover the prime movers; the groups' own floors (below) cover the rest, so the
# lats of a home plan with only rows count through the back group (rows give them half a set).
MAJOR_MUSCLES: tuple[str, ...] = ("chest", "upper-back", "quads", "hamstrings", "glutes")
# Everything else (side and rear delts, traps, lower back, arms, core, calves, forearms, neck...)
# is a minor muscle: volume is aimed for, and a miss is a warning unless the user prioritised it.
MINOR_MUSCLES: tuple[str, ...] = tuple(
    m.slug for m in vocab.MUSCLES if m.major and m.slug not in MAJOR_MUSCLES
)


def is_major(muscle: str, priorities: tuple[str, ...] = ()) -> bool:
    """Whether a missed weekly floor for this muscle is an error (major, or a user's priority)."""
    return muscle in MAJOR_MUSCLES or muscle in priorities


def group_floor_groups() -> dict[str, tuple[str, ...]]:
    """Major groups whose members are not all floored one by one: their members' fractional sets
    together meet the floor (back: lats and upper back; shoulders: the three heads)."""
    return {
        name: members
        for name, members in MAJOR_GROUPS.items()
        if not set(members) <= set(MAJOR_MUSCLES)
    }


# Short sessions: below SHORT_SESSION_MINUTES, rests are cut to SHORT_REST_SHARE of the usual
# figure, never below the goal's lowest accepted rest (prescription.REST_BOUNDS). Shorter rests
# cost a little volume per set (Schoenfeld et al. 2016, J Strength Cond Res 30(7); Grgic 2018,
# Sports Med 48) but keep the weekly sets and main-lift frequency a short week otherwise loses;
# practitioners pair and shorten rests first when time is short (training-science.md §5).
SHORT_SESSION_MINUTES = 60
SHORT_REST_SHARE = 0.75
