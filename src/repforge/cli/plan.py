"""`repforge plan`: generate a plan (Markdown, JSON or iCalendar) and validate plan files."""

from __future__ import annotations

import json
from datetime import date, time
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from repforge import served
from repforge.catalog.catalog import Catalog
from repforge.cli.errors import FOUND_PROBLEMS, DomainErrors
from repforge.config import get_settings
from repforge.errors import InvalidInputError
from repforge.gcpause import paused
from repforge.planner.ics import next_monday, plan_ics
from repforge.planner.markdown import plan_markdown
from repforge.planner.service import make_plan, validate_plan
from repforge.planner.words import DAY_NAMES

plan_app = typer.Typer(cls=DomainErrors, help="Generate and validate personalized training plans.")
err = Console(stderr=True)


class Format(StrEnum):
    """Output formats of `repforge plan`."""

    markdown = "markdown"
    json = "json"
    ics = "ics"


def _catalog(folder: Path | None) -> Catalog:
    """The served catalog (imports included), from `folder` instead of the configured one."""
    settings = get_settings()
    if folder is not None:
        settings = settings.model_copy(update={"catalog_dir": folder})
    if not served.database_exists(settings):  # no database yet, so nothing imported
        return served.file_catalog(settings)
    with served.database(settings) as sessions:
        return served.catalog_for(settings, sessions).catalog


def _maxes(values: list[str]) -> dict[str, Any]:
    # "barbell-bench-press=100x5" -> {"barbell-bench-press": {"weight_kg": 100, "reps": 5}}
    out: dict[str, Any] = {}
    for value in values:
        slug, _, amount = value.partition("=")
        weight, _, reps = amount.partition("x")
        try:
            out[slug.strip()] = {"weight_kg": float(weight), "reps": int(reps or 1)}
        except ValueError:
            raise InvalidInputError("max", f"{value!r} is not SLUG=KG or SLUG=KGxREPS") from None
    return out


def _date(field: str, value: str) -> date:
    """A YYYY-MM-DD option, by default the next Monday."""
    if not value:
        return next_monday(date.today())
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(field, f"{value!r} is not a date like 2025-01-06") from None


def _time(field: str, value: str) -> time:
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(field, f"{value!r} is not a time like 18:00") from None


def _write(text: str, output: Path | None) -> None:
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}")


Opt = typer.Option


@plan_app.callback(invoke_without_command=True)
def plan(
    ctx: typer.Context,
    goal: Annotated[
        str, Opt(help="strength, hypertrophy, endurance, general-fitness or fat-loss.")
    ] = "general-fitness",
    level: Annotated[
        str, Opt(help="beginner (< 6 months), intermediate (6-24) or advanced.")
    ] = "beginner",
    days: Annotated[
        int | None, Opt(help="Training days per week, 1-7 (default 3, or as many as --weekdays).")
    ] = None,
    weekdays: Annotated[str, Opt(help="Which days, e.g. mon,wed,fri (default: spread out).")] = "",
    minutes: Annotated[int, Opt(help="Minutes per session, 15-180.")] = 60,
    equipment: Annotated[
        str, Opt(help="Kit slugs or presets: bodyweight, home-dumbbells, home-gym, full-gym.")
    ] = "full-gym",
    protect: Annotated[str, Opt(help="Joints to protect, e.g. knees,lower-back.")] = "",
    priorities: Annotated[str, Opt(help="Muscles to emphasize, e.g. chest,side-delts.")] = "",
    exclude: Annotated[str, Opt(help="Exercise slugs to leave out.")] = "",
    weeks: Annotated[int, Opt(help="Plan length in weeks, 1-16.")] = 4,
    can_do: Annotated[str, Opt(help="Skills you can already do, e.g. pull-up.")] = "",
    cannot_do: Annotated[str, Opt(help="Skills you cannot do yet; they get regressions.")] = "",
    familiar: Annotated[str, Opt(help="Exercises you know and like.")] = "",
    max_: Annotated[
        list[str],
        Opt("--max", help="Known max for starting loads: SLUG=KG or SLUG=KGxREPS (repeatable)."),
    ] = [],  # noqa: B006
    age: Annotated[
        int | None, Opt(help="Your age (optional); from 65 the plan adds balance work.")
    ] = None,
    format_: Annotated[Format, Opt("--format", help="Output format.")] = Format.markdown,
    output: Annotated[
        Path | None, Opt("-o", "--output", help="Write to this file instead of stdout.")
    ] = None,
    start: Annotated[
        str, Opt(help="iCalendar: a date in week 1 (YYYY-MM-DD; default next Monday).")
    ] = "",
    at: Annotated[str, Opt(help="iCalendar: session start time, HH:MM.")] = "18:00",
    catalog: Annotated[
        Path | None,
        Opt(
            help="Folder of exercise YAML (default: REPFORGE_CATALOG_DIR or built-in), plus imports."
        ),
    ] = None,
) -> None:
    """Generate a plan for a profile (run `repforge plan validate FILE` to check a plan)."""
    if ctx.invoked_subcommand is not None:
        return
    profile: dict[str, Any] = {
        "goal": goal,
        "level": level,
        "minutes": minutes,
        "equipment": equipment,
        "protect": protect,
        "priorities": priorities,
        "exclude": exclude,
        "weeks": weeks,
        "can_do": can_do,
        "cannot_do": cannot_do,
        "familiar": familiar,
        "maxes": _maxes(max_),
    }
    if days is not None:
        profile["days"] = days
    if age is not None:
        profile["age"] = age
    if weekdays:
        profile["weekdays"] = weekdays
    with paused():  # one plan, then the process ends: collecting cycles only costs time
        result = make_plan(_catalog(catalog), profile)
    if format_ is Format.json:
        text = result.to_json()
    elif format_ is Format.ics:
        text = plan_ics(result, _date("start", start), _time("at", at))
    else:
        text = plan_markdown(result)
    _write(text, output)
    if result.validation.errors:
        # The plan is still written, so the person can read what had to give; scripts see a failure.
        count = len(result.validation.errors)
        rules = "a rule" if count == 1 else f"{count} rules"
        why = (
            "no week of these sessions can keep them all; the plan opens with what would fit"
            if result.impossible
            else "see what had to give at the top of the plan"
        )
        err.print(f"[red]error:[/red] this plan breaks {rules}: {why}", markup=True)
        raise typer.Exit(1)


@plan_app.command("validate")
def validate(
    file: Annotated[
        Path, typer.Argument(help="A plan in repforge's JSON format.", exists=True, dir_okay=False)
    ],
    as_json: Annotated[bool, Opt("--json", help="Print the report as JSON.")] = False,
    catalog: Annotated[
        Path | None,
        Opt(
            help="Folder of exercise YAML (default: REPFORGE_CATALOG_DIR or built-in), plus imports."
        ),
    ] = None,
) -> None:
    """Check a plan against the planner rules (docs/planner-rules.md); exit 1 when a hard rule is broken."""
    report = validate_plan(_catalog(catalog), file.read_text(encoding="utf-8"))
    if as_json:
        typer.echo(json.dumps(report.model_dump(mode="json"), indent=2))
    else:
        for finding in [*report.errors, *report.warnings]:
            label = "Problem" if finding.severity == "error" else "Note"
            where = [f"week {finding.week}"] if finding.week else []
            where += [DAY_NAMES[finding.day]] if finding.day else []
            place = f" ({', '.join(where)})" if where else ""
            typer.echo(f"{label}{place}: {finding.message}")
        problems, notes = len(report.errors), len(report.warnings)
        typer.echo(
            f"{problems} {'problem' if problems == 1 else 'problems'} (hard rules broken), "
            f"{notes} {'note' if notes == 1 else 'notes'}."
        )
    if report.errors:
        raise typer.Exit(FOUND_PROBLEMS)
