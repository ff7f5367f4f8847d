"""Render pages in the seed's Markdown format."""

from __future__ import annotations

from repforge.catalog.plaintext import markdown_text as md
from repforge.pages.demo import demonstration
from repforge.pages.exercise import ExercisePage
from repforge.pages.links import PLAN_PATH


def _absolute(base_url: str, path: str) -> str:
    return f"{base_url.rstrip('/')}{path}"


def exercise_markdown(page: ExercisePage, base_url: str, site_name: str = "repforge") -> str:
    """The exercise page as Markdown, section for section like the seed page."""
    # every piece of text comes from data (imports included): md() keeps it from being markup
    lines = [f"# {md(page.title)}", "", "## Quick answer", "", md(page.quick_answer), ""]
    lines += [f"- **{md(fact.label)}:** {md(fact.value)}" for fact in page.facts]
    demo = demonstration(page.exercise)
    if demo is not None:
        lines += ["", f"![{md(demo.alt)}]({_absolute(base_url, demo.gif)})"]
    lines += ["", "---", ""]
    # imported records may lack a section: leave it out rather than print an empty heading
    if page.steps:
        lines += ["## How to perform", ""]
        lines += [f"{number}. {md(step)}" for number, step in enumerate(page.steps, start=1)]
        lines.append("")
    if page.tips:
        lines += ["## Pro tips", "", *(f"- {md(tip)}" for tip in page.tips), ""]
    if page.mistakes:
        lines += ["## Common mistakes", "", *(f"- {md(m)}" for m in page.mistakes), ""]
    lines += ["## FAQ", ""]
    for item in page.faq:
        lines += [f"### {md(item.question)}", "", md(item.answer), ""]
    lines += ["## Related exercises", ""]
    lines += [f"- [{md(link.label)}]({_absolute(base_url, link.href)})" for link in page.hub_links]
    lines += [
        "",
        "---",
        "",
        f"Get a personalized workout plan with [{md(site_name)}]"
        f"({_absolute(base_url, PLAN_PATH)}).",
        "",
    ]
    return "\n".join(lines)
