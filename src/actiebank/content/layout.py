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
                display(content_dir),
                "De map content is een snelkoppeling (symbolische link). Maak er een gewone map "
                "van.",
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
                        "Deze map is een snelkoppeling (symbolische link). Een bijdrage kan niet "
                        "naar bestanden buiten de map content wijzen: zet de bestanden zelf in "
                        "content/.",
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
            "Dit bestand is een snelkoppeling (symbolische link). Een bijdrage kan niet naar "
            "bestanden buiten de map content wijzen: zet het bestand zelf hier."
        )
    if not path.is_file():
        return "Dit is geen gewoon bestand. Haal het weg."
    name = path.name
    if folder in ENTRY_FOLDERS:
        if name.endswith(".md"):
            return None  # the slug rule is checked with the entry, with the new name to use
        kind = "actie" if ENTRY_FOLDERS[folder] == "action" else "verhaal"
        return (
            f"In content/{folder}/ staat alleen één bestand per {kind}, met de naam "
            "<naam>.md (kleine letters, cijfers en koppeltekens). Verplaats of verwijder dit "
            "bestand."
        )
    if folder == IMAGE_FOLDER:
        if IMAGE_NAME.fullmatch(name):
            return None
        if re.fullmatch(r"(?i).+\.(jpe?g|png|webp)", name):
            return (
                f"De naam '{name}' kan niet voor een afbeelding. Gebruik kleine letters, "
                "cijfers en koppeltekens, en laat de naam eindigen op .jpg, .jpeg, .png of "
                ".webp (in kleine letters)."
            )
        return (
            "In content/images/ staan alleen afbeeldingen: JPEG, PNG of WebP. Haal dit "
            "bestand weg (een SVG- of HTML-bestand kan scripts starten bij bezoekers)."
        )
    if relative in pages:
        return None
    if folder in ("", ".") or folder in page_folders:
        return (
            "Dit is geen actie, verhaal, afbeelding of pagina van de redactie. Een actie "
            "hoort in content/actions/<naam>.md, een verhaal in content/cases/<naam>.md. "
            "Een nieuwe pagina zet de redactie in mkdocs.yml, onder 'extra: actiebank: pages'."
        )
    return (
        "Dit bestand staat in een map die niet bij de inhoud hoort. Acties horen in "
        "content/actions/, verhalen in content/cases/ en afbeeldingen in content/images/. "
        "Verplaats of verwijder het bestand."
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
        reason = "Sla haar op als UTF-8." if isinstance(exc, UnicodeDecodeError) else ""
        source.problems.append(_problem(display, f"De pagina is niet te lezen. {reason}".strip()))
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
                        "Een pagina kan macro's niet zelf aanzetten. Macro's werken alleen op "
                        "de pagina's onder 'force_render_paths' in mkdocs.yml. Haal deze regel "
                        "weg.",
                        key=True,
                    )
                )
            elif key not in PAGE_SETTINGS:
                problems.append(
                    source.problem(
                        (key,),
                        f"'{key}' is geen instelling van een pagina. Een pagina van de redactie "
                        f"kan alleen dit instellen: {', '.join(PAGE_SETTINGS)}.",
                        key=True,
                    )
                )
        problems.extend(check_body(source, titled=True))
    return problems
