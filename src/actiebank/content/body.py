"""The Markdown body of an entry or editorial page: raw HTML limited to the one
allow-list (sanitise.py), no unsafe link schemes, no ids the site itself uses,
sections from '## ' on. Code blocks and inline code are text and exempt."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ..problems import Problem
from .frontmatter import Source
from .sanitise import SAFE_ATTRIBUTES, SAFE_SCHEMES, SAFE_TAGS, reserved_id

_FENCE = re.compile(r"^(\s*)(```|~~~)")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_MD_LINK = re.compile(r"\]\(\s*<?([^\s>]*?)\)?(?:\s|$|>)")
_MD_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)")
_TITLE_HEADING = re.compile(r"^ {0,3}#(\s|$)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")


def unsafe_url(url: str) -> bool:
    plain = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(url)).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", plain)
    return scheme is not None and scheme.group(1) not in SAFE_SCHEMES


class _BodyScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, offset = self.getpos()
        if tag not in SAFE_TAGS:
            self.found.append(
                (
                    line,
                    offset,
                    f"Het HTML-element <{tag}> mag niet in de tekst. Gebruik gewone opmaak "
                    "(Markdown), of een van de veilige elementen (zie Bijdragen).",
                )
            )
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(
                    (
                        line,
                        offset,
                        f"Het attribuut '{name}' bij <{tag}> mag niet: de tekst mag geen "
                        "scripts starten. Haal het weg.",
                    )
                )
            elif name not in SAFE_ATTRIBUTES:
                self.found.append(
                    (line, offset, f"Het attribuut '{name}' bij <{tag}> mag niet. Haal het weg.")
                )
            elif name == "id" and value is not None and reserved_id(value):
                self.found.append(
                    (
                        line,
                        offset,
                        f"De id {value[:40]!r} bij <{tag}> mag niet: een id die begint met "
                        "'__', 'md-' of 'ab-' is van de site zelf. Gebruik een gewone naam, "
                        "zoals 'aanpak'.",
                    )
                )
            elif name in ("href", "src", "cite") and value and unsafe_url(value):
                self.found.append(
                    (
                        line,
                        offset,
                        f"De link {value[:60]!r} bij <{tag}> is niet veilig. Gebruik een adres "
                        "dat begint met https:// of mailto:.",
                    )
                )

    handle_startendtag = handle_starttag


def check_body(source: Source, *, titled: bool = False) -> list[Problem]:
    """Raw HTML limited to a safe list, and no javascript: or data: links, outside code.

    `titled`: the body writes its own level-1 title (an editorial page); an entry's title
    comes from its front matter, so its body starts sections at '## '.
    """
    lines = source.body.split("\n")
    visible, in_fence, fence = [], False, ""
    for line in lines:
        match = _FENCE.match(line)
        if match and (not in_fence or match.group(2) == fence):
            in_fence, fence = (not in_fence), match.group(2)
            visible.append("")
            continue
        if in_fence or (
            line.startswith(("    ", "\t")) and not line.strip().startswith(("<", "-", "*"))
        ):
            visible.append("")
            continue
        visible.append(_INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line))
    text = "\n".join(visible)
    problems = []

    def add(line: int, column: int, message: str) -> None:
        problems.append(
            Problem(source.display, source.body_line + line - 1, column + 1, "body", message)
        )

    scanner = _BodyScanner()
    try:
        scanner.feed(text)
        scanner.close()
    except Exception:  # noqa: BLE001 - HTMLParser is lenient; a last resort, not a code path
        add(1, 0, "De HTML in de tekst is niet te lezen. Haal de HTML weg en gebruik Markdown.")
    for row, offset, message in scanner.found:
        add(row, offset, message)
    for number, text_line in enumerate(visible, start=1):
        if not titled and _TITLE_HEADING.match(text_line):
            add(
                number,
                0,
                "Een kop met één '#' is de titel van de pagina, en die zet de site zelf. "
                "Begin een kopje met '## ', bijvoorbeeld '## Aanpak'.",
            )
        for pattern in (_MD_LINK, _MD_REFERENCE, _AUTOLINK):
            for match in pattern.finditer(text_line):
                if unsafe_url(match.group(1)):
                    add(
                        number,
                        match.start(1),
                        f"De link {match.group(1)[:60]!r} is niet veilig. Gebruik een adres "
                        "dat begint met https:// of mailto:.",
                    )
    return problems
