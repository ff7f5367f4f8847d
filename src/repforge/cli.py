"""The `repforge` command line: serve, catalog checks, and more."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from repforge.catalog import load, quality

app = typer.Typer(help="repforge: exercise library and training engine.", no_args_is_help=True)
catalog_app = typer.Typer(
    help="Check, import and export the exercise catalog.", no_args_is_help=True
)
app.add_typer(catalog_app, name="catalog")
console = Console()
err = Console(stderr=True)


@app.command()
def serve(
    host: Annotated[
        str | None, typer.Option(help="Address to bind (default from settings).")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port to bind (default from settings).")] = None,
) -> None:
    """Serve the site and API with uvicorn."""
    import uvicorn

    from repforge.config import get_settings
    from repforge.web.app import create_app

    settings = get_settings()
    application = create_app(settings)
    uvicorn.run(
        application,
        host=host or settings.host,
        port=port or settings.port,
        loop="uvloop",
        http="httptools",
        proxy_headers=True,
    )


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
) -> None:
    """Validate every exercise file and run the quality gates; exit 1 on any problem."""
    folder = path or load.builtin_dir()
    sources = load.read_dir(folder)
    external = _read_known(known) if known else set()
    parsed, problems = load.check(sources, external)
    problems += quality.check_quality(parsed, external)
    for problem in sorted(problems, key=lambda p: (p.file, p.line)):
        err.print(str(problem), markup=False, highlight=False, soft_wrap=True)
    if problems:
        err.print(f"[red]{len(problems)} problem(s) in {len(sources)} file(s)[/red]")
        raise typer.Exit(1)
    console.print(f"[green]{len(parsed)} exercises OK[/green]")


def _read_known(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.split("|")[0].strip() for line in lines if line.strip() and line[0] != "#"}
