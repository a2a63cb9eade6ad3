"""Fixtures for the site build tests: the sample catalogue (support/sample_catalogue.py)
built once per test run, and a way to build variations of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import build_site, copy_project
from support.once import once_per_run
from support.sample_catalogue import write_sample


@pytest.fixture(scope="session")
def make_project():
    """make_project(folder, actions=..., cases=...) -> a project copy with that content."""

    def make(destination: Path, **kwargs) -> Path:
        project = copy_project(destination, with_content=False)
        write_sample(project / "content", **kwargs)
        return project

    return make


@pytest.fixture(scope="session")
def sample(tmp_path_factory, make_project) -> Path:
    """The sample catalogue's project folder, built once per test run (shared by the
    workers); the site is in `sample / 'site'`."""

    def make(project: Path) -> None:
        build_site(make_project(project))

    return once_per_run(tmp_path_factory, "sample", make)
