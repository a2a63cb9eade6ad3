"""The content folder holds only what the content model names: a pull request cannot
publish a file of the build machine, a page outside the entries, or a script."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from support import ROOT, build_site, catalogue_of, copy_project

MACRO = "{{ self.__init__.__globals__.__builtins__.__import__('os').popen('id').read() }}"


@pytest.fixture
def content(tmp_path) -> Path:
    """A copy of the project's real content."""
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    return folder


def problems_of(content: Path) -> dict[str, str]:
    catalogue = catalogue_of(content)
    return {p.path: p.message for p in catalogue.errors}


# name, what to write (text, or a symlink target), words of the message
PLANTED = [
    ("content/images/evil.html", "<script>alert(1)</script>", "only JPEG, PNG and WebP images"),
    (
        "content/images/logo.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        "an SVG or HTML file could run scripts",
    ),
    ("content/images/Foto.JPG", "niet echt", "the image name 'Foto.JPG' is not allowed"),
    (
        "content/actions/x.markdown",
        "---\ntitle: x\n---\n",
        "only entries belong in content/actions/",
    ),
    ("content/actions/Upper.MD", "---\ntitle: x\n---\n", "only entries belong in content/actions/"),
    (
        "content/acties-extra.md",
        "<script>alert(1)</script>\n",
        "is not an entry, an image or an editorial page",
    ),
    ("content/acties/regio/sneaky.md", "# Hoi\n", "is in a folder the content model does not have"),
    ("content/bijdragen/extra.md", "# Hoi\n", "is not an entry, an image or an editorial page"),
    ("content/macro.md", f"---\nrender_macros: true\n---\n{MACRO}\n", "is not an entry"),
    ("content/.verborgen.md", "# Hoi\n", "is not an entry"),
]


@pytest.mark.parametrize("name, text, words", PLANTED, ids=[p[0] for p in PLANTED])
def test_a_file_the_content_model_does_not_name_is_refused(content, name, text, words):
    path = content.parent / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")

    problems = problems_of(content)

    assert name in problems, problems
    assert words in problems[name]


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

    assert "is a symbolic link" in problems.get(name, ""), problems
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

    assert "rename it to 'x.md'" in problems["content/actions/x\\n.md"]
    assert "x\n" not in catalogue_of(content).actions


def test_an_editorial_page_cannot_switch_macros_on(content):
    page = content / "over.md"
    page.write_text(
        "---\ntitle: Over\nrender_macros: true\n---\n# Over\n\n" + MACRO + "\n", encoding="utf-8"
    )

    catalogue = catalogue_of(content)

    [problem] = [p for p in catalogue.errors if p.path == "content/over.md"]
    assert (problem.line, problem.field) == (3, "render_macros")
    assert "macros run only on the pages listed under 'force_render_paths'" in problem.message


def test_an_editorial_page_passes_the_body_rules(content):
    page = content / "over.md"
    page.write_text(
        page.read_text(encoding="utf-8") + '\n<img src="x" onerror="alert(1)">\n', encoding="utf-8"
    )

    problems = problems_of(content)

    assert "event attribute 'onerror'" in problems["content/over.md"]


def test_the_real_content_folder_holds_only_what_the_model_names():
    catalogue = catalogue_of(ROOT / "content")
    assert catalogue.errors == []


def test_a_planted_link_stops_the_build_and_nothing_of_the_machine_is_published(tmp_path):
    project = copy_project(tmp_path / "project")
    build_site(project)
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    (project / "content" / "cases" / "passwd.txt").symlink_to("/etc/passwd")
    (project / "content" / "images" / "omgeving.jpg").symlink_to(f"/proc/{os.getpid()}/environ")

    built = build_site(project, check=False)

    output = built.stdout + built.stderr
    assert built.returncode != 0 and "Traceback" not in output
    assert "content/cases/passwd.txt:1:1: is a symbolic link" in output
    after = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not any(b"root:x:0:0" in data for data in after.values())
