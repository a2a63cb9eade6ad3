"""Where the project's files are, found from the package or the working directory."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _project_root() -> Path:
    # An editable install runs from src/actiebank inside the checkout; the schema folder
    # sits at the top of it. ACTIEBANK_ROOT lets tests and a wheel install point elsewhere.
    env = os.environ.get("ACTIEBANK_ROOT")
    if env:
        return Path(env).resolve()
    for candidate in (PACKAGE_DIR.parent.parent, Path.cwd()):
        if (candidate / "schema" / "vocabularies.yaml").is_file():
            return candidate
    return PACKAGE_DIR.parent.parent


PROJECT_ROOT = _project_root()
SCHEMA_DIR = PROJECT_ROOT / "schema"
CONTENT_DIR = PROJECT_ROOT / "content"
