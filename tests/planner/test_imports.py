"""The planner runs without the web: importing it loads no web or SQL framework."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

FORBIDDEN = {"fastapi", "starlette", "sqlalchemy", "jinja2"}
MODULES = [
    "repforge.planner.service",
    "repforge.planner.ics",
    "repforge.planner.markdown",
    "repforge.cli.plan",
]


@pytest.mark.parametrize("module", MODULES)
def test_planner_imports_no_framework(module: str) -> None:
    code = f"import json, sys, {module}; print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    loaded = set(json.loads(subprocess.check_output([sys.executable, "-c", code], text=True)))
    assert not FORBIDDEN & loaded


@pytest.mark.parametrize("module", ["repforge.cli.main", "repforge.web.app"])
def test_or_tools_loads_only_when_a_plan_is_solved(module: str) -> None:
    code = (
        f"import json, sys, {module}; loaded = 'ortools' in sys.modules; "
        "from repforge.planner.service import make_plan; "
        "from repforge.catalog.load import load_builtin; "
        "make_plan(load_builtin(), {'days': 2, 'weeks': 1}); "
        "print(json.dumps([loaded, 'ortools' in sys.modules]))"
    )
    before, after = json.loads(subprocess.check_output([sys.executable, "-c", code], text=True))
    assert (before, after) == (False, True)
