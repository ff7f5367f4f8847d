"""The Plan JSON model (issue 7, item 7): what `--format json` writes, the API returns, the validator reads.

Field names of the issue's format are kept as they are; everything else is an extension.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from repforge.planner.prescription import VOLUME_COUNTING, Mode, Unit
from repforge.planner.profile import Profile, Weekday

Severity = Literal["error", "warning"]


class _Wire(BaseModel):
    # Plans written by other tools may carry fields we do not know: ignore them.
    model_config = ConfigDict(extra="ignore")


class PlanExercise(_Wire):
    """One exercise of a session with its prescription and the reason it is there."""

    slug: str
    sets: int = Field(ge=0, le=20)
    reps: tuple[int, int]
    rir: int = Field(ge=0, le=10)
    rest_seconds: int = Field(ge=0, le=900)
    why: str = ""
    name: str = ""
    unit: Unit = "reps"
    mode: Mode = "normal"
    replaces: str | None = None
    warmup_sets: int = Field(default=0, ge=0, le=6)
    load_kg: float | None = None
    progression: str = ""


class WarmUp(_Wire):
    """A general warm-up or mobility drill before the working sets (never counted as volume)."""

    slug: str
    name: str = ""
    minutes: int = Field(ge=1, le=30)


class PlanSession(_Wire):
    """One training day."""

    day: Weekday
    name: str
    estimated_minutes: int = Field(ge=0)
    exercises: list[PlanExercise]
    kind: Literal["resistance", "conditioning"] = "resistance"
    warm_up: list[WarmUp] = Field(default_factory=list)
    sets_by_muscle: dict[str, float] = Field(default_factory=dict)
    why: str = ""
    # Weekly cap units (RP landmark groups or muscles) already at their cap that this session
    # trains: why it is shorter than the time offered.
    capped: list[str] = Field(default_factory=list)


class PlanWeek(_Wire):
    """One week of the plan."""

    week: int = Field(ge=1)
    deload: bool = False
    sessions: list[PlanSession]
    sets_by_muscle: dict[str, float] = Field(default_factory=dict)
    direct_sets_by_muscle: dict[str, int] = Field(default_factory=dict)


class Finding(_Wire):
    """One named check that failed, with where it failed."""

    check: str
    severity: Severity
    message: str
    week: int | None = None
    day: Weekday | None = None
    slug: str | None = None


class ValidationReport(_Wire):
    """Errors (hard rules broken) and warnings (conventions not met)."""

    errors: list[Finding] = Field(default_factory=list)
    warnings: list[Finding] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @classmethod
    def of(cls, findings: list[Finding]) -> ValidationReport:
        return cls(
            errors=[f for f in findings if f.severity == "error"],
            warnings=[f for f in findings if f.severity == "warning"],
        )


class Plan(_Wire):
    """A multi-week plan, its profile, how it was solved and its validation report."""

    profile: Profile
    optimal: bool
    relaxed: list[str] = Field(default_factory=list)
    weeks: list[PlanWeek]
    weekly_sets_by_muscle: dict[str, float] = Field(default_factory=dict)
    validation: ValidationReport = Field(default_factory=ValidationReport)
    relaxed_checks: list[str] = Field(default_factory=list)
    weekly_direct_sets_by_muscle: dict[str, int] = Field(default_factory=dict)
    volume_counting: str = VOLUME_COUNTING
    catalog_version: str = ""

    def to_json_data(self) -> dict[str, Any]:
        """Plain JSON-ready data in the documented field order."""
        return self.model_dump(mode="json")

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_json_data(), indent=indent, ensure_ascii=False) + "\n"

    def content_id(self) -> str:
        """A short content hash, usable as the plan's id."""
        canonical = json.dumps(self.to_json_data(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()[:16]
