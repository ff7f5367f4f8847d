"""Supersets: two exercises that do not compete, alternated set for set (planner-rules §5.4).

When time is short the science note's first fitting step is to superset non-competing
exercises: a set of one, a set of the other, then the rest, so each exercise's rest is taken
while the other works (Iversen 2021: supersets roughly halve session time). A round costs both
sets, the walk between the two stations and the longer of the two rests, instead of both rests:
each round saves the shorter rest less the walk, and each exercise still rests at least as long
as it would alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from string import ascii_uppercase
from typing import TYPE_CHECKING

from repforge.catalog import vocab
from repforge.catalog.model import Exercise

if TYPE_CHECKING:  # timing times a session's pairs with this module; OR-Tools loads late
    from repforge.planner.candidates import Candidate
    from repforge.planner.cpsat import cp_model
    from repforge.planner.timing import TimedItem

# Supersets only where the minutes are short: with an hour or more, straight sets keep each
# exercise's set-up simple and the gym etiquette of one station at a time.
SUPERSET_MAX_MINUTES = 59
PAIR_POOL = 8  # a session's best-scored candidates that may pair (bench/plan_bench.py)
PAIR_SWITCH_S = 15  # walking from one station to the other within a round
LABELS = ascii_uppercase
# Done alone: walks and carries are not sets to alternate; Olympic lifts and jumps need full
# attention and recovery; stretches and drills are not worked sets.
UNPAIRED = frozenset(
    {"carry", "locomotion", "olympic-lift", "jump", "stretch", "mobility", "balance"}
)
# Kit that holds one set-up at a time: two exercises that both need it cannot alternate (one
# bar, one cable stack, one machine).
LOADED_SETUPS = frozenset({"barbell", "ez-bar", "trap-bar", "landmine", "squat-rack"})


def muscles(exercise: Exercise) -> frozenset[str]:
    """Every muscle an exercise works, target and secondary."""
    return frozenset({exercise.target, *(s.muscle for s in exercise.secondary)})


def can_pair(a: Exercise, b: Exercise) -> bool:
    """Whether two exercises can alternate (why_not_pair finds no reason against it)."""
    return why_not_pair(a, b) is None


def why_not_pair(a: Exercise, b: Exercise) -> str | None:
    """Why two exercises cannot alternate, as a clause for a sentence: a shared muscle, a
    shared bar or machine, or a kind done alone (UNPAIRED); None when they can."""
    if a.slug == b.slug:
        return "they are the same exercise"
    if muscles(a) & muscles(b):
        return "they work the same muscles, so neither gets its rest"
    if {a.pattern, b.pattern} & UNPAIRED:
        return "walks, carries, jumps, Olympic lifts and drills are done on their own"
    if any(_holds_one_setup(kit) for kit in set(a.equipment.required) & set(b.equipment.required)):
        return "they need the same bar or machine"
    return None


def _holds_one_setup(kit: str) -> bool:
    return kit in LOADED_SETUPS or (
        kit in vocab.EQUIPMENT and vocab.EQUIPMENT[kit].kind == "machine"
    )


def round_saving(rest_a: int, rest_b: int) -> int:
    """Seconds each round of a pair saves: the shorter rest, less the walk between stations."""
    return max(0, min(rest_a, rest_b) - PAIR_SWITCH_S)


def pair_saving(a: TimedItem, b: TimedItem) -> float:
    """Seconds a pair saves over its two exercises done one after the other.

    k rounds take k-1 of the longer rest and k walks; apart, the two take k-1 of each rest:
    (k-1) x the shorter rest - k walks, which is k x round_saving less one shorter rest.
    """
    if a.unit == "minutes" or b.unit == "minutes" or not can_pair(a.exercise, b.exercise):
        return 0.0
    rounds = min(a.sets, b.sets)
    if rounds < 1:
        return 0.0
    return float(rounds * round_saving(a.rest_seconds, b.rest_seconds) - min_rest(a, b))


def min_rest(a: TimedItem, b: TimedItem) -> int:
    return (
        min(a.rest_seconds, b.rest_seconds) if round_saving(a.rest_seconds, b.rest_seconds) else 0
    )


def members(labels: Sequence[str | None]) -> dict[str, list[int]]:
    """The indexes each superset label is written on, in order."""
    by_label: dict[str, list[int]] = {}
    for index, letter in enumerate(labels):
        if letter:
            by_label.setdefault(letter, []).append(index)
    return by_label


def is_pair(indexes: Sequence[int]) -> bool:
    """Whether a label's indexes make a superset: exactly two, next to each other."""
    return len(indexes) == 2 and indexes[1] == indexes[0] + 1


def pairs_of(items: Sequence[TimedItem]) -> list[tuple[int, int]]:
    """Indexes of the pairs the items' superset labels name (a label on one item, on three,
    or on two apart, pairs nothing)."""
    found = members([item.superset for item in items]).values()
    return [(v[0], v[1]) for v in found if is_pair(v)]


def rest_after(rests: Sequence[int], marks: Sequence[str], i: int, default: int = 90) -> int:
    """Seconds to rest after a set of the i-th exercise: the first of a superset only walks to
    the second, and the second rests the longer of the pair's rests."""
    own = rests[i] if i < len(rests) else default
    if marks[i].endswith("1"):
        return PAIR_SWITCH_S
    if marks[i].endswith("2") and 0 < i < len(rests):
        return max(own, rests[i - 1])
    return own


def label(index: int) -> str:
    """The letter of a session's n-th superset: A, B, C ..."""
    return LABELS[index % len(LABELS)]


def pairable(listing: Sequence[tuple[Candidate, int]]) -> list[tuple[Candidate, Candidate, int]]:
    """The pairs a session model may form from its shortlist, with each round's saving: among
    its PAIR_POOL best-scored candidates, as pair variables for all would double solve times."""
    best = [c for c, _ in sorted(listing, key=lambda pair: (-pair[1], pair[0].option.key))]
    best = best[:PAIR_POOL]
    out = []
    for i, a in enumerate(best):
        for b in best[i + 1 :]:
            if "minutes" in (a.rx.unit, b.rx.unit):
                continue
            saving = round_saving(a.rx.rest_seconds, b.rx.rest_seconds)
            if saving and can_pair(a.option.exercise, b.option.exercise):
                out.append((a, b, saving))
    return out


def add_pairs(
    model: cp_model.CpModel,
    listing: Sequence[tuple[Candidate, int]],
    x: Mapping[str, cp_model.IntVar],
    n: Mapping[str, cp_model.IntVar],
) -> tuple[list[cp_model.LinearExpr], dict[tuple[str, str], cp_model.IntVar]]:
    """Pair variables in a session model: the seconds they save (negative time terms) and the
    variable of each pair, by the two option keys. An exercise joins at most one pair, a pair
    only exercises the session does, and its rounds are at most either one's sets."""
    saved: list[cp_model.LinearExpr] = []
    chosen: dict[tuple[str, str], cp_model.IntVar] = {}
    member: dict[str, list[cp_model.IntVar]] = {}
    for a, b, saving in pairable(listing):
        ka, kb = a.option.key, b.option.key
        pair = model.new_bool_var(f"pair_{ka}_{kb}")
        rounds = model.new_int_var(0, min(a.rx.sets[1], b.rx.sets[1]), f"rounds_{ka}_{kb}")
        model.add(pair <= x[ka])
        model.add(pair <= x[kb])
        model.add(rounds <= n[ka])
        model.add(rounds <= n[kb])
        model.add(rounds <= min(a.rx.sets[1], b.rx.sets[1]) * pair)
        model.add(rounds >= pair)
        # as pair_saving: each round saves `saving`, the rest after the last is not taken anyway
        shorter = min(a.rx.rest_seconds, b.rx.rest_seconds)
        saved.append(-saving * rounds + shorter * pair)
        chosen[ka, kb] = pair
        member.setdefault(ka, []).append(pair)
        member.setdefault(kb, []).append(pair)
    for pairs in member.values():
        if len(pairs) > 1:
            model.add(sum(pairs) <= 1)
    return saved, chosen
