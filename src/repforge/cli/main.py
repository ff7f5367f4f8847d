"""The `repforge` command line: serve, catalog checks, and more."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from repforge.catalog import load, quality
from repforge.catalog.model import Exercise
from repforge.cli.catalog_io import export_command, import_command, remove_command
from repforge.cli.db import db_app
from repforge.cli.errors import FOUND_PROBLEMS, DomainErrors
from repforge.cli.log import log_app
from repforge.cli.media import media_app
from repforge.cli.plan import plan_app
from repforge.cli.search import search_command
from repforge.cli.user import user_app
from repforge.errors import Problem

app = typer.Typer(
    cls=DomainErrors, help="repforge: exercise library and training engine.", no_args_is_help=True
)
catalog_app = typer.Typer(
    cls=DomainErrors, help="Check, import and export the exercise catalog.", no_args_is_help=True
)
app.add_typer(catalog_app, name="catalog")
app.command("search")(search_command)
app.add_typer(plan_app, name="plan")
app.add_typer(db_app, name="db")
app.add_typer(media_app, name="media")
app.add_typer(user_app, name="user")
app.add_typer(log_app, name="log")
catalog_app.command("import")(import_command)
catalog_app.command("export")(export_command)
catalog_app.command("remove")(remove_command)
console = Console()
err = Console(stderr=True)


@app.command()
def serve(
    host: Annotated[
        str | None, typer.Option(help="Address to bind (default from settings).")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port to bind (default from settings).")] = None,
    workers: Annotated[
        int | None, typer.Option(help="Processes to start (default from settings).")
    ] = None,
) -> None:
    """Serve the site and API with uvicorn, in one or several worker processes."""
    from repforge.config import get_settings
    from repforge.web.serving import run

    settings = get_settings()
    run(settings, host or settings.host, port or settings.port, workers or settings.workers)


@app.command()
def export(
    target: Annotated[
        Path,
        typer.Argument(help="Folder to write the static site into (replaced if an export)."),
    ],
    base_url: Annotated[
        str | None,
        typer.Option(help="Public origin the site will be served from (canonical links)."),
    ] = None,
    workers: Annotated[
        int, typer.Option(help="Processes rendering in parallel (default: one per core).")
    ] = 0,
    force: Annotated[
        bool, typer.Option(help="Replace a non-empty folder that no export wrote.")
    ] = False,
) -> None:
    """Render every public page through the app into static files a CDN can serve."""
    import os

    from rich.progress import Progress

    from repforge.config import get_settings
    from repforge.export import export_paths, export_site
    from repforge.export_target import ExportTargetError, check_target, mark_target
    from repforge.web.app import create_app

    try:
        check_target(target, force)
    except ExportTargetError as exc:
        err.print(f"[red]{exc}[/red]", highlight=False)
        raise typer.Exit(1) from None
    settings = get_settings()
    if base_url:
        settings = settings.model_copy(update={"base_url": base_url})
    else:
        _warn_base_url(settings.base_url)
    application = create_app(settings)
    catalog = application.state.repforge.catalog
    paths = export_paths(catalog)
    with Progress(console=console) as progress:
        task = progress.add_task("exporting", total=len(paths))
        report = export_site(
            application,
            catalog,
            target,
            lambda: progress.advance(task),
            paths,
            workers=workers or os.cpu_count() or 1,
        )
    mark_target(target, settings.base_url)
    _print_written(paths, target, settings.base_url)
    console.print(
        f"{report.pages} files, {report.bytes_written / 1e6:.1f} MB in {report.seconds:.2f} s "
        f"({report.pages_per_second:.0f} pages/s) -> {target}"
    )


def _warn_base_url(used: str) -> None:
    err.print(
        f"[bold yellow]No --base-url given: canonical links and the sitemap will point at "
        f"{used}[/bold yellow] (REPFORGE_BASE_URL or the default). Pass --base-url "
        "https://your.site for the address the site will really be served from.",
        highlight=False,
    )


def _print_written(paths: list[str], target: Path, base_url: str) -> None:
    from repforge.export_target import summarise

    console.print(f"Wrote a static site for {base_url} into {target.resolve()}:", highlight=False)
    for kind, count in summarise(paths):
        console.print(f"  {count:>5} {kind}", highlight=False)


@catalog_app.command("check")
def catalog_check(
    path: Annotated[
        Path | None, typer.Argument(help="Folder of exercise YAML files (default: built-in).")
    ] = None,
    known: Annotated[
        Path | None,
        typer.Option(
            help="File of further valid slugs (first word per line), for partial folders."
        ),
    ] = None,
    originality: Annotated[
        Path | None,
        typer.Option(
            help="Folder of third-party JSON datasets our text must not share 8-word runs with."
        ),
    ] = None,
    table: Annotated[bool, typer.Option(help="Print the coverage table.")] = True,
) -> None:
    """Validate every exercise file and run the quality gates; exit 1 on any problem."""
    from repforge.media import checks as media_checks  # the drawing code, only for this command

    folder = path or load.builtin_dir()
    sources = load.read_dir(folder)
    external = _read_known(known) if known else set()
    parsed, problems = load.check(sources, external)
    problems += quality.check_quality(parsed, external)
    motion_problems, without_motion = media_checks.check_all(parsed)
    problems += motion_problems
    if originality is not None:
        problems += _originality_problems(parsed, originality)
    for problem in sorted(problems, key=lambda p: (p.file, p.line)):
        err.print(str(problem), markup=False, highlight=False, soft_wrap=True)
    if table:
        _print_coverage([p.exercise for p in parsed])
    if problems:
        err.print(f"[red]{len(problems)} problem(s) in {len(sources)} file(s)[/red]")
        raise typer.Exit(FOUND_PROBLEMS)
    if without_motion:
        console.print(f"{without_motion} of {len(parsed)} exercises have no motion data yet")
    console.print(f"[green]{len(parsed)} exercises OK[/green]")


def _read_known(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.split("|")[0].strip() for line in lines if line.strip() and line[0] != "#"}


def _originality_problems(parsed: list[load.Parsed], folder: Path) -> list[Problem]:
    from repforge.catalog import originality as orig

    files = sorted(folder.rglob("*.json"))
    with console.status(f"reading {len(files)} reference files"):
        reference = orig.reference_shingles(files)
    by_slug = {p.exercise.slug: p for p in parsed}
    return [
        Problem(
            by_slug[o.slug].source.name,
            by_slug[o.slug].line_of(*orig.field_path(o.field)),
            f"{o.field} shares the words {o.words!r} with {folder.name}",
        )
        for o in orig.overlaps((p.exercise for p in parsed), reference)
    ]


def _print_coverage(exercises: list[Exercise]) -> None:
    from rich.table import Table

    from repforge.catalog.coverage import DIMENSION_VOCAB, coverage

    counts = coverage(exercises)
    for dimension, vocabulary in DIMENSION_VOCAB.items():
        grid = Table(title=f"by {dimension.replace('_', ' ')}", show_edge=False)
        grid.add_column(dimension)
        grid.add_column("exercises", justify="right")
        for term in vocabulary:
            grid.add_row(term.slug, str(counts[dimension][term.slug]))
        console.print(grid)
