"""The OpenAPI schema matches the stored snapshot, so API changes are deliberate.

After an intended change, regenerate the snapshot and review its diff:

    .venv/bin/python -m tests.web.api.test_openapi
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from repforge.config import Settings
from repforge.web.app import create_app
from tests.factories import make_catalog, make_exercise

SNAPSHOT = Path(__file__).with_name("openapi.snapshot.json")
REGENERATE = "regenerate with: .venv/bin/python -m tests.web.api.test_openapi"


def current_schema() -> dict[str, Any]:
    """The schema the app serves; it does not depend on the catalog's content."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(environment="test", data_dir=Path(tmp))
        with TestClient(create_app(settings, make_catalog(make_exercise()))) as client:
            schema: dict[str, Any] = client.get("/api/v1/openapi.json").json()
    return schema


def test_schema_matches_snapshot(client: TestClient) -> None:
    served = client.get("/api/v1/openapi.json").json()
    stored = json.loads(SNAPSHOT.read_text("utf-8"))
    changed = sorted(
        set(served["paths"]) ^ set(stored["paths"])
        | {p for p in served["paths"] if served["paths"][p] != stored["paths"].get(p)}
    )
    assert not changed, f"paths differ from the snapshot: {changed}; {REGENERATE}"
    assert served == stored, f"schema differs from the snapshot; {REGENERATE}"


def test_site_pages_stay_out_of_the_schema(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert all(path.startswith("/api/") for path in paths)


def test_docs_are_served_from_local_files_without_inline_script(client: TestClient) -> None:
    for path in ("/api/docs", "/api/redoc"):
        response = client.get(path)
        assert response.status_code == 200
        assert "/api/v1/openapi.json" in response.text
        sources = re.findall(r'<script src="([^"]+)"></script>', response.text)
        assert sources
        assert response.text.count("<script") == len(sources), "an inline script"
        for source in sources:
            assert source.startswith("/")
            assert client.get(source).status_code == 200
        for sheet in re.findall(r'rel="stylesheet" href="([^"]+)"', response.text):
            assert client.get(sheet).status_code == 200


if __name__ == "__main__":
    SNAPSHOT.write_text(json.dumps(current_schema(), indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {SNAPSHOT}")
