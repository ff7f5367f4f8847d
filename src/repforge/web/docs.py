"""Interactive API docs served from local files: Swagger UI and ReDoc work with no network."""

from __future__ import annotations

from html import escape
from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

# fastapi-offline ships the Swagger UI (Apache-2.0) and ReDoc (MIT) release bundles; we use
# its files, not its pages, because its pages start Swagger UI with an inline script.
ASSETS = Path(fastapi_offline.__file__).parent / "static"
ASSETS_URL = "/api/docs/assets"
DOCS_URL = "/api/docs"
REDOC_URL = "/api/redoc"
OPENAPI_URL = "/api/v1/openapi.json"

router = APIRouter(include_in_schema=False)


def _page(title: str, head: str, body: str) -> HTMLResponse:
    html = (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title>"
        f'<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">{head}</head>'
        f"<body>{body}</body></html>\n"
    )
    return HTMLResponse(html, headers={"Cache-Control": "public, max-age=300"})


@router.get(DOCS_URL)
async def swagger_ui(request: Request) -> HTMLResponse:
    """Swagger UI, started by a static script that reads the schema URL from the page."""
    title = f"{request.app.title} API"
    return _page(
        title,
        f'<link rel="stylesheet" href="{ASSETS_URL}/swagger-ui.css">',
        f'<div id="swagger-ui" data-openapi-url="{OPENAPI_URL}"></div>'
        f'<script src="{ASSETS_URL}/swagger-ui-bundle.js"></script>'
        '<script src="/static/api-docs.js"></script>',
    )


@router.get(REDOC_URL)
async def redoc(request: Request) -> HTMLResponse:
    """ReDoc, reading the same schema."""
    return _page(
        f"{request.app.title} API reference",
        "",
        f'<redoc spec-url="{OPENAPI_URL}"></redoc>'
        f'<script src="{ASSETS_URL}/redoc.standalone.js"></script>',
    )


def install(app: FastAPI) -> None:
    """Mount the bundled assets and the two docs pages."""
    app.mount(ASSETS_URL, StaticFiles(directory=ASSETS), name="api-docs-assets")
    app.include_router(router)
