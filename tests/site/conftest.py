"""Fixtures for the site build tests: the sample catalogue (sample_catalogue.py) built
once per session, and helpers to build variations of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from sample_catalogue import write_sample

PROJECT_CONFTEST = Path(__file__).resolve().parent.parent / "conftest.py"


@pytest.fixture(scope="session")
def helpers(pytestconfig):
    """tests/conftest.py as a module (for copy_project and build_site): conftest files
    outside packages share the module name `conftest`, so pytest's own copy is used."""
    for plugin in pytestconfig.pluginmanager.get_plugins():
        if Path(getattr(plugin, "__file__", "") or "").resolve() == PROJECT_CONFTEST:
            return plugin
    raise RuntimeError(f"{PROJECT_CONFTEST} is not loaded")


@pytest.fixture(scope="session")
def make_project(helpers):
    """make_project(folder, actions=..., cases=...) -> a project copy with that content."""
    def make(destination: Path, **kwargs) -> Path:
        project = helpers.copy_project(destination, with_content=False)
        write_sample(project / "content", **kwargs)
        return project
    return make


@pytest.fixture(scope="session")
def build(helpers):
    return helpers.build_site


@pytest.fixture(scope="session")
def sample(tmp_path_factory, make_project, build) -> Path:
    """The sample catalogue's project folder, built; the site is in `sample / 'site'`."""
    project = make_project(tmp_path_factory.mktemp("sample"))
    build(project)
    return project
