"""Fixtures for the site build tests: the sample catalogue (sample_catalogue.py) built
once per session, and a way to build variations of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from sample_catalogue import write_sample
from support import build_site, copy_project


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
    """The sample catalogue's project folder, built; the site is in `sample / 'site'`."""
    project = make_project(tmp_path_factory.mktemp("sample"))
    build_site(project)
    return project
