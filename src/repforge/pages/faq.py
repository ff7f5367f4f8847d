"""Generated FAQ entries, each derived from catalog fields by a stated rule."""

from __future__ import annotations

from dataclasses import dataclass

from repforge.catalog import vocab
from repforge.catalog.catalog import Catalog
from repforge.catalog.model import Exercise
from repforge.pages.text import BODY_PART_ADJECTIVES, join, lower_name, muscle_names, plural, the


@dataclass(frozen=True)
class Faq:
    """A question with its answer; `generated` marks rule-made entries."""

    question: str
    answer: str
    generated: bool = False


def why_hard(ex: Exercise) -> Faq | None:
    """Advanced exercises only: the authored mechanical reason."""
    if ex.difficulty != "advanced" or not ex.why_hard:
        return None
    return Faq(f"Why is {the(ex.name)} so difficult?", ex.why_hard, True)


def alternative(ex: Exercise, catalog: Catalog) -> Faq | None:
    """Names the listed alternatives with their reasons, then the easier entry points."""
    alts = [(catalog.find(r.slug), r.reason) for r in ex.alternatives]
    alts = [(a, reason) for a, reason in alts if a is not None]
    easier = [e for e in (catalog.find(r.slug) for r in ex.easier) if e is not None]
    if not alts and not easier:
        return None
    sentences = []
    if alts:
        first, reason = alts[0]
        assert first is not None
        sentences.append(f"{first.name} is the closest alternative. {reason or ''}".strip())
        others = [f"{a.name} ({(r or '').rstrip('.').lower()})" for a, r in alts[1:] if a]
        if others:
            sentences.append(f"Other good options: {join(others)}.")
    if easier:
        names = join([e.name for e in easier], "or")
        sentences.append(f"If {the(ex.name)} is too hard for now, build up with {names}.")
    return Faq(f"What is a good alternative to {the(ex.name)}?", " ".join(sentences), True)


def steady_cardio(ex: Exercise) -> bool:
    """Whether the exercise can be kept up for minutes: a cardio machine, walking or running."""
    machine = any(vocab.EQUIPMENT[s].kind == "cardio-machine" for s in ex.equipment.slugs)
    return machine or (ex.pattern == "locomotion" and ex.tracking == "distance")


def _dose(ex: Exercise) -> str:
    if ex.tracking == "time":
        if ex.category == "stretching":
            return "Hold each position for 30-60 seconds and repeat it 2-3 times, easing deeper as the muscle relaxes."
        if ex.category == "mobility":
            return "Spend 1-2 minutes on it, moving slowly through the range rather than forcing the end position."
        if ex.category == "cardio" and steady_cardio(ex):
            return "Start with 10-20 minutes at a pace you could hold a conversation at, or 6-10 short hard intervals with equal rest."
        if ex.category == "cardio":
            return "Work in rounds of 20-40 seconds with equal rest, 6-10 rounds, or add them to a circuit; stop a round when your form slips."
        return "Hold for 3-4 rounds of 15-45 seconds, ending each round before your position breaks down."
    if ex.tracking == "distance":
        if ex.category == "cardio":
            return "Pick a distance you can cover at a steady, conversational effort and add about 10% a week."
        return (
            "Do 3-5 trips of 20-40 meters with a load that lets you walk tall without slowing down."
        )
    if ex.category == "plyometrics":
        return "Do 3-5 sets of 3-6 explosive reps with full rest; stop the set when height or speed drops."
    if ex.category == "olympic":
        return (
            "Do 3-6 sets of 1-3 reps with a load you can move fast; technique decides the weight."
        )
    if ex.category in ("stretching", "mobility", "rehabilitation"):
        return "Do 2-3 sets of 10-15 slow, controlled reps; it should feel like work, never sharp pain."
    if ex.category == "cardio":
        return "Work in rounds of 20-40 seconds with equal rest, 6-10 rounds, or add them to a circuit."
    ranges = {
        ("beginner", "compound"): "Start with 2-3 sets of 8-12 reps",
        ("beginner", "isolation"): "Start with 2-3 sets of 10-15 reps",
        ("intermediate", "compound"): "Do 3-4 sets of 6-12 reps",
        ("intermediate", "isolation"): "Do 3-4 sets of 10-15 reps",
        ("advanced", "compound"): "Do 3-5 sets of 3-8 reps",
        ("advanced", "isolation"): "Do 3-4 sets of 6-12 reps",
    }
    base = ranges[(ex.difficulty, ex.mechanic)]
    return f"{base}, stopping each set with one to three good reps left in the tank."


def how_many(ex: Exercise) -> Faq:
    """Dose by tracking, category and difficulty; negatives first when eccentric_entry."""
    if ex.tracking == "time":
        question = f"How long should I do {the(ex.name)}?"
    elif ex.tracking == "distance":
        question = f"How far should I go with {the(ex.name)}?"
    else:
        question = f"How many {plural(ex.name)} should I do?"
    answer = _dose(ex)
    if ex.eccentric_entry:
        answer += (
            " If you cannot complete a full rep yet, do 3 sets of 3-5 lowering-only reps,"
            " taking 3-5 seconds on the way down, until the full movement comes."
        )
    answer += " A personalized plan sets exact numbers for your goal and level."
    return Faq(question, answer, True)


# Groups whose named muscles pull against each other (flexors and extensors): an exercise
# works only some of them, so their anatomical names come from the exercise, never the group.
MIXED_GROUPS = frozenset({"neck", "forearms", "rotator-cuff"})


def anatomical_names(ex: Exercise) -> list[str]:
    """The target's anatomical names that this exercise really works (none for the heart)."""
    if ex.target_parts:
        return list(ex.target_parts)
    target = vocab.MUSCLES[ex.target]
    if target.slug in MIXED_GROUPS or target.body_part == "cardio":
        return []
    return list(target.latin)


def muscles(ex: Exercise) -> Faq:
    """Target with its anatomical names, then secondary muscles by weight."""
    target = vocab.MUSCLES[ex.target]
    names = anatomical_names(ex)
    latin = f" ({join(names)})" if names else ""
    ordered = sorted(ex.secondary, key=lambda s: -s.weight)
    answer = f"{the(ex.name)[:1].upper()}{the(ex.name)[1:]} mainly works the {lower_name(target.name)}{latin}"
    if ordered:
        answer += f", with the {join(muscle_names([s.muscle for s in ordered]))} assisting"
    category = vocab.CATEGORIES[ex.category].name.lower()
    if ex.body_part == "cardio" or ex.category == ex.body_part:
        answer += f". It is listed as a {category} exercise."
    else:
        body_part = vocab.BODY_PARTS[ex.body_part].name.lower()
        answer += f". It is listed as a {category} exercise for the {body_part}."
    return Faq(f"What muscles does {the(ex.name)} work?", answer, True)


def beginners(ex: Exercise, catalog: Catalog) -> Faq:
    """Answer by difficulty, pointing to easier entries when there are some."""
    easier = [e.name for e in (catalog.find(r.slug) for r in ex.easier) if e is not None]
    body_part = BODY_PART_ADJECTIVES[ex.body_part]
    if ex.difficulty == "beginner":
        answer = f"Yes. {the(ex.name)[:1].upper()}{the(ex.name)[1:]} is a beginner-level exercise you can learn in a session or two."
    elif ex.difficulty == "intermediate":
        answer = f"It is an intermediate exercise: fine for beginners who already move well in the basic {body_part} movements."
        if easier:
            answer += f" If it feels out of reach, start with {join(easier, 'or')}."
    else:
        answer = f"No, it is an advanced exercise. Beginners should first build strength in simpler {body_part} movements"
        answer += f", such as {join(easier, 'or')}." if easier else "."
    return Faq(f"Is {the(ex.name)} good for beginners?", answer, True)


def generated(ex: Exercise, catalog: Catalog) -> list[Faq]:
    """The generated questions, in the seed's order."""
    entries = [
        why_hard(ex),
        alternative(ex, catalog),
        how_many(ex),
        muscles(ex),
        beginners(ex, catalog),
    ]
    return [e for e in entries if e is not None]
