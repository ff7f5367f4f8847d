"""Small English helpers for generated sentences: lists, articles, plurals, labels."""

from __future__ import annotations

from collections.abc import Sequence

from repforge.catalog import vocab
from repforge.catalog.model import EquipmentNeeds, Exercise

CATEGORY_NOUNS = {
    "strength": "exercise",
    "stretching": "stretch",
    "mobility": "mobility drill",
    "plyometrics": "plyometric exercise",
    "cardio": "cardio exercise",
    "balance": "balance exercise",
    "rehabilitation": "rehab exercise",
    "olympic": "Olympic lift",
    "strongman": "strongman exercise",
}


BODY_PART_ADJECTIVES = {
    "arms": "arm",
    "back": "back",
    "cardio": "cardio",
    "chest": "chest",
    "core": "core",
    "legs": "leg",
    "neck": "neck",
    "shoulders": "shoulder",
    "full-body": "full-body",
}


def join(items: Sequence[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def article(noun: str) -> str:
    """The noun with 'a' or 'an', or bare when it is plural."""
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun
    return f"{'an' if noun[:1].lower() in 'aeio' else 'a'} {noun}"


def plural(name: str) -> str:
    """Plural of an exercise name for 'How many X should I do?'."""
    if name.endswith(("s", "x", "ch", "sh")):
        return f"{name}es"
    if name.endswith("y") and name[-2:-1] not in "aeiou":
        return f"{name[:-1]}ies"
    return f"{name}s"


def title_words(text: str) -> str:
    """Capitalise each word, keeping already-upper words (GHR, EZ)."""
    return " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in text.split(" "))


def lower_name(name: str) -> str:
    """Lower-case a vocabulary name but keep acronyms: 'GHR bench' stays."""
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in name.split(" "))


def equipment_label(needs: EquipmentNeeds) -> str:
    """Display equipment, derived from required and options: 'Barbell, Bench' or 'Body weight'."""
    required = vocab.EQUIPMENT.names(needs.required)
    options = vocab.EQUIPMENT.names(needs.options)
    parts = [*required]
    if options:
        parts.append(join(options, "or"))
    # "Barbell, GHR bench or Lat pulldown machine": the last option after "or", not each one
    return ", ".join(parts) if parts else vocab.EQUIPMENT["bodyweight"].name


def equipment_phrase(needs: EquipmentNeeds) -> str:
    """Equipment inside a sentence: 'a GHR bench', 'a barbell and a bench', 'body weight'."""
    required = [article(lower_name(n)) for n in vocab.EQUIPMENT.names(needs.required)]
    options = [article(lower_name(n)) for n in vocab.EQUIPMENT.names(needs.options)]
    if options:
        required.append(join(options, "or"))
    return join(required) if required else "body weight"


def muscle_names(slugs: Sequence[str]) -> list[str]:
    return [lower_name(vocab.MUSCLES[s].name) for s in slugs]


def kind_noun(exercise: Exercise) -> str:
    """'legs exercise', 'hamstrings stretch', ... for the derived sentence."""
    return CATEGORY_NOUNS[exercise.category]


def the(name: str) -> str:
    """'the Glute Ham Raise'; activities named by a gerund read better bare."""
    first = name.split(" ")[0]
    return name if first.endswith("ing") or name.endswith("'s Pose") else f"the {name}"
