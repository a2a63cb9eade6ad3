"""When each content file last changed, according to git.

One `git log` over the whole content folder answers for every file at once: a process
per file would cost seconds at a thousand actions. Outside a git checkout (a tarball, a
test's temporary copy) there is no history and the answer is empty; pages then fall back
to the dates written in the content.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

_MARK = "\x1e"


def last_commit_dates(content_dir: Path) -> dict[Path, str]:
    """Resolved file path -> ISO date (YYYY-MM-DD) of the newest commit touching it."""
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
                f"--format={_MARK}%cs",
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


def parse_log(output: str, base: Path) -> dict[Path, str]:
    dates: dict[Path, str] = {}
    current = ""
    # split("\n"), not splitlines(): splitlines() also breaks at the \x1e mark itself.
    for line in output.split("\n"):
        if line.startswith(_MARK):
            current = line[len(_MARK) :].strip()
        elif line.strip() and current:
            # git lists commits newest first: the first date seen for a file is its last change.
            dates.setdefault((base / line.strip()).resolve(), current)
    return dates
