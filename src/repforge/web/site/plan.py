"""The /plan pages: a profile form that works without JavaScript, the plan, swaps and downloads."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request, Response
from starlette.datastructures import QueryParams

from repforge import metrics
from repforge.catalog import vocab
from repforge.catalog.catalog import Catalog
from repforge.catalog.names import normalise
from repforge.logbook.service import CALENDAR_TYPE
from repforge.planner import markdown as plan_md
from repforge.planner.ics import next_monday, plan_ics
from repforge.planner.plan import Plan
from repforge.planner.prescription import GOALS, LEVELS
from repforge.planner.profile import WEEKDAYS
from repforge.planner.service import alternatives_for, make_plan
from repforge.planner.words import SUPERSET_NOTE
from repforge.web.caching import cached_sync, state_of
from repforge.web.downloads import attachment
from repforge.web.site.query import whole_number
from repforge.web.site.render import render

router = APIRouter()

# Query parameters that may repeat (checkboxes) and are joined into the profile's lists.
LIST_FIELDS = ("weekdays", "equipment", "protect", "priorities", "exclude", "cannot_do", "can_do")
SINGLE_FIELDS = ("goal", "level", "days", "minutes", "weeks")
NUMBER_FIELDS = ("days", "minutes", "weeks")
NAMED_FIELDS = ("exclude", "cannot_do", "can_do")  # exercises, typed by name
PRESETS = tuple(vocab.EQUIPMENT_PRESETS)
EXTRA_KIT = tuple(e for e in vocab.EQUIPMENT if e.slug != "bodyweight")


def exercise_slug(catalog: Catalog, text: str) -> str:
    """The slug for an exercise typed by name (or alias, or slug); unknown text is kept, so the
    profile check can name it and suggest the closest exercises."""
    if catalog.find(text):
        return text
    found = catalog.by_name.get(normalise(text))
    return found.slug if found else text


def profile_from(params: QueryParams, catalog: Catalog | None = None) -> dict[str, Any]:
    """The planner profile asked for by a form submission (empty fields left to defaults);
    with the catalog, exercises typed by name become slugs."""
    profile: dict[str, Any] = {}
    for name in SINGLE_FIELDS:
        value = params.get(name, "").strip()
        if value:
            # form fields are text; the profile takes numbers as numbers (a non-number stays
            # text and gets the profile's "valid integer" message)
            number = whole_number(value) if name in NUMBER_FIELDS else None
            profile[name] = value if number is None else number
    for name in LIST_FIELDS:
        values = [v.strip() for raw in params.getlist(name) for v in raw.split(",") if v.strip()]
        if catalog is not None and name in NAMED_FIELDS:
            values = [exercise_slug(catalog, v) for v in values]
        if values:
            profile[name] = ",".join(values)
    if "days" not in profile and "weekdays" in profile:
        profile["days"] = len(profile["weekdays"].split(","))
    return profile


def canonical(params: QueryParams) -> str:
    """The profile as a stable query string, for cache keys and links."""
    pairs = sorted(
        (k, v) for k, v in params.multi_items() if v and k in (*LIST_FIELDS, *SINGLE_FIELDS)
    )
    return urlencode(pairs)


def _plan(request: Request) -> Plan:
    """Solve the submitted profile (about 0.2 s; callers cache what they render from it)."""
    catalog = state_of(request).catalog
    profile = profile_from(request.query_params, catalog)
    with metrics.PLAN_SOLVE_SECONDS.time():
        return make_plan(catalog, profile)


def _form_context(params: QueryParams, catalog: Catalog) -> dict[str, Any]:
    chosen = {name: params.getlist(name) for name in LIST_FIELDS}
    chosen_single = {name: params.get(name, "") for name in SINGLE_FIELDS}
    return {
        "goals": GOALS,
        "levels": LEVELS,
        "weekday_names": WEEKDAYS,
        "presets": PRESETS,
        "extra_kit": EXTRA_KIT,
        "joints": list(vocab.JOINTS),
        "muscles": [m for m in vocab.MUSCLES if m.views],
        "chosen": chosen,
        "chosen_single": chosen_single,
        "exercise_names": sorted({e.name for e in catalog}),
    }


@router.get("/plan", include_in_schema=False)
def plan_page(request: Request) -> Response:
    """The form; with a submitted profile, the plan below it."""
    params = request.query_params
    catalog = state_of(request).catalog
    if not canonical(params):
        return cached_sync(
            request,
            "plan-form",
            "text/html; charset=utf-8",
            lambda: render(
                request, "plan.html", plan=None, query="", **_form_context(params, catalog)
            ),
        )
    query = canonical(params)

    def page() -> str:
        return render(
            request,
            "plan.html",
            plan=_plan(request),
            query=query,
            catalog=catalog,
            muscle_names={m.slug: m.name for m in vocab.MUSCLES},
            superset_note=SUPERSET_NOTE,
            **_form_context(params, catalog),
        )

    response = cached_sync(request, f"plan?{query}", "text/html; charset=utf-8", page)
    response.headers["X-Robots-Tag"] = "noindex"
    return response


@router.get("/plan/swap", include_in_schema=False)
def swap_page(request: Request) -> Response:
    """Ranked alternatives for one exercise of a plan that fit the same profile."""
    params = request.query_params
    slug = params.get("slug", "")
    catalog = state_of(request).catalog
    current = catalog.get(slug)
    options = alternatives_for(catalog, profile_from(params, catalog), slug, limit=8)
    query = canonical(params)
    html = render(request, "plan_swap.html", current=current, options=options, query=query)
    return Response(
        html, media_type="text/html; charset=utf-8", headers={"X-Robots-Tag": "noindex"}
    )


@router.get("/plan.md", include_in_schema=False)
def plan_markdown(request: Request) -> Response:
    base = state_of(request).settings.base_url
    return cached_sync(
        request,
        f"plan.md?{canonical(request.query_params)}",
        "text/markdown; charset=utf-8",
        lambda: plan_md.plan_markdown(_plan(request), base),
    )


@router.get("/plan.ics", include_in_schema=False)
def plan_calendar(request: Request) -> Response:
    plan = _plan(request)
    text = plan_ics(plan, next_monday(date.today()))
    return attachment(text, "repforge-plan.ics", CALENDAR_TYPE, private=False)


@router.get("/plan.json", include_in_schema=False)
def plan_json(request: Request) -> Response:
    query = canonical(request.query_params)
    return cached_sync(
        request, f"plan.json?{query}", "application/json", lambda: _plan(request).to_json()
    )
