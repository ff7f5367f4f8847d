"""OR-Tools is imported only where a plan is solved, not by every command or server start."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


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
