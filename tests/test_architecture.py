"""The domain runs without the web: importing it loads no web or SQL framework."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

FORBIDDEN = ("fastapi", "starlette", "sqlalchemy", "jinja2")
DOMAIN = [
    "repforge.catalog",
    "repforge.catalog.load",
    "repforge.catalog.quality",
    "repforge.catalog.relations",
    "repforge.catalog.crosswalk",
    "repforge.catalog.importers.free_exercise_db",
    "repforge.catalog.importers.exercisedb",
    "repforge.catalog.importers.wger",
    "repforge.pages",
    "repforge.pages.exercise",
    "repforge.pages.markdown",
    "repforge.pages.hubs",
    "repforge.pages.jsonld",
    "repforge.pages.bodymap",
    "repforge.search",
    "repforge.planner.service",
    "repforge.planner.solver",
    "repforge.planner.validate",
    "repforge.accounts.service",
    "repforge.accounts.mail",
    "repforge.logbook.service",
]


@pytest.mark.parametrize("module", DOMAIN)
def test_domain_module_imports_no_framework(module: str) -> None:
    code = (
        f"import json, sys, {module}; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    loaded = json.loads(subprocess.check_output([sys.executable, "-c", code], text=True))
    assert not set(FORBIDDEN) & set(loaded), f"{module} pulls in {set(FORBIDDEN) & set(loaded)}"


def test_the_check_detects_a_framework_import() -> None:
    code = "import json, sys, repforge.web.app; print(json.dumps(sorted(sys.modules)))"
    loaded = json.loads(subprocess.check_output([sys.executable, "-c", code], text=True))
    assert "fastapi" in loaded
