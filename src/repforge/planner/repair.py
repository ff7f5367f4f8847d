"""Mending a week that breaks a rule: the week as one model, then a week from the whole catalog.

`solver.select` solves the sessions one at a time in calendar order. When that week breaks a
weekly rule, the week model (week_model.py) takes every session's shortlist at once, seeded by
it. When the last try still breaks one, and the proof (bounds.py) does not rule every week out,
the rescue (rescue.py) looks over the whole eligible catalog, and the week model starts again
from its week. Whichever week the validator finds fewest errors in is kept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from repforge.planner import rescue
from repforge.planner.bounds import Verdict, verdict
from repforge.planner.candidates import Candidate, session_points
from repforge.planner.ordering import Pick, align_openers, order
from repforge.planner.profile import Eligibility
from repforge.planner.relaxation import Relaxation, errors, relaxations
from repforge.planner.split import Need, SessionSpec
from repforge.planner.validate import Possible
from repforge.planner.week_model import Weights, solve_week

Listing = Sequence[tuple[Candidate, int]]


@dataclass
class Selection:
    """The solved week: picks per session (aligned with the specs), status and relaxations."""

    picks: list[list[Pick]]
    optimal: bool
    relaxed: list[Relaxation] = field(default_factory=list)
    proof: Verdict | None = None  # whether any week keeps every rule, when it was asked


@dataclass(frozen=True)
class Repair:
    """What every week-model run of one selection shares."""

    eligibility: Eligibility
    specs: Sequence[SessionSpec]
    needs: Sequence[Need]
    budget: int
    weights: Weights
    possible: Possible
    limit: float
    supersets: bool

    def clean(self, week: Mapping[int, Listing]) -> bool:
        """Whether the validator's weekly checks find no error in this week."""
        trial = [[Pick(c, n) for c, n in week.get(s, [])] for s in range(len(self.specs))]
        return errors(relaxations(self.eligibility, self.specs, trial)) == 0

    def week_model(
        self, pool: Mapping[int, Listing], picks: Sequence[Sequence[Pick]]
    ) -> tuple[list[list[Pick]], bool] | None:
        """The week model's answer from these shortlists, hinted by `picks`."""
        profile = self.eligibility.profile
        first = {s: {p.candidate.option.key: p.sets for p in picks[s]} for s in pool}
        solved = solve_week(
            profile,
            self.specs,
            pool,
            self.needs,
            self.budget,
            self.weights,
            first,
            self.clean,
            self.possible.main_lifts,
            self.limit,
            self.supersets,
        )
        if solved is None:
            return None
        chosen, proven, partners = solved
        out: list[list[Pick]] = [[] for _ in self.specs]
        for s, pairs in chosen.items():
            mates = partners.get(s, {})
            session = [Pick(c, n, mates.get(c.option.key)) for c, n in pairs]
            out[s] = order(session, self.specs[s], profile)
        return out, proven

    def better(
        self, best: Selection, picks: list[list[Pick]], proven: bool, ties: bool = False
    ) -> Selection:
        """`picks` when the validator finds fewer errors in them than in `best` (or as few,
        with `ties`), else `best`."""
        found = relaxations(self.eligibility, self.specs, picks)
        if errors(found) < errors(best.relaxed) + ties:
            return Selection(picks, proven, found, best.proof)
        return best


def repaired(
    repair: Repair,
    pool: dict[int, list[tuple[Candidate, int]]],
    picks: list[list[Pick]],
    relaxed: list[Relaxation],
    cands: Sequence[Candidate],
    use_rescue: bool,
) -> Selection:
    """The best week of the calendar-order one (`picks`, which breaks a rule), the week model's
    from the shortlists `pool`, and, with `use_rescue`, the rescue's and the week model's from
    it (`cands`: every eligible candidate)."""
    best = Selection(picks, False, relaxed)  # the week breaks rules: not called optimal
    found = repair.week_model(pool, picks)
    if found is not None:
        best = repair.better(best, *found)
    if errors(best.relaxed) and use_rescue:
        best = _rescued(repair, pool, best, cands)
    return replace(best, picks=align_openers(best.picks, repair.eligibility.profile))


def _rescued(
    repair: Repair,
    pool: dict[int, list[tuple[Candidate, int]]],
    best: Selection,
    cands: Sequence[Candidate],
) -> Selection:
    """The shortlists could not keep every rule: unless no week can (bounds.py), a week from
    the whole eligible catalog, and the week model's answer started from it."""
    profile, specs = repair.eligibility.profile, repair.specs
    proof = verdict(repair.eligibility, specs)
    best = replace(best, proof=proof)
    if not proof.possible:
        return best
    sessions = sorted(pool)
    seed = rescue.week(profile, cands, len(sessions), repair.budget, repair.possible)
    if seed is None:
        return best
    seeded: list[list[Pick]] = [[] for _ in specs]
    for s, week in zip(sessions, seed, strict=True):
        extra = [(c, session_points(c, specs[s], profile, {})) for c, _ in week]
        pool[s] = merged(pool[s], extra)
        seeded[s] = order([Pick(c, n) for c, n in week], specs[s], profile)
    best = repair.better(best, seeded, False)
    # The week model starts from the rescue's week: it holds what the rescue does not (main-lift
    # slots, recovery spacing, variety), and its week is kept when it breaks no more rules.
    found = repair.week_model(pool, seeded)
    return best if found is None else repair.better(best, *found, ties=True)


def merged(*listings: Listing) -> list[tuple[Candidate, int]]:
    """Shortlists joined, each candidate once with its best session score."""
    best: dict[str, tuple[Candidate, int]] = {}
    for listing in listings:
        for cand, points in listing:
            key = cand.option.key
            if key not in best or points > best[key][1]:
                best[key] = (cand, points)
    return sorted(best.values(), key=lambda pair: (-pair[1], pair[0].option.key))
