"""A page on another origin calls the API the way the React ExerciseDB clients do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import static_server

pytestmark = pytest.mark.browser

# The fetch options copied in spirit from the popular React ExerciseDB apps: RapidAPI headers
# (which force a CORS preflight) and a base URL switched to this instance.
CLIENT_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>ExerciseDB client</title></head>
<body><h1>Body parts</h1><ul id="parts"></ul><ul id="exercises"></ul><p id="error"></p>
<script>
const API = "%(api)s/api/exercisedb";
const exerciseOptions = {
  method: "GET",
  headers: {
    "X-RapidAPI-Key": "not-a-real-key",
    "X-RapidAPI-Host": "exercisedb.p.rapidapi.com",
  },
};
async function fetchData(url, options) {
  const response = await fetch(url, options);
  return response.json();
}
(async () => {
  try {
    const parts = await fetchData(`${API}/exercises/bodyPartList`, exerciseOptions);
    document.getElementById("parts").innerHTML =
      parts.map((p) => `<li>${p}</li>`).join("");
    const exercises = await fetchData(
      `${API}/exercises/bodyPart/upper%%20legs?limit=9`, exerciseOptions);
    document.getElementById("exercises").innerHTML =
      exercises.map((e) => `<li class="exercise">${e.name}</li>`).join("");
  } catch (error) {
    document.getElementById("error").textContent = String(error);
  }
})();
</script></body></html>
"""


def test_exercisedb_react_style_client_on_another_origin_loads_data(
    page: Any, live_url: str, tmp_path: Path
) -> None:
    (tmp_path / "index.html").write_text(CLIENT_PAGE % {"api": live_url})
    with static_server(tmp_path) as client_origin:
        assert client_origin != live_url
        page.goto(f"{client_origin}/index.html")
        page.wait_for_selector("li.exercise")
        assert page.locator("#error").inner_text() == ""
        assert "upper legs" in page.locator("#parts").inner_text()
        assert page.locator("li.exercise").count() == 9
