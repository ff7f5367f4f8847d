"""Labelled search queries over the real catalog, and the two measures we report on them.

Each query lists the slugs acceptable as the FIRST result and, beyond those, other slugs
relevant enough to belong in the top five. Labels say what a person typing the query wants,
judged from the exercise list (slugs.txt), not from what the ranking happens to return.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Labelled:
    """A query, the slugs acceptable as its first hit, and every slug relevant to it."""

    query: str
    top: frozenset[str]
    relevant: frozenset[str]  # includes `top`
    kind: str  # name, alias, abbreviation, spelling, typo, intent


def q(query: str, top: Iterable[str], also: Iterable[str] = (), kind: str = "name") -> Labelled:
    best = frozenset(top)
    return Labelled(query, best, best | frozenset(also), kind)


PULL_UPS = (
    "chin-up",
    "band-assisted-pull-up",
    "negative-pull-up",
    "weighted-pull-up",
    "machine-assisted-pull-up",
)
NO_BAR_ROWS = (
    "one-arm-dumbbell-row",
    "two-dumbbell-bent-over-row",
    "chest-supported-dumbbell-row",
    "kroc-row",
    "table-row",
    "towel-door-row",
    "door-frame-row",
    "ring-row",
    "resistance-band-row",
    "backpack-bent-over-row",
)
PUSH_UPS = ("knee-push-up", "incline-push-up", "diamond-push-up", "decline-push-up")
RDLS = ("dumbbell-romanian-deadlift", "single-leg-romanian-deadlift", "stiff-leg-deadlift")
SHOULDER_PRESSES = (
    "seated-dumbbell-shoulder-press",
    "standing-dumbbell-shoulder-press",
    "machine-shoulder-press",
    "barbell-overhead-press",
)
LATERAL_RAISES = (
    "dumbbell-lateral-raise",
    "cable-lateral-raise",
    "machine-lateral-raise",
    "resistance-band-lateral-raise",
    "lean-away-lateral-raise",
)
LEG_CURLS = (
    "lying-leg-curl",
    "seated-leg-curl",
    "nordic-hamstring-curl",
    "stability-ball-hamstring-curl",
    "slider-hamstring-curl",
)

QUERIES: tuple[Labelled, ...] = (
    # names, as typed
    q("romanian deadlift", ["romanian-deadlift"], RDLS),
    q(
        "deadlift",
        ["barbell-deadlift"],
        ["sumo-deadlift", "trap-bar-deadlift", "romanian-deadlift"],
    ),
    q("squat", ["barbell-back-squat", "bodyweight-squat", "goblet-squat"], ["barbell-front-squat"]),
    q("goblet squat", ["goblet-squat"]),
    q("front squat", ["barbell-front-squat"]),
    q("pistol squat", ["pistol-squat"], ["assisted-pistol-squat", "box-pistol-squat"]),
    q("leg press", ["leg-press"], ["single-leg-leg-press", "leg-press-calf-raise"]),
    q("leg curl", ["lying-leg-curl", "seated-leg-curl"]),
    q("lunges", ["forward-lunge", "reverse-lunge", "walking-lunge"], ["lateral-lunge"]),
    q("hip thrust", ["barbell-hip-thrust"], ["dumbbell-hip-thrust", "machine-hip-thrust"]),
    q("glute bridge", ["glute-bridge"], ["single-leg-glute-bridge", "frog-pump"]),
    q("calf raises", ["standing-calf-raise", "seated-calf-raise", "single-leg-calf-raise"]),
    q("face pulls", ["face-pull"], ["band-pull-apart"]),
    q("lat pulldown", ["lat-pulldown"], ["close-grip-lat-pulldown", "straight-arm-pulldown"]),
    q("seated row", ["seated-cable-row"], ["machine-row"]),
    q("t bar row", ["t-bar-row"]),
    q("inverted row", ["inverted-row"], ["ring-row"]),
    q("hammer curls", ["hammer-curl"]),
    q("preacher curl", ["preacher-curl"]),
    q("upright row", ["upright-row"]),
    q("shrugs", ["barbell-shrug", "dumbbell-shrug"], ["trap-bar-shrug", "cable-shrug"]),
    q("dips", ["parallel-bar-dip", "chest-dip"], ["bench-dip", "ring-dip", "weighted-dip"]),
    q("bench dips", ["bench-dip"]),
    q("incline bench", ["incline-barbell-bench-press", "incline-dumbbell-bench-press"]),
    q("close grip bench", ["close-grip-bench-press"]),
    q(
        "chest press",
        ["machine-chest-press", "resistance-band-chest-press", "dumbbell-bench-press"],
    ),
    q("cable fly", ["cable-crossover", "low-to-high-cable-fly"], ["cable-reverse-fly"]),
    q("pec deck", ["pec-deck-fly"], ["reverse-pec-deck"]),
    q("arnold press", ["arnold-press"]),
    q("rear delt fly", ["bent-over-reverse-dumbbell-fly", "cable-reverse-fly", "reverse-pec-deck"]),
    q(
        "overhead tricep extension",
        ["dumbbell-overhead-triceps-extension", "overhead-cable-triceps-extension"],
    ),
    q("plank", ["plank"], ["side-plank", "copenhagen-plank"]),
    q("hanging leg raises", ["hanging-leg-raise"], ["hanging-knee-raise", "toes-to-bar"]),
    q("ab wheel", ["kneeling-ab-wheel-rollout"], ["standing-ab-wheel-rollout"]),
    q("russian twists", ["russian-twist"]),
    q("dead bug", ["dead-bug"]),
    q("power clean", ["power-clean"], ["hang-power-clean"]),
    q("thrusters", ["barbell-thruster", "dumbbell-thruster"]),
    q("burpees", ["burpee"]),
    q("jumping jacks", ["jumping-jack"]),
    q("box jumps", ["box-jump"], ["depth-jump"]),
    q("pigeon stretch", ["pigeon-stretch"], ["figure-four-glute-stretch"]),
    q("childs pose", ["childs-pose"]),
    q("worlds greatest stretch", ["worlds-greatest-stretch"]),
    q("wall sit", ["wall-sit"]),
    # other names a lift goes by
    q("military press", ["barbell-overhead-press"], kind="alias"),
    q("hex bar deadlift", ["trap-bar-deadlift"], kind="alias"),
    q("farmers walk", ["farmers-carry"], ["suitcase-carry"], kind="alias"),
    q("hyperextension", ["back-extension"], kind="alias"),
    q("skull crushers", ["ez-bar-skull-crusher"], kind="alias"),
    q("trx row", ["ring-row"], ["inverted-row"], kind="alias"),
    q("rower", ["rowing-machine"], kind="alias"),
    q("stairmaster", ["stair-climber"], kind="alias"),
    q("nordic curl", ["nordic-hamstring-curl"], ["nordic-hamstring-negative"], kind="alias"),
    # abbreviations
    q("RDL", ["romanian-deadlift"], RDLS, kind="abbreviation"),
    q("GHR", ["glute-ham-raise"], kind="abbreviation"),
    q("SLDL", ["stiff-leg-deadlift"], kind="abbreviation"),
    q("OHP", ["barbell-overhead-press"], SHOULDER_PRESSES, kind="abbreviation"),
    q("BSS", ["bulgarian-split-squat"], ["split-squat"], kind="abbreviation"),
    q("HSPU", ["wall-handstand-push-up"], ["pike-push-up"], kind="abbreviation"),
    q("T2B", ["toes-to-bar"], kind="abbreviation"),
    q("db curl", ["dumbbell-curl"], ["hammer-curl", "incline-dumbbell-curl"], kind="abbreviation"),
    q("bb row", ["barbell-bent-over-row"], ["pendlay-row"], kind="abbreviation"),
    q("kb swing", ["kettlebell-swing"], kind="abbreviation"),
    q("ez curl", ["ez-bar-curl"], ["preacher-curl"], kind="abbreviation"),
    q("sl rdl", ["single-leg-romanian-deadlift"], kind="abbreviation"),
    q("db row", ["one-arm-dumbbell-row", "chest-supported-dumbbell-row"], kind="abbreviation"),
    # spacing, hyphens, plurals
    q("pullup", ["pull-up"], PULL_UPS, kind="spelling"),
    q("pull up", ["pull-up"], PULL_UPS, kind="spelling"),
    q("pull-ups", ["pull-up"], PULL_UPS, kind="spelling"),
    q("chinups", ["chin-up"], ["pull-up"], kind="spelling"),
    q("push ups", ["push-up"], PUSH_UPS, kind="spelling"),
    q("pushup", ["push-up"], PUSH_UPS, kind="spelling"),
    q("sit ups", ["sit-up"], ["crunch", "v-up"], kind="spelling"),
    q("benchpress", ["barbell-bench-press"], ["dumbbell-bench-press"], kind="spelling"),
    q("dead lift", ["barbell-deadlift"], ["sumo-deadlift", "trap-bar-deadlift"], kind="spelling"),
    q("skullcrusher", ["ez-bar-skull-crusher"], kind="spelling"),
    q("step ups", ["step-up", "dumbbell-step-up"], kind="spelling"),
    # typos
    q("romanain deadlift", ["romanian-deadlift"], RDLS, kind="typo"),
    q("bulgarain split squat", ["bulgarian-split-squat"], kind="typo"),
    q("dumbell bench press", ["dumbbell-bench-press"], kind="typo"),
    q("kettlebel swing", ["kettlebell-swing"], kind="typo"),
    q("lateral raies", LATERAL_RAISES, kind="typo"),
    q("hamstrng curl", LEG_CURLS, kind="typo"),
    q("shoudler press", SHOULDER_PRESSES, kind="typo"),
    q("tricpes pushdown", ["triceps-pushdown"], ["rope-triceps-pushdown"], kind="typo"),
    q("barbel row", ["barbell-bent-over-row"], ["pendlay-row"], kind="typo"),
    q("bicycle crunchs", ["bicycle-crunch"], kind="typo"),
    # intent: muscles, kit, body parts, difficulty
    q(
        "hamstring exercises at home",
        [
            "dumbbell-romanian-deadlift",
            "single-leg-romanian-deadlift",
            "stability-ball-hamstring-curl",
            "slider-hamstring-curl",
        ],
        ["standing-hamstring-stretch", "seated-hamstring-stretch", "dowel-hip-hinge"],
        kind="intent",
    ),
    q(
        "chest no equipment",
        ["push-up", "knee-push-up", "wall-push-up"],
        ["decline-push-up", "archer-push-up", "clap-push-up", "doorway-chest-stretch"],
        kind="intent",
    ),
    q(
        "dumbbell shoulder",
        [
            "seated-dumbbell-shoulder-press",
            "standing-dumbbell-shoulder-press",
            "dumbbell-lateral-raise",
            "arnold-press",
        ],
        ["dumbbell-front-raise", "bent-over-reverse-dumbbell-fly"],
        kind="intent",
    ),
    q("glutes with bands", ["banded-lateral-walk"], kind="intent"),
    q(
        "beginner core",
        ["plank", "dead-bug", "crunch", "bird-dog"],
        ["side-plank", "bicycle-crunch", "sit-up", "russian-twist", "hanging-knee-raise"],
        kind="intent",
    ),
    q(
        "back exercises no equipment",
        ["superman"],
        ["cat-cow", "childs-pose", "knees-to-chest-stretch", "thread-the-needle"],
        kind="intent",
    ),
    q(
        "leg workout at home",
        ["bodyweight-squat", "glute-bridge", "kettlebell-swing", "goblet-squat"],
        ["reverse-lunge", "forward-lunge", "walking-lunge", "bulgarian-split-squat"],
        kind="intent",
    ),
    q(
        "bicep exercises with dumbbells",
        ["dumbbell-curl", "hammer-curl"],
        ["incline-dumbbell-curl", "concentration-curl", "zottman-curl"],
        kind="intent",
    ),
    q("triceps no equipment", ["diamond-push-up"], ["overhead-triceps-stretch"], kind="intent"),
    q(
        "quad exercises",
        ["barbell-back-squat", "bodyweight-squat", "leg-press", "barbell-front-squat"],
        ["goblet-squat", "leg-extension", "bulgarian-split-squat"],
        kind="intent",
    ),
    q(
        "delts",
        ["barbell-overhead-press", "dumbbell-lateral-raise", "seated-dumbbell-shoulder-press"],
        ["face-pull", "arnold-press", "standing-dumbbell-shoulder-press"],
        kind="intent",
    ),
    q(
        "abs",
        ["crunch", "plank", "hanging-leg-raise", "dead-bug"],
        ["hanging-knee-raise", "kneeling-ab-wheel-rollout", "sit-up", "reverse-crunch"],
        kind="intent",
    ),
    q(
        "latissimus dorsi",
        ["pull-up", "lat-pulldown", "chin-up"],
        ["barbell-bent-over-row", "one-arm-dumbbell-row"],
        kind="intent",
    ),
    q(
        "gluteus maximus",
        ["barbell-hip-thrust", "glute-bridge"],
        ["kettlebell-swing", "sumo-deadlift", "dumbbell-hip-thrust", "cable-glute-kickback"],
        kind="intent",
    ),
    q(
        "rear delts",
        ["face-pull", "bent-over-reverse-dumbbell-fly", "reverse-pec-deck", "band-pull-apart"],
        ["cable-reverse-fly", "prone-t-raise"],
        kind="intent",
    ),
    q(
        "lower back stretch",
        ["childs-pose", "knees-to-chest-stretch", "cat-cow"],
        kind="intent",
    ),
    q(
        "calves",
        ["standing-calf-raise", "seated-calf-raise", "single-leg-calf-raise"],
        ["dumbbell-calf-raise", "leg-press-calf-raise"],
        kind="intent",
    ),
    q(
        "kettlebell",
        ["kettlebell-swing", "goblet-squat"],
        ["kettlebell-deadlift", "kettlebell-clean", "turkish-get-up", "kettlebell-snatch"],
        kind="intent",
    ),
    q(
        "cardio at home",
        ["burpee", "jumping-jack", "mountain-climber", "jump-rope", "high-knees"],
        kind="intent",
    ),
    q(
        "rotator cuff",
        [
            "band-external-rotation",
            "cable-external-rotation",
            "side-lying-dumbbell-external-rotation",
        ],
        ["band-internal-rotation", "sleeper-stretch", "prone-w-raise"],
        kind="intent",
    ),
    q(
        "inner thigh",
        [
            "hip-adduction-machine",
            "copenhagen-plank",
            "side-lying-hip-adduction",
            "cable-hip-adduction",
            "adductor-ball-squeeze",
        ],
        ["butterfly-stretch", "cossack-squat", "lateral-lunge"],
        kind="intent",
    ),
    q("hip flexor stretch", ["kneeling-hip-flexor-stretch", "couch-stretch"], kind="intent"),
    q(
        "neck exercises",
        ["chin-tuck", "four-way-neck-isometric", "lying-neck-flexion", "neck-side-stretch"],
        ["neck-harness-extension", "band-lateral-neck-flexion"],
        kind="intent",
    ),
    q(
        "olympic lifts",
        ["power-clean", "hang-power-clean", "power-snatch", "push-jerk"],
        kind="intent",
    ),
    q(
        "advanced push up",
        ["one-arm-push-up", "archer-push-up", "pseudo-planche-push-up"],
        kind="intent",
    ),
    q(
        "easy pull up",
        [
            "band-assisted-pull-up",
            "negative-pull-up",
            "scapular-pull-up",
            "machine-assisted-pull-up",
        ],
        kind="intent",
    ),
    q(
        "shoulder mobility",
        ["band-shoulder-dislocate", "wall-slide", "kettlebell-halo"],
        ["sleeper-stretch", "cross-body-shoulder-stretch"],
        kind="intent",
    ),
    q(
        "forearm grip",
        ["farmers-carry", "dead-hang", "wrist-curl", "plate-pinch", "reverse-curl"],
        ["reverse-wrist-curl", "wrist-roller"],
        kind="intent",
    ),
    q("cable chest", ["cable-crossover", "low-to-high-cable-fly"], kind="intent"),
    q(
        "plyometric legs",
        ["box-jump", "jump-squat", "broad-jump", "depth-jump", "tuck-jump", "jump-lunge"],
        kind="intent",
    ),
    q(
        "strongman",
        ["farmers-carry", "sandbag-carry", "sandbag-shouldering"],
        kind="intent",
    ),
    q(
        "stretches for hamstrings",
        ["standing-hamstring-stretch", "seated-hamstring-stretch"],
        kind="intent",
    ),
    q("upper back band", ["resistance-band-row", "band-pull-apart"], kind="intent"),
    # issue 15: rows for people without a bar of any kind
    q(
        "row without a bar",
        [*NO_BAR_ROWS, "seated-cable-row", "single-arm-cable-row", "machine-row"],
        kind="intent",
    ),
    q("rows at home", NO_BAR_ROWS, ["inverted-row"], kind="intent"),
)

Search = Callable[[str], Sequence[str]]  # query -> slugs, best first


def precision_at_1(queries: Iterable[Labelled], search: Search) -> float:
    """Share of queries whose first hit is one of the acceptable ones."""
    items = list(queries)
    good = sum(
        bool(found) and found[0] in item.top for item in items for found in [search(item.query)]
    )
    return good / len(items)


def recall_at_5(queries: Iterable[Labelled], search: Search) -> float:
    """Mean share of the relevant slugs (at most five) that appear in the first five hits."""
    items = list(queries)
    total = 0.0
    for item in items:
        found = set(search(item.query)[:5])
        total += len(found & item.relevant) / min(5, len(item.relevant))
    return total / len(items)


def misses(queries: Iterable[Labelled], search: Search) -> list[tuple[str, list[str]]]:
    """Queries whose first hit is not acceptable, with their first five hits."""
    out = []
    for item in queries:
        found = list(search(item.query)[:5])
        if not found or found[0] not in item.top:
            out.append((item.query, found))
    return out
