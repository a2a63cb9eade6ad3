"""The project's MkDocs hooks (hooks/*.py) loaded as modules, as MkDocs loads them: by
file, not by package import."""

from __future__ import annotations

import importlib.util
import types

from . import ROOT


def load_hook(name: str) -> types.ModuleType:
    """hooks/<name>.py as a fresh module."""
    spec = importlib.util.spec_from_file_location(f"{name}_hook", ROOT / "hooks" / f"{name}.py")
    assert spec is not None and spec.loader is not None, name
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
