"""When each content file last changed, according to git.

One `git log` over the whole content folder answers for every file at once: a process
per file would cost seconds at a thousand actions. Outside a git checkout (a tarball, a
test's temporary copy) there is no history and the answer is empty; pages then fall back
to the dates written in the content.
"""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

_MARK = "\x1e"


def last_commit_dates(content_dir: Path) -> dict[Path, str]:
    """Resolved file path -> ISO date (YYYY-MM-DD) of the newest commit touching it."""
    return {path: moment[:10] for path, moment in last_commit_times(content_dir).items()}


def last_commit_times(content_dir: Path) -> dict[Path, str]:
    """Resolved file path -> when the newest commit touching it was made, in UTC
    (YYYY-MM-DDTHH:MM:SSZ, so the strings sort in time order): what "Laatst gewijzigd"
    sorts by, finer than a day."""
    content_dir = Path(content_dir).resolve()
    try:
        result = subprocess.run(
            [
                "git",
                "-c",
                "core.quotePath=false",
                "-C",
                str(content_dir),
                "log",
                f"--format={_MARK}%ct",
                "--name-only",
                "--relative",
                "--no-renames",
                "--",
                ".",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    return parse_log(result.stdout, content_dir)


def utc_moment(seconds: str) -> str:
    """'1764588043' (a commit's Unix time) -> '2025-12-01T11:20:43Z'; '' when unreadable."""
    try:
        moment = datetime.fromtimestamp(int(seconds), tz=UTC)
    except (ValueError, OverflowError, OSError):
        return ""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_log(output: str, base: Path) -> dict[Path, str]:
    dates: dict[Path, str] = {}
    current = ""
    # split("\n"), not splitlines(): splitlines() also breaks at the \x1e mark itself.
    for line in output.split("\n"):
        if line.startswith(_MARK):
            current = utc_moment(line[len(_MARK) :].strip())
        elif line.strip() and current:
            # git lists commits newest first: the first date seen for a file is its last change.
            dates.setdefault((base / line.strip()).resolve(), current)
    return dates
