"""The project: its folders and the few settings the core needs, passed in explicitly.

The MkDocs hook builds a Project from the MkDocs configuration; the `actiebank` command
reads the same settings from mkdocs.yml with a plain YAML reader (tags only MkDocs
understands, such as !ENV, read as nothing), so both see one set of settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

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

    @classmethod
    def at(cls, root: Path, *, content_dir: Path | None = None, site_url: str = "",
           edit_base: str | None = None, pages: tuple[str, ...] = ()) -> "Project":
        root = Path(root).resolve()
        return cls(root=root, content_dir=Path(content_dir or root / "content"),
                   schema_dir=root / "schema", cache_dir=root / ".cache" / "actiebank",
                   site_url=site_url, edit_base=edit_base, pages=tuple(pages))


class _SettingsLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: a tag only MkDocs knows (!ENV, !!python/name) is None."""


_SettingsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_SettingsLoader.add_multi_constructor("tag:yaml.org,2002:python/",
                                      lambda loader, suffix, node: None)


def edit_base(repo_url: str | None, edit_uri: str | None) -> str | None:
    if not repo_url or not edit_uri:
        return None
    repo = repo_url if repo_url.endswith("/") else repo_url + "/"
    edit = edit_uri if edit_uri.endswith("/") else edit_uri + "/"
    return repo + edit.lstrip("/")


def settings_pages(extra: dict | None) -> tuple[str, ...]:
    """The editorial pages listed under `extra: actiebank: pages:` in mkdocs.yml."""
    listed = ((extra or {}).get("actiebank") or {}).get("pages") or []
    return tuple(str(p) for p in listed)


def read_project(root: Path) -> Project:
    """The project whose mkdocs.yml is in root; without one, a project with no settings."""
    root = Path(root).resolve()
    config_path = root / CONFIG_FILE
    if not config_path.is_file():
        return Project.at(root)
    config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_SettingsLoader) or {}
    return Project.at(
        root, content_dir=root / str(config.get("docs_dir") or "docs"),
        site_url=str(config.get("site_url") or ""),
        edit_base=edit_base(config.get("repo_url"), config.get("edit_uri")),
        pages=settings_pages(config.get("extra")))
