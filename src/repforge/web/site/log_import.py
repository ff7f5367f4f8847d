"""Import and export: upload a Strong, Hevy or repforge export; download your whole log."""

from __future__ import annotations

from typing import Annotated, get_args

from fastapi import APIRouter, Depends, Query, Request, Response
from starlette.datastructures import UploadFile

from repforge.errors import RepforgeError
from repforge.logbook.transfer import export_log, import_log
from repforge.store.accounts import SqlAccountStore
from repforge.training.formats import FORMATS, ExportFormat, LogFormat
from repforge.web.auth import SiteUser, check_csrf
from repforge.web.caching import state_of
from repforge.web.downloads import attachment
from repforge.web.site.private import private_page
from repforge.web.stores import log_store

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
MAX_BYTES = 50 * 1024 * 1024  # about ten years of daily training in a Strong export
APPS = {"strong": "Strong", "hevy": "Hevy", "repforge": "repforge (JSON)"}


@router.get("/log/import")
def import_page(request: Request, user: SiteUser) -> Response:
    return private_page(request, "log/import.html", apps=APPS, chosen="strong")


@router.post("/log/import")
async def import_upload(request: Request, user: SiteUser) -> Response:
    form = await request.form()
    chosen = str(form.get("format", ""))
    upload = form.get("file")

    def refused(message: str) -> Response:
        return private_page(
            request, "log/import.html", 400, apps=APPS, chosen=chosen, error=message
        )

    if chosen not in FORMATS:
        return refused("Choose the app the file comes from.")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return refused("Choose the file to import.")
    try:
        data = await upload.read(MAX_BYTES + 1)
    finally:
        await upload.close()
    if len(data) > MAX_BYTES:
        return refused("That file is larger than 50 MB; split it and import each part.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return refused("That file is not text in UTF-8; export it again from the app.")
    log_format: LogFormat = next(f for f in get_args(LogFormat) if f == chosen)
    try:
        with log_store(request) as store:
            units = SqlAccountStore(store.session).preferences(user.id).units
            report = import_log(
                store,
                state_of(request).catalog,
                user.id,
                log_format,
                text,
                upload.filename,
                weight_unit=units,
            )
    except RepforgeError as exc:
        return refused(f"Nothing was imported: {exc}")
    return private_page(request, "log/import.html", apps=APPS, chosen=chosen, report=report)


@router.get("/log/export")
def export_download(
    request: Request,
    user: SiteUser,
    format: Annotated[ExportFormat, Query(description="strong, strong-comma, hevy or repforge")],
) -> Response:
    with log_store(request) as store:
        name, media_type, text = export_log(store, state_of(request).catalog, user.id, format)
    return attachment(text, name, media_type, private=True)
