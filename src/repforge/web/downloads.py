"""File downloads: one way to answer with an attachment, private ones never stored by caches."""

from __future__ import annotations

from fastapi import Response


def attachment(text: str, name: str, media_type: str, *, private: bool) -> Response:
    """`text` as a file called `name`; `private` files (a user's own data) are never cached."""
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if private:
        headers["Cache-Control"] = "no-store"
    return Response(text, media_type=media_type, headers=headers)
