"""Read hub filters from query parameters (plain GET forms, no JavaScript needed)."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from repforge.errors import InvalidInputError
from repforge.pages.listing import ExerciseFilter

SINGLE = ("body_part", "muscle", "difficulty", "category", "pattern", "mechanic")
# ASCII digits only: str.isdigit() accepts "²" and "٣", which int() refuses or reads otherwise;
# nine digits keep int() far from its length limit
WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")


def whole_number(raw: str) -> int | None:
    """The number a query value spells in ASCII digits, or None for anything else."""
    return int(raw) if WHOLE_NUMBER.fullmatch(raw) else None


def _one(params: QueryParams, name: str) -> str | None:
    return params.get(name) or None


def filter_from(
    params: QueryParams, default_sort: str = "popularity"
) -> tuple[ExerciseFilter, int]:
    """The filter and page number asked for; bad values raise InvalidInputError."""
    raw_page = params.get("page", "1")
    page = whole_number(raw_page)
    if page is None:
        raise InvalidInputError("page", f"page must be a whole number, not {raw_page!r}")
    wanted = ExerciseFilter(
        body_part=_one(params, "body_part"),
        muscle=_one(params, "muscle"),
        difficulty=_one(params, "difficulty"),
        category=_one(params, "category"),
        pattern=_one(params, "pattern"),
        mechanic=_one(params, "mechanic"),
        equipment=tuple(v for v in params.getlist("equipment") if v),
        available=tuple(v for v in params.getlist("have") if v),
        sort=params.get("sort") or default_sort,
    )
    return wanted, page


def canonical_query(params: QueryParams) -> str:
    """Query parameters in a fixed order without empty values, for cache keys and links."""
    pairs = sorted((k, v) for k, v in params.multi_items() if v and k != "page")
    return urlencode(pairs)


def page_link(base: str, params: QueryParams, page: int) -> str:
    """Link to page `page`: a path (/page/N) when unfiltered, so static exports can hold it."""
    query = canonical_query(params)
    if not query:
        return base if page == 1 else f"{base}/page/{page}"
    return f"{base}?{query}" + (f"&page={page}" if page > 1 else "")
