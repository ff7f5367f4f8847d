"""CP-SAT loads without pandas, and pandas imported afterwards is the real one."""

from __future__ import annotations

import subprocess
import sys


def test_pandas_is_stood_in_only_while_cp_sat_loads() -> None:
    child = (
        "import sys\n"
        "from repforge.planner.cpsat import cp_model\n"
        "assert 'pandas' not in sys.modules\n"
        "model = cp_model.CpModel()\n"
        "x = model.new_int_var(0, 7, 'x')\n"
        "model.maximize(x)\n"
        "solver = cp_model.CpSolver()\n"
        "assert solver.solve(model) == cp_model.OPTIMAL and solver.value(x) == 7\n"
        "import pandas\n"
        "assert hasattr(pandas, 'DataFrame')\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", child], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "ok"
