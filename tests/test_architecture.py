"""The domain runs without the web: importing any domain module loads no web or SQL framework."""

from __future__ import annotations

import json
import subprocess
import sys

FORBIDDEN = ("fastapi", "starlette", "sqlalchemy", "jinja2")
# Every module under these packages is found by walking them, so a new one is checked too.
# Packages not written yet (media, accounts) are checked as soon as they exist.
DOMAIN_PACKAGES = ("catalog", "pages", "search", "planner", "training", "media", "accounts")

# Run in a fresh interpreter: import every domain module one after another and note which
# frameworks each one brought in that were not loaded before it.
PROBE = """
import importlib, importlib.util, json, pkgutil, sys
forbidden, packages = set(sys.argv[1].split(",")), sys.argv[2].split(",")
def roots():
    return {name.split(".")[0] for name in sys.modules}
found, blamed = [], {}
for package in packages:
    name = f"repforge.{package}"
    if importlib.util.find_spec(name) is None:
        continue
    root = importlib.import_module(name)
    modules = [name] + [m.name for m in pkgutil.walk_packages(root.__path__, name + ".")]
    for module in modules:
        before = roots()
        importlib.import_module(module)
        found.append(module)
        brought = sorted((roots() - before) & forbidden)
        if brought:
            blamed[module] = brought
print(json.dumps({"modules": found, "blamed": blamed}))
"""


def _probe(packages: tuple[str, ...]) -> dict[str, object]:
    args = [sys.executable, "-c", PROBE, ",".join(FORBIDDEN), ",".join(packages)]
    result: dict[str, object] = json.loads(subprocess.check_output(args, text=True))
    return result


def test_no_domain_module_imports_a_web_or_sql_framework() -> None:
    result = _probe(DOMAIN_PACKAGES)
    modules = result["modules"]
    assert isinstance(modules, list)
    # the walk really found the packages' modules, the ones a hand-written list used to miss too
    assert {"repforge.catalog.importers.merge", "repforge.planner.ics"} <= set(modules)
    assert len(modules) >= 50
    assert result["blamed"] == {}


def test_the_check_detects_a_framework_import() -> None:
    result = _probe(("catalog", "web"))
    blamed = result["blamed"]
    assert isinstance(blamed, dict)
    assert any("fastapi" in frameworks for frameworks in blamed.values())
