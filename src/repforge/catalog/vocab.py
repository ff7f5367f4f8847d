"""Controlled vocabularies: every classification value an exercise may use."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

View = Literal["front", "back"]


@dataclass(frozen=True)
class Term:
    """One vocabulary value: the slug used in YAML, URLs and the API, and its display name."""

    slug: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class BodyPart(Term):
    """A body part: the coarsest grouping, used for hubs."""


@dataclass(frozen=True)
class Muscle(Term):
    """A muscle group fine enough to count training volume against."""

    latin: tuple[str, ...] = ()
    body_part: str = ""
    group: str = ""  # hub parent, e.g. front-delts -> shoulders
    views: tuple[View, ...] = ()  # body-map views where its regions are drawn
    major: bool = True  # counts toward "every major muscle twice a week"


@dataclass(frozen=True)
class Equipment(Term):
    """A piece of kit an exercise may need."""

    kind: str = "accessory"


@dataclass(frozen=True)
class Ranked(Term):
    """A value with an order (difficulty)."""

    rank: int = 0


T = TypeVar("T", bound=Term)


@dataclass(frozen=True)
class Vocabulary(Generic[T]):
    """A closed set of terms, looked up by slug."""

    name: str
    terms: tuple[T, ...]
    _by_slug: Mapping[str, T] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_slug = {term.slug: term for term in self.terms}
        if len(by_slug) != len(self.terms):
            raise ValueError(f"duplicate slug in vocabulary {self.name}")
        object.__setattr__(self, "_by_slug", by_slug)

    def __contains__(self, slug: object) -> bool:
        return slug in self._by_slug

    def __iter__(self) -> Iterator[T]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def __getitem__(self, slug: str) -> T:
        return self._by_slug[slug]

    def get(self, slug: str) -> T | None:
        return self._by_slug.get(slug)

    @property
    def slugs(self) -> tuple[str, ...]:
        return tuple(self._by_slug)

    def names(self, slugs: Iterable[str]) -> list[str]:
        return [self._by_slug[s].name for s in slugs]


def _terms(cls: type[Term], rows: Iterable[tuple[str, str]]) -> tuple[Term, ...]:
    return tuple(cls(slug, name) for slug, name in rows)


BODY_PARTS: Vocabulary[BodyPart] = Vocabulary(
    "body_part",
    tuple(
        BodyPart(slug, name)
        for slug, name in [
            ("arms", "Arms"),
            ("back", "Back"),
            ("cardio", "Cardio"),
            ("chest", "Chest"),
            ("core", "Core"),
            ("legs", "Legs"),
            ("neck", "Neck"),
            ("shoulders", "Shoulders"),
            ("full-body", "Full body"),
        ]
    ),
)


def _m(
    slug: str,
    name: str,
    latin: tuple[str, ...],
    body_part: str,
    views: tuple[View, ...],
    group: str = "",
    major: bool = True,
) -> Muscle:
    return Muscle(slug, name, "", latin, body_part, group or slug, views, major)


MUSCLES: Vocabulary[Muscle] = Vocabulary(
    "muscle",
    (
        _m("chest", "Chest", ("pectoralis major", "pectoralis minor"), "chest", ("front",)),
        _m(
            "front-delts",
            "Front delts",
            ("deltoideus pars clavicularis",),
            "shoulders",
            ("front",),
            "shoulders",
        ),
        _m(
            "side-delts",
            "Side delts",
            ("deltoideus pars acromialis",),
            "shoulders",
            ("front", "back"),
            "shoulders",
        ),
        _m(
            "rear-delts",
            "Rear delts",
            ("deltoideus pars spinalis",),
            "shoulders",
            ("back",),
            "shoulders",
        ),
        _m(
            "rotator-cuff",
            "Rotator cuff",
            ("supraspinatus", "infraspinatus", "teres minor", "subscapularis"),
            "shoulders",
            ("back",),
            "shoulders",
            major=False,
        ),
        _m("biceps", "Biceps", ("biceps brachii", "brachialis"), "arms", ("front",), "arms"),
        _m("triceps", "Triceps", ("triceps brachii",), "arms", ("back",), "arms"),
        _m(
            "forearms",
            "Forearms",
            ("brachioradialis", "flexor carpi", "extensor carpi"),
            "arms",
            ("front", "back"),
            "arms",
            major=False,
        ),
        _m("lats", "Lats", ("latissimus dorsi", "teres major"), "back", ("back",), "back"),
        _m(
            "upper-back",
            "Upper back",
            ("trapezius pars transversa", "trapezius pars ascendens", "rhomboidei"),
            "back",
            ("back",),
            "back",
        ),
        _m("traps", "Traps", ("trapezius pars descendens",), "back", ("back", "front"), "back"),
        _m("lower-back", "Lower back", ("erector spinae",), "back", ("back",), "back"),
        _m("abs", "Abs", ("rectus abdominis", "transversus abdominis"), "core", ("front",), "core"),
        _m(
            "obliques",
            "Obliques",
            ("obliquus externus abdominis", "obliquus internus abdominis"),
            "core",
            ("front",),
            "core",
        ),
        _m(
            "hip-flexors",
            "Hip flexors",
            ("iliopsoas", "rectus femoris"),
            "legs",
            ("front",),
            "legs",
            major=False,
        ),
        _m("glutes", "Glutes", ("gluteus maximus",), "legs", ("back",), "legs"),
        _m(
            "abductors",
            "Hip abductors",
            ("gluteus medius", "gluteus minimus", "tensor fasciae latae"),
            "legs",
            ("back", "front"),
            "legs",
            major=False,
        ),
        _m(
            "adductors",
            "Adductors",
            ("adductor magnus", "adductor longus", "adductor brevis", "gracilis"),
            "legs",
            ("front",),
            "legs",
            major=False,
        ),
        _m("quads", "Quads", ("quadriceps femoris",), "legs", ("front",), "legs"),
        _m(
            "hamstrings",
            "Hamstrings",
            ("biceps femoris", "semitendinosus", "semimembranosus"),
            "legs",
            ("back",),
            "legs",
        ),
        _m("calves", "Calves", ("gastrocnemius", "soleus"), "legs", ("back",), "legs"),
        _m(
            "tibialis",
            "Shins (tibialis anterior)",
            ("tibialis anterior",),
            "legs",
            ("front",),
            "legs",
            major=False,
        ),
        _m(
            "neck",
            "Neck",
            ("sternocleidomastoideus", "splenius capitis"),
            "neck",
            ("front", "back"),
            "neck",
            major=False,
        ),
        _m(
            "cardiovascular-system",
            "Cardiovascular system",
            ("cor", "systema cardiovasculare"),
            "cardio",
            (),
            "cardio",
            major=False,
        ),
    ),
)

# Regions of the body-map SVG per muscle: "view:region-id".
BODY_MAP_REGIONS: Mapping[str, tuple[str, ...]] = {
    m.slug: tuple(f"{view}:{m.slug}" for view in m.views) for m in MUSCLES
}

EQUIPMENT_KINDS = ("none", "free-weight", "machine", "station", "accessory", "cardio-machine")

EQUIPMENT: Vocabulary[Equipment] = Vocabulary(
    "equipment",
    tuple(
        Equipment(slug, name, "", kind)
        for slug, name, kind in [
            ("bodyweight", "Body weight", "none"),
            ("barbell", "Barbell", "free-weight"),
            ("ez-bar", "EZ bar", "free-weight"),
            ("trap-bar", "Trap bar", "free-weight"),
            ("dumbbell", "Dumbbell", "free-weight"),
            ("kettlebell", "Kettlebell", "free-weight"),
            ("weight-plate", "Weight plate", "free-weight"),
            ("medicine-ball", "Medicine ball", "free-weight"),
            ("sandbag", "Sandbag", "free-weight"),
            # Home loads: a backpack filled with books or bottles, a gallon jug of water or sand.
            ("backpack", "Loaded backpack", "free-weight"),
            ("water-jug", "Water jug", "free-weight"),
            ("bench", "Bench", "station"),
            ("squat-rack", "Squat rack", "station"),
            ("pull-up-bar", "Pull-up bar", "station"),
            ("dip-station", "Dip station", "station"),
            ("parallettes", "Parallettes", "accessory"),
            ("rings", "Gymnastic rings", "accessory"),
            ("suspension-trainer", "Suspension trainer", "accessory"),
            ("ghr-bench", "GHR bench", "station"),
            ("back-extension-bench", "Back extension bench", "station"),
            ("preacher-bench", "Preacher bench", "station"),
            ("plyo-box", "Plyo box", "station"),
            ("landmine", "Landmine", "station"),
            ("smith-machine", "Smith machine", "machine"),
            ("cable-machine", "Cable machine", "machine"),
            ("lat-pulldown-machine", "Lat pulldown machine", "machine"),
            ("seated-row-machine", "Seated row machine", "machine"),
            ("chest-press-machine", "Chest press machine", "machine"),
            ("pec-deck", "Pec deck", "machine"),
            ("shoulder-press-machine", "Shoulder press machine", "machine"),
            ("lateral-raise-machine", "Lateral raise machine", "machine"),
            ("leg-press-machine", "Leg press machine", "machine"),
            ("hack-squat-machine", "Hack squat machine", "machine"),
            ("leg-extension-machine", "Leg extension machine", "machine"),
            ("lying-leg-curl-machine", "Lying leg curl machine", "machine"),
            ("seated-leg-curl-machine", "Seated leg curl machine", "machine"),
            ("calf-raise-machine", "Calf raise machine", "machine"),
            ("hip-abductor-machine", "Hip abductor machine", "machine"),
            ("hip-adductor-machine", "Hip adductor machine", "machine"),
            ("hip-thrust-machine", "Hip thrust machine", "machine"),
            ("assisted-pull-up-machine", "Assisted pull-up machine", "machine"),
            ("resistance-band", "Resistance band", "accessory"),
            ("mini-band", "Mini band", "accessory"),
            ("sliders", "Sliders", "accessory"),
            ("stability-ball", "Stability ball", "accessory"),
            ("ab-wheel", "Ab wheel", "accessory"),
            ("foam-roller", "Foam roller", "accessory"),
            ("massage-ball", "Massage ball", "accessory"),
            ("dowel", "Dowel", "accessory"),
            ("exercise-mat", "Exercise mat", "accessory"),
            ("jump-rope", "Jump rope", "accessory"),
            ("wrist-roller", "Wrist roller", "accessory"),
            ("neck-harness", "Neck harness", "accessory"),
            ("sled", "Sled", "accessory"),
            ("battle-ropes", "Battle ropes", "accessory"),
            ("treadmill", "Treadmill", "cardio-machine"),
            ("stationary-bike", "Stationary bike", "cardio-machine"),
            ("rowing-machine", "Rowing machine", "cardio-machine"),
            ("elliptical", "Elliptical trainer", "cardio-machine"),
            ("ski-erg", "Ski erg", "cardio-machine"),
            ("stair-climber", "Stair climber", "cardio-machine"),
            ("arm-ergometer", "Arm ergometer", "cardio-machine"),
            ("lever-machine", "Plate-loaded lever machine", "machine"),
            ("gym-machine", "Gym machine", "machine"),
            ("bosu-ball", "BOSU ball", "accessory"),
            ("tire", "Tire", "accessory"),
            ("sledgehammer", "Sledgehammer", "accessory"),
            # Strongman kit
            ("log", "Log bar", "free-weight"),
            ("axle", "Axle (fat bar)", "free-weight"),
            ("atlas-stone", "Atlas stone", "free-weight"),
            ("yoke", "Yoke", "station"),
            ("keg", "Keg", "free-weight"),
            ("farmers-frame", "Farmer's frame", "free-weight"),
            ("weight-vest", "Weight vest", "free-weight"),
            # Home anchors: things nearly every home has, so they count as body weight.
            ("partner", "Partner", "none"),
            ("sturdy-furniture", "Sturdy sofa", "none"),
            ("door", "Door", "none"),
            ("table", "Sturdy table", "none"),
            ("towel", "Towel", "none"),
            ("safety-squat-bar", "Safety squat bar", "free-weight"),
            ("belt-squat-machine", "Belt squat machine", "machine"),
        ]
    ),
)

# What a person with only their body weight can still use to anchor or slide: a partner holding
# the heels, a sofa or bed, a door frame, a table edge, a towel (issue 14, item 9).
HOME_ANCHORS = frozenset({"partner", "sturdy-furniture", "door", "table", "towel"})

# Equipment presets offered by the planner and the "only what I have" filter.
# Bars loaded with plates: the heaviest lifts, the smallest load steps, and a failed rep that
# needs safeties or a spotter. The planner and the quality gates read "barbell kit" from here.
BARBELL_KIT = frozenset({"barbell", "trap-bar"})

EQUIPMENT_PRESETS: Mapping[str, tuple[str, ...]] = {
    "bodyweight": ("bodyweight",),
    "home-dumbbells": (
        "bodyweight",
        "dumbbell",
        "bench",
        "exercise-mat",
        "resistance-band",
        "backpack",
        "water-jug",
    ),
    "home-gym": (
        "bodyweight",
        "barbell",
        "dumbbell",
        "kettlebell",
        "weight-plate",
        "bench",
        "squat-rack",
        "pull-up-bar",
        "resistance-band",
        "mini-band",
        "exercise-mat",
        "ab-wheel",
        "foam-roller",
        "jump-rope",
        "sliders",
        "stability-ball",
        "backpack",
        "water-jug",
    ),
    "full-gym": tuple(e.slug for e in EQUIPMENT.terms),
}

CATEGORIES: Vocabulary[Term] = Vocabulary(
    "category",
    _terms(
        Term,
        [
            ("strength", "Strength"),
            ("stretching", "Stretching"),
            ("mobility", "Mobility"),
            ("plyometrics", "Plyometrics"),
            ("cardio", "Cardio"),
            ("balance", "Balance"),
            ("rehabilitation", "Rehabilitation"),
            ("olympic", "Olympic weightlifting"),
            ("strongman", "Strongman"),
        ],
    ),
)

DIFFICULTIES: Vocabulary[Ranked] = Vocabulary(
    "difficulty",
    (
        Ranked("beginner", "Beginner", "", 1),
        Ranked("intermediate", "Intermediate", "", 2),
        Ranked("advanced", "Advanced", "", 3),
    ),
)

MECHANICS: Vocabulary[Term] = Vocabulary(
    "mechanic", _terms(Term, [("compound", "Compound"), ("isolation", "Isolation")])
)

FORCES: Vocabulary[Term] = Vocabulary(
    "force", _terms(Term, [("push", "Push"), ("pull", "Pull"), ("static", "Static")])
)

PATTERNS: Vocabulary[Term] = Vocabulary(
    "pattern",
    _terms(
        Term,
        [
            ("squat", "Squat"),
            ("hinge", "Hip hinge"),
            ("lunge", "Lunge"),
            ("hip-extension", "Hip extension"),
            ("knee-flexion", "Knee flexion"),
            ("knee-extension", "Knee extension"),
            ("horizontal-push", "Horizontal push"),
            ("vertical-push", "Vertical push"),
            ("horizontal-pull", "Horizontal pull"),
            ("vertical-pull", "Vertical pull"),
            ("chest-fly", "Chest fly"),
            ("reverse-fly", "Reverse fly"),
            ("lateral-raise", "Lateral raise"),
            ("front-raise", "Front raise"),
            ("shoulder-rotation", "Shoulder rotation"),
            ("shrug", "Shrug"),
            ("elbow-flexion", "Elbow flexion"),
            ("elbow-extension", "Elbow extension"),
            ("wrist", "Wrist flexion and extension"),
            ("trunk-flexion", "Trunk flexion"),
            ("hip-flexion", "Hip flexion"),
            ("anti-extension", "Anti-extension"),
            ("anti-rotation", "Anti-rotation"),
            ("anti-lateral-flexion", "Anti-lateral flexion"),
            ("rotation", "Rotation"),
            ("calf-raise", "Calf raise"),
            ("hip-abduction", "Hip abduction"),
            ("hip-adduction", "Hip adduction"),
            ("neck", "Neck flexion and extension"),
            ("carry", "Carry"),
            ("locomotion", "Locomotion"),
            ("jump", "Jump"),
            ("olympic-lift", "Olympic lift"),
            ("stretch", "Stretch"),
            ("mobility", "Mobility drill"),
            ("balance", "Balance"),
        ],
    ),
)

LATERALITIES: Vocabulary[Term] = Vocabulary(
    "laterality",
    _terms(
        Term,
        [("bilateral", "Bilateral"), ("unilateral", "Unilateral"), ("alternating", "Alternating")],
    ),
)

TRACKINGS: Vocabulary[Term] = Vocabulary(
    "tracking", _terms(Term, [("reps", "Reps"), ("time", "Time"), ("distance", "Distance")])
)

LOADS: Vocabulary[Term] = Vocabulary(
    "load",
    _terms(
        Term, [("bodyweight", "Body weight"), ("external", "External"), ("assisted", "Assisted")]
    ),
)

JOINTS: Vocabulary[Term] = Vocabulary(
    "joint",
    _terms(
        Term,
        [
            ("knees", "Knees"),
            ("lower-back", "Lower back"),
            ("shoulders", "Shoulders"),
            ("wrists", "Wrists"),
            ("elbows", "Elbows"),
            ("hips", "Hips"),
            ("neck", "Neck"),
            ("ankles", "Ankles"),
        ],
    ),
)
