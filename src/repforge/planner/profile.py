"""The user's profile and which catalog exercises it allows (kit, joints, level, skills)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from repforge.catalog import vocab
from repforge.catalog.catalog import Catalog
from repforge.catalog.model import Exercise
from repforge.catalog.names import slugify
from repforge.errors import InvalidInputError, NotFoundError, field_error
from repforge.planner.prescription import (
    LEVEL_RANK,
    Goal,
    Level,
    Mode,
    is_hard_set_work,
    is_main_lift,
)
from repforge.planner.rules import OLDER_ADULT_STAPLE_BONUS, OLDER_ADULT_STAPLES, older_adult

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = get_args(Weekday)

# Everyday words for the joints in vocab.JOINTS ("knee", "low back" -> the vocabulary slug).
JOINT_ALIASES: Mapping[str, str] = {
    "knee": "knees",
    "back": "lower-back",
    "low-back": "lower-back",
    "lumbar": "lower-back",
    "shoulder": "shoulders",
    "wrist": "wrists",
    "elbow": "elbows",
    "hip": "hips",
    "ankle": "ankles",
}
# Priority shorthands a user types for several catalog muscles at once.
MUSCLE_GROUP_ALIASES: Mapping[str, tuple[str, ...]] = {
    "back": ("lats", "upper-back"),
    "shoulders": ("front-delts", "side-delts", "rear-delts"),
    "delts": ("front-delts", "side-delts", "rear-delts"),
    "arms": ("biceps", "triceps"),
    "core": ("abs", "obliques"),
}
MAX_PRIORITIES = 4
# A staple: an exercise most coaches know and most gyms can load (catalog popularity 4-5 of 5).
STAPLE_POPULARITY = 4
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LIST_FIELDS = (
    "weekdays",
    "equipment",
    "protect",
    "priorities",
    "exclude",
    "can_do",
    "cannot_do",
    "familiar",
)


class RepMax(BaseModel):
    """A known rep max: `reps` done with `weight_kg` (reps=1 is a true 1RM)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    weight_kg: float = Field(gt=0, le=600, strict=True)
    reps: int = Field(default=1, ge=1, le=12, strict=True)

    @model_validator(mode="before")
    @classmethod
    def _from_number(cls, data: Any) -> Any:
        number = isinstance(data, int | float) and not isinstance(data, bool)
        return {"weight_kg": data} if number else data


def _split(value: Any) -> Any:
    # CLI and HTML forms send "a,b"; JSON sends a list.
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


def _unique_sorted(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(values)))


MAX_PROFILE_LIST = 2000  # entries per list field of a profile: a bound on input, above the catalog


class Profile(BaseModel):
    """What the plan is for: goal, experience, schedule, kit, joints, preferences."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    # numbers are strict (JSON true or "3" is refused); forms turn their text into ints first

    goal: Goal = "general-fitness"
    level: Level = "beginner"
    days: int = Field(default=3, ge=1, le=7, strict=True)
    weekdays: tuple[Weekday, ...] | None = None
    minutes: int = Field(default=60, ge=15, le=180, strict=True)
    # List bounds keep the work of reading a profile (and validating a plan) bounded.
    equipment: tuple[str, ...] = Field(default=("full-gym",), max_length=MAX_PROFILE_LIST)
    protect: tuple[str, ...] = Field(default=(), max_length=MAX_PROFILE_LIST)
    priorities: tuple[str, ...] = Field(default=(), max_length=MAX_PROFILE_LIST)
    exclude: tuple[str, ...] = Field(default=(), max_length=MAX_PROFILE_LIST)
    weeks: int = Field(default=4, ge=1, le=16, strict=True)
    can_do: tuple[str, ...] = Field(default=(), max_length=MAX_PROFILE_LIST)
    cannot_do: tuple[str, ...] = Field(default=(), max_length=MAX_PROFILE_LIST)
    familiar: tuple[str, ...] = Field(default=(), max_length=MAX_PROFILE_LIST)
    maxes: dict[str, RepMax] = Field(default_factory=dict, max_length=MAX_PROFILE_LIST)
    age: int | None = Field(default=None, ge=13, le=100)  # from 65: older-adult guidance

    @model_validator(mode="before")
    @classmethod
    def _lists_and_days(cls, data: Any) -> Any:
        if not isinstance(data, Mapping):
            return data
        data = {k: _split(v) if k in _LIST_FIELDS else v for k, v in data.items()}
        if (
            data.get("weekdays")
            and "days" not in data
            and isinstance(data["weekdays"], list | tuple)
        ):
            data["days"] = len(data["weekdays"])
        if data.get("weekdays") == []:
            data["weekdays"] = None
        return data

    @field_validator("weekdays")
    @classmethod
    def _weekdays(cls, value: tuple[Weekday, ...] | None) -> tuple[Weekday, ...] | None:
        if value is None:
            return None
        if len(set(value)) != len(value):
            raise ValueError("a weekday is listed twice")
        return tuple(day for day in WEEKDAYS if day in value)

    @field_validator("equipment")
    @classmethod
    def _equipment(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for item in value:
            if item not in vocab.EQUIPMENT and item not in vocab.EQUIPMENT_PRESETS:
                allowed = ", ".join([*vocab.EQUIPMENT_PRESETS, *vocab.EQUIPMENT.slugs])
                raise ValueError(f"unknown equipment {item!r}; use a preset or one of: {allowed}")
        return _unique_sorted(value) or ("bodyweight",)

    @field_validator("protect")
    @classmethod
    def _protect(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        joints = []
        for item in value:
            slug = slugify(item)
            slug = JOINT_ALIASES.get(slug, slug)
            if slug not in vocab.JOINTS:
                allowed = ", ".join(vocab.JOINTS.slugs)
                raise ValueError(f"unknown joint or region {item!r}; allowed: {allowed}")
            joints.append(slug)
        return _unique_sorted(joints)

    @field_validator("priorities")
    @classmethod
    def _priorities(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        muscles: list[str] = []
        for item in value:
            slug = slugify(item)
            if slug in MUSCLE_GROUP_ALIASES:
                muscles += MUSCLE_GROUP_ALIASES[slug]
            elif slug in vocab.MUSCLES and slug != "cardiovascular-system":
                muscles.append(slug)
            else:
                allowed = ", ".join([*vocab.MUSCLES.slugs[:-1], *MUSCLE_GROUP_ALIASES])
                raise ValueError(f"unknown muscle {item!r}; allowed: {allowed}")
        if len(set(muscles)) > MAX_PRIORITIES:
            raise ValueError(f"choose at most {MAX_PRIORITIES} priority muscles")
        return _unique_sorted(muscles)

    @field_validator("exclude", "can_do", "cannot_do", "familiar")
    @classmethod
    def _slugs(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for item in value:
            if not _SLUG.match(item):
                raise ValueError(f"{item!r} is not an exercise slug (like 'pull-up')")
        return _unique_sorted(value)

    @field_validator("maxes")
    @classmethod
    def _maxes(cls, value: dict[str, RepMax]) -> dict[str, RepMax]:
        for slug in value:
            if not _SLUG.match(slug):
                raise ValueError(f"{slug!r} is not an exercise slug (like 'barbell-back-squat')")
        return dict(sorted(value.items()))

    @model_validator(mode="after")
    def _consistent(self) -> Profile:
        if self.weekdays is not None and len(self.weekdays) != self.days:
            raise ValueError(f"weekdays: {len(self.weekdays)} weekdays given for {self.days} days")
        both = set(self.can_do) & set(self.cannot_do)
        if both:
            raise ValueError(f"cannot_do: {sorted(both)} also listed in can_do")
        return self

    def available_equipment(self) -> frozenset[str]:
        """Every equipment slug the user has; presets expanded, bodyweight always included."""
        kit = {"bodyweight"}
        for item in self.equipment:
            kit.update(vocab.EQUIPMENT_PRESETS.get(item, (item,)))
        return frozenset(kit)

    def exercise_slugs(self) -> dict[str, tuple[str, ...]]:
        """Field name -> exercise slugs it mentions, for checks against a catalog."""
        return {
            "exclude": self.exclude,
            "can_do": self.can_do,
            "cannot_do": self.cannot_do,
            "familiar": self.familiar,
            "maxes": tuple(self.maxes),
        }


def parse_profile(data: Mapping[str, Any] | Profile) -> Profile:
    """A Profile from form, CLI or JSON data; InvalidInputError names the bad field."""
    if isinstance(data, Profile):
        return data
    try:
        return Profile.model_validate(dict(data))
    except ValidationError as exc:
        field, message = field_error(exc.errors()[0])
        raise InvalidInputError(field or "profile", message) from None


def check_against_catalog(profile: Profile, catalog: Catalog) -> None:
    """Raise InvalidInputError when the profile names an exercise the catalog lacks."""
    for field, slugs in profile.exercise_slugs().items():
        for slug in slugs:
            try:
                catalog.get(slug)
            except NotFoundError as exc:
                hint = f"; did you mean {', '.join(exc.suggestions)}?" if exc.suggestions else ""
                raise InvalidInputError(field, f"unknown exercise {slug!r}{hint}") from None


@dataclass(frozen=True)
class Option:
    """An exercise the plan may use, possibly as a regression of one the user cannot do yet."""

    exercise: Exercise
    mode: Mode = "normal"
    replaces: str | None = None

    @property
    def key(self) -> str:
        return f"{self.exercise.slug}:{self.mode}"


class Eligibility:
    """Which exercises a profile allows, and the regressions of skills not reached yet."""

    def __init__(self, catalog: Catalog, profile: Profile) -> None:
        self.catalog = catalog
        self.profile = profile
        self.available = profile.available_equipment()
        self.protected = frozenset(profile.protect)
        self.excluded = frozenset(profile.exclude)
        self.level_rank = LEVEL_RANK[profile.level]
        self._options: list[Option] | None = None
        self._best_direct: dict[str, int] = {}

    def unusable_reason(self, exercise: Exercise) -> str | None:
        """Why the user cannot use this exercise at all (kit, joints, exclusions), or None."""
        if exercise.slug in self.excluded:
            return "excluded by you"
        if not exercise.equipment.doable_with(self.available):
            return "needs equipment you do not have"
        hurt = sorted(j for j in self.protected if exercise.stress_grade(j) == "high")
        if hurt:
            return f"loads your protected {', '.join(hurt)}"
        return None

    def usable(self, exercise: Exercise) -> bool:
        return self.unusable_reason(exercise) is None

    def level_ok(self, exercise: Exercise) -> bool:
        """At most one difficulty tier above the user's level (beginners tier <= 2, #3)."""
        return exercise.difficulty_rank <= self.level_rank + 1

    def not_yet(self, exercise: Exercise) -> bool:
        """A skill the user cannot do yet: declared, or a bodyweight skill above their level."""
        if exercise.slug in self.profile.cannot_do:
            return True
        if exercise.slug in self.profile.can_do:
            return False
        return exercise.load == "bodyweight" and exercise.difficulty_rank > self.level_rank

    def kit_for(self, muscle: str) -> tuple[str, ...] | None:
        """The fewest extra equipment items that would bring an exercise aimed at `muscle`
        within reach at this level and with these joints (None when none would)."""
        best: tuple[int, int, tuple[str, ...]] | None = None
        for ex in self.catalog.by_target.get(muscle, ()):
            if ex.slug in self.excluded or not is_hard_set_work(ex) or not self.level_ok(ex):
                continue
            if self.not_yet(ex) or any(ex.stress_grade(j) == "high" for j in self.protected):
                continue
            missing = sorted(set(ex.equipment.required) - self.available)
            either = ex.equipment.options
            if either and not set(either) & self.available:
                missing.append(either[0])
            rank = (len(missing), -ex.popularity, tuple(missing))
            if best is None or rank < best:
                best = rank
        return None if best is None else best[2]

    def direct(self, exercise: Exercise) -> bool:
        """Usable as prescribed, with no regression."""
        return (
            is_hard_set_work(exercise)
            and self.usable(exercise)
            and self.level_ok(exercise)
            and not self.not_yet(exercise)
        )

    def regressions(self, exercise: Exercise) -> list[Option]:
        """Stand-ins for a skill not reached yet: its negatives, then the hardest easier level."""
        found: list[Option] = []
        if exercise.eccentric_entry and self.level_ok(exercise):
            found.append(Option(exercise, "eccentric-only", exercise.slug))
        seen = {exercise.slug}
        level = [exercise]
        while level:
            next_level: list[Exercise] = []
            for current in level:
                for relation in current.easier:
                    easier = self.catalog.find(relation.slug)
                    if easier is None or easier.slug in seen:
                        continue
                    seen.add(easier.slug)
                    next_level.append(easier)
            hits = [e for e in next_level if self.direct(e)]
            if hits:
                return found + [Option(e, "normal", exercise.slug) for e in hits]
            level = next_level  # a step the user lacks kit for does not end the chain
        return found

    def options(self) -> list[Option]:
        """Every exercise the plan may use for hard sets, regressions included, in slug order."""
        if self._options is None:
            self._options = self._find_options()
        return list(self._options)

    def asked(self, exercise: Exercise) -> bool:
        """A skill the user marked as one they cannot do yet."""
        return exercise.slug in self.profile.cannot_do

    def usual_choice(self, exercise: Exercise) -> bool:
        """The normal pick for its pattern: a staple more popular than anything the user can do
        (a home pull-up bar makes the pull-up the usual vertical pull; a lat pulldown does not)."""
        if exercise.popularity < STAPLE_POPULARITY:
            return False
        best = self._best_direct.get(exercise.pattern)
        if best is None:
            best = max(
                (
                    e.popularity
                    for e in self.catalog
                    if e.pattern == exercise.pattern and self.direct(e)
                ),
                default=0,
            )
            self._best_direct[exercise.pattern] = best
        return exercise.popularity > best

    def _find_options(self) -> list[Option]:
        # A stand-in is labelled as a step toward a skill only when the user asked for that skill
        # (cannot_do) or the skill is the usual choice for its pattern that the level rules out.
        # Otherwise the easier exercise is just an exercise: a beginner's plank is not "toward
        # Dragon Flag", and negatives of a skill nobody asked about are left out altogether.
        chosen: dict[str, Option] = {}
        rank: dict[str, int] = {}
        for exercise in self.catalog:
            if not is_hard_set_work(exercise) or not self.usable(exercise):
                continue
            if not self.not_yet(exercise):
                if self.level_ok(exercise):
                    chosen.setdefault(f"{exercise.slug}:normal", Option(exercise))
                    rank.setdefault(f"{exercise.slug}:normal", 0)
                continue
            weight = 2 if self.asked(exercise) else 1 if self.usual_choice(exercise) else 0
            for option in self.regressions(exercise):
                if not weight:
                    if option.mode == "normal":
                        chosen.setdefault(option.key, Option(option.exercise))
                        rank.setdefault(option.key, 0)
                    continue
                if weight > rank.get(option.key, -1):
                    chosen[option.key] = option
                    rank[option.key] = weight
        return [chosen[key] for key in sorted(chosen)]

    def extras(self, categories: frozenset[str]) -> list[Exercise]:
        """Usable warm-up or conditioning exercises of these categories, most popular first."""
        found = [
            e
            for e in self.catalog
            if e.category in categories and self.usable(e) and self.level_ok(e)
        ]
        return sorted(found, key=lambda e: (-e.popularity, e.difficulty_rank, e.slug))


POPULARITY_POINTS = 10  # per popularity step (1-5)
COMPOUND_POPULARITY_POINTS = 2
MAIN_LIFT_POPULARITY_POINTS = 6  # a main lift's extra pull toward staples
STRENGTH_BARBELL_BONUS = 20
CURIOSITY_POPULARITY = 2
CURIOSITY_PENALTY = 15


def is_barbell_lift(exercise: Exercise) -> bool:
    """A main lift loaded on a barbell or trap bar (back squat, deadlift, bench, overhead press)."""
    return is_main_lift(exercise) and not vocab.BARBELL_KIT.isdisjoint(exercise.equipment.required)


def too_easy(ex: Exercise, profile: Profile) -> int:
    """Tiers a body-weight exercise sits below a strength or hypertrophy lifter's level: sets
    of it stop being hard long before the prescribed reps run out (0 when it fits)."""
    if ex.load == "external" or profile.goal not in ("strength", "hypertrophy"):
        return 0
    return max(0, LEVEL_RANK[profile.level] - ex.difficulty_rank)


def score(option: Option, profile: Profile) -> int:
    """How well an exercise suits the goal, level and preferences (higher is better)."""
    ex = option.exercise
    compound = ex.mechanic == "compound"
    # Staples first: popularity counts most for the compounds that lead a session, and most of
    # all for the main lifts (a rack pull or a windmill does not open a session if a deadlift or
    # a Romanian deadlift can).
    points = (POPULARITY_POINTS + COMPOUND_POPULARITY_POINTS * compound) * ex.popularity
    points += MAIN_LIFT_POPULARITY_POINTS * ex.popularity * is_main_lift(ex)
    barbell_lift = is_barbell_lift(ex)
    if profile.goal == "strength":
        # Loaded main lifts are the point, the popular ones (a windmill is not a deadlift) and
        # the barbell ones most of all: they load heaviest and progress in the smallest steps.
        points += 16 * compound + STRENGTH_BARBELL_BONUS * barbell_lift
    elif profile.goal == "hypertrophy":
        points += (10 if compound else 6) + 6 * (ex.load == "external")
    elif profile.goal == "fat-loss":
        points += 14 * compound + 4 * (ex.body_part in ("legs", "back", "chest"))
    else:
        points += 12 * compound + 4 * (ex.difficulty_rank == 1)
    level = LEVEL_RANK[profile.level]
    # A tier above the level costs points, except the barbell lifts a strength novice learns
    # first (Starting Strength, StrongLifts; ACSM 2009 novices use the same core lifts).
    if not (profile.goal == "strength" and barbell_lift):
        points -= 12 * max(0, ex.difficulty_rank - level)
    points -= 8 * too_easy(ex, profile)
    points += 6 * (profile.level == "beginner" and ex.difficulty_rank == 1)
    points += 15 * (ex.slug in profile.familiar) + 10 * (ex.target in profile.priorities)
    if option.mode == "eccentric-only":
        points -= 8
    elif option.replaces:
        points -= 4
    if ex.popularity <= CURIOSITY_POPULARITY:
        points -= CURIOSITY_PENALTY  # rarely programmed: only when nothing common does the job
    if ex.tracking != "reps" and profile.goal in ("strength", "hypertrophy"):
        points -= 15  # holds, carries and sled work do not fit a rep-based block
    if older_adult(profile.age):
        points += OLDER_ADULT_STAPLE_BONUS * (ex.slug in OLDER_ADULT_STAPLES)
        points -= 12 * max(0, ex.difficulty_rank - 1)  # stable, simple movements first
    return points
