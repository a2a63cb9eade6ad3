"""The content folder holds only what the content model names: a pull request cannot
publish a file of the build machine, a page outside the entries, or a script."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from support import ROOT, build_site, catalogue_of, copy_project
from support.bad_content import MACRO, PLANTED


@pytest.fixture
def content(tmp_path) -> Path:
    """A copy of the project's real content."""
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    return folder


def problems_of(content: Path) -> dict[str, str]:
    catalogue = catalogue_of(content)
    return {p.path: p.message for p in catalogue.errors}


@pytest.mark.parametrize("name, text, message", PLANTED, ids=[p[0] for p in PLANTED])
def test_a_file_the_content_model_does_not_name_is_refused(content, name, text, message):
    path = content.parent / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")

    problems = problems_of(content)

    assert name in problems, problems
    assert problems[name] == message


@pytest.mark.parametrize(
    "name, target",
    [
        ("content/cases/passwd.txt", "/etc/passwd"),
        ("content/actions/omgeving.md", "/proc/self/environ"),
        ("content/images/foto.jpg", "/etc/hostname"),
        ("content/images/etc", "/etc"),
        ("content/over.md", "/etc/passwd"),
    ],
)
def test_a_symbolic_link_is_refused_wherever_it_points(content, name, target):
    link = content.parent / name
    link.unlink(missing_ok=True)
    link.symlink_to(target)

    problems = problems_of(content)

    assert problems.get(name, "").startswith(
        ("Dit bestand is een snelkoppeling", "Deze map is een snelkoppeling")
    ), problems
    # The link is never read: no entry, page or problem carries what it points to.
    catalogue = catalogue_of(content)
    assert Path(name).stem not in catalogue.actions and "root:" not in str(catalogue.problems)


def test_a_file_name_with_a_line_break_is_refused_and_shown_escaped(content):
    (content / "actions" / "x\n.md").write_text(
        (content / "actions" / "brabant-flexpool.md")
        .read_text(encoding="utf-8")
        .replace("title:", "title: Anders", 1),
        encoding="utf-8",
    )

    problems = problems_of(content)

    assert problems["content/actions/x\\n.md"] == (
        "De bestandsnaam 'x\\n.md' kan niet: gebruik alleen kleine letters, cijfers en "
        "koppeltekens. Noem het bestand 'x.md'."
    )
    assert "x\n" not in catalogue_of(content).actions


def test_an_editorial_page_cannot_switch_macros_on(content):
    page = content / "over.md"
    page.write_text(
        "---\ntitle: Over\nrender_macros: true\n---\n# Over\n\n" + MACRO + "\n", encoding="utf-8"
    )

    catalogue = catalogue_of(content)

    [problem] = [p for p in catalogue.errors if p.path == "content/over.md"]
    assert (problem.line, problem.field) == (3, "render_macros")
    assert problem.message == (
        "Een pagina kan macro's niet zelf aanzetten. Macro's werken alleen op de pagina's onder "
        "'force_render_paths' in mkdocs.yml. Haal deze regel weg."
    )


def test_an_editorial_page_passes_the_body_rules(content):
    page = content / "over.md"
    page.write_text(
        page.read_text(encoding="utf-8") + '\n<img src="x" onerror="alert(1)">\n', encoding="utf-8"
    )

    problems = problems_of(content)

    assert problems["content/over.md"] == (
        "Het attribuut 'onerror' bij <img> mag niet: de tekst mag geen scripts starten. Haal "
        "het weg."
    )


def test_the_real_content_folder_holds_only_what_the_model_names():
    catalogue = catalogue_of(ROOT / "content")
    assert catalogue.errors == []


@pytest.mark.slow  # a build of its own
def test_a_planted_link_stops_the_build_and_nothing_of_the_machine_is_published(tmp_path):
    project = copy_project(tmp_path / "project")
    build_site(project)
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    (project / "content" / "cases" / "passwd.txt").symlink_to("/etc/passwd")
    (project / "content" / "images" / "omgeving.jpg").symlink_to(f"/proc/{os.getpid()}/environ")

    built = build_site(project, check=False)

    output = built.stdout + built.stderr
    assert built.returncode != 0 and "Traceback" not in output
    assert "content/cases/passwd.txt:1:1: Dit bestand is een snelkoppeling" in output
    after = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not any(b"root:x:0:0" in data for data in after.values())
