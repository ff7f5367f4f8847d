"""The exercise model: language-neutral facts plus our own English text."""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from repforge.catalog import vocab
from repforge.catalog.motion import Motion
from repforge.catalog.plaintext import unclean_paths

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Sentence = Annotated[str, Field(min_length=8, max_length=600)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _check_vocab(value: str, vocabulary: vocab.Vocabulary[Any]) -> str:
    if value not in vocabulary:
        allowed = ", ".join(vocabulary.slugs)
        raise ValueError(f"unknown {vocabulary.name} {value!r}; allowed: {allowed}")
    return value


EquipmentSlug = Annotated[str, AfterValidator(lambda v: _check_vocab(v, vocab.EQUIPMENT))]
JointSlug = Annotated[str, AfterValidator(lambda v: _check_vocab(v, vocab.JOINTS))]


class SecondaryMuscle(_Frozen):
    """A synergist muscle with the share of a set it is credited with."""

    muscle: str
    weight: float = Field(default=0.5, gt=0, le=1)

    @field_validator("muscle")
    @classmethod
    def _known(cls, value: str) -> str:
        return _check_vocab(value, vocab.MUSCLES)

    @model_validator(mode="before")
    @classmethod
    def _from_slug(cls, data: Any) -> Any:
        # "glutes" is shorthand for {muscle: glutes, weight: 0.5}
        return {"muscle": data} if isinstance(data, str) else data


class EquipmentNeeds(_Frozen):
    """What kit an exercise needs: all of `required`, plus any one of `options`."""

    required: tuple[EquipmentSlug, ...] = ()
    options: tuple[EquipmentSlug, ...] = ()

    @field_validator("required", "options")
    @classmethod
    def _known(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(values)) != len(values):
            raise ValueError("equipment listed twice")
        if "bodyweight" in values:
            raise ValueError("bodyweight is implied; leave required empty instead")
        return values

    @model_validator(mode="after")
    def _options_make_sense(self) -> EquipmentNeeds:
        if len(self.options) == 1:
            raise ValueError(
                "options needs two or more alternatives; move a single item to required"
            )
        if set(self.options) & set(self.required):
            raise ValueError("an item cannot be both required and an option")
        return self

    @property
    def slugs(self) -> tuple[str, ...]:
        """Every item mentioned, required first; ('bodyweight',) when nothing is needed."""
        return (self.required + self.options) or ("bodyweight",)

    def doable_with(self, available: set[str] | frozenset[str]) -> bool:
        """Whether someone owning `available` can do the exercise (body weight brings the home
        anchors: a partner, furniture, a door, a table, a towel)."""
        if "bodyweight" in available:
            available = available | vocab.HOME_ANCHORS
        if not set(self.required) <= available:
            return False
        return not self.options or bool(set(self.options) & available)


class Relation(_Frozen):
    """A link to another exercise, with an optional short reason."""

    slug: Slug
    reason: str | None = Field(default=None, max_length=240)

    @model_validator(mode="before")
    @classmethod
    def _from_slug(cls, data: Any) -> Any:
        return {"slug": data} if isinstance(data, str) else data


class JointStress(_Frozen):
    """How hard an exercise loads one joint it stresses, and why (for protected joints)."""

    joint: JointSlug
    grade: Literal["low", "high"]
    reason: str = Field(min_length=8, max_length=240)


class FaqItem(_Frozen):
    """One exercise-specific question and its answer."""

    q: Annotated[str, Field(min_length=8, max_length=200)]
    a: Annotated[str, Field(min_length=8, max_length=1200)]


class Provenance(_Frozen):
    """Who wrote the text, its licence, and where the facts were checked."""

    author: str = Field(min_length=2)
    licence: str = Field(min_length=2)
    sources: tuple[str, ...] = ()
    source: str | None = None  # importer name for imported records
    source_id: str | None = None


class Exercise(_Frozen):
    """One exercise: identity, classification, kit, safety, relations and text."""

    slug: Slug
    name: str = Field(min_length=3, max_length=100)
    # two letters ('DU', 'BB') are ambiguous in search; the importers hold the same bound
    aliases: tuple[Annotated[str, Field(min_length=3, max_length=100)], ...] = ()
    body_part: str
    target: str
    secondary: tuple[SecondaryMuscle, ...] = ()
    # Anatomical names of the target's parts doing the work, where a group's muscles act
    # differently (neck flexors against extensors); empty means the group's own list applies.
    target_parts: tuple[Annotated[str, Field(min_length=3, max_length=60)], ...] = Field(
        default=(), max_length=4
    )
    category: str
    difficulty: str
    mechanic: str
    force: str
    pattern: str
    laterality: str
    tracking: str
    load: str
    equipment: EquipmentNeeds = EquipmentNeeds()
    stresses: tuple[JointSlug, ...] = ()
    # Grades for joints in `stresses`; a stressed joint without a grade counts as high stress.
    # Protection removes high-stress work only, so a region is still trained (wall sit, step-up).
    joint_stress: tuple[JointStress, ...] = ()
    contraindications: str | None = Field(default=None, max_length=600)
    easier: tuple[Relation, ...] = ()
    harder: tuple[Relation, ...] = ()
    alternatives: tuple[Relation, ...] = ()
    eccentric_entry: bool = False
    # Imported records may lack text; the page simply leaves those sections out.
    # AuthoredExercise (our own files) makes every section mandatory.
    summary: str | None = Field(default=None, max_length=1200)
    steps: tuple[Sentence, ...] = Field(default=(), max_length=20)
    tips: tuple[Sentence, ...] = Field(default=(), max_length=8)
    mistakes: tuple[Sentence, ...] = Field(default=(), max_length=8)
    faq: tuple[FaqItem, ...] = ()
    why_hard: str | None = Field(default=None, max_length=800)
    popularity: int = Field(default=1, ge=1, le=5)
    provenance: Provenance
    motion: Motion | None = None  # keyframes for the demonstration; see docs/motion.md

    @field_validator("body_part")
    @classmethod
    def _body_part(cls, v: str) -> str:
        return _check_vocab(v, vocab.BODY_PARTS)

    @field_validator("target")
    @classmethod
    def _target(cls, v: str) -> str:
        return _check_vocab(v, vocab.MUSCLES)

    @field_validator("category")
    @classmethod
    def _category(cls, v: str) -> str:
        return _check_vocab(v, vocab.CATEGORIES)

    @field_validator("difficulty")
    @classmethod
    def _difficulty(cls, v: str) -> str:
        return _check_vocab(v, vocab.DIFFICULTIES)

    @field_validator("mechanic")
    @classmethod
    def _mechanic(cls, v: str) -> str:
        return _check_vocab(v, vocab.MECHANICS)

    @field_validator("force")
    @classmethod
    def _force(cls, v: str) -> str:
        return _check_vocab(v, vocab.FORCES)

    @field_validator("pattern")
    @classmethod
    def _pattern(cls, v: str) -> str:
        return _check_vocab(v, vocab.PATTERNS)

    @field_validator("laterality")
    @classmethod
    def _laterality(cls, v: str) -> str:
        return _check_vocab(v, vocab.LATERALITIES)

    @field_validator("tracking")
    @classmethod
    def _tracking(cls, v: str) -> str:
        return _check_vocab(v, vocab.TRACKINGS)

    @field_validator("load")
    @classmethod
    def _load(cls, v: str) -> str:
        return _check_vocab(v, vocab.LOADS)

    @model_validator(mode="after")
    def _consistent(self) -> Exercise:
        secondary = [s.muscle for s in self.secondary]
        if self.target in secondary:
            raise ValueError(f"target {self.target!r} is also listed as secondary")
        if len(set(secondary)) != len(secondary):
            raise ValueError("a secondary muscle is listed twice")
        for kind in ("easier", "harder", "alternatives"):
            slugs = [r.slug for r in getattr(self, kind)]
            if self.slug in slugs:
                raise ValueError(f"{kind} links the exercise to itself")
            if len(set(slugs)) != len(slugs):
                raise ValueError(f"{kind} lists the same exercise twice")
        graded = [g.joint for g in self.joint_stress]
        if len(set(graded)) != len(graded):
            raise ValueError("joint_stress grades a joint twice")
        ungraded = sorted(set(graded) - set(self.stresses))
        if ungraded:
            raise ValueError(f"joint_stress grades {ungraded}, which stresses does not list")
        if self.difficulty != "advanced" and self.why_hard:
            raise ValueError("why_hard is only for advanced exercises")
        return self

    @model_validator(mode="after")
    def _clean_text(self) -> Exercise:
        # importers clean text with plaintext.squash; this refuses whatever went round them
        dirty = unclean_paths(self.model_dump(mode="json"))
        if dirty:
            raise ValueError(
                f"{dirty[0].lstrip('.')}: remove control or direction characters and extra spaces"
            )
        return self

    # Cached: relations, search and the planner read these in tight loops; the model is frozen.
    @cached_property
    def difficulty_rank(self) -> int:
        return vocab.DIFFICULTIES[self.difficulty].rank

    @cached_property
    def muscle_weights(self) -> Mapping[str, float]:
        """Muscle slug -> share of a set credited to it (target = 1)."""
        weights = {s.muscle: s.weight for s in self.secondary}
        weights[self.target] = 1.0
        return MappingProxyType(weights)

    @cached_property
    def muscle_norm(self) -> float:
        """Euclidean length of muscle_weights, for cosine similarity."""
        return math.sqrt(sum(v * v for v in self.muscle_weights.values()))

    def stress_grade(self, joint: str) -> str:
        """How hard the exercise loads `joint`: "none", "low" or "high" (ungraded stress)."""
        if joint not in self.stresses:
            return "none"
        return next((g.grade for g in self.joint_stress if g.joint == joint), "high")


class AuthoredExercise(Exercise):
    """One of our own exercise files: every text section is required and sized."""

    summary: str = Field(min_length=40, max_length=700)
    steps: tuple[Sentence, ...] = Field(min_length=4, max_length=10)
    tips: tuple[Sentence, ...] = Field(min_length=3, max_length=8)
    mistakes: tuple[Sentence, ...] = Field(min_length=3, max_length=8)
    popularity: int = Field(ge=1, le=5)

    @model_validator(mode="after")
    def _authored(self) -> AuthoredExercise:
        if any(not r.reason for r in self.alternatives):
            raise ValueError("every alternative needs a reason")
        if self.difficulty == "advanced" and not self.why_hard:
            raise ValueError("advanced exercises need why_hard")
        return self
