"""Load the content folder into a validated catalogue.

load_catalogue(content_dir) reads every action and case, validates each file and the
rules across files, and returns the entries that are valid together with every problem.
Only valid entries are ever handed to the site; a build refuses to run while any
problem of severity 'error' is left.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from .frontmatter import Source, read_source
from .problems import Problem
from .validate import (check_body, check_catalogue, check_dates, check_image, check_rules,
                       check_schema, check_slug)
from .vocabulary import Vocabularies, load_vocabularies

KIND_FOLDERS = {"action": "actions", "case": "cases"}


@dataclass
class Entry:
    """One valid action or case story."""

    kind: str
    slug: str
    data: dict
    body: str
    body_line: int
    path: Path
    display: str
    # Where each field's name stands in the file, for messages about a valid entry
    # (review warnings) without reading the file again.
    key_positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.data["title"]

    @property
    def summary(self) -> str:
        return self.data["summary"]


@dataclass
class Catalogue:
    content_dir: Path
    vocabularies: Vocabularies
    actions: dict[str, Entry] = field(default_factory=dict)
    cases: dict[str, Entry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def entry_files(content_dir: Path, kind: str) -> list[Path]:
    folder = content_dir / KIND_FOLDERS[kind]
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix == ".md" and p.is_file())


def display_path(path: Path, base: Path | None = None) -> str:
    base = base or Path.cwd()
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def latest_date_anywhere() -> date:
    """The calendar date in the time zone furthest ahead (UTC+14).

    "Not in the future" must not depend on the machine's zone: an entry dated today in
    Amsterdam is valid on a CI runner in UTC, whatever the hour.
    """
    return (datetime.now(timezone.utc) + timedelta(hours=14)).date()


def normalise_years(data: dict) -> None:
    """`started: 2021` is read by YAML as a number; the content model means the year."""
    for name in ("started", "ended"):
        if type(data.get(name)) is int:
            data[name] = str(data[name])
    for outcome in data.get("outcomes") or []:
        if isinstance(outcome, dict) and type(outcome.get("period")) is int:
            outcome["period"] = str(outcome["period"])


def load_catalogue(content_dir: Path, *, vocabularies: Vocabularies | None = None,
                   today: date | None = None, display_base: Path | None = None) -> Catalogue:
    content_dir = Path(content_dir)
    vocabularies = vocabularies or load_vocabularies()
    today = today or latest_date_anywhere()
    catalogue = Catalogue(content_dir=content_dir, vocabularies=vocabularies)
    if not content_dir.is_dir():
        catalogue.problems.append(Problem(display_path(content_dir, display_base), 1, 1, "",
                                          "the content folder does not exist; create it with "
                                          "actions/ and cases/ inside"))
        return catalogue

    sources: dict[str, dict[str, Source]] = {"action": {}, "case": {}}
    duplicates: list[tuple[str, Source, Source]] = []
    problems = catalogue.problems
    for kind in ("action", "case"):
        for path in entry_files(content_dir, kind):
            source = read_source(path, display_path(path, display_base))
            problems.extend(source.problems)
            problems.extend(check_slug(source, kind))
            slug = path.stem
            if slug in sources[kind]:
                duplicates.append((kind, sources[kind][slug], source))
            else:
                sources[kind][slug] = source
            if source.data is None:
                continue
            normalise_years(source.data)
            problems.extend(check_schema(source, kind, vocabularies))
            problems.extend(check_rules(source, kind))
            problems.extend(check_dates(source, kind, today))
            problems.extend(check_image(source, content_dir))
            problems.extend(check_body(source))

    if not sources["action"] and not sources["case"]:
        problems.append(Problem(display_path(content_dir, display_base), 1, 1, "",
                                "the content folder holds no actions or cases; add at least one "
                                "action as content/actions/<slug>.md (actiebank new action \"Titel\")"))
    problems.extend(check_catalogue(sources["action"], sources["case"], duplicates))

    broken = {p.path for p in problems if p.severity == "error"}
    for kind, group in sources.items():
        target = catalogue.actions if kind == "action" else catalogue.cases
        for slug in sorted(group):
            source = group[slug]
            if source.data is None or source.display in broken:
                continue
            target[slug] = Entry(kind=kind, slug=slug, data=source.data, body=source.body,
                                 body_line=source.body_line, path=source.path,
                                 display=source.display, key_positions=source.key_positions)
    problems.sort(key=lambda p: (p.path, p.line, p.column, p.field, p.message))
    return catalogue
