"""The Markdown page follows the seed's structure exactly."""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt

from repforge.catalog.catalog import Catalog
from repforge.pages.exercise import compose
from repforge.pages.markdown import exercise_markdown
from tests.factories import (
    HOSTILE_MARKDOWN,
    make_catalog,
    make_exercise,
    rendered_markdown_is_inert,
)

SEED = Path(__file__).parents[3] / "shared" / "seed" / "glute-ham-raise.md"
SEED_HEADINGS = [
    "## Quick answer",
    "## How to perform",
    "## Pro tips",
    "## Common mistakes",
    "## FAQ",
    "## Related exercises",
]


def headings(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if re.match(r"^##? ", line)]


def test_sections_in_seed_order(small_catalog: Catalog) -> None:
    md = exercise_markdown(compose(small_catalog, "pistol-test"), "https://x.test")
    assert headings(md) == ["# Pistol Test", *SEED_HEADINGS]


def test_matches_the_seed_file_structure_when_available(small_catalog: Catalog) -> None:
    if not SEED.exists():  # shared/ sits beside the repo on dev machines and in CI
        return
    seed = SEED.read_text(encoding="utf-8")
    md = exercise_markdown(compose(small_catalog, "pistol-test"), "https://x.test")
    assert headings(md)[1:] == headings(seed)[1:]
    bullets = re.compile(r"^- \*\*(.+?):\*\*", re.M)
    assert bullets.findall(md) == bullets.findall(seed)


def test_quick_answer_bullets_steps_and_links(small_catalog: Catalog) -> None:
    md = exercise_markdown(compose(small_catalog, "test-squat"), "https://x.test/")
    assert "- **Equipment:** Body weight" in md
    assert "1. Stand tall with your feet under your hips for test-squat." in md
    assert "- [More Legs Exercises](https://x.test/exercises/legs)" in md
    assert md.rstrip().endswith(
        "Get a personalized workout plan with [repforge](https://x.test/plan)."
    )
    assert "### How many Test Squats should I do?" in md


def test_sections_a_record_lacks_are_left_out_but_generated_text_stays() -> None:
    from tests.factories import make_catalog, make_exercise

    bare = make_exercise(slug="bare-row", summary=None, steps=[], tips=[], mistakes=[])
    md = exercise_markdown(compose(make_catalog(bare), "bare-row"), "https://x.test")
    assert headings(md) == ["# Bare Row", "## Quick answer", "## FAQ", "## Related exercises"]
    assert "Beginner leg exercise using body weight." in md
    assert "### What muscles does the Bare Row work?" in md


def test_imported_markup_stays_text(small_catalog: Catalog) -> None:
    hostile = make_exercise(
        slug="hostile-squat",
        name="Hostile Squat <script>alert(0)</script>",
        aliases=["[alias](javascript:alert(5))"],
        summary=f"A squat with text from an import. {HOSTILE_MARKDOWN}",
        steps=[f"Step {n}: {HOSTILE_MARKDOWN}" for n in range(4)],
        tips=[f"# Tip: {HOSTILE_MARKDOWN}"],
        mistakes=[f"1. Mistake: {HOSTILE_MARKDOWN}"],
    )
    catalog = make_catalog(*small_catalog, hostile)
    md = exercise_markdown(compose(catalog, "hostile-squat"), "https://x.test", "site <b>")
    assert rendered_markdown_is_inert(md)
    # escaped, not dropped: a reader still sees the words
    assert "alert(3)" in MarkdownIt("commonmark").render(md)
    assert headings(md) == ["# Hostile Squat \\<script\\>alert(0)\\</script\\>", *SEED_HEADINGS]
