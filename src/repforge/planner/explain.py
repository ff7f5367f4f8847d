"""Plain-language reasons: why each exercise is in the plan, what each session costs and covers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from repforge.catalog import vocab
from repforge.catalog.model import Exercise
from repforge.planner.prescription import (
    GENERAL_FITNESS_EXTRA_PATTERNS,
    PATTERN_REQUIREMENTS,
    Prescription,
    is_main_lift,
)
from repforge.planner.profile import Option, Profile


def _muscles(slugs: list[str]) -> str:
    names = [vocab.MUSCLES[s].name.lower() for s in slugs]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def kit_phrase(exercise: Exercise) -> str:
    """The kit the exercise uses, as a reader says it."""
    needs = exercise.equipment
    parts = [vocab.EQUIPMENT[s].name.lower() for s in needs.required]
    if needs.options:
        parts.append(" or ".join(vocab.EQUIPMENT[s].name.lower() for s in needs.options))
    return " and ".join(parts) if parts else "no equipment"


# How the weekly pattern requirements read in a sentence (validate.requirements keys).
REQUIREMENT_LABELS: Mapping[str, str] = {"hinge": "hinge or hip extension"}


def requirement_label(key: str) -> str:
    return REQUIREMENT_LABELS.get(key, key.replace("-", " "))


@dataclass(frozen=True)
class WeekShare:
    """What one exercise contributes to its week, for the first sentence of its `why`."""

    sets: int  # this exercise's sets in this session
    pattern_sets: int  # the week's sets of its movement pattern
    target_sets: int  # the week's direct sets for its target muscle
    only: str | None = None  # a weekly pattern requirement no other exercise meets ("core")
    main: bool = False  # a strength main lift


def role_sentence(option: Option, share: WeekShare) -> str:
    """What the exercise brings to this plan's week, with the week's own numbers."""
    ex = option.exercise
    pattern = vocab.PATTERNS[ex.pattern].name.lower()
    muscle = _muscles([ex.target])
    if share.main:
        return (
            f"Main {pattern} lift of your strength plan: {share.sets} of the week's "
            f"{share.pattern_sets} {pattern} sets."
        )
    if share.only:
        # Its sets in this session, and over the week only when the week's figure is its own
        # (the requirement's patterns include its pattern, so the week's sets are all its sets).
        text = f"The week's only {requirement_label(share.only)} exercise: {share.sets} sets here"
        pats = PATTERN_REQUIREMENTS.get(share.only) or GENERAL_FITNESS_EXTRA_PATTERNS.get(
            share.only
        )
        if pats and ex.pattern in pats and share.pattern_sets > share.sets:
            text += f", {share.pattern_sets} over the week"
        return text + "."
    return f"{share.sets} of the week's {share.target_sets} direct sets for the {muscle}."


def regression_note(option: Option, profile: Profile, name: str) -> str:
    """Why a stand-in: the user said they cannot do the skill yet, or the level rules it out."""
    if option.replaces in profile.cannot_do:
        reason = "which you said you cannot do yet"
    else:
        reason = f"the usual choice here, but rarely within reach at {profile.level} level yet"
    if option.mode == "eccentric-only":
        return (
            f" Stands in for {name}, {reason}: step or jump to the top and lower yourself "
            "slowly over 3-5 seconds."
        )
    return f" An easier step toward {name}, {reason}."


def why_exercise(
    option: Option,
    profile: Profile,
    replaced_name: str | None = None,
    share: WeekShare | None = None,
) -> str:
    """Why this exercise: its job in the week, muscles and pattern, kit, the skill it builds to."""
    ex = option.exercise
    secondary = [s.muscle for s in sorted(ex.secondary, key=lambda s: (-s.weight, s.muscle))]
    pattern = vocab.PATTERNS[ex.pattern].name
    text = f"{role_sentence(option, share)} " if share else ""
    text += f"{pattern} for the {_muscles([ex.target])}"
    if secondary:
        text += f", also working the {_muscles(secondary[:3])}"
    text += f"; fits your kit ({kit_phrase(ex)})."
    if profile.goal == "strength" and is_main_lift(ex) and not (share and share.main):
        text += " A main lift for your strength goal."
    if option.replaces:
        text += regression_note(option, profile, replaced_name or option.replaces)
    if ex.target in profile.priorities:
        text += f" Extra work for your priority, the {_muscles([ex.target])}."
    if ex.slug in profile.familiar:
        text += " One you already know."
    return text


def superset_note(partner: str, first: bool) -> str:
    """Why an exercise is paired, and with which one."""
    turn = (
        f"do a set of this, then one of {partner} straight away"
        if first
        else f"do a set of this straight after each set of {partner}"
    )
    return (
        f" A superset with {partner}: {turn}. They share no muscles, so each rests while the "
        "other works, and the session fits your minutes."
    )


def progression_note(
    option: Option, rx: Prescription, harder: str | None, find_load_at_rir: int | None = None
) -> str:
    """How to progress this exercise from week to week (`find_load_at_rir`: the first session's
    target RIR when no starting load is known)."""
    lo, hi = rx.reps
    if option.mode == "eccentric-only":
        return (
            f"Lower over 3-5 s for {lo}-{hi} reps; when every set is easy, try one full rep "
            "at the start of each set."
        )
    if rx.unit == "seconds":
        return f"Hold {lo}-{hi} s; when every set reaches {hi} s, make it harder or add load."
    if rx.unit == "meters":
        return f"Carry {lo}-{hi} m; when every set reaches {hi} m, use heavier weights."
    if option.exercise.load == "bodyweight":
        step = f" move on to {harder}" if harder else " add load or slow the lowering"
        return f"When every set reaches {hi} reps,{step}."
    advice = (
        f"Keep the weight until every set reaches {hi} reps at the target reps in reserve, "
        "then add the smallest step (about 2.5-5 % upper body, 5-10 % lower body)."
    )
    if find_load_at_rir is not None:
        # Without a known max the first session finds the starting weight (issue 11, step 4).
        return (
            f"First session: work up over a few lighter sets to a weight you can lift for {lo} "
            f"reps with {find_load_at_rir} more left in you, and use it for the working sets. "
            + advice
        )
    return advice


def why_session(
    name: str,
    minutes: int,
    available: int,
    direct: Mapping[str, int],
    deload: bool,
    capped: Mapping[str, int] | None = None,
) -> str:
    """Time estimate and direct sets per muscle for one session; why it is short, if it is."""
    if not direct:
        return (
            f"{name}: easy conditioning and mobility, about {minutes} of your {available} minutes."
        )
    total = sum(direct.values())
    top = sorted(direct.items(), key=lambda kv: (-kv[1], kv[0]))
    listed = ", ".join(f"{vocab.MUSCLES[m].name.lower()} {n}" for m, n in top)
    kind = (
        "a lighter week: about half the sets, each stopping 4 reps short of failure"
        if deload
        else f"{total} hard sets"
    )
    text = f"{name}: {kind}, about {minutes} of your {available} minutes; direct sets: {listed}."
    if capped:
        caps = ", ".join(f"{_unit_name(u)} ({n})" for u, n in capped.items())
        text += (
            f" Shorter than your {available} minutes on purpose: the week's set caps for what "
            f"this session trains are reached ({caps}); more sets would add fatigue, not growth."
        )
    return text


def _unit_name(unit: str) -> str:
    return vocab.MUSCLES[unit].name.lower() if unit in vocab.MUSCLES else unit.replace("-", " ")
