"""Read hub filters from query parameters (plain GET forms, no JavaScript needed)."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from repforge.errors import InvalidInputError
from repforge.pages.links import page_path
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


def _several(params: QueryParams, name: str) -> tuple[str, ...]:
    # sorted and without repeats, so every spelling of one choice renders and caches the same
    return tuple(sorted({v for v in params.getlist(name) if v}))


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
        equipment=_several(params, "equipment"),
        available=_several(params, "have"),
        sort=params.get("sort") or default_sort,
    )
    return wanted, page


def canonical_query(wanted: ExerciseFilter, sort_given: bool) -> str:
    """The validated filter as a query string in a fixed order, for cache keys and links.

    Built from the filter, not the raw parameters, so unknown parameters (`?zz=<random>`)
    can neither grow the response cache nor leak into links.
    """
    pairs = [(name, value) for name in SINGLE if (value := getattr(wanted, name))]
    pairs += [("equipment", value) for value in wanted.equipment]
    pairs += [("have", value) for value in wanted.available]
    if sort_given:
        pairs.append(("sort", wanted.sort))
    return urlencode(sorted(set(pairs)))


def page_link(base: str, query: str, page: int) -> str:
    """Link to page `page`: a path (/page/N) when unfiltered, so static exports can hold it."""
    if not query:
        return page_path(base, page)
    return f"{base}?{query}" + (f"&page={page}" if page > 1 else "")
