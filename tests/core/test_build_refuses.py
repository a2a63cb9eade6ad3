"""`mkdocs build` runs the same validation as `actiebank validate` and refuses to build,
with or without --strict, while any entry is invalid; every problem is reported at once."""

import shutil
from pathlib import Path

import pytest

from support import build_site, copy_project
from support.bad_content import BAD, CASES, plant_images, undated

pytestmark = pytest.mark.slow  # builds of its own


def fixture_project(tmp_path) -> Path:
    project = copy_project(tmp_path / "project", with_content=False)
    shutil.copytree(
        Path(__file__).parent / "fixtures" / "valid", project / "content", dirs_exist_ok=True
    )
    (project / "content" / "index.md").write_text(
        "---\ntemplate: home.html\ntitle: Actiebank\n---\nWelkom.\n"
    )
    return project


def test_build_fails_on_every_bad_entry_with_the_validator_messages(tmp_path):
    project = fixture_project(tmp_path)
    for name, *_ in CASES:
        shutil.copy(BAD / name, project / "content" / name)
    plant_images(project / "content" / "images")

    for strict in (True, False):
        extra = () if strict else ("--no-strict",)
        result = build_site(project, *extra, check=False)
        output = result.stdout + result.stderr
        assert result.returncode != 0
        assert "Traceback" not in output
        for name, line, column, field, message in CASES:
            where = f"content/{name}:{line}:{column}: {f'{field}: ' if field else ''}"
            assert where + undated(message) in output, (where, output[-3000:])
        assert "fouten in de inhoud; er is niets gebouwd." in output
        assert not (project / "site" / "acties").exists()


def test_a_contributor_text_with_braces_is_built_as_written(tmp_path):
    project = fixture_project(tmp_path)
    build_site(project, "--no-strict")
    page = (project / "site" / "acties" / "buddy-voor-starters" / "index.html").read_text()
    assert "{{ deze }}" in page
