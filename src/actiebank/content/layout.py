"""What the content folder may hold, and the editorial pages in it.

Everything under content/ may come from a stranger's pull request, and MkDocs publishes
every file it finds there. So the folder holds only what the content model names:
entries (`actions/<slug>.md`, `cases/<slug>.md`), images of the allowed types in
`images/`, and the editorial pages the project lists (`extra: actiebank: pages:` in
mkdocs.yml). Anything else, any symbolic link, and any name outside the slug rule is a
problem naming the file and what to do; a build with a problem publishes nothing.

Editorial pages pass the same body rules as entries, and their front matter holds only
page settings: macros run only on the pages mkdocs.yml lists, never on a flag in a page.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from ..problems import Problem
from .body import check_body
from .frontmatter import Source, read_source

# How a path is shown in a message.
Display = Callable[[Path], str]
ENTRY_FOLDERS = {"actions": "action", "cases": "case"}
IMAGE_FOLDER = "images"
ENTRY_NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\.md")
IMAGE_NAME = re.compile(r"[a-z0-9]+([-_][a-z0-9]+)*\.(jpg|jpeg|png|webp)")
# Front matter an editorial page may set: Material's page settings, nothing that runs code.
PAGE_SETTINGS = ("title", "description", "template", "hide", "search")


def _problem(display: str, message: str) -> Problem:
    return Problem(display, 1, 1, "", message)


def check_layout(content_dir: Path, pages: tuple[str, ...], display: Display) -> list[Problem]:
    """A problem for every file or link in content_dir that the content model does not name.

    `display(path)` gives the path as messages show it.
    """
    content_dir = Path(content_dir)
    if content_dir.is_symlink():
        return [
            _problem(
                display(content_dir), "the content folder is a symbolic link; make it a real folder"
            )
        ]
    problems: list[Problem] = []
    listed = set(pages)
    page_folders = {str(Path(p).parent) for p in listed}
    for folder, dirnames, filenames in os.walk(content_dir, followlinks=False):
        here = Path(folder)
        relative_folder = here.relative_to(content_dir).as_posix()
        for name in sorted(dirnames):
            path = here / name
            if path.is_symlink():
                problems.append(
                    _problem(
                        display(path),
                        "is a symbolic link; a pull request "
                        "cannot link to files outside the content folder: "
                        "put the files themselves in content/",
                    )
                )
        dirnames[:] = sorted(d for d in dirnames if not (here / d).is_symlink())
        for name in sorted(filenames):
            path = here / name
            relative = path.relative_to(content_dir).as_posix()
            reason = _refusal(path, relative, relative_folder, listed, page_folders)
            if reason:
                problems.append(_problem(display(path), reason))
    return problems


def _refusal(
    path: Path, relative: str, folder: str, pages: set[str], page_folders: set[str]
) -> str | None:
    """Why a file may not be in the content folder, or None when it may."""
    if path.is_symlink():
        return (
            "is a symbolic link; a pull request cannot link to files outside the content "
            "folder: put the file itself here"
        )
    if not path.is_file():
        return "is not a regular file; remove it"
    name = path.name
    if folder in ENTRY_FOLDERS:
        if name.endswith(".md"):
            return None  # the slug rule is checked with the entry, with the new name to use
        kind = "an action" if ENTRY_FOLDERS[folder] == "action" else "a case story"
        return (
            f"only entries belong in content/{folder}/: {kind} is one file named "
            "<slug>.md (lower-case letters, digits and hyphens); move or delete this file"
        )
    if folder == IMAGE_FOLDER:
        if IMAGE_NAME.fullmatch(name):
            return None
        if re.fullmatch(r"(?i).+\.(jpe?g|png|webp)", name):
            return (
                f"the image name '{name}' is not allowed: use lower-case letters, digits "
                "and hyphens, and a lower-case .jpg, .jpeg, .png or .webp ending"
            )
        return (
            "only JPEG, PNG and WebP images belong in content/images/; remove this file "
            "(an SVG or HTML file could run scripts for visitors)"
        )
    if relative in pages:
        return None
    if folder in ("", ".") or folder in page_folders:
        return (
            "is not an entry, an image or an editorial page: an action goes in "
            "content/actions/<slug>.md, a story in content/cases/<slug>.md; a new "
            "editorial page is listed under 'extra: actiebank: pages' in mkdocs.yml by "
            "the editors"
        )
    return (
        "is in a folder the content model does not have; actions go in content/actions/, "
        "stories in content/cases/, images in content/images/: move or delete it"
    )


def read_page(path: Path, display: str) -> Source:
    """An editorial page: optional front matter, then Markdown."""
    with path.open("rb") as handle:
        starts_with_front_matter = handle.read(8).lstrip(b"\xef\xbb\xbf").startswith(b"---")
    if starts_with_front_matter:
        return read_source(path, display)
    source = Source(path=path, display=display)
    try:
        source.body = path.read_text(encoding="utf-8").removeprefix("\ufeff")
    except (OSError, UnicodeDecodeError) as exc:
        source.problems.append(_problem(display, f"cannot read the page: {exc}"))
    return source


def check_pages(content_dir: Path, pages: tuple[str, ...], display: Display) -> list[Problem]:
    """Each listed editorial page exists, keeps to page settings and has a safe body."""
    problems: list[Problem] = []
    for page in pages:
        path = Path(content_dir) / page
        shown = display(path)
        if path.is_symlink():
            continue  # check_layout reports it
        if not path.is_file():
            continue  # a listed page not written yet: nothing to publish, nothing to check
        source = read_page(path, shown)
        problems.extend(source.problems)
        for key in sorted(source.data or {}):
            if key == "render_macros":
                problems.append(
                    source.problem(
                        (key,),
                        "a page cannot switch on macros itself; "
                        "macros run only on the pages listed under "
                        "'force_render_paths' in mkdocs.yml: remove "
                        "this line",
                        key=True,
                    )
                )
            elif key not in PAGE_SETTINGS:
                problems.append(
                    source.problem(
                        (key,),
                        f"'{key}' is not a page setting; an "
                        "editorial page may set "
                        f"{', '.join(PAGE_SETTINGS)}",
                        key=True,
                    )
                )
        problems.extend(check_body(source, titled=True))
    return problems
