"""git in a test's own folder, with a fixed author and, when asked, a fixed date, so the
history the site reads from it is the same on every run."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def git(folder: Path, *args: str, date: str | None = None) -> None:
    """`git -C folder ARGS`; `date` (ISO 8601) becomes the author and committer date."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", "-C", str(folder), *args], check=True, env=env, capture_output=True)
