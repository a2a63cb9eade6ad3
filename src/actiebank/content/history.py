"""When each content file changed, according to git: its last change, and its few newest
changes, each with whether it added the file (the history an entry's page shows).

One `git log` over the whole content folder answers for every file at once: a process
per file would cost seconds at a thousand actions. Outside a git checkout (a tarball, a
test's temporary copy) there is no history and the answer is empty; pages then fall back
to the dates written in the content.
"""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

_MARK = "\x1e"
_FIELD = "\x1f"
# The changes a page lists: the newest few are enough to see whether an entry is kept up.
HISTORY_SIZE = 5


class Change(NamedTuple):
    """A commit that touched a file: when (UTC, YYYY-MM-DDTHH:MM:SSZ), its subject, and
    whether it added the file (else it changed it).

    A page shows the date and "toegevoegd" or "bijgewerkt", not the subject: subjects are
    in whatever language and about whatever the commit did (one commit may bring twenty
    actions, and GitHub's editor writes "Update buddy.md"), and the page is in Dutch.
    """

    moment: str
    subject: str
    added: bool = False

    @property
    def day(self) -> str:
        return self.moment[:10]


def last_commit_dates(content_dir: Path) -> dict[Path, str]:
    """Resolved file path -> ISO date (YYYY-MM-DD) of the newest commit touching it."""
    return {path: moment[:10] for path, moment in last_commit_times(content_dir).items()}


def last_commit_times(content_dir: Path) -> dict[Path, str]:
    """Resolved file path -> when the newest commit touching it was made, in UTC
    (YYYY-MM-DDTHH:MM:SSZ, so the strings sort in time order): what "Laatst gewijzigd"
    sorts by, finer than a day."""
    return {path: changes[0].moment for path, changes in file_histories(content_dir).items()}


def file_histories(content_dir: Path, size: int = HISTORY_SIZE) -> dict[Path, list[Change]]:
    """Resolved file path -> its newest `size` changes, newest first (commits of the same
    second keep git's order). Empty outside a git checkout."""
    content_dir = Path(content_dir).resolve()
    output = _git(
        content_dir,
        "log",
        f"--format={_MARK}%ct{_FIELD}%s",
        "--name-status",
        "--relative",
        "--no-renames",
        "--",
        ".",
    )
    if output is None:
        return {}
    return parse_log(output, content_dir, size, shallow=_is_shallow(content_dir))


def _is_shallow(content_dir: Path) -> bool:
    """In a shallow clone the oldest commit there seems to add every file."""
    try:
        result = subprocess.run(
            ["git", "-C", str(content_dir), "rev-parse", "--is-shallow-repository"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return True
    return result.stdout.strip() != "false"


def utc_moment(seconds: str) -> str:
    """'1764588043' (a commit's Unix time) -> '2025-12-01T11:20:43Z'; '' when unreadable."""
    try:
        moment = datetime.fromtimestamp(int(seconds), tz=UTC)
    except (ValueError, OverflowError, OSError):
        return ""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_log(
    output: str, base: Path, size: int = HISTORY_SIZE, *, shallow: bool = False
) -> dict[Path, list[Change]]:
    """The output of `git log --name-status` as histories; in a shallow clone no change
    is said to add a file."""
    histories: dict[Path, list[Change]] = {}
    current: Change | None = None
    # split("\n"), not splitlines(): splitlines() also breaks at the \x1e mark itself.
    for line in output.split("\n"):
        if line.startswith(_MARK):
            seconds, _, subject = line[len(_MARK) :].partition(_FIELD)
            moment = utc_moment(seconds.strip())
            current = Change(moment, subject.strip()) if moment else None
        elif line.strip() and current:
            # "M\tactions/buddy.md": what the commit did to the file, and the file.
            status, _, name = line.partition("\t")
            if not name.strip():
                continue
            # git lists commits newest first.
            changes = histories.setdefault((base / name.strip()).resolve(), [])
            if len(changes) < size:
                changes.append(current._replace(added=status.strip() == "A" and not shallow))
    return histories


class EntryTimes(NamedTuple):
    """When a file was first published and last changed, according to its own commits (UTC,
    YYYY-MM-DDTHH:MM:SSZ); '' where git cannot tell."""

    published: str
    updated: str


def entry_times(content_dir: Path) -> dict[Path, EntryTimes]:
    """Resolved file path -> when the commit that added it was made and when the newest
    commit that changed it was made. Empty outside a git checkout.

    In a shallow clone the oldest commits there (the boundary) seem to add every file, as if
    everything was new that day: what they show about a file is left out, so a file that only
    they touch has no times and the entry's own dates count instead."""
    content_dir = Path(content_dir).resolve()
    output = _git(
        content_dir,
        "log",
        f"--format={_MARK}%H{_FIELD}%ct",
        "--name-status",
        "--relative",
        "--no-renames",
        "--",
        ".",
    )
    if output is None:
        return {}
    return parse_times(output, content_dir, boundary=_shallow_boundary(content_dir))


def _git(content_dir: Path, *args: str) -> str | None:
    """What `git -C content_dir ARGS` prints; None when git fails or is missing."""
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotePath=false", "-C", str(content_dir), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def _shallow_boundary(content_dir: Path) -> frozenset[str]:
    """The commits a shallow clone ends at (git lists them in its `shallow` file)."""
    found = _git(content_dir, "rev-parse", "--path-format=absolute", "--git-path", "shallow")
    if not found:
        return frozenset()
    try:
        return frozenset(Path(found.strip()).read_text(encoding="utf-8").split())
    except OSError:
        return frozenset()


def parse_times(output: str, base: Path, *, boundary: frozenset[str]) -> dict[Path, EntryTimes]:
    """The output of `git log --format=<mark>%H<field>%ct --name-status` as each file's
    first addition and newest change, leaving out the commits in `boundary`."""
    updated: dict[Path, str] = {}
    published: dict[Path, str] = {}
    moment = ""
    for line in output.split("\n"):
        if line.startswith(_MARK):
            commit, _, seconds = line[len(_MARK) :].partition(_FIELD)
            moment = "" if commit.strip() in boundary else utc_moment(seconds.strip())
        elif line.strip() and moment:
            status, _, name = line.partition("\t")
            if not name.strip():
                continue
            path = (base / name.strip()).resolve()
            updated.setdefault(path, moment)  # git lists the newest commit first
            if status.strip() == "A":
                published[path] = moment  # ... and the oldest addition last
    return {path: EntryTimes(published.get(path, ""), when) for path, when in updated.items()}
