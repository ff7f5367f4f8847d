"""What a solved week gives up: the validator's weekly rules it misses, in relaxation order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from repforge.planner.ordering import Pick
from repforge.planner.profile import Eligibility
from repforge.planner.split import SessionSpec
from repforge.planner.validate import Day, Item, Possible, week_findings


@dataclass(frozen=True)
class Relaxation:
    """A rule the week could not meet, and whether the validator will call it an error."""

    check: str
    message: str
    error: bool = True


def errors(relaxed: Sequence[Relaxation]) -> int:
    return sum(1 for r in relaxed if r.error)


RELAXABLE = (
    "push-pull-balance",
    "volume-floor",
    "priority-volume",
    "muscle-frequency",
    "maintenance-volume",
    "strength-pattern-sets",
    "pattern-coverage",
    "fat-loss-days",
)


def items_of(picks: Sequence[Pick]) -> tuple[Item, ...]:
    """Picks as the validator's items (week-1 prescription)."""
    return tuple(
        Item(
            p.candidate.option.exercise,
            p.sets,
            p.candidate.rx.reps,
            p.candidate.rx.unit,
            p.candidate.rx.rir,
            p.candidate.rx.rest_seconds,
            p.candidate.option.mode,
            superset=p.superset,
        )
        for p in picks
    )


def relaxations(
    eligibility: Eligibility, specs: Sequence[SessionSpec], picks: Sequence[Sequence[Pick]]
) -> list[Relaxation]:
    """The weekly rules week 1 misses, from the validator's own checks, in relaxation order."""
    days = [Day(spec.day, items_of(p), spec.kind) for spec, p in zip(specs, picks, strict=True)]
    findings = week_findings(eligibility.profile, Possible.of(eligibility), days, 1, True)
    found = [f for f in findings if f.check in RELAXABLE]
    found.sort(key=lambda f: (RELAXABLE.index(f.check), f.severity != "error", f.message))
    return [Relaxation(f.check, f.message, f.severity == "error") for f in found]
