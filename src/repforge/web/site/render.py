"""Render site templates to strings so pages can be cached per catalog version."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from repforge.web.caching import state_of
from repforge.web.export_flag import is_static


def render(request: Request, template: str, **context: Any) -> str:
    """A template rendered with the site-wide context (settings, catalog version)."""
    state = state_of(request)
    env = request.app.state.templates.env
    return str(
        env.get_template(template).render(
            site_name=state.settings.site_name,
            base_url=state.settings.base_url.rstrip("/"),
            catalog_version=state.catalog.version,
            static_site=is_static(request),
            **context,
        )
    )
