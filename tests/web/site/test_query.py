"""Hub filters and page numbers read from query parameters."""

from __future__ import annotations

import pytest
from starlette.datastructures import QueryParams

from repforge.errors import InvalidInputError
from repforge.web.site.query import filter_from


@pytest.mark.parametrize("raw", ["²", "٣", "２", "-1", "1.5", "", " 2", "0x2"])
def test_a_page_that_is_not_ascii_digits_is_invalid_input(raw: str) -> None:
    with pytest.raises(InvalidInputError, match="page"):
        filter_from(QueryParams({"page": raw}))


def test_a_page_number_is_read() -> None:
    assert filter_from(QueryParams({"page": "3"}))[1] == 3
    assert filter_from(QueryParams({}))[1] == 1
