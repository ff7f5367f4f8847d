"""A plan as Markdown: readable in a terminal, printable, every exercise linked to its page."""

from __future__ import annotations

from repforge.catalog import vocab
from repforge.catalog.plaintext import markdown_text as md
from repforge.planner.plan import Plan, PlanExercise, PlanSession

DAY_NAMES = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}
UNIT_WORDS = {"reps": "reps", "seconds": "s", "meters": "m", "minutes": "min"}


def _cell(text: str) -> str:
    return text.replace("\n", " ")


def _amount(exercise: PlanExercise) -> str:
    lo, hi = exercise.reps
    span = f"{lo}-{hi}" if lo != hi else str(lo)
    return f"{span} {UNIT_WORDS[exercise.unit]}"


def _exercise_row(exercise: PlanExercise, base_url: str) -> str:
    name = exercise.name or exercise.slug
    if exercise.mode == "eccentric-only":
        name += " (negatives)"
    link = f"[{md(name)}]({base_url}/exercise/{exercise.slug})"
    load = f"{exercise.load_kg:g} kg" if exercise.load_kg else ""
    rest = f"{exercise.rest_seconds} s" if exercise.rest_seconds else ""
    cells = [
        link,
        str(exercise.sets),
        _amount(exercise),
        str(exercise.rir),
        rest,
        load,
        md(exercise.why),
    ]
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def session_markdown(session: PlanSession, base_url: str = "") -> str:
    """One session: heading with its time estimate, warm-up, then the exercise table."""
    lines = [
        f"### {DAY_NAMES[session.day]}: {md(session.name)} (about {session.estimated_minutes} min)",
        "",
    ]
    if session.warm_up:
        drills = ", ".join(
            f"[{md(w.name or w.slug)}]({base_url}/exercise/{w.slug}) {w.minutes} min"
            for w in session.warm_up
        )
        lines += [f"Warm-up: {drills}.", ""]
    if session.exercises:
        lines += [
            "| Exercise | Sets | Reps | RIR | Rest | Load | Why |",
            "|---|---|---|---|---|---|---|",
            *(_exercise_row(e, base_url) for e in session.exercises),
            "",
        ]
    if session.why:
        lines += [f"_{md(session.why)}_", ""]
    return "\n".join(lines)


def plan_markdown(plan: Plan, base_url: str = "") -> str:
    """The whole plan: summary, relaxations, weeks, weekly volume and the validation report."""
    p = plan.profile
    title = (
        f"# Training plan: {p.goal}, {p.level}, {p.days} days x {p.minutes} min, {p.weeks} weeks"
    )
    lines = [title, ""]
    lines.append(f"Equipment: {', '.join(p.equipment)}.")
    if p.protect:
        lines.append(f"Protected: {', '.join(p.protect)}.")
    if p.priorities:
        lines.append(f"Priorities: {', '.join(p.priorities)}.")
    proof = "proven optimal" if plan.optimal else "best found within the time limit"
    lines += [f"Exercise selection: {proof}.", ""]
    if plan.relaxed:
        lines += ["## What had to give", "", *(f"- {md(text)}" for text in plan.relaxed), ""]
    for week in plan.weeks:
        label = " (deload)" if week.deload else ""
        lines += [f"## Week {week.week}{label}", ""]
        lines += [session_markdown(s, base_url) for s in week.sessions]
    if plan.weekly_sets_by_muscle:
        lines += [
            "## Weekly sets per muscle (week 1)",
            "",
            f"Counting: {plan.volume_counting}.",
            "",
            "| Muscle | Sets (fractional) | Direct sets |",
            "|---|---|---|",
        ]
        for muscle, sets in plan.weekly_sets_by_muscle.items():
            direct = plan.weekly_direct_sets_by_muscle.get(muscle, 0)
            lines.append(f"| {vocab.MUSCLES[muscle].name} | {sets:g} | {direct} |")
        lines.append("")
    lines += ["## Validation", ""]
    report = plan.validation
    if not report.errors and not report.warnings:
        lines.append("Every check passed.")
    for finding in [*report.errors, *report.warnings]:
        where = f" (week {finding.week})" if finding.week else ""
        lines.append(f"- **{finding.severity}** `{finding.check}`{where}: {md(finding.message)}")
    return "\n".join(lines).rstrip() + "\n"
