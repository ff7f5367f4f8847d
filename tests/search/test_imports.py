"""The search package runs without the web: importing it loads no web or SQL framework."""

from __future__ import annotations

import json
import subprocess
import sys

FORBIDDEN = {"fastapi", "starlette", "sqlalchemy", "jinja2"}


def test_search_imports_no_framework() -> None:
    code = (
        "import json, sys, repforge.search, repforge.search.intent, repforge.search.ranking; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    loaded = set(json.loads(subprocess.check_output([sys.executable, "-c", code], text=True)))
    assert not FORBIDDEN & loaded
