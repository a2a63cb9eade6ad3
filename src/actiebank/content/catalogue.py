"""Load the content folder into a validated catalogue.

load_catalogue(project) reads every action and case, validates each file and the rules
across files, and returns the entries that are valid together with every problem. Only
valid entries are ever handed to the site; a build refuses to run while any problem of
severity 'error' is left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any

from ..problems import FieldPath, Problem
from ..project import Project
from ..routes import reserved_action_slugs
from ..vocabulary import Vocabularies, load_vocabularies
from .body import check_body
from .crossfile import check_catalogue, check_evidence, check_slug
from .explain import check_schema
from .facts import ActionFacts, catalogue_facts
from .frontmatter import Source, read_source
from .image_rules import check_image
from .layout import check_layout, check_pages
from .rules import check_dates, check_rules
from .schema import KINDS, vocabularies_path

KIND_FOLDERS = {"action": "actions", "case": "cases"}
NO_FOLDER = "Deze map bestaat niet. Maak de map content, met daarin de mappen actions/ en cases/."


@dataclass
class Entry:
    """One valid action or case story."""

    kind: str
    slug: str
    data: dict[str, Any]
    body: str
    body_line: int
    path: Path
    display: str
    # Where each field's name stands in the file, for messages about a valid entry
    # (review warnings) without reading the file again.
    key_positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return str(self.data["title"])

    @property
    def summary(self) -> str:
        return str(self.data["summary"])


@dataclass
class Catalogue:
    content_dir: Path
    vocabularies: Vocabularies
    project: Project
    actions: dict[str, Entry] = field(default_factory=dict)
    cases: dict[str, Entry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @cached_property
    def facts(self) -> dict[str, ActionFacts]:
        """What the site concludes about each action (facts.py), decided at first use,
        once the catalogue is loaded."""
        stories = {slug: story.data for slug, story in self.cases.items()}
        return catalogue_facts({s: a.data for s, a in self.actions.items()}, stories)

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
    # A link is never read (it could point anywhere on the machine); layout.py reports it.
    return sorted(
        p for p in folder.iterdir() if p.suffix == ".md" and p.is_file() and not p.is_symlink()
    )


def display_path(
    path: Path, base: Path | None = None, *, real: dict[Path, Path] | None = None
) -> str:
    """The path as messages show it: relative to base where it lies inside, and with any
    control character in a file name written as an escape (a name may hold a line break).

    `real` remembers resolved folders for a run that shows many files of a few folders
    (resolving asks the system about every part of the path)."""
    real = {} if real is None else real

    def resolved(folder: Path) -> Path:
        if folder not in real:
            real[folder] = folder.resolve()
        return real[folder]

    # The folder is resolved, the name is not: a link is shown where it lies, not where
    # it points.
    where = resolved(path.parent) / path.name
    try:
        text = where.relative_to(resolved(base or Path.cwd())).as_posix()
    except ValueError:
        text = path.as_posix()
    return _CONTROL_IN_NAME.sub(lambda m: repr(m.group())[1:-1], text)


_CONTROL_IN_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def latest_date_anywhere() -> date:
    """The calendar date in the time zone furthest ahead (UTC+14).

    "Not in the future" must not depend on the machine's zone: an entry dated today in
    Amsterdam is valid on a CI runner in UTC, whatever the hour.
    """
    return (datetime.now(UTC) + timedelta(hours=14)).date()


def normalise_years(data: dict[str, Any]) -> None:
    """`started: 2021` is read by YAML as a number (the schema allows that); the content
    model means the year, and the site reads it as text."""
    for name in ("started", "ended", "period"):
        if type(data.get(name)) is int:
            data[name] = str(data[name])
    outcomes = data.get("outcomes")
    for outcome in outcomes if isinstance(outcomes, list) else []:
        if isinstance(outcome, dict) and type(outcome.get("period")) is int:
            outcome["period"] = str(outcome["period"])


def load_catalogue(
    project: Project, *, today: date | None = None, display_base: Path | None = None
) -> Catalogue:
    """Every entry of the project's content folder, validated, and every problem found.

    Every file the content model does not name is a problem too (layout.py). Messages
    show paths relative to `display_base` (the project folder by default).
    """
    content_dir = Path(project.content_dir)
    base = display_base or project.root
    vocabularies = load_vocabularies(vocabularies_path(project.schema_dir))
    today = today or latest_date_anywhere()
    catalogue = Catalogue(content_dir=content_dir, vocabularies=vocabularies, project=project)

    real_folders: dict[Path, Path] = {}

    def display(path: Path) -> str:
        return display_path(path, base, real=real_folders)

    if not content_dir.is_dir():
        catalogue.problems.append(Problem(display(content_dir), 1, 1, "", NO_FOLDER))
        return catalogue
    problems = catalogue.problems
    problems.extend(check_layout(content_dir, project.pages, display))
    problems.extend(check_pages(content_dir, project.pages, display))
    reserved = reserved_action_slugs(f.path for f in vocabularies.facets)
    sources: dict[str, dict[str, Source]] = {"action": {}, "case": {}}
    duplicates: list[tuple[str, Source, Source]] = []
    for kind in KINDS:
        for path in entry_files(content_dir, kind):
            source = read_source(path, display(path))
            problems.extend(source.problems)
            problems.extend(check_slug(source, kind, reserved))
            if path.stem in sources[kind]:
                duplicates.append((kind, sources[kind][path.stem], source))
            else:
                sources[kind][path.stem] = source
            if source.data is not None:
                problems.extend(check_entry(source, kind, catalogue, today))
    if not sources["action"] and not sources["case"]:
        problems.append(
            Problem(
                display(content_dir),
                1,
                1,
                "",
                "In de map content staan geen acties of verhalen. Zet er minstens één actie "
                'in, als content/actions/<naam>.md (actiebank new action "Titel").',
            )
        )
    problems.extend(check_catalogue(sources["action"], sources["case"], duplicates))
    broken = {p.path for p in problems if p.severity == "error"}
    valid_stories = {k: s for k, s in sources["case"].items() if s.display not in broken}
    problems.extend(check_evidence(sources["action"], valid_stories))
    _keep_valid_entries(catalogue, sources)
    problems.sort(key=lambda p: (p.path, p.line, p.column, p.field, p.message))
    return catalogue


def check_entry(source: Source, kind: str, catalogue: Catalogue, today: date) -> list[Problem]:
    """Every rule of one entry on its own: schema, rules across fields, dates, image, body."""
    problems = check_schema(source, kind, catalogue.vocabularies, catalogue.project.schema_dir)
    normalise_years(source.data or {})
    problems += check_rules(source, kind)
    problems += check_dates(source, kind, today)
    problems += check_image(source, catalogue.content_dir)
    problems += check_body(source)
    return problems


def _keep_valid_entries(catalogue: Catalogue, sources: dict[str, dict[str, Source]]) -> None:
    """Only entries without an error reach the catalogue; the broken ones stay out."""
    broken = {p.path for p in catalogue.problems if p.severity == "error"}
    for kind, group in sources.items():
        target = catalogue.actions if kind == "action" else catalogue.cases
        for slug in sorted(group):
            source = group[slug]
            if source.data is None or source.display in broken:
                continue
            target[slug] = Entry(
                kind=kind,
                slug=slug,
                data=source.data,
                body=source.body,
                body_line=source.body_line,
                path=source.path,
                display=source.display,
                key_positions=source.key_positions,
            )
