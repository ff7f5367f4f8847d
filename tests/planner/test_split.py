"""Weekly split and the allocation of muscle doses, patterns and recovery limits to sessions."""

from __future__ import annotations

from repforge.planner import prescription as rx
from repforge.planner.profile import Profile
from repforge.planner.split import (
    Need,
    WeekTally,
    allocate,
    consecutive_pairs,
    is_consecutive,
    session_doses,
    week_sessions,
    weekly_needs,
)


def _names(profile: Profile) -> list[tuple[str, str, str]]:
    return [(s.day, s.focus, s.kind) for s in week_sessions(profile)]


def test_default_days_are_spread_out() -> None:
    assert [s.day for s in week_sessions(Profile(days=3))] == ["mon", "wed", "fri"]
    assert [s.day for s in week_sessions(Profile(days=2))] == ["mon", "thu"]


def test_splits_by_days_goal_and_level() -> None:
    full = Profile(days=3, goal="general-fitness", level="intermediate")
    assert {f for _, f, _ in _names(full)} == {"full"}
    split = Profile(days=3, goal="hypertrophy", level="intermediate")
    assert [f for _, f, _ in _names(split)] == ["upper", "lower", "full"]
    assert [f for _, f, _ in _names(Profile(days=4, level="advanced"))] == ["upper", "lower"] * 2
    six = Profile(days=6, goal="hypertrophy", level="intermediate")
    assert [f for _, f, _ in _names(six)] == ["push", "pull", "legs"] * 2


def test_beginners_lift_at_most_four_days_and_rest_is_conditioning() -> None:
    sessions = week_sessions(Profile(days=6, level="beginner"))
    lifting = [s for s in sessions if s.kind == "resistance"]
    assert len(lifting) == 4
    assert len(consecutive_pairs([s.day for s in lifting])) <= 2
    assert {s.focus for s in sessions if s.kind == "conditioning"} == {"conditioning"}


def test_seven_days_keep_one_for_conditioning() -> None:
    sessions = week_sessions(Profile(days=7, level="intermediate"))
    assert sum(s.kind == "conditioning" for s in sessions) == 1


def test_user_weekdays_are_kept_and_repeated_sessions_are_lettered() -> None:
    sessions = week_sessions(Profile(weekdays=("tue", "thu", "sat", "sun"), level="intermediate"))
    assert [s.day for s in sessions] == ["tue", "thu", "sat", "sun"]
    assert [s.name for s in sessions] == ["Upper A", "Lower A", "Upper B", "Lower B"]


def test_sunday_and_monday_are_neighbours() -> None:
    assert is_consecutive("sun", "mon")
    assert not is_consecutive("mon", "wed")
    assert consecutive_pairs(["mon", "wed", "sun"]) == [(0, 2)]


def test_allocation_spreads_frequency_and_assigns_patterns_and_recovery() -> None:
    specs = week_sessions(Profile(days=4, goal="hypertrophy", level="intermediate"))
    reach = {
        0: {"chest": 20, "lats": 20},
        1: {"quads": 20},
        2: {"chest": 20, "lats": 20},
        3: {"quads": 20},
    }
    needs = [
        Need("chest", ("chest",), 160, 80, 200, 2),
        Need("quads", ("quads",), 160, 80, 200, 2),
        Need("chest", ("chest",), 0, 0, 0, 2, frequency=True),
    ]
    meetable = {"horizontal-push": [0, 2], "squat": [1, 3]}
    alloc = allocate(specs, reach, needs, meetable, dict.fromkeys(range(4), 400), 20, frozenset())
    chest_days = [
        s for s, doses in alloc.doses.items() if any(d.need.name == "chest" for d in doses)
    ]
    assert chest_days == [0, 2]
    # The volume share and the frequency day land on the same sessions.
    volume = [d for d in alloc.doses[0] if not d.need.frequency]
    assert all(d.floor == 80 and not d.counts_day for d in volume)
    days = [d for d in alloc.doses[0] if d.need.frequency]
    assert [(d.need.name, d.floor, d.counts_day) for d in days] == [("chest", 0, True)]
    assert alloc.patterns[0] == ["horizontal-push"]
    assert alloc.patterns[1] == ["squat"]
    # Upper on mon and lower on tue share abs and obliques: one of the two days stays light.
    assert alloc.light[0].get("abs") or alloc.light[1].get("abs")


def test_allocation_skips_needs_nobody_can_reach() -> None:
    specs = week_sessions(Profile(days=2))
    alloc = allocate(
        specs,
        {0: {}, 1: {}},
        [Need("calves", ("calves",), 80, 80, 80, 2)],
        {},
        {0: 1, 1: 1},
        20,
        frozenset(),
    )
    assert alloc.doses == {0: [], 1: []}


def test_allocation_spreads_doses_over_the_whole_week() -> None:
    # Three full-body days, every need on two of them: no day may be left without doses (the
    # old tie-break put every dose on mon and wed and left a 17-minute friday).
    specs = week_sessions(Profile(days=3))
    muscles = ["chest", "quads", "lats", "hamstrings", "calves", "abs"]
    reach = {s: dict.fromkeys(muscles, 20) for s in range(3)}
    needs = [Need(m, (m,), 80, 80, 80, 2) for m in muscles]
    alloc = allocate(specs, reach, needs, {}, dict.fromkeys(range(3), 400), 20, frozenset())
    loads = [sum(d.floor for d in alloc.doses[s]) for s in range(3)]
    assert min(loads) > 0
    assert max(loads) - min(loads) <= 80


def test_days_the_profile_cannot_fill_become_full_body() -> None:
    profile = Profile(days=4, goal="hypertrophy", level="intermediate")
    legs_blocked = frozenset({"horizontal-push", "horizontal-pull", "vertical-pull", "calf-raise"})
    assert [s.focus for s in week_sessions(profile, legs_blocked)] == ["upper", "full"] * 2
    no_pulling = frozenset({"squat", "lunge", "horizontal-push", "hinge"})
    assert {s.focus for s in week_sessions(profile, no_pulling)} == {"full"}
    everything = frozenset({"squat", "hinge", "horizontal-pull"})
    assert [s.focus for s in week_sessions(profile, everything)] == ["upper", "lower"] * 2


def test_strength_days_are_built_around_main_lifts() -> None:
    novice = week_sessions(Profile(days=3, goal="strength", level="beginner"))
    assert [s.main for s in novice] == [
        ("squat", "horizontal-push"),
        ("hinge", "vertical-push"),
        ("squat", "horizontal-push"),
    ]
    assert all(not s.main for s in week_sessions(Profile(days=3, goal="hypertrophy")))


def test_frequency_needs_are_the_five_groups_of_invariant_13() -> None:
    needs = weekly_needs(Profile(days=3), 3, 20)
    groups = {n.name: n.members for n in needs if n.frequency}
    assert groups == dict(rx.FREQUENCY_GROUPS)
    assert all(n.days == 2 and n.floor == 0 for n in needs if n.frequency)
    # Volume floors stay per muscle, for every major muscle (biceps and calves included).
    volume = {n.name for n in needs if not n.frequency}
    assert {"biceps", "calves", "chest", "side-delts"} <= volume
    assert not [n for n in weekly_needs(Profile(days=1), 1, 20) if n.frequency]


def test_a_group_day_counts_its_members_together() -> None:
    week = WeekTally()
    week.record("lateral-raise", "side-delts", "lateral-raise", 1, {"side-delts": 20})
    week.record("face-pull", "rear-delts", "reverse-fly", 1, {"rear-delts": 20})
    week.close_day(20)
    assert week.days["shoulders"] == 1
    assert week.muscle_days["side-delts"] == 0


def test_a_group_with_its_days_owes_no_more_frequency() -> None:
    shoulders = Need("shoulders", rx.FREQUENCY_GROUPS["shoulders"], 0, 0, 0, 2, frequency=True)
    reach = {"side-delts": 20}
    week = WeekTally()
    owed = session_doses([shoulders], [], [], week, reach, 20)
    assert [(d.need.name, d.counts_day) for d in owed] == [("shoulders", True)]
    week.days["shoulders"] = 2
    assert session_doses([shoulders], [], [], week, reach, 20) == []
