"""Make something once per test run, however many pytest-xdist workers ask for it.

`scripts/test` runs the suite in two worker processes; a session fixture runs once per
worker. The project's real build (`built_site`) and the sample catalogue's build
(`sample`) are asked for by both workers and are the same for both: the first worker to
ask makes it, under a file lock, in a folder every worker of the run can reach; the other
waits and reads it. Without workers it is an ordinary session fixture's folder.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest


def once_per_run(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]
) -> Path:
    """The folder `name`, filled by `make(folder)` by the first worker that asks for it."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    folder = root / f"once-{name}"
    with open(root / f"once-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = root / f"once-{name}.done"
        if not done.exists():
            # Left half made by a worker whose `make` failed: start again, and fail again
            # here with the same message rather than read half a build.
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder
