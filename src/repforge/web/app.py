"""create_app: the one ASGI app behind the live site, the static export and the tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from repforge import __version__
from repforge.catalog.catalog import Catalog
from repforge.config import Settings, get_settings
from repforge.media.render import MediaCache
from repforge.media.store import DiskStore
from repforge.served import catalog_for
from repforge.store import db
from repforge.store.meta import MetaRepository
from repforge.store.redis_counters import shared_counters
from repforge.web import docs, errors, monitoring, ops, request_log, security, static_site
from repforge.web.api import account as account_api
from repforge.web.api import exercisedb as exercisedb_api
from repforge.web.api import log as log_api
from repforge.web.api import plans as plans_api
from repforge.web.api import progress as progress_api
from repforge.web.api import v1 as api_v1
from repforge.web.browsers import HeadAsGet, PublicApiCors
from repforge.web.site import account as site_account
from repforge.web.site import log as site_log
from repforge.web.site import log_import as site_log_import
from repforge.web.site import media as site_media
from repforge.web.site import plan as site_plan
from repforge.web.site import progress as site_progress
from repforge.web.site import routes as site_routes
from repforge.web.site import search as site_search
from repforge.web.state import AppState
from repforge.web.templating import make_templates

STATIC_DIR = Path(__file__).parent / "static"


class CatalogRefresh:
    """Reload the catalog when custom exercises changed, checked every catalog_refresh_s."""

    def __init__(self, app: ASGIApp, state: AppState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.state.refresh_due():
            await run_in_threadpool(self.state.refresh_catalog)
        await self.app(scope, receive, send)


def create_app(settings: Settings | None = None, catalog: Catalog | None = None) -> FastAPI:
    """Build the app: load the catalog, open (and migrate) the database, mount the routes."""
    settings = settings or get_settings()
    engine = db.make_engine(settings.resolved_database_url, settings.database_busy_timeout_ms)
    if settings.auto_migrate:
        db.upgrade(engine)
    sessions = db.session_factory(engine)
    served = catalog_for(settings, sessions, catalog)
    with db.transaction(sessions) as session:
        MetaRepository(session).put("catalog_version", served.catalog.version)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        # give pooled connections back on shutdown instead of leaving them to the collector
        state.engine.dispose()
        if state.counters is not None:
            state.counters.close()

    app = FastAPI(
        lifespan=lifespan,
        title="repforge",
        version=__version__,
        docs_url=None,  # served from local files by web/docs.py
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    state = AppState(
        settings,
        served.catalog,
        engine,
        sessions,
        base_catalog=served.base,
        catalog_revision=served.revision,
        counters=shared_counters(settings),
    )
    app.state.repforge = state
    app.add_middleware(CatalogRefresh, state=state)
    disk = DiskStore(settings.cache_dir / "media") if settings.cache_dir else None
    app.state.media = MediaCache(disk=disk)
    security.install(app, settings)
    app.add_middleware(PublicApiCors, origins=settings.cors_origins)
    app.add_middleware(HeadAsGet)
    app.state.templates = make_templates(reload=settings.environment == "development")
    # pages link to the live server's training pages absolutely: a static export has none
    app.state.templates.env.globals["live_origin"] = settings.base_url.rstrip("/")
    errors.install(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    docs.install(app)
    # FastAPI tries routes in order, a few microseconds each (0.33 ms to reach the workout
    # POST when it came last): the API, called by clients at rate and logging in bursts,
    # goes first; no site path starts with /api, so the order changes no answer
    for module in (
        log_api,
        api_v1,
        plans_api,
        exercisedb_api,
        account_api,
        progress_api,
        ops,
        site_media,
        site_search,
        static_site,
        site_log_import,
        site_progress,
        site_log,  # before site_plan: /plan/take is more specific
        site_plan,
        site_account,
        site_routes,
    ):
        app.include_router(module.router)
    monitoring.install(app, settings)
    request_log.install(app, settings)
    app.add_middleware(ops.Liveness, headers=security.default_headers(settings))
    return app
