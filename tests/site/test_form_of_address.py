"""The site speaks to its reader as "u", everywhere it speaks itself.

Dutch public services address people formally; a page that switches to "je" reads as
careless. Entries and their cards are the contributors' own words (a quote may say "je"), so the
test reads everything else the project writes itself (editorial pages, listings, forms,
the editors' form) and every script that puts words on a page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from actiebank import routes

INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie|jezelf)\b", re.IGNORECASE)
SCRIPTS = Path(__file__).parents[2] / "overrides/assets/javascripts"
ENTRY_PAGE = re.compile(rf"^({routes.ACTIONS}|{routes.CASES})/[a-z0-9-]+/index\.html$")


# Not prose: code, and the options of the proposal form's lists (the actions' titles).
SKIPPED = ("script", "style", "code", "pre", "option")


class _Text(HTMLParser):
    """The words a reader sees or hears: text and the alt, title and aria-label attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self._skip += 1
        for name, value in attrs:
            if name in ("alt", "title", "aria-label", "placeholder") and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


# A card (in a list here or in an embedded list) is an entry's own title and summary, in
# the contributor's words.
CARD = re.compile(
    r"<li class=\"ab-(?:card|embed__item)\b.*?</li>\s*(?=<li class=\"ab-|</[uo]l>)", re.S
)


def seen_text(html: str) -> str:
    parser = _Text()
    parser.feed(CARD.sub("", html))
    return " ".join(parser.parts)


def test_every_page_the_project_writes_says_u(built_site):
    pages = [
        p
        for p in sorted(built_site.rglob("*.html"))
        if not ENTRY_PAGE.match(p.relative_to(built_site).as_posix())
    ]
    assert len(pages) > 20
    informal = {
        p.relative_to(built_site).as_posix(): sorted(set(INFORMAL.findall(seen_text(text))))
        for p in pages
        if INFORMAL.search(seen_text(text := p.read_text(encoding="utf-8")))
    }
    assert not informal


def test_the_scripts_say_u():
    strings = {
        script.name: [
            s for s in re.findall(r'"([^"\n]*)"', script.read_text("utf-8")) if INFORMAL.search(s)
        ]
        for script in sorted(SCRIPTS.glob("*.js"))
    }
    assert {name: found for name, found in strings.items() if found} == {}


def test_the_github_forms_and_the_new_file_say_u(tmp_path):
    """What a contributor meets outside the site: the issue and pull request forms, and
    the file `actiebank new action` writes for them to fill in."""
    from actiebank.contribute.scaffold import new_entry

    root = Path(__file__).parents[2]
    texts = {
        p.relative_to(root).as_posix(): p.read_text("utf-8")
        for p in sorted((root / ".github").rglob("*"))
        if p.suffix in (".md", ".yml") and "workflows" not in p.parts
    }
    for kind in ("action", "case"):
        written = new_entry(kind, "Een voorbeeld", tmp_path, schema_dir=root / "schema")
        texts[kind] = written.read_text("utf-8")
    informal = {name: INFORMAL.findall(text) for name, text in texts.items()}
    assert {name: found for name, found in informal.items() if found} == {}
