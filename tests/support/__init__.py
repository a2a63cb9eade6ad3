"""What every test folder shares: the project's folders, a throw-away copy of the project
built by a real `mkdocs build`, the core's catalogue for a test's own content folder, a
server that answers like GitHub Pages, and the sitemap walk.

Import it as `support` (tests/ is on the path through tests/conftest.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from actiebank.content.catalogue import Catalogue, load_catalogue
from actiebank.project import Project, read_project

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = ROOT / "schema"
PROJECT_FILES = ("mkdocs.yml", "hooks", "overrides", "schema")
# The editorial pages the project lists; harmless for a folder that has none of them.
PAGES = read_project(ROOT).pages
# One image cache for every test build: drawing Open Graph cards and image variants is
# most of a cold build, and the cache is keyed by content, so builds can share it.
IMAGE_CACHE = Path(os.environ.get("ACTIEBANK_TEST_CACHE", ROOT / ".cache" / "test-images"))


def run_cli(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """`actiebank ARGS` in a child process, as a contributor or CI runs it, output captured."""
    return subprocess.run(
        [sys.executable, "-m", "actiebank.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def project_at(content_dir: Path, **settings) -> Project:
    """A project reading a test's own content folder, with the real schema."""
    content_dir = Path(content_dir)
    return Project.at(
        content_dir.parent,
        content_dir=content_dir,
        schema_dir=SCHEMA_DIR,
        pages=settings.pop("pages", PAGES),
        **settings,
    )


def catalogue_of(content_dir: Path, **options) -> Catalogue:
    """load_catalogue for a test's content folder; messages name `content/...`."""
    return load_catalogue(project_at(content_dir), **options)


def copy_project(destination: Path, *, with_content: bool = True) -> Path:
    """A throw-away copy of the project (config, hooks, theme, schema, content)."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source,
                destination / name,
                dirs_exist_ok=True,
                ignore=shutil.ignore_patterns("__pycache__"),
            )
        elif source.exists():
            shutil.copy2(source, destination / name)
    if with_content:
        shutil.copytree(ROOT / "content", destination / "content", dirs_exist_ok=True)
    else:
        (destination / "content").mkdir(exist_ok=True)
    node_modules = ROOT / "node_modules"
    if node_modules.is_dir() and not (destination / "node_modules").exists():
        (destination / "node_modules").symlink_to(node_modules, target_is_directory=True)
    return destination


def build_site(
    project: Path, *extra: str, check: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run a real `mkdocs build` in a project folder; returns the finished process."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site", *extra],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        env={
            **os.environ,
            "ACTIEBANK_ROOT": str(project),
            "ACTIEBANK_CACHE": str(IMAGE_CACHE),
            **(env or {}),
        },
    )
    if check and result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return result
