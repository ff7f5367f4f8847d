"""A plan as Markdown: readable in a terminal, printable, every exercise linked to its page."""

from __future__ import annotations

from repforge.catalog.plaintext import markdown_text as md
from repforge.planner import words
from repforge.planner.plan import Plan, PlanExercise, PlanSession, PlanWeek

DAY_NAMES = words.DAY_NAMES
SUPERSET_NOTE = words.SUPERSET_NOTE
UNIT_WORDS = {"reps": "reps", "seconds": "s", "meters": "m", "minutes": "min"}


def _cell(text: str) -> str:
    return text.replace("\n", " ")


def _amount(exercise: PlanExercise) -> str:
    lo, hi = exercise.reps
    span = f"{lo}-{hi}" if lo != hi else str(lo)
    return f"{span} {UNIT_WORDS[exercise.unit]}"


def _exercise_row(exercise: PlanExercise, base_url: str, mark: str = "") -> str:
    name = exercise.name or exercise.slug
    if exercise.mode == "eccentric-only":
        name += " (negatives)"
    link = f"[{md(name)}]({base_url}/exercise/{exercise.slug})"
    if mark:
        link = f"{mark}. {link}"
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
            *(
                _exercise_row(e, base_url, mark)
                for e, mark in zip(session.exercises, session.superset_marks(), strict=True)
            ),
            "",
        ]
        if any(e.superset for e in session.exercises):
            lines += [SUPERSET_NOTE, ""]
    if session.why:
        lines += [f"_{md(session.why)}_", ""]
    return "\n".join(lines)


def plan_markdown(plan: Plan, base_url: str = "") -> str:
    """The whole plan: summary, relaxations, week 1 in full, then only what changes each week,
    weekly volume and the validation report."""
    p = plan.profile
    goal = p.goal.replace("-", " ")
    days, weeks = words.count(p.days, "day"), words.count(p.weeks, "week")
    title = f"# Training plan: {goal}, {p.level}, {days} x {p.minutes} min, {weeks}"
    lines = [title, ""]
    lines.append(f"Equipment: {words.kit(p.equipment)}.")
    if p.protect:
        lines.append(f"Protected: {words.joints(p.protect)}.")
    if p.priorities:
        lines.append(f"Priorities: {words.listing(words.muscle(m) for m in p.priorities)}.")
    # "Optimal" is said only of a plan that keeps every rule (service.make_plan), and certifies
    # the solver's objective over the exercises it shortlisted, nothing wider.
    if plan.impossible:
        proof = "the closest the planner found; no week of these sessions keeps every rule"
    elif plan.validation.errors:
        proof = "the best the planner found, but it breaks the rules listed below"
    elif plan.optimal:
        proof = "proven optimal among the exercises considered, with every hard rule kept"
    else:
        proof = "the best found within the time limit, with every hard rule kept"
    lines += [
        f"Exercise selection: {proof}.",
        "RIR (reps in reserve): how many more reps you could do when you end a set.",
        "",
    ]
    if plan.relaxed:
        lines += ["## What had to give", "", *(f"- {md(text)}" for text in plan.relaxed), ""]
    previous: PlanWeek | None = None
    block_start: PlanWeek | None = None
    for week in plan.weeks:
        label = " (deload)" if week.deload else ""
        lines += [f"## Week {week.week}{label}", ""]
        if previous is None:
            lines += [session_markdown(s, base_url) for s in week.sessions]
        else:
            # A new block is told against the first week of the block before, not the deload.
            base = block_start if previous.deload and block_start else previous
            lines += week_changes(base, week, base_url)
        if not week.deload and (previous is None or previous.deload):
            block_start = week
        previous = week
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
            lines.append(f"| {words.muscle(muscle).capitalize()} | {sets:g} | {direct} |")
        lines.append("")
    lines += ["## Checks", ""]
    report = plan.validation
    if not report.errors and not report.warnings:
        lines.append("Every check passed.")
    for label, findings in (("Problem", report.errors), ("Note", report.warnings)):
        for finding in findings:
            where = f" (week {finding.week})" if finding.week else ""
            lines.append(f"- **{label}**{where}: {md(finding.message)}")
    return "\n".join(lines).rstrip() + "\n"


Key = tuple[str, str, str]  # weekday, slug, mode


def _entries(week: PlanWeek) -> dict[Key, PlanExercise]:
    return {(s.day, e.slug, e.mode): e for s in week.sessions for e in s.exercises}


def _dose(e: PlanExercise) -> str:
    load = f", {e.load_kg:g} kg" if e.load_kg else ""
    return f"{e.sets} x {_amount(e)}, RIR {e.rir}{load}"


def _change(old: PlanExercise, new: PlanExercise, common_rir: int | None) -> str:
    parts = []
    if new.sets != old.sets:
        parts.append(f"{words.count(new.sets, 'set')} (was {old.sets})")
    if new.reps != old.reps or new.unit != old.unit:
        was = _amount(old) if new.unit != old.unit else _amount(old).rsplit(" ", 1)[0]
        parts.append(f"{_amount(new)} (was {was})")
    if new.rir != old.rir and new.rir != common_rir:
        parts.append(f"RIR {new.rir} (was {old.rir})")
    if new.load_kg != old.load_kg:
        was = f"{old.load_kg:g} kg" if old.load_kg else "no load"
        parts.append(f"{new.load_kg:g} kg (was {was})" if new.load_kg else f"no load (was {was})")
    return ", ".join(parts)


def week_changes(previous: PlanWeek, week: PlanWeek, base_url: str = "") -> list[str]:
    """What differs from the week before: one line per session that changes, not the tables."""
    before, now = _entries(previous), _entries(week)
    if [s.day for s in previous.sessions] != [s.day for s in week.sessions]:
        return [session_markdown(s, base_url) for s in week.sessions]
    kept = [k for k in now if k in before]
    rirs = {now[k].rir for k in kept if now[k].rir != before[k].rir}
    changed_rir = {k for k in kept if now[k].rir != before[k].rir}
    common_rir = next(iter(rirs)) if len(rirs) == 1 and len(changed_rir) == len(kept) else None
    head = f"As week {previous.week}"
    if common_rir is not None:
        head += f", every exercise at RIR {common_rir}"
    bullets = []
    for session in week.sessions:
        items = []
        for e in session.exercises:
            key = (session.day, e.slug, e.mode)
            old = before.get(key)
            name = md(e.name or e.slug)
            if old is None:
                items.append(f"add {name} {_dose(e)}")
                continue
            change = _change(old, e, common_rir)
            if change:
                items.append(f"{name} {change}")
        gone = [
            md(o.name or o.slug) for k, o in before.items() if k[0] == session.day and k not in now
        ]
        items += [f"drop {name}" for name in gone]
        if items:
            bullets.append(f"- {words.day(session.day)}: {'; '.join(items)}.")
    if not bullets:
        return [f"{head}." if common_rir is not None else f"Same as week {previous.week}.", ""]
    return [f"{head}, with these changes:", "", *bullets, ""]
