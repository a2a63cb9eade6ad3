"""The project: its folders and the few settings the core needs, passed in explicitly.

The MkDocs hook builds a Project from the MkDocs configuration; the `actiebank` command
reads the same settings from mkdocs.yml with a plain YAML reader (tags only MkDocs
understands, such as !ENV, read as nothing), so both see one set of settings.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Project:
    root: Path
    content_dir: Path
    schema_dir: Path
    cache_dir: Path
    site_url: str = ""
    # Where "edit this page" links point: repo_url + edit_uri, or None.
    edit_base: str | None = None
    # The editorial pages (home, about, contribute...): every Markdown file in the content
    # folder that is not an entry, relative to it. Any other file there is refused.
    pages: tuple[str, ...] = field(default_factory=tuple)
    # The repository (repo_url) and the editors' address (extra: actiebank: editors_email),
    # for the proposal form's ways to send.
    repo_url: str | None = None
    editors_email: str | None = None

    @classmethod
    def at(
        cls,
        root: Path,
        *,
        content_dir: Path | None = None,
        schema_dir: Path | None = None,
        cache_dir: Path | None = None,
        site_url: str = "",
        edit_base: str | None = None,
        pages: tuple[str, ...] = (),
        repo_url: str | None = None,
        editors_email: str | None = None,
    ) -> Project:
        """A project in `root`, its folders where the project keeps them unless given."""
        root = Path(root).resolve()
        return cls(
            root=root,
            content_dir=Path(content_dir or root / "content"),
            schema_dir=Path(schema_dir or root / "schema"),
            cache_dir=Path(cache_dir or root / ".cache" / "actiebank"),
            site_url=site_url,
            edit_base=edit_base,
            pages=tuple(pages),
            repo_url=repo_url,
            editors_email=editors_email,
        )

    def with_content(self, content_dir: Path) -> Project:
        """The same project reading another content folder (its editorial pages only when
        it is the project's own)."""
        own = Path(content_dir).resolve() == Path(self.content_dir).resolve()
        return replace(self, content_dir=Path(content_dir), pages=self.pages if own else ())


class _SettingsLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: a tag only MkDocs knows (!ENV, !!python/name) is None."""


_SettingsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_SettingsLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/", lambda loader, suffix, node: None
)


def edit_base(repo_url: str | None, edit_uri: str | None) -> str | None:
    if not repo_url or not edit_uri:
        return None
    repo = repo_url if repo_url.endswith("/") else repo_url + "/"
    edit = edit_uri if edit_uri.endswith("/") else edit_uri + "/"
    return repo + edit.lstrip("/")


def repo_from_url(url: str | None) -> str | None:
    """'https://github.com/actiebank/actiebank' -> 'actiebank/actiebank'."""
    match = re.match(r"^https?://github\.com/([^/\s]+/[^/\s]+?)(?:\.git)?/?$", url or "")
    return match.group(1) if match else None


def settings_pages(extra: dict[str, Any] | None) -> tuple[str, ...]:
    """The editorial pages listed under `extra: actiebank: pages:` in mkdocs.yml."""
    listed = ((extra or {}).get("actiebank") or {}).get("pages") or []
    return tuple(str(p) for p in listed)


def settings_editors_email(extra: dict[str, Any] | None) -> str | None:
    """The editors' address under `extra: actiebank: editors_email:` in mkdocs.yml."""
    address = ((extra or {}).get("actiebank") or {}).get("editors_email")
    return str(address) if address else None


def cache_dir_for(root: Path) -> Path:
    """Where drawn images are kept between builds: $ACTIEBANK_CACHE (the tests share one
    between their many builds), else .cache/actiebank in the project."""
    chosen = os.environ.get("ACTIEBANK_CACHE")
    return Path(chosen) if chosen else Path(root) / ".cache" / "actiebank"


def find_project(start: Path | None = None) -> Project:
    """The project the `actiebank` command works in: $ACTIEBANK_ROOT, else the nearest
    folder from `start` (the working folder) upwards that has schema/vocabularies.yaml,
    else the checkout this package is installed from (an editable install)."""
    chosen = os.environ.get("ACTIEBANK_ROOT")
    if chosen:
        return read_project(Path(chosen))
    here = Path(start or Path.cwd()).resolve()
    checkout = Path(__file__).resolve().parents[2]
    for folder in (here, *here.parents, checkout):
        if (folder / "schema" / "vocabularies.yaml").is_file():
            return read_project(folder)
    return read_project(here)


def project_from_settings(root: Path, settings: Mapping[str, Any]) -> Project:
    """The project from mkdocs.yml's settings (as MkDocs or a plain YAML reader has them)."""
    root = Path(root).resolve()
    return Project.at(
        root,
        content_dir=root / str(settings.get("docs_dir") or "docs"),
        cache_dir=cache_dir_for(root),
        site_url=str(settings.get("site_url") or ""),
        edit_base=edit_base(settings.get("repo_url"), settings.get("edit_uri")),
        pages=settings_pages(settings.get("extra")),
        repo_url=str(settings.get("repo_url") or "") or None,
        editors_email=settings_editors_email(settings.get("extra")),
    )


def read_project(root: Path) -> Project:
    """The project whose mkdocs.yml is in root; without one, a project with no settings."""
    root = Path(root).resolve()
    config_path = root / CONFIG_FILE
    if not config_path.is_file():
        return Project.at(root, cache_dir=cache_dir_for(root))
    settings = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_SettingsLoader)
    return project_from_settings(root, settings or {})
