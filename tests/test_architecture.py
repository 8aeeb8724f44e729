"""The engine is a plain Python package: importing all of it must not import Django."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys
import pledgetrack.engine as engine
for module in pkgutil.walk_packages(engine.__path__, "pledgetrack.engine."):
    importlib.import_module(module.name)
bad = sorted(m for m in sys.modules if m == "django" or m.startswith(("django.", "rest_framework")))
print(len([m for m in sys.modules if m.startswith("pledgetrack.engine")]))
sys.exit(1 if bad else 0)
"""


def test_engine_imports_no_web_framework() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert int(result.stdout.strip().splitlines()[-1]) >= 10  # the walk really imported the engine
