"""Schemathesis drives every API operation from the OpenAPI schema: no 5xx, no off-schema reply.

Operations are parametrized from the stored schema snapshot and each one runs a bounded
Hypothesis search against the app of the `client` fixture. (schemathesis' lazy
`from_fixture` loader reaches into pytest internals that pytest 9 no longer has.)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repforge.accounts.service import Accounts
from repforge.config import Settings
from repforge.store.accounts import SqlAccountStore
from repforge.store.db import transaction
from repforge.web.app import create_app
from tests.planner.factories import gym_catalog
from tests.web.api.test_openapi import SNAPSHOT

# Bounded so the suite stays fast; raise it locally to dig deeper.
EXAMPLES_PER_OPERATION = 30

OPERATIONS = [
    (method.upper(), path)
    for path, methods in json.loads(SNAPSHOT.read_text("utf-8"))["paths"].items()
    for method in methods
]


@pytest.fixture
def gym_client(tmp_path: Path) -> Iterator[TestClient]:
    """An app on the planner's test gym, big enough that any valid profile can be planned."""
    settings = Settings(environment="test", data_dir=tmp_path)
    with TestClient(create_app(settings, gym_catalog())) as test_client:
        yield test_client


# Routes that need a Bearer token: the test signs a user up and sends a read-write token.
AUTHENTICATED = ("/api/v1/workouts", "/api/v1/programs")
# Bodies that name exercises or kit: schema-valid values the catalog does not know get a 422.
CATALOG_BOUND = ("/api/v1/plans", "/api/v1/programs", "/api/v1/workouts")


def bearer(client: TestClient) -> dict[str, str]:
    """Headers with a read-write personal access token of a new user."""
    with transaction(client.app.state.repforge.sessions) as session:  # type: ignore[attr-defined]
        accounts = Accounts(SqlAccountStore(session))
        user = accounts.sign_up("robust@example.com", "a long enough password")
        issued = accounts.issue_token(user, "schemathesis", "read-write")
    return {"Authorization": f"Bearer {issued.secret}"}


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_operation_keeps_to_its_schema(
    request: pytest.FixtureRequest, method: str, path: str
) -> None:
    planning = path.startswith(("/api/v1/plans", "/api/v1/programs"))
    fixture = "gym_client" if planning else "client"
    # A profile or plan can be schema-valid and still be refused with a 422 that names the
    # field: equipment and exercise slugs must exist in the catalog, which JSON Schema cannot
    # say. Every other check (no 5xx, documented statuses, response schema) still applies.
    bound = path.startswith(CATALOG_BOUND)
    excluded = [schemathesis.checks.positive_data_acceptance] if bound else []
    client: TestClient = request.getfixturevalue(fixture)
    headers = bearer(client) if path.startswith(AUTHENTICATED) else None
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", client.app)
    operation = schema[path][method]
    cases = st.one_of(
        operation.as_strategy(schemathesis.GenerationMode.POSITIVE),
        operation.as_strategy(schemathesis.GenerationMode.NEGATIVE),
    )

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases)
    def run(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=headers, excluded_checks=excluded)

    run()
