"""Quality gates beyond the schema: naming, originality within the catalog, pattern wording."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence, Set

from repforge.catalog import vocab
from repforge.catalog.load import Parsed, progression_edges
from repforge.errors import Problem

# A word in the name that promises a piece of kit -> the kit that must be listed.
NAME_EQUIPMENT: Mapping[str, tuple[str, ...]] = {
    "barbell": ("barbell",),
    "dumbbell": ("dumbbell",),
    "kettlebell": ("kettlebell",),
    "cable": ("cable-machine",),
    "band": ("resistance-band", "mini-band"),
    "banded": ("resistance-band", "mini-band"),
    "smith": ("smith-machine",),
    # any machine, including cardio machines ("Rowing Machine"), from the vocabulary itself
    "machine": tuple(e.slug for e in vocab.EQUIPMENT if e.kind in ("machine", "cardio-machine")),
    "bench": ("bench", "ghr-bench", "back-extension-bench", "preacher-bench"),
    "ez": ("ez-bar",),
    "trap": ("trap-bar",),
    "landmine": ("landmine",),
    "ring": ("rings",),
    "rings": ("rings",),
    "slider": ("sliders",),
    "sandbag": ("sandbag",),
    "sled": ("sled",),
    "plate": ("weight-plate",),
    "treadmill": ("treadmill",),
    "wheel": ("ab-wheel",),
    "rope": ("jump-rope", "battle-ropes", "cable-machine"),
    "foam": ("foam-roller",),
    "vest": ("weight-vest",),
    "dowel": ("dowel",),
}

# Words that only look like kit in some names ("trap bar" needs both words, and so on).
_NAME_PHRASES: Mapping[str, str] = {"trap bar": "trap", "ez bar": "ez", "ab wheel": "wheel"}
_NAME_SKIP = {"trap", "ez", "wheel", "plate"}
# Phrases whose kit word names a body part, not kit: the IT band is the iliotibial band.
_NAME_NOT_KIT: Mapping[str, str] = {"it band": "band"}

# At least one of these stems must appear in the steps of an exercise with that pattern.
PATTERN_KEYWORDS: Mapping[str, tuple[str, ...]] = {
    "squat": ("squat", "sit", "hips down", "knees"),
    "hinge": ("hinge", "hips back", "hip"),
    "lunge": ("step", "lunge", "split", "front knee", "front foot"),
    "hip-extension": ("hips", "glute", "bridge", "thrust"),
    "knee-flexion": ("curl", "bend your knee", "bend the knee", "knees", "heels"),
    "knee-extension": ("straighten", "extend", "knee"),
    "horizontal-push": ("press", "push", "lower your chest", "chest"),
    "vertical-push": ("press", "overhead", "push"),
    "horizontal-pull": ("row", "pull", "elbow", "shoulder blade"),
    "vertical-pull": ("pull", "elbow", "chin", "bar"),
    "chest-fly": ("arc", "hug", "hands together", "arms"),
    "reverse-fly": ("shoulder blade", "out to the side", "arms", "apart"),
    "lateral-raise": ("raise", "out to the side", "lift", "elbow"),
    "front-raise": ("raise", "in front", "lift", "shoulder height"),
    "shoulder-rotation": ("rotate", "forearm", "rotation"),
    "shrug": ("shrug", "shoulders", "ears"),
    "elbow-flexion": ("curl", "bend your elbow", "elbow"),
    "elbow-extension": ("straighten", "extend", "elbow", "lockout"),
    "wrist": ("wrist", "curl", "roll"),
    "trunk-flexion": ("crunch", "curl", "ribs", "sit up", "roll"),
    "hip-flexion": ("raise", "lift", "knee", "legs", "thigh"),
    "anti-extension": ("brace", "ribs", "lower back", "hips", "pelvis"),
    "anti-rotation": ("brace", "resist", "rotat", "square", "twist"),
    "anti-lateral-flexion": ("brace", "side", "lean", "tall"),
    "rotation": ("rotate", "rotation", "turn", "twist"),
    "calf-raise": ("heel", "toes", "ankle", "rise"),
    "hip-abduction": ("out to the side", "knee", "leg", "open", "apart"),
    "hip-adduction": ("squeeze", "together", "inner thigh", "toward the midline", "leg"),
    "neck": ("chin", "head", "neck"),
    "carry": ("walk", "step", "carry"),
    "locomotion": ("pace", "stride", "run", "walk", "pedal", "row", "crawl", "step", "pull"),
    "jump": ("jump", "land", "hop", "explode", "bound"),
    "olympic-lift": ("bar", "pull", "catch", "hips", "drive"),
    "stretch": ("stretch", "hold", "breath"),
    "mobility": ("move", "circle", "rotate", "range", "hold", "breath", "switch", "reach"),
    "balance": ("balance", "stand", "hold", "reach"),
}

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")
MAX_SENTENCE_REUSE = 3
MIN_TRACKED_SENTENCE_WORDS = 6


def _name_words(name: str) -> set[str]:
    lowered = name.lower().replace("-", " ")
    words = set(re.findall(r"[a-z]+", lowered))
    words -= _NAME_SKIP
    for phrase, key in _NAME_PHRASES.items():
        if phrase in lowered:
            words.add(key)
    for phrase, word in _NAME_NOT_KIT.items():
        if phrase in lowered and lowered.count(word) == lowered.count(phrase):
            words.discard(word)
    return words


def name_equipment(item: Parsed) -> list[Problem]:
    """A name that promises kit ("Dumbbell ...") must list that kit."""
    ex = item.exercise
    listed = set(ex.equipment.required) | set(ex.equipment.options)
    problems = []
    for word in sorted(_name_words(ex.name)):
        needed = NAME_EQUIPMENT.get(word)
        if needed and not listed & set(needed):
            problems.append(
                Problem(
                    item.source.name,
                    item.line_of("equipment"),
                    f"name {ex.name!r} says {word!r} but equipment lists none of {', '.join(needed)}",
                )
            )
    return problems


def pattern_wording(item: Parsed) -> list[Problem]:
    """The steps must describe the movement of the declared pattern."""
    ex = item.exercise
    text = " ".join(ex.steps).lower()
    keywords = PATTERN_KEYWORDS.get(ex.pattern, ())
    if keywords and not any(k in text for k in keywords):
        return [
            Problem(
                item.source.name,
                item.line_of("steps"),
                f"steps never describe the {ex.pattern} movement "
                f"(expected one of: {', '.join(keywords)})",
            )
        ]
    return []


def sentences(text: str) -> list[str]:
    """Split prose into normalised sentences for reuse checks."""
    found = []
    for raw in _SENTENCE_SPLIT.split(text.strip()):
        words = re.findall(r"[a-z0-9']+", raw.lower())
        if len(words) >= MIN_TRACKED_SENTENCE_WORDS:
            found.append(" ".join(words))
    return found


def _prose(item: Parsed) -> list[tuple[str, tuple[str | int, ...]]]:
    ex = item.exercise
    parts: list[tuple[str, tuple[str | int, ...]]] = [(ex.summary or "", ("summary",))]
    parts += [(s, ("steps", i)) for i, s in enumerate(ex.steps)]
    parts += [(s, ("tips", i)) for i, s in enumerate(ex.tips)]
    parts += [(s, ("mistakes", i)) for i, s in enumerate(ex.mistakes)]
    parts += [(f.a, ("faq", i)) for i, f in enumerate(ex.faq)]
    if ex.why_hard:
        parts.append((ex.why_hard, ("why_hard",)))
    return parts


def repeated_sentences(parsed: Sequence[Parsed]) -> list[Problem]:
    """No sentence may appear in more than MAX_SENTENCE_REUSE exercises."""
    users: dict[str, list[tuple[Parsed, tuple[str | int, ...]]]] = defaultdict(list)
    for item in parsed:
        seen: set[str] = set()
        for text, path in _prose(item):
            for sentence in sentences(text):
                if sentence not in seen:
                    seen.add(sentence)
                    users[sentence].append((item, path))
    problems = []
    for sentence, places in users.items():
        if len(places) > MAX_SENTENCE_REUSE:
            slugs = ", ".join(p.exercise.slug for p, _ in places)
            for item, path in places:
                problems.append(
                    Problem(
                        item.source.name,
                        item.line_of(*path),
                        f"sentence {sentence!r} appears in {len(places)} exercises ({slugs}); "
                        f"write it for this exercise or let the page generate it",
                    )
                )
    return problems


def advanced_entry(parsed: Sequence[Parsed]) -> list[Problem]:
    """Every advanced exercise must have an easier way in (its own `easier` or a chain link)."""
    edges = progression_edges(p.exercise for p in parsed)
    has_easier = {harder for harder_set in edges.values() for harder in harder_set}
    problems = []
    for item in parsed:
        ex = item.exercise
        if ex.difficulty == "advanced" and ex.slug not in has_easier:
            problems.append(
                Problem(
                    item.source.name,
                    item.line_of("difficulty"),
                    "advanced exercise has no easier entry point (add an `easier` link)",
                )
            )
    return problems


def _heavy(required: Sequence[str]) -> set[str]:
    return {
        slug
        for slug in required
        if slug in vocab.BARBELL_KIT or vocab.EQUIPMENT[slug].kind == "machine"
    }


def lighter_alternative(
    parsed: Sequence[Parsed], external: Set[str] = frozenset()
) -> list[Problem]:
    """An exercise needing a machine or a barbell must offer an alternative needing neither."""
    by_slug = {p.exercise.slug: p.exercise for p in parsed}
    problems = []
    for item in parsed:
        ex = item.exercise
        if not _heavy(ex.equipment.required):
            continue
        if any(r.slug in external and r.slug not in by_slug for r in ex.alternatives):
            continue  # a partial folder: the alternative lives elsewhere and cannot be judged
        lighter = [
            r.slug
            for r in ex.alternatives
            if r.slug in by_slug and not _heavy(by_slug[r.slug].equipment.required)
        ]
        if not lighter:
            problems.append(
                Problem(
                    item.source.name,
                    item.line_of("alternatives"),
                    "needs a machine or a barbell but lists no alternative without one",
                )
            )
    return problems


def check_quality(parsed: Sequence[Parsed], external: Set[str] = frozenset()) -> list[Problem]:
    """Every quality gate over the parsed catalog."""
    problems: list[Problem] = []
    for item in parsed:
        problems += name_equipment(item)
        problems += pattern_wording(item)
    problems += repeated_sentences(parsed)
    problems += advanced_entry(parsed)
    problems += lighter_alternative(parsed, external)
    return problems
