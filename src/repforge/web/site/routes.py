"""Public HTML and Markdown pages; each route asks pages/ for content and renders it."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import PlainTextResponse

from repforge.catalog import vocab
from repforge.errors import NotFoundError
from repforge.pages import hubs
from repforge.pages.exercise import compose
from repforge.pages.markdown import exercise_markdown
from repforge.web.caching import cached, state_of
from repforge.web.site.render import render

router = APIRouter()

HTML = "text/html; charset=utf-8"
MARKDOWN = "text/markdown; charset=utf-8"


def _wants_markdown(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "text/markdown" in accept and "text/html" not in accept


@router.get("/healthz", include_in_schema=False)
def healthz() -> PlainTextResponse:
    return PlainTextResponse("ok")


@router.get("/", include_in_schema=False)
def home(request: Request) -> Response:
    catalog = state_of(request).catalog

    def page() -> str:
        return render(request, "home.html", hubs=hubs.all_hubs(catalog), count=len(catalog))

    return cached(request, "home", HTML, page)


@router.get("/exercise/{slug}.md", include_in_schema=False)
def exercise_md(request: Request, slug: str) -> Response:
    state = state_of(request)
    page = compose(state.catalog, slug)
    return cached(
        request,
        f"md:{slug}",
        MARKDOWN,
        lambda: exercise_markdown(page, state.settings.base_url, state.settings.site_name),
    )


@router.get("/exercise/{slug}", include_in_schema=False)
def exercise(request: Request, slug: str) -> Response:
    if _wants_markdown(request):
        return exercise_md(request, slug)
    page = compose(state_of(request).catalog, slug)
    return cached(
        request, f"html:{slug}", HTML, lambda: render(request, "exercise.html", page=page)
    )


@router.get("/exercises", include_in_schema=False)
def exercises_index(request: Request) -> Response:
    catalog = state_of(request).catalog

    def page() -> str:
        return render(
            request,
            "index.html",
            hubs=hubs.all_hubs(catalog),
            exercises=sorted(catalog, key=lambda e: e.name),
        )

    return cached(request, "index", HTML, page)


def _hub_response(request: Request, kind: str, key: str) -> Response:
    hub = hubs.hub(state_of(request).catalog, kind, key)
    return cached(request, f"hub:{kind}:{key}", HTML, lambda: render(request, "hub.html", hub=hub))


@router.get("/exercises/equipment/{equipment}", include_in_schema=False)
def equipment_hub(request: Request, equipment: str) -> Response:
    return _hub_response(request, "equipment", equipment)


@router.get("/exercises/muscle/{muscle}", include_in_schema=False)
def muscle_hub(request: Request, muscle: str) -> Response:
    return _hub_response(request, "muscle", muscle)


@router.get("/exercises/{key}", include_in_schema=False)
def body_part_or_difficulty_hub(request: Request, key: str) -> Response:
    if key in vocab.DIFFICULTIES:
        return _hub_response(request, "difficulty", key)
    if key in vocab.BODY_PARTS:
        return _hub_response(request, "body-part", key)
    raise NotFoundError("exercise hub", key)


@router.get("/exercises/{body_part}/{equipment}", include_in_schema=False)
def body_part_equipment_hub(request: Request, body_part: str, equipment: str) -> Response:
    return _hub_response(request, "body-part-equipment", f"{body_part}/{equipment}")
