"""Operator probes: /readyz says whether this instance can serve (database, schema, catalog)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from repforge.store import db
from repforge.web.errors import problem
from repforge.web.state import AppState

router = APIRouter(include_in_schema=False)


def not_ready(state: AppState) -> list[str]:
    """Plain sentences naming what keeps this instance from serving; empty when ready."""
    problems: list[str] = []
    try:
        with state.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        at = db.current(state.engine)
    except SQLAlchemyError as exc:
        problems.append(f"The database cannot be reached ({type(exc).__name__}).")
    else:
        newest = db.head()
        if at != (newest,):
            found = ", ".join(at) or "none"
            problems.append(
                f"The database schema is at revision {found}, not {newest}: "
                "run `repforge db upgrade`."
            )
    if state.counters is not None:
        failure = state.counters.unreachable()
        if failure:
            problems.append(f"Redis cannot be reached ({failure}).")
    if len(state.catalog) == 0:
        problems.append("The exercise catalog is empty.")
    return problems


@router.get("/readyz")
async def readyz(request: Request) -> Response:
    state: AppState = request.app.state.repforge
    problems = await run_in_threadpool(not_ready, state)
    if problems:
        return problem(503, "Not ready", " ".join(problems), not_ready=problems)
    return JSONResponse({"status": "ready"})
