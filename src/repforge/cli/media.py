"""`repforge media`: contact sheets and rendered files for reviewing demonstrations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from repforge.catalog import load

media_app = typer.Typer(help="Demonstrations drawn from motion data.", no_args_is_help=True)
console = Console()


@media_app.command("sheet")
def sheet_command(
    folder: Annotated[Path, typer.Argument(help="Folder to write sheet-NN.png into.")],
    only: Annotated[
        list[str] | None, typer.Option(help="Only these exercise slugs (repeat the option).")
    ] = None,
) -> None:
    """Write contact sheets of every exercise poster (name and pattern under each)."""
    from repforge.media.inputs import media_input
    from repforge.media.sheet import write_sheets

    catalog = load.load_builtin()
    items = [
        item
        for ex in sorted(catalog, key=lambda e: (e.pattern, e.slug))
        if (not only or ex.slug in only) and (item := media_input(ex)) is not None
    ]
    if not items:
        console.print("no exercise with motion data matched")
        raise typer.Exit(1)
    for path in write_sheets(items, folder):
        console.print(str(path))
    console.print(f"{len(items)} exercises on the sheets")


@media_app.command("render")
def render_command(
    folder: Annotated[Path, typer.Argument(help="Folder to write the files into.")],
    slugs: Annotated[list[str], typer.Argument(help="Exercise slugs.")],
) -> None:
    """Write every media file of some exercises, to look at them outside the site."""
    from repforge.media.inputs import media_input
    from repforge.media.render import render_all

    catalog = load.load_builtin()
    folder.mkdir(parents=True, exist_ok=True)
    for slug in slugs:
        item = media_input(catalog.get(slug))
        if item is None:
            console.print(f"{slug} has no motion data")
            continue
        for kind, data in render_all(item).items():
            name = f"{slug}.thumb.png" if kind == "thumb" else f"{slug}.{kind}"
            (folder / name).write_bytes(data)
        console.print(f"{slug}: written")
