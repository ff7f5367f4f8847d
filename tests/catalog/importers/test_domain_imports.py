"""The importers are domain code: no web framework or SQL toolkit gets loaded."""

from __future__ import annotations

import json
import subprocess
import sys

MODULES = "repforge.catalog.importers, repforge.catalog.importers.merge"


def test_importers_load_no_framework() -> None:
    code = (
        f"import json, sys, {MODULES}; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    loaded = set(json.loads(subprocess.check_output([sys.executable, "-c", code], text=True)))
    assert not {"fastapi", "starlette", "sqlalchemy", "jinja2"} & loaded
