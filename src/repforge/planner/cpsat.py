"""OR-Tools' CP-SAT module, imported without pandas.

`ortools.sat.python.cp_model` imports pandas at the top for its `*_series` helpers, which the
planner never calls; pandas costs about as much import time as the rest of `repforge plan`
together. While CP-SAT loads, a stand-in module answers `import pandas` with the two names
cp_model reads at import (`Index`, `Series`), so no pandas object can ever match them. The
stand-in is removed at once: code importing pandas afterwards gets the real one. When pandas
is already loaded, nothing is stood in.
"""

from __future__ import annotations

import sys
import types


def _stand_in() -> types.ModuleType:
    module = types.ModuleType("pandas", "Stand-in while CP-SAT loads; see repforge.planner.cpsat.")
    module.Index = type("Index", (), {})  # type: ignore[attr-defined]
    module.Series = type("Series", (), {})  # type: ignore[attr-defined]
    return module


_STOOD_IN = "pandas" not in sys.modules
if _STOOD_IN:
    sys.modules["pandas"] = _stand_in()
try:
    from ortools.sat.python import cp_model
finally:
    if _STOOD_IN:
        del sys.modules["pandas"]

__all__ = ["cp_model"]
