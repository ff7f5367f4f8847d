"""The Plan JSON model (issue 7, item 7): what `--format json` writes, the API returns, the validator reads.

Field names of the issue's format are kept as they are; everything else is an extension.
Every list, dict, string and number is bounded (the MAX_* constants): POST /api/v1/plans/validate
reads plans from anyone, and validation work must stay bounded whatever they send.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from repforge.planner.prescription import VOLUME_COUNTING, Mode, Unit
from repforge.planner.profile import Profile, Weekday

Severity = Literal["error", "warning"]

# Bounds of the wire model, far above any plan the planner writes (16 weeks, 7 sessions a week,
# 10 exercises a session) and low enough that validating a maximal plan takes well under a second.
MAX_WEEKS = 52
MAX_SESSIONS_PER_WEEK = 14
MAX_EXERCISES_PER_SESSION = 40
MAX_WARMUPS_PER_SESSION = 20
# Validation work grows with the exercise entries of the whole plan (about 50 us each when every
# check fires): the planner writes at most 16 x 7 x 10 = 1120.
MAX_PLAN_EXERCISES = 5000
MAX_REPS = 1000  # reps, seconds or metres of one set
MAX_LOAD_KG = 1000.0
MAX_MINUTES = 24 * 60
MAX_DICT = 100  # muscles per sets-by-muscle map (the vocabulary has far fewer)
MAX_LIST = 500  # relaxation texts, relaxed checks
MAX_FINDINGS = 5000  # per list of a plan's stored validation report
MAX_SLUG = 100
MAX_TEXT = 2000
Slug = Annotated[str, StringConstraints(max_length=MAX_SLUG)]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Reps = Annotated[int, Field(ge=0, le=MAX_REPS, strict=True)]
SetCount = Annotated[float, Field(ge=0, le=10_000, allow_inf_nan=False, strict=True)]
DirectCount = Annotated[int, Field(ge=0, le=10_000, strict=True)]


class _Wire(BaseModel):
    # Plans written by other tools may carry fields we do not know: ignore them.
    # Numbers are strict (no true, no "3"): a plan that says sets=true is not a plan.
    model_config = ConfigDict(extra="ignore")


class PlanExercise(_Wire):
    """One exercise of a session with its prescription and the reason it is there."""

    slug: Slug
    sets: int = Field(ge=0, le=20, strict=True)
    reps: tuple[Reps, Reps]
    rir: int = Field(ge=0, le=10, strict=True)
    rest_seconds: int = Field(ge=0, le=900, strict=True)
    why: Text = ""
    name: Text = ""
    unit: Unit = "reps"
    mode: Mode = "normal"
    replaces: Slug | None = None
    warmup_sets: int = Field(default=0, ge=0, le=6, strict=True)
    load_kg: float | None = Field(
        default=None, ge=0, le=MAX_LOAD_KG, allow_inf_nan=False, strict=True
    )
    progression: Text = ""
    # Two exercises of a session with the same letter are a superset: a set of one, a set of
    # the other, then the rest (planner/supersets.py).
    superset: Annotated[str, StringConstraints(pattern=r"^[A-Z]$")] | None = None


class WarmUp(_Wire):
    """A general warm-up or mobility drill before the working sets (never counted as volume)."""

    slug: Slug
    name: Text = ""
    minutes: int = Field(ge=1, le=30, strict=True)


class PlanSession(_Wire):
    """One training day."""

    day: Weekday
    name: Text
    estimated_minutes: int = Field(ge=0, le=MAX_MINUTES, strict=True)
    exercises: list[PlanExercise] = Field(max_length=MAX_EXERCISES_PER_SESSION)
    kind: Literal["resistance", "conditioning"] = "resistance"
    warm_up: list[WarmUp] = Field(default_factory=list, max_length=MAX_WARMUPS_PER_SESSION)
    sets_by_muscle: dict[Slug, SetCount] = Field(default_factory=dict, max_length=MAX_DICT)
    why: Text = ""
    # Weekly cap units (RP landmark groups or muscles) already at their cap that this session
    # trains: why it is shorter than the time offered.
    capped: list[Slug] = Field(default_factory=list, max_length=MAX_DICT)

    def superset_marks(self) -> list[str]:
        """Per exercise, its place in its superset ("A1", "A2") or "" for straight sets."""
        seen: dict[str, int] = {}
        marks = []
        for exercise in self.exercises:
            if exercise.superset:
                seen[exercise.superset] = seen.get(exercise.superset, 0) + 1
                marks.append(f"{exercise.superset}{seen[exercise.superset]}")
            else:
                marks.append("")
        return marks


class PlanWeek(_Wire):
    """One week of the plan."""

    week: int = Field(ge=1, le=MAX_WEEKS, strict=True)
    deload: bool = False
    sessions: list[PlanSession] = Field(max_length=MAX_SESSIONS_PER_WEEK)
    sets_by_muscle: dict[Slug, SetCount] = Field(default_factory=dict, max_length=MAX_DICT)
    direct_sets_by_muscle: dict[Slug, DirectCount] = Field(
        default_factory=dict, max_length=MAX_DICT
    )


class Finding(_Wire):
    """One named check that failed, with where it failed."""

    check: Slug
    severity: Severity
    message: Text
    week: int | None = Field(default=None, ge=0, le=MAX_WEEKS, strict=True)
    day: Weekday | None = None
    slug: Slug | None = None


class ValidationReport(_Wire):
    """Errors (hard rules broken) and warnings (conventions not met)."""

    # Unbounded here: this is also the validator's output. A plan read from outside has its
    # report bounded by Plan._bounded_report (and ignored: the plan is validated afresh).
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
    relaxed: list[Text] = Field(default_factory=list, max_length=MAX_LIST)
    weeks: list[PlanWeek] = Field(max_length=MAX_WEEKS)
    weekly_sets_by_muscle: dict[Slug, SetCount] = Field(default_factory=dict, max_length=MAX_DICT)
    validation: ValidationReport = Field(default_factory=ValidationReport)
    relaxed_checks: list[Slug] = Field(default_factory=list, max_length=MAX_LIST)
    weekly_direct_sets_by_muscle: dict[Slug, DirectCount] = Field(
        default_factory=dict, max_length=MAX_DICT
    )
    volume_counting: Text = VOLUME_COUNTING
    catalog_version: Text = ""
    # True when bounds.verdict proved that no week of these sessions keeps every rule: the
    # errors are the profile's, and `relaxed` opens with what would fit instead.
    impossible: bool = Field(
        default=False,
        description="True when no week of these sessions can keep every rule (proven over every "
        "exercise the profile allows); `relaxed` then opens with what cannot fit.",
    )

    @field_validator("weeks")
    @classmethod
    def _bounded_work(cls, weeks: list[PlanWeek]) -> list[PlanWeek]:
        total = sum(len(s.exercises) for w in weeks for s in w.sessions)
        if total > MAX_PLAN_EXERCISES:
            raise ValueError(f"{total} exercises in the plan; at most {MAX_PLAN_EXERCISES}")
        return weeks

    @field_validator("validation", mode="before")
    @classmethod
    def _bounded_report(cls, value: Any) -> Any:
        if isinstance(value, Mapping):
            for key in ("errors", "warnings"):
                found = value.get(key)
                if isinstance(found, list) and len(found) > MAX_FINDINGS:
                    raise ValueError(f"{key}: at most {MAX_FINDINGS} findings")
        return value

    def to_json_data(self) -> dict[str, Any]:
        """Plain JSON-ready data in the documented field order."""
        return self.model_dump(mode="json")

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_json_data(), indent=indent, ensure_ascii=False) + "\n"

    def content_id(self) -> str:
        """A short content hash, usable as the plan's id."""
        canonical = json.dumps(self.to_json_data(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()[:16]
