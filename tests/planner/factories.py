"""Planner test data: `make_exercise(**overrides)` and a small but realistic gym catalog."""

from __future__ import annotations

from typing import Any

from repforge.catalog import vocab
from repforge.catalog.catalog import Catalog
from repforge.catalog.model import Exercise
from repforge.planner.plan import Plan
from tests.factories import exercise_data


def make_exercise(**overrides: Any) -> Exercise:
    """A valid Exercise (a bodyweight squat unless overridden), without synergists or stresses."""
    target = overrides.get("target", "quads")
    defaults = {"body_part": vocab.MUSCLES[target].body_part, "secondary": [], "stresses": []}
    return Exercise.model_validate(exercise_data(**{**defaults, **overrides}))


def _ex(slug: str, target: str, pattern: str, secondary: str = "", **kw: Any) -> Exercise:
    # secondary as "glutes:.5 abs:.25" keeps the table below readable.
    pairs = [part.split(":") for part in secondary.split()]
    kw["secondary"] = [{"muscle": m, "weight": float(w)} for m, w in pairs]
    kit = kw.pop("kit", None)
    options = kw.pop("options", None)
    if kit or options:
        kw["equipment"] = {"required": kit or [], "options": options or []}
    iso = kw.pop("iso", False)
    kw.setdefault("mechanic", "isolation" if iso else "compound")
    return make_exercise(slug=slug, target=target, pattern=pattern, **kw)


DB = ["dumbbell"]
EXT = {"load": "external"}
ROWS: list[Exercise] = [
    # squat and lunge
    _ex("bodyweight-squat", "quads", "squat", "glutes:.5 adductors:.25", stresses=["knees"], popularity=4),
    _ex("goblet-squat", "quads", "squat", "glutes:.5 abs:.25", options=["dumbbell", "kettlebell"], stresses=["knees"], popularity=4, **EXT),
    _ex("barbell-back-squat", "quads", "squat", "glutes:.5 adductors:.5 lower-back:.25", kit=["barbell", "squat-rack"], difficulty="intermediate", stresses=["knees", "lower-back"], popularity=5, **EXT),
    _ex("leg-press", "quads", "squat", "glutes:.5", kit=["leg-press-machine"], stresses=["knees"], popularity=4, **EXT),
    _ex("pistol-squat", "quads", "squat", "glutes:.5", difficulty="advanced", laterality="unilateral", stresses=["knees"], easier=["bodyweight-squat"], eccentric_entry=True),
    _ex("reverse-lunge", "quads", "lunge", "glutes:.5 adductors:.25", laterality="alternating", stresses=["knees"], popularity=4),
    _ex("bulgarian-split-squat", "quads", "lunge", "glutes:.5", kit=["bench"], laterality="unilateral", difficulty="intermediate", stresses=["knees"], popularity=4),
    _ex("leg-extension", "quads", "knee-extension", kit=["leg-extension-machine"], iso=True, stresses=["knees"], popularity=4, **EXT),
    # hinge and hip extension
    _ex("romanian-deadlift", "hamstrings", "hinge", "glutes:.5 lower-back:.5", kit=["barbell"], difficulty="intermediate", stresses=["lower-back"], force="pull", popularity=5, **EXT),
    _ex("dumbbell-romanian-deadlift", "hamstrings", "hinge", "glutes:.5 lower-back:.5", kit=DB, stresses=["lower-back"], force="pull", popularity=4, **EXT),
    _ex("barbell-deadlift", "lower-back", "hinge", "glutes:.5 hamstrings:.5 quads:.25 traps:.25 forearms:.25", kit=["barbell"], difficulty="intermediate", stresses=["lower-back"], force="pull", popularity=5, **EXT),
    _ex("glute-bridge", "glutes", "hip-extension", "hamstrings:.25", popularity=4),
    _ex("barbell-hip-thrust", "glutes", "hip-extension", "hamstrings:.25", kit=["barbell", "bench"], popularity=4, **EXT),
    _ex("back-extension", "lower-back", "hinge", "glutes:.5 hamstrings:.5", kit=["back-extension-bench"], stresses=["lower-back"], force="pull"),
    _ex("kettlebell-swing", "glutes", "hinge", "hamstrings:.5 lower-back:.25", kit=["kettlebell"], difficulty="intermediate", stresses=["lower-back"], force="pull", popularity=4, **EXT),
    _ex("superman", "lower-back", "hip-extension", "glutes:.25", force="static", popularity=2),
    # knee flexion and calves
    _ex("lying-leg-curl", "hamstrings", "knee-flexion", "calves:.25", kit=["lying-leg-curl-machine"], iso=True, force="pull", popularity=4, **EXT),
    _ex("slider-hamstring-curl", "hamstrings", "knee-flexion", "glutes:.25", kit=["sliders"], force="pull", popularity=2),
    _ex("nordic-hamstring-curl", "hamstrings", "knee-flexion", "calves:.25", difficulty="advanced", easier=["slider-hamstring-curl"], eccentric_entry=True, stresses=["knees"], force="pull"),
    _ex("standing-calf-raise", "calves", "calf-raise", kit=["calf-raise-machine"], iso=True, stresses=["ankles"], popularity=4, **EXT),
    _ex("single-leg-calf-raise", "calves", "calf-raise", iso=True, laterality="unilateral", stresses=["ankles"]),
    # chest and triceps
    _ex("push-up", "chest", "horizontal-push", "triceps:.5 front-delts:.5 abs:.25", easier=["incline-push-up"], stresses=["wrists"], popularity=5),
    _ex("incline-push-up", "chest", "horizontal-push", "triceps:.5 front-delts:.5", stresses=["wrists"]),
    _ex("archer-push-up", "chest", "horizontal-push", "triceps:.5 front-delts:.5", difficulty="advanced", easier=["push-up"], stresses=["wrists", "shoulders"], popularity=2),
    _ex("barbell-bench-press", "chest", "horizontal-push", "triceps:.5 front-delts:.5", kit=["barbell", "bench"], difficulty="intermediate", stresses=["shoulders"], popularity=5, **EXT),
    _ex("dumbbell-bench-press", "chest", "horizontal-push", "triceps:.5 front-delts:.5", kit=["dumbbell", "bench"], stresses=["shoulders"], popularity=5, **EXT),
    _ex("machine-chest-press", "chest", "horizontal-push", "triceps:.5 front-delts:.5", kit=["chest-press-machine"], **EXT),
    _ex("dumbbell-fly", "chest", "chest-fly", "front-delts:.25", kit=["dumbbell", "bench"], iso=True, stresses=["shoulders"], **EXT),
    _ex("cable-crossover", "chest", "chest-fly", "front-delts:.25", kit=["cable-machine"], iso=True, **EXT),
    _ex("bench-dip", "triceps", "elbow-extension", "chest:.25 front-delts:.25", kit=["bench"], stresses=["shoulders"]),
    _ex("parallel-bar-dip", "triceps", "elbow-extension", "chest:.5 front-delts:.5", kit=["dip-station"], difficulty="intermediate", easier=["bench-dip"], eccentric_entry=True, stresses=["shoulders"], popularity=4),
    _ex("triceps-pushdown", "triceps", "elbow-extension", kit=["cable-machine"], iso=True, stresses=["elbows"], popularity=4, **EXT),
    _ex("dumbbell-overhead-triceps-extension", "triceps", "elbow-extension", kit=DB, iso=True, stresses=["elbows"], **EXT),
    _ex("diamond-push-up", "triceps", "horizontal-push", "chest:.5 front-delts:.25", difficulty="intermediate", easier=["push-up"], stresses=["wrists"]),
    # shoulders
    _ex("barbell-overhead-press", "front-delts", "vertical-push", "triceps:.5 side-delts:.5 abs:.25", kit=["barbell"], difficulty="intermediate", stresses=["shoulders", "lower-back"], popularity=5, **EXT),
    _ex("seated-dumbbell-shoulder-press", "front-delts", "vertical-push", "triceps:.5 side-delts:.5", kit=["dumbbell", "bench"], stresses=["shoulders"], popularity=4, **EXT),
    _ex("pike-push-up", "front-delts", "vertical-push", "triceps:.5 side-delts:.25", difficulty="intermediate", easier=["push-up"], stresses=["wrists", "shoulders"]),
    _ex("resistance-band-overhead-press", "front-delts", "vertical-push", "triceps:.5 side-delts:.5", kit=["resistance-band"], stresses=["shoulders"], popularity=2, **EXT),
    _ex("dumbbell-lateral-raise", "side-delts", "lateral-raise", "traps:.25", kit=DB, iso=True, popularity=5, **EXT),
    _ex("cable-lateral-raise", "side-delts", "lateral-raise", kit=["cable-machine"], iso=True, **EXT),
    _ex("resistance-band-lateral-raise", "side-delts", "lateral-raise", kit=["resistance-band"], iso=True, popularity=2, **EXT),
    _ex("face-pull", "rear-delts", "reverse-fly", "upper-back:.5 rotator-cuff:.5", options=["cable-machine", "resistance-band"], force="pull", popularity=4, **EXT),
    _ex("bent-over-reverse-dumbbell-fly", "rear-delts", "reverse-fly", "upper-back:.5", kit=DB, iso=True, force="pull", **EXT),
    _ex("prone-t-raise", "rear-delts", "reverse-fly", "upper-back:.5", iso=True, force="pull", popularity=2),
    # back, biceps, forearms
    _ex("pull-up", "lats", "vertical-pull", "biceps:.5 upper-back:.5 rear-delts:.25 forearms:.25", kit=["pull-up-bar"], difficulty="intermediate", easier=["band-assisted-pull-up", "scapular-pull-up"], eccentric_entry=True, force="pull", popularity=5),
    _ex("chin-up", "lats", "vertical-pull", "biceps:.5 upper-back:.5", kit=["pull-up-bar"], difficulty="intermediate", easier=["band-assisted-pull-up"], eccentric_entry=True, force="pull", popularity=4),
    _ex("band-assisted-pull-up", "lats", "vertical-pull", "biceps:.5 upper-back:.5", kit=["pull-up-bar", "resistance-band"], load="assisted", force="pull"),
    _ex("scapular-pull-up", "lats", "vertical-pull", "upper-back:.5", kit=["pull-up-bar"], force="pull", popularity=2),
    _ex("lat-pulldown", "lats", "vertical-pull", "biceps:.5 upper-back:.5 rear-delts:.25", kit=["lat-pulldown-machine"], force="pull", popularity=5, **EXT),
    _ex("inverted-row", "upper-back", "horizontal-pull", "lats:.5 biceps:.5 rear-delts:.5", options=["squat-rack", "smith-machine", "rings", "suspension-trainer"], force="pull", popularity=4),
    _ex("resistance-band-row", "upper-back", "horizontal-pull", "lats:.5 biceps:.5 rear-delts:.25", kit=["resistance-band"], force="pull", **EXT),
    _ex("barbell-bent-over-row", "lats", "horizontal-pull", "upper-back:.5 biceps:.5 rear-delts:.5 lower-back:.25", kit=["barbell"], difficulty="intermediate", stresses=["lower-back"], force="pull", popularity=5, **EXT),
    _ex("one-arm-dumbbell-row", "lats", "horizontal-pull", "upper-back:.5 biceps:.5 rear-delts:.25", kit=["dumbbell", "bench"], laterality="unilateral", force="pull", popularity=5, **EXT),
    _ex("seated-cable-row", "upper-back", "horizontal-pull", "lats:.5 biceps:.5 rear-delts:.5", kit=["cable-machine"], force="pull", popularity=4, **EXT),
    _ex("chest-supported-dumbbell-row", "upper-back", "horizontal-pull", "lats:.5 biceps:.5 rear-delts:.5", kit=["dumbbell", "bench"], force="pull", **EXT),
    _ex("dumbbell-shrug", "traps", "shrug", "forearms:.25", kit=DB, iso=True, force="pull", **EXT),
    _ex("barbell-shrug", "traps", "shrug", "forearms:.25", kit=["barbell"], iso=True, force="pull", **EXT),
    _ex("barbell-curl", "biceps", "elbow-flexion", "forearms:.25", kit=["barbell"], iso=True, force="pull", stresses=["elbows"], popularity=5, **EXT),
    _ex("dumbbell-curl", "biceps", "elbow-flexion", "forearms:.25", kit=DB, iso=True, force="pull", popularity=5, **EXT),
    _ex("hammer-curl", "biceps", "elbow-flexion", "forearms:.5", kit=DB, iso=True, force="pull", popularity=4, **EXT),
    _ex("cable-curl", "biceps", "elbow-flexion", "forearms:.25", kit=["cable-machine"], iso=True, force="pull", **EXT),
    _ex("resistance-band-curl", "biceps", "elbow-flexion", kit=["resistance-band"], iso=True, force="pull", popularity=2, **EXT),
    _ex("farmers-carry", "forearms", "carry", "traps:.5 upper-back:.25 abs:.25 obliques:.25", options=["dumbbell", "kettlebell"], category="strongman", tracking="distance", force="static", popularity=4, **EXT),
    _ex("suitcase-carry", "obliques", "carry", "forearms:.5 abs:.25", options=["dumbbell", "kettlebell"], tracking="distance", force="static", laterality="unilateral", **EXT),
    # core
    _ex("plank", "abs", "anti-extension", "obliques:.5", iso=True, tracking="time", force="static", popularity=5),
    _ex("dead-bug", "abs", "anti-extension", "obliques:.25 hip-flexors:.25", iso=True, force="static", popularity=4),
    _ex("side-plank", "obliques", "anti-lateral-flexion", "abs:.25", iso=True, tracking="time", force="static", laterality="unilateral", popularity=4),
    _ex("pallof-press", "obliques", "anti-rotation", "abs:.5", options=["cable-machine", "resistance-band"], iso=True, force="static", **EXT),
    _ex("hanging-leg-raise", "abs", "trunk-flexion", "hip-flexors:.5 obliques:.25", kit=["pull-up-bar"], difficulty="intermediate", easier=["lying-leg-raise"], iso=True, force="pull", popularity=4),
    _ex("lying-leg-raise", "hip-flexors", "hip-flexion", "abs:.5", iso=True, force="pull"),
    _ex("crunch", "abs", "trunk-flexion", "obliques:.25", iso=True, force="pull", popularity=4),
    _ex("cable-crunch", "abs", "trunk-flexion", "obliques:.25", kit=["cable-machine"], iso=True, force="pull", **EXT),
    _ex("kneeling-ab-wheel-rollout", "abs", "anti-extension", "lats:.25 obliques:.25", kit=["ab-wheel"], difficulty="intermediate", stresses=["lower-back"], force="static"),
    # not hard-set work: warm-up, mobility and conditioning
    _ex("cat-cow", "lower-back", "mobility", category="mobility", tracking="time", force="static", popularity=4),
    _ex("worlds-greatest-stretch", "hip-flexors", "stretch", "hamstrings:.25", category="stretching", tracking="time", force="static", popularity=3),
    _ex("doorway-chest-stretch", "chest", "stretch", category="stretching", tracking="time", force="static", iso=True),
    _ex("brisk-walking", "cardiovascular-system", "locomotion", category="cardio", tracking="time", force="push", popularity=4),
    _ex("stationary-bike", "cardiovascular-system", "locomotion", "quads:.25", kit=["stationary-bike"], category="cardio", tracking="time", popularity=4),
    _ex("jump-squat", "quads", "jump", "glutes:.5 calves:.25", category="plyometrics", stresses=["knees"], popularity=3),
]  # fmt: skip


def gym_catalog(*extra: Exercise, without: tuple[str, ...] = ()) -> Catalog:
    """The test gym: every row above (minus `without`) plus `extra`."""
    rows = [e for e in ROWS if e.slug not in without]
    return Catalog([*rows, *extra], version="test")


def exercise(
    slug: str, sets: int = 3, reps: tuple[int, int] = (8, 12), **extra: Any
) -> dict[str, Any]:
    """One plan exercise as JSON data."""
    data: dict[str, Any] = {
        "slug": slug,
        "sets": sets,
        "reps": list(reps),
        "rir": 2,
        "rest_seconds": 90,
    }
    data.update(extra)
    return data


def hand_plan(profile: dict[str, Any], weeks: list[list[tuple[str, list[dict[str, Any]]]]]) -> Plan:
    """A plan built by hand: weeks of (day, exercises); every week is an accumulation week."""
    return Plan.model_validate(
        {
            "profile": profile,
            "optimal": True,
            "weeks": [
                {
                    "week": index + 1,
                    "deload": False,
                    "sessions": [
                        {"day": day, "name": day, "estimated_minutes": 0, "exercises": items}
                        for day, items in sessions
                    ],
                }
                for index, sessions in enumerate(weeks)
            ],
        }
    )
