"""The Jinja2 environment: autoescaped templates shipped with the package."""

from __future__ import annotations

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from repforge.catalog import vocab
from repforge.pages import plain_words
from repforge.pages.demo import demonstration
from repforge.planner import words


def make_templates(reload: bool = False) -> Jinja2Templates:
    """Templates with autoescaping on and the vocabularies available to every page."""
    env = Environment(
        # checking template files for changes on every render costs a stat per page
        auto_reload=reload,
        loader=PackageLoader("repforge.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["vocab"] = vocab
    env.filters["search_reason"] = plain_words.reason
    env.filters["understood"] = plain_words.understood
    env.filters["without_check_name"] = plain_words.without_check_name
    env.filters["count"] = words.count  # 1 session, 3 sessions
    env.globals["demonstration"] = demonstration
    return Jinja2Templates(env=env)
