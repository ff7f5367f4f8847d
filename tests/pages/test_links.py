"""pages/links.py: the one place that builds site URLs."""

from __future__ import annotations

import re
from pathlib import Path

from repforge.pages import links

SRC = Path(__file__).parents[2] / "src" / "repforge"
# a site path written out in Python code: "/exercise/...", "/exercises/...", ".../page/N"
BUILT_URL = re.compile(r"""f?["'](/exercises?/[^"']*\{|/exercises["']|[^"']*/page/\{)""")


def test_paths() -> None:
    assert links.compare_path("test-squat", "goblet-test") == (
        "/exercise/compare/goblet-test-vs-test-squat"
    )
    assert links.pair_path("test-squat", "goblet-test") == (
        "/exercise/compare/test-squat-vs-goblet-test"
    )
    assert links.markdown_path("test-squat") == "/exercise/test-squat.md"
    assert links.hub_path("muscle", "quads") == "/exercises/muscle/quads"
    assert links.page_path("/exercises/legs", 1) == "/exercises/legs"
    assert links.page_path("/exercises/legs", 3) == "/exercises/legs/page/3"


def test_no_module_but_links_builds_a_site_url() -> None:
    found = []
    for path in SRC.rglob("*.py"):
        if path.name == "links.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            stripped = line.strip()
            if stripped.startswith(("@", '"/exercises', "prefix=")):
                continue  # route declarations, not links
            if BUILT_URL.search(line):
                found.append(f"{path.relative_to(SRC)}:{number}: {stripped}")
    assert found == []
