"""Fill in the classification a source lacks, from the name and muscles, naming each rule used."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from repforge.catalog import vocab
from repforge.catalog.importers.report import ImportReport
from repforge.catalog.names import normalise


@dataclass
class Facts:
    """What a source said about one exercise, in our vocabulary; None or empty = not said."""

    name: str
    body_part: str | None = None
    target: Sequence[str] = ()  # the crosswalk's muscles for the source target, main first
    secondary: Sequence[str] = ()
    equipment: Sequence[str] = ()
    category: str | None = None
    difficulty: str | None = None
    mechanic: str | None = None
    force: str | None = None


# (regex, pattern) by name, first match wins: specific phrases before the words they contain.
# fmt: off
_NAME_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"foam roll(er)? (?!thoracic)|massage ball|lacrosse ball|cars|rock ?back|open book"
     r"|inchworms?|leg swings?|arm circles?", "mobility"),
    (r"tibialis|tib raise", "calf-raise"),
    (r"tree pose", "balance"),
    (r"chair pose", "squat"),
    (r"warrior ii", "lunge"),
    (r"pose|warrior i|low lunge|forward fold|happy baby|facing dog", "stretch"),
    (r"curl ?ups?", "anti-extension"),
    (r"hip hikes?|pelvic drops?", "hip-abduction"),
    (r"quad sets?", "knee-extension"),
    (r"stretch", "stretch"),
    (r"clean|snatch|jerk", "olympic-lift"),
    (r"carry|farmer|yoke|suitcase walk", "carry"),
    (r"calf|calves|heel raise|donkey raise", "calf-raise"),
    (r"leg extension|reverse nordic|sissy squat", "knee-extension"),
    (r"(leg|lying|seated|hamstring|ham|nordic|swiss ball|ball) curl|glute ham|nordic",
     "knee-flexion"),
    (r"wrist|finger|forearm|gripper|pinch|grip (hold|strength|trainer)", "wrist"),
    (r"shrug", "shrug"),
    (r"face pull|reverse (\w+ )?(fly|flye|flyes|pec deck)|rear (delt|lateral)"
     r"|bent over (lateral|raise)|y raise", "reverse-fly"),
    (r"upright row|lateral raise|side raise|lateral delt|side lateral", "lateral-raise"),
    (r"front raise|front (plate|dumbbell|barbell|cable) raise", "front-raise"),
    (r"(external|internal) rotation|rotator cuff|cuban", "shoulder-rotation"),
    (r"fly|flys|flye|flyes|crossover|pec deck|butterfly", "chest-fly"),
    (r"triceps?|pushdown|push down|skull ?crusher|french press", "elbow-extension"),
    (r"dead hang|pull ?ups?|pullups?|chin ?ups?|chinups?|pull ?downs?|pulldowns?|muscle ?ups?"
     r"|lat pull", "vertical-pull"),
    (r"rowing machine|rower|ergometer|ski ?erg|sled (push|drag|pull)", "locomotion"),
    (r"thread the needle|wall slides?|thoracic|90 90|ankle mobili[sz]ation", "mobility"),
    (r"rows?|rowing", "horizontal-pull"),
    (r"deadlift|good ?mornings?|rdl|romanian|swings?|pull ?through|hip hinge|stiff leg"
     r"|rack pull", "hinge"),
    (r"hip thrust|bridges?|hyperextensions?|back extensions?|reverse hyper|kickbacks?"
     r"|donkey kick|hip extension", "hip-extension"),
    (r"jumping jacks?|jump rope|skipping", "locomotion"),
    (r"jumps?|jumping|hops?|hopping|bounds?|burpees?|plyo|skaters?", "jump"),
    (r"lunges?|split squat|step ?ups?|stepups?|bulgarian", "lunge"),
    (r"squats?|leg press|hack|wall sit|pistol", "squat"),
    (r"overhead press|shoulder press|military press|push press|arnold|pike|handstand"
     r"|landmine press|dips?", "vertical-push"),
    (r"bench press|chest press|floor press|push ?ups?|pushups?|press ?ups?", "horizontal-push"),
    (r"curls?", "elbow-flexion"),
    (r"toes to bar|leg raises?|knee raises?|knee tucks?|flutter kicks?|scissors?|l ?sit",
     "hip-flexion"),
    (r"crunch(es)?|sit ?ups?|situps?|v ?ups?|jackknife|toe touch", "trunk-flexion"),
    (r"side plank|side bend", "anti-lateral-flexion"),
    (r"pallof|anti rotation", "anti-rotation"),
    (r"planks?|rollouts?|roll ?outs?|ab wheel|dead ?bugs?|hollow|body saw", "anti-extension"),
    (r"twists?|wood ?chops?|russian|rotations?|windmills?", "rotation"),
    (r"abduction|abductors?|clamshells?|clams?|fire hydrants?|lateral walk|monster walk"
     r"|band walk", "hip-abduction"),
    (r"adduction|adductors?|copenhagen", "hip-adduction"),
    (r"neck", "neck"),
    (r"run|running|jog|jogging|sprints?|walk|walking|treadmill|bike|bicycle|cycling|elliptical"
     r"|stairs?|stepmill|crawl|swim|climbers?", "locomotion"),
    (r"balance|stork", "balance"),
    (r"circles?|mobility|cat cow|dislocates?|halo", "mobility"),
)
# fmt: on
_COMPILED = tuple((re.compile(rf"\b(?:{rx})\b"), pattern) for rx, pattern in _NAME_PATTERNS)

# Muscle words in a name, for records that name no target muscle.
_NAME_MUSCLES: tuple[tuple[str, str], ...] = (
    (r"hamstrings?", "hamstrings"),
    (r"quads?|quadriceps", "quads"),
    (r"tibialis|tib|shins?", "tibialis"),
    (r"calf|calves", "calves"),
    (r"glutes?|gluteal|butt", "glutes"),
    (r"hip flexors?|psoas", "hip-flexors"),
    (r"adductors?|groin|inner thigh", "adductors"),
    (r"abductors?", "abductors"),
    (r"lower back", "lower-back"),
    (r"upper back|rhomboids?", "upper-back"),
    (r"chest|pecs?|pectorals?", "chest"),
    (r"triceps?", "triceps"),
    (r"biceps?", "biceps"),
    (r"lats?|latissimus", "lats"),
    (r"traps?|trapezius", "traps"),
    (r"rotator cuff", "rotator-cuff"),
    (r"rear delts?", "rear-delts"),
    (r"shoulders?|delts?|deltoids?", "front-delts"),
    (r"neck", "neck"),
    (r"obliques?", "obliques"),
    (r"abs|abdominals?|core", "abs"),
    (r"forearms?|wrists?|grip", "forearms"),
)
_MUSCLE_WORDS = tuple((re.compile(rf"\b(?:{rx})\b"), muscle) for rx, muscle in _NAME_MUSCLES)


def _words_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# fmt: off
# The muscle a pattern usually targets, and the pattern a muscle is usually trained with.
PATTERN_TARGET: Mapping[str, str] = {
    "squat": "quads", "hinge": "glutes", "lunge": "quads", "hip-extension": "glutes",
    "knee-flexion": "hamstrings", "knee-extension": "quads", "horizontal-push": "chest",
    "vertical-push": "front-delts", "horizontal-pull": "upper-back", "vertical-pull": "lats",
    "chest-fly": "chest", "reverse-fly": "rear-delts", "lateral-raise": "side-delts",
    "front-raise": "front-delts", "shoulder-rotation": "rotator-cuff", "shrug": "traps",
    "elbow-flexion": "biceps", "elbow-extension": "triceps", "wrist": "forearms",
    "trunk-flexion": "abs", "hip-flexion": "hip-flexors", "anti-extension": "abs",
    "anti-rotation": "obliques", "anti-lateral-flexion": "obliques", "rotation": "obliques",
    "calf-raise": "calves", "hip-abduction": "abductors", "hip-adduction": "adductors",
    "neck": "neck", "carry": "forearms", "locomotion": "cardiovascular-system", "jump": "quads",
    "olympic-lift": "glutes",
}
MUSCLE_PATTERN: Mapping[str, str] = {
    "chest": "horizontal-push", "front-delts": "vertical-push", "side-delts": "lateral-raise",
    "rear-delts": "reverse-fly", "rotator-cuff": "shoulder-rotation", "biceps": "elbow-flexion",
    "triceps": "elbow-extension", "forearms": "wrist", "lats": "vertical-pull",
    "upper-back": "horizontal-pull", "traps": "shrug", "lower-back": "hip-extension",
    "abs": "trunk-flexion", "obliques": "rotation", "hip-flexors": "hip-flexion",
    "glutes": "hip-extension", "abductors": "hip-abduction", "adductors": "hip-adduction",
    "quads": "squat", "hamstrings": "knee-flexion", "calves": "calf-raise", "neck": "neck",
    "cardiovascular-system": "locomotion", "tibialis": "calf-raise",
}
BODY_PART_TARGET: Mapping[str, str] = {
    "arms": "biceps", "back": "lats", "cardio": "cardiovascular-system", "chest": "chest",
    "core": "abs", "legs": "quads", "neck": "neck", "shoulders": "side-delts",
    "full-body": "quads",
}
_CATEGORY_PATTERN = {"stretching": "stretch", "mobility": "mobility", "balance": "balance",
                     "plyometrics": "jump", "cardio": "locomotion", "olympic": "olympic-lift"}
_PATTERN_CATEGORY = {"stretch": "stretching", "mobility": "mobility", "balance": "balance",
                     "jump": "plyometrics", "olympic-lift": "olympic"}
# Joints each pattern loads; conservative so that injury filters err on the safe side.
PATTERN_STRESSES: Mapping[str, tuple[str, ...]] = {
    "squat": ("knees", "hips"), "hinge": ("lower-back", "hips"), "lunge": ("knees", "hips"),
    "hip-extension": ("lower-back", "hips"), "knee-flexion": ("knees",),
    "knee-extension": ("knees",), "horizontal-push": ("shoulders", "wrists", "elbows"),
    "vertical-push": ("shoulders", "elbows", "wrists"), "horizontal-pull": ("shoulders", "lower-back"),
    "vertical-pull": ("shoulders", "elbows"), "chest-fly": ("shoulders",),
    "reverse-fly": ("shoulders",), "lateral-raise": ("shoulders",), "front-raise": ("shoulders",),
    "shoulder-rotation": ("shoulders",), "shrug": ("neck",), "elbow-flexion": ("elbows",),
    "elbow-extension": ("elbows",), "wrist": ("wrists",), "trunk-flexion": ("lower-back", "neck"),
    "hip-flexion": ("lower-back",), "anti-extension": ("lower-back", "shoulders"),
    "rotation": ("lower-back",), "calf-raise": ("ankles",), "neck": ("neck",),
    "carry": ("lower-back",), "locomotion": ("knees", "ankles"), "jump": ("knees", "ankles"),
    "olympic-lift": ("lower-back", "wrists", "knees", "shoulders"),
    "hip-abduction": ("hips",), "hip-adduction": ("hips",),
}
# fmt: on
_ISOLATION = _words_set(
    "knee-flexion knee-extension chest-fly reverse-fly lateral-raise front-raise shrug wrist"
    " shoulder-rotation elbow-flexion elbow-extension calf-raise hip-abduction hip-adduction"
    " neck stretch trunk-flexion"
)
_PULL = _words_set(
    "hinge knee-flexion horizontal-pull vertical-pull reverse-fly shoulder-rotation shrug wrist"
    " elbow-flexion trunk-flexion hip-flexion rotation olympic-lift"
)
_STATIC = _words_set(
    "anti-extension anti-rotation anti-lateral-flexion carry stretch balance mobility"
)
_UNILATERAL = re.compile(
    r"\b(single|one|1) ?(arm|leg|legged|hand|handed|side|sided)\b|\bunilateral\b|\bsingle\b"
    r"|\bpistol\b|\bsplit squat\b|\bbulgarian\b|\bstep ?ups?\b|\bkickbacks?\b|\bconcentration\b"
    r"|\bwindmill\b|\bside bend\b|\bwood ?chop\b|\bfire hydrant\b|\bclamshell\b|\blean away\b"
)
_ALTERNATING = re.compile(
    r"\balternat\w*|\blunges?\b|\bwalking\b|\brunning\b|\bcrawl\b|\bmarch\w*|\bclimbers?\b"
    r"|\bbicycle\b|\bbird dog\b|\bdead bug\b|\bhigh knees\b|\barcher\b|\bcossack\b|\bflutter\b"
)
# Patterns usually done one side at a time (cable abduction, band rotations).
_ONE_SIDE_PATTERNS = frozenset({"shoulder-rotation", "hip-abduction", "hip-adduction"})
_TIMED = re.compile(r"\b(hold|hang|isometric|static|wall sit|plank)\b")
_DISTANCE = re.compile(r"\b(sprints?|run|running|walk|walking|crawl|sled|carry|farmer)\b")
_ADVANCED = re.compile(
    r"\b(pistol|muscle ?ups?|planche|front lever|back lever|dragon flag|human flag|handstand"
    r"|one arm (pull|push|chin)|snatch|clean and jerk|ring dips?|depth jump)\b"
)
_BEGINNER = re.compile(r"\b(assisted|wall|knee push ?ups?|kneeling|machine|band|banded)\b")
_SKILLED = frozenset({"jump", "olympic-lift"})
_SKILLED_KIT = frozenset({"barbell", "kettlebell", "trap-bar", "rings"})
_SKILLED_NAME = re.compile(r"\b(pull ?ups?|chin ?ups?|dips?|hanging)\b")
_OVERHEAD = re.compile(r"\b(overhead|handstand|push ?ups?|planks?|crawl)\b")
_LOADED_KINDS = frozenset({"free-weight", "machine"})
_LOADED = frozenset({"resistance-band", "mini-band", "sled", "battle-ropes", "rowing-machine"})


def name_pattern(name: str) -> tuple[str, str] | None:
    """(pattern, rule) from words in the name, or None."""
    words = normalise(name)
    for regex, pattern in _COMPILED:
        match = regex.search(words)
        if match:
            return pattern, f"name says {match.group(0)!r}"
    return None


def name_muscle(name: str) -> str | None:
    words = normalise(name)
    return next((m for regex, m in _MUSCLE_WORDS if regex.search(words)), None)


def _note(report: ImportReport, field_name: str, rule: str) -> None:
    report.inference(field_name, rule)


def _same_region(muscle: str, options: Sequence[str]) -> bool:
    return all(vocab.MUSCLES[muscle].group == vocab.MUSCLES[o].group for o in options)


def _pick_target(
    facts: Facts, pattern: str | None, report: ImportReport
) -> tuple[str, bool] | None:
    """The target, and whether the source's other target muscles drop out of the secondaries."""
    options = list(facts.target)
    if options:
        usual = PATTERN_TARGET.get(pattern or "")
        if usual is not None and usual != options[0] and usual in options[1:]:
            # several target muscles (glutes and quads): the movement says which leads
            _note(report, "target", f"{pattern} leads with the {usual} of the source's targets")
            return usual, False
        broad = len(options) > 1  # one crosswalk word for several of our muscles
        if broad and usual is not None and usual not in options and _same_region(usual, options):
            # a region (shoulders = front and side delts) narrowed to the part the movement works
            _note(report, "target", f"{pattern} narrows the source's muscle to the {usual}")
            return usual, True
        return options[0], False
    found = name_muscle(facts.name)
    if found:
        _note(report, "target", "muscle named in the exercise name")
        return found, False
    if pattern is not None and pattern in PATTERN_TARGET:
        _note(report, "target", f"usual target of {pattern}")
        return PATTERN_TARGET[pattern], False
    if facts.secondary:
        _note(report, "target", "first secondary muscle promoted")
        return facts.secondary[0], False
    if facts.body_part:
        _note(report, "target", f"usual target for body part {facts.body_part}")
        return BODY_PART_TARGET[facts.body_part], False
    return None


def _pattern(facts: Facts, report: ImportReport) -> str | None:
    if facts.category in ("stretching", "mobility"):
        _note(report, "pattern", f"category {facts.category}")
        return _CATEGORY_PATTERN[facts.category]
    found = name_pattern(facts.name)
    if found:
        _note(report, "pattern", found[1])
        return found[0]
    if facts.category in _CATEGORY_PATTERN:
        _note(report, "pattern", f"category {facts.category}")
        return _CATEGORY_PATTERN[facts.category]
    return None


def complete(facts: Facts, report: ImportReport) -> dict[str, Any] | None:
    """Every classification field, from the source where it spoke and by rule otherwise."""
    pattern = _pattern(facts, report)
    picked = _pick_target(facts, pattern, report)
    if picked is None:
        return None
    target, narrowed = picked
    if pattern is None:
        pattern = MUSCLE_PATTERN[target]
        _note(report, "pattern", f"usual pattern for target {target}")
    others = [] if narrowed else list(facts.target)
    secondary = [m for m in (*others, *facts.secondary) if m != target]
    words = normalise(facts.name)
    return {
        "pattern": pattern,
        "target": target,
        "secondary": list(dict.fromkeys(secondary)),
        "body_part": facts.body_part or _body_part(target, pattern, report),
        "category": facts.category or _category(pattern, target, report),
        "mechanic": facts.mechanic or _mechanic(pattern, report, words),
        "force": facts.force or _force(pattern, report),
        "laterality": _laterality(words, pattern, report),
        "tracking": _tracking(words, pattern, report),
        "load": _load(words, facts.equipment, report),
        "difficulty": facts.difficulty or _difficulty(words, pattern, facts.equipment, report),
        "stresses": _stresses(words, pattern, facts.equipment, report),
    }


def _body_part(target: str, pattern: str, report: ImportReport) -> str:
    if pattern == "olympic-lift":
        _note(report, "body_part", "olympic lifts are full-body")
        return "full-body"
    part = vocab.MUSCLES[target].body_part
    _note(report, "body_part", f"body part of target {target}")
    return part


def _category(pattern: str, target: str, report: ImportReport) -> str:
    if pattern in _PATTERN_CATEGORY:
        _note(report, "category", f"pattern {pattern}")
        return _PATTERN_CATEGORY[pattern]
    if target == "cardiovascular-system":
        _note(report, "category", "cardiovascular target")
        return "cardio"
    _note(report, "category", "strength by default")
    return "strength"


# Whole-body yoga holds bend several joints at once even though the pattern is a stretch.
_COMPOUND_HOLD = re.compile(r"\b(?:pose|warrior|lunge|fold|dog)\b")
# Rolling one muscle, or circling and swinging one joint, is a single-joint drill.
_ISOLATION_DRILL = re.compile(r"\b(?:foam roll|massage ball|lacrosse ball|cars|circles?|swings?)\b")


def _mechanic(pattern: str, report: ImportReport, words: str = "") -> str:
    mechanic = "isolation" if pattern in _ISOLATION else "compound"
    if pattern == "stretch" and _COMPOUND_HOLD.search(words):
        mechanic = "compound"
    if pattern == "mobility" and _ISOLATION_DRILL.search(words):
        mechanic = "isolation"
    _note(report, "mechanic", f"{pattern} is {mechanic}")
    return mechanic


def _force(pattern: str, report: ImportReport) -> str:
    force = "pull" if pattern in _PULL else "static" if pattern in _STATIC else "push"
    _note(report, "force", f"{pattern} is {force}")
    return force


def _laterality(words: str, pattern: str, report: ImportReport) -> str:
    if _UNILATERAL.search(words):
        _note(report, "laterality", "name says one side")
        return "unilateral"
    if _ALTERNATING.search(words):
        _note(report, "laterality", "name says alternating")
        return "alternating"
    if pattern in _ONE_SIDE_PATTERNS:
        _note(report, "laterality", f"{pattern} is usually one side at a time")
        return "unilateral"
    if pattern == "locomotion":
        _note(report, "laterality", "locomotion alternates sides")
        return "alternating"
    _note(report, "laterality", "bilateral by default")
    return "bilateral"


def _tracking(words: str, pattern: str, report: ImportReport) -> str:
    if pattern == "carry" or (pattern == "locomotion" and _DISTANCE.search(words)):
        _note(report, "tracking", "carries and runs are measured by distance")
        return "distance"
    if pattern in ("stretch", "locomotion") or _TIMED.search(words):
        _note(report, "tracking", "holds, stretches and cardio are timed")
        return "time"
    _note(report, "tracking", "reps by default")
    return "reps"


def _load(words: str, equipment: Sequence[str], report: ImportReport) -> str:
    if "assisted" in words.split() or "assisted-pull-up-machine" in equipment:
        _note(report, "load", "name or kit says assisted")
        return "assisted"
    if any(vocab.EQUIPMENT[e].kind in _LOADED_KINDS or e in _LOADED for e in equipment):
        _note(report, "load", "loaded kit")
        return "external"
    _note(report, "load", "no loaded kit: body weight")
    return "bodyweight"


def _difficulty(words: str, pattern: str, equipment: Sequence[str], report: ImportReport) -> str:
    if _ADVANCED.search(words):
        _note(report, "difficulty", "name says an advanced skill")
        return "advanced"
    if _BEGINNER.search(words):
        _note(report, "difficulty", "name says assisted, kneeling, band or machine: beginner")
        return "beginner"
    if pattern in _SKILLED or _SKILLED_NAME.search(words) or set(equipment) & _SKILLED_KIT:
        _note(report, "difficulty", "barbell, kettlebell, jump or bar skill: intermediate")
        return "intermediate"
    _note(report, "difficulty", "beginner by default")
    return "beginner"


def _stresses(
    words: str, pattern: str, equipment: Sequence[str], report: ImportReport
) -> list[str]:
    found = list(PATTERN_STRESSES.get(pattern, ()))
    _note(report, "stresses", f"joints {pattern} loads")
    # a bar on the back loads the spine; arms overhead or on the floor load shoulders and wrists
    if pattern in ("squat", "lunge") and "barbell" in equipment:
        found.append("lower-back")
    if _OVERHEAD.search(words):
        found += ["shoulders", "wrists"]
    return list(dict.fromkeys(found))
