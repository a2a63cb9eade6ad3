"""The Markdown body of an entry or editorial page: raw HTML limited to the one
allow-list (sanitise.py), no unsafe link schemes, no mailto: link with a query, no ids the
site itself uses, sections from '## ' on. Code blocks and inline code are text and exempt.

Everything here reads contributor text, so everything here runs in time linear in the
text: the patterns have no ambiguous repetition (a 100 KB body of any kind is checked in
well under a second; tests/core/test_hardening_two.py holds them to it), code spans and
link destinations are found in one pass, and HTMLParser only ever `feed`s: its `close`
rescans the rest of the text at every '<' that opens nothing and takes quadratic time,
so an unfinished tag, comment or section is refused instead (Python-Markdown, which reads
the same text at build time, has the same quadratic path; a body with no unfinished
construct keeps it away).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import unquote

from ..problems import Problem
from .frontmatter import Source
from .sanitise import SAFE_ATTRIBUTES, SAFE_SCHEMES, SAFE_TAGS, page_id, reserved_id

_FENCE = re.compile(r"^(\s*)(```|~~~)")
_BACKTICKS = re.compile(r"`+")
# An inline link `](destination ...)`: where the destination starts, and where it ends (at
# white space or '>', or at a ')' before one or before the end of the line).
_LINK_OPEN = re.compile(r"\]\(\s*<?")
_LINK_END = re.compile(r"[\s>]|\)(?=[\s>]|$)|$")
_MD_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)")
_TITLE_HEADING = re.compile(r"^ {0,3}#(\s|$)")
# An autolink holds no '<' (CommonMark), so each '<' starts at most one short scan.
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s]*)>")
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")

UNSAFE_LINK = (
    "De link {value!r}{where} is niet veilig. Gebruik een adres dat begint met https:// of mailto:."
)
# The rule of a contact's e-mail address (one address, written as naam@voorbeeld.nl),
# for a mailto: link in the text: a query (?bcc=, ?cc=, ?subject=, ?body=) would send
# a reader's mail to someone else or put words in it.
MAILTO_QUERY = (
    "De link {value!r}{where} mag niet: een mailto:-link in de tekst is één e-mailadres, "
    "zonder '?' en zonder tweede adres. Schrijf het als mailto:naam@voorbeeld.nl."
)


def _plain_url(url: str) -> str:
    """A URL as a browser reads its scheme: entities decoded, control characters and
    spaces (which browsers drop) removed, in lower case."""
    return _CONTROL_OR_SPACE.sub("", html.unescape(url)).lower()


def unsafe_url(url: str) -> bool:
    scheme = _SCHEME.match(_plain_url(url))
    return scheme is not None and scheme.group(1) not in SAFE_SCHEMES


def mailto_with_query(url: str) -> bool:
    """A mailto: link that is more than one address: a query, or a second address."""
    plain = _plain_url(url)
    if not plain.startswith("mailto:"):
        return False
    address = unquote(plain[len("mailto:") :])
    return any(mark in address for mark in "?&,;") or address.count("@") != 1


def link_problem(url: str) -> str | None:
    """The message for a link a body may not have, or None."""
    if unsafe_url(url):
        return UNSAFE_LINK
    if mailto_with_query(url):
        return MAILTO_QUERY
    return None


def code_spans(line: str) -> list[tuple[int, int]]:
    """The inline code spans of a line, as (start, end), in one pass over its backtick runs.

    The same spans as the pattern `(`+)(?:(?!\\1).)+?\\1` found with finditer (what the
    proposal form's script still uses), without its backtracking, which took minutes on a
    long run of backticks: a run of R backticks (from where the search stands) opens a
    span with the longest L <= R for which a later run has L or more backticks, if
    L > R / 2 (a shorter L finds its own closing backticks right after it and fails); the
    span closes at the first such later run. A run that opens nothing is passed over from
    its start until it is short enough (below twice the longest later run).
    """
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
    longest_after = [0] * len(runs)
    longest = 0
    for index in range(len(runs) - 1, -1, -1):
        longest_after[index] = longest
        longest = max(longest, runs[index][1] - runs[index][0])
    spans = []
    index, at = 0, 0
    while index < len(runs):
        start, end = runs[index]
        start = max(start, at)
        later = longest_after[index]
        if later == 0:
            break
        size = min(end - start, 2 * later - 1)
        start = end - size
        ticks = min(size, later)
        close = index + 1
        while runs[close][1] - runs[close][0] < ticks:
            close += 1
        spans.append((start, runs[close][0] + ticks))
        at = runs[close][0] + ticks
        index = close if at < runs[close][1] else close + 1
    return spans


def _blank_code(line: str) -> str:
    """The line with each code span written as spaces (its columns kept)."""
    parts, at = [], 0
    for start, end in code_spans(line):
        parts += [line[at:start], " " * (end - start)]
        at = end
    return "".join([*parts, line[at:]])


def link_destinations(line: str) -> list[tuple[int, str]]:
    """The destination of each inline link `](...)` of a line, as (column, text): up to
    the first white space or '>', or the first ')' before one or before the end. One pass:
    each search goes on where the previous link ended."""
    found = []
    at = 0
    while (opening := _LINK_OPEN.search(line, at)) is not None:
        start = opening.end()
        end = _LINK_END.search(line, start)
        assert end is not None  # '$' always matches
        found.append((start, line[start : end.start()]))
        # Go on after what the pattern took: the ')' and the space or '>' after it.
        at = end.end() + (1 if end.group() == ")" and end.end() < len(line) else 0)
    return found


class _BodyScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str]] = []

    def _add(self, message: str) -> None:
        line, offset = self.getpos()
        self.found.append((line, offset, message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in SAFE_TAGS:
            self._add(
                f"Het HTML-element <{tag}> mag niet in de tekst. Gebruik gewone opmaak "
                "(Markdown), of een van de veilige elementen (zie Bijdragen)."
            )
        for name, value in attrs:
            if name.startswith("on"):
                self._add(
                    f"Het attribuut '{name}' bij <{tag}> mag niet: de tekst mag geen "
                    "scripts starten. Haal het weg."
                )
            elif name not in SAFE_ATTRIBUTES:
                self._add(f"Het attribuut '{name}' bij <{tag}> mag niet. Haal het weg.")
            elif name == "id" and value is not None and page_id(value):
                self._add(
                    f"De id {value[:40]!r} bij <{tag}> mag niet: de pagina gebruikt die naam "
                    "zelf (bijvoorbeeld voor de link 'Ga naar de inhoud'). Gebruik een "
                    "andere naam, zoals 'aanpak'."
                )
            elif name == "id" and value is not None and reserved_id(value):
                self._add(
                    f"De id {value[:40]!r} bij <{tag}> mag niet: een id die begint met '__', "
                    "'md-' of 'ab-' is van de site zelf. Gebruik een gewone naam, zoals "
                    "'aanpak'."
                )
            elif name in ("href", "src", "cite") and value:
                message = link_problem(value)
                if message:
                    self._add(message.format(value=value[:60], where=f" bij <{tag}>"))

    handle_startendtag = handle_starttag

    def handle_decl(self, decl: str) -> None:
        self._add(
            f"'<!{decl[:20]}>' mag niet in de tekst: de pagina zou het niet tonen. Haal het weg."
        )

    def unknown_decl(self, data: str) -> None:
        self._add(_CDATA if data.upper().startswith("CDATA[") else _MARKED_SECTION)

    def handle_pi(self, data: str) -> None:
        self._add(
            f"'<?{data[:20]}>' mag niet in de tekst: de pagina zou het niet tonen. Haal het weg."
        )

    def finish(self) -> None:
        """Read what `feed` left: nothing, a last '<' or '&' (text), or a construct that is
        never finished, which is refused (see the module's docstring on `close`)."""
        rest = self.rawdata
        if self.cdata_elem is not None:
            return  # an unclosed <script> or <style>: already refused as an element
        if len(rest) > 1 and rest.startswith("<"):
            if rest.startswith("<!--"):
                self._add(_UNCLOSED_COMMENT)
            elif rest.upper().startswith("<![CDATA["):
                self._add(_CDATA)
            elif rest.startswith("<!["):
                self._add(_MARKED_SECTION)
            else:
                self._add(_UNFINISHED_TAG.format(start=rest[:12].split("\n")[0]))
            return
        self.close()


_CDATA = (
    "'<![CDATA[' mag niet in de tekst: de pagina toont het als losse tekens. Schrijf de "
    "tekst zonder '<![CDATA[' en ']]>'."
)
_MARKED_SECTION = "'<![' mag niet in de tekst: de pagina zou het niet tonen. Haal het weg."
_UNCLOSED_COMMENT = (
    "Hier begint een opmerking met '<!--', maar die wordt nergens afgesloten met '-->': de "
    "rest van de tekst zou verdwijnen. Sluit de opmerking af met '-->', of haal '<!--' weg."
)
_UNFINISHED_TAG = (
    "Met {start!r} begint een HTML-element dat nergens wordt afgesloten met '>'. Bedoelt u "
    "het teken '<' zelf? Zet er dan een spatie achter, of schrijf '&lt;'."
)


# Python-Markdown is not linear on some text (its issue 798): thousands of '[' or of
# emphasis markers, or lists and quotes nested ever deeper on one line, stall the build or
# end it in a RecursionError. No real entry comes near these limits (the catalogue's
# largest body has 12 '[', 88 '*' and nests one level).
MAX_BRACKETS = 500
MAX_EMPHASIS = 2000
MAX_NESTING = 8


def nesting(line: str) -> int:
    """How many list or quote markers open a line ('- > 1. text' is three), in one pass."""
    depth, i, end = 0, 0, len(line)
    while i < end:
        while i < end and line[i] == " ":
            i += 1
        start = i
        while i < end and line[i].isdigit() and i - start < 9:
            i += 1
        closes = ".)" if i > start else "-*+>"  # after digits a '.', else a marker
        if i >= end or line[i] not in closes:
            break
        i += 1
        if i < end and line[i] not in " \t" and line[i - 1] != ">":
            break
        depth += 1
    return depth


def _markdown_limits(body: str) -> str | None:
    if body.count("[") > MAX_BRACKETS:
        return (
            f"De tekst heeft meer dan {MAX_BRACKETS} keer het teken '['. Zo'n tekst kan de site "
            "niet opbouwen. Haal de meeste weg; een link schrijft u als [tekst](https://...)."
        )
    if body.count("*") + body.count("_") > MAX_EMPHASIS:
        return (
            f"De tekst heeft meer dan {MAX_EMPHASIS} keer het teken '*' of '_'. Zo'n tekst kan "
            "de site niet opbouwen. Gebruik ze alleen om een woord **vet** of _schuin_ te zetten."
        )
    return None


def check_body(source: Source, *, titled: bool = False) -> list[Problem]:
    """Raw HTML limited to a safe list, and no javascript: or data: links, outside code.

    `titled`: the body writes its own level-1 title (an editorial page); an entry's title
    comes from its front matter, so its body starts sections at '## '.
    """
    too_much = _markdown_limits(source.body)
    if too_much:
        return [Problem(source.display, source.body_line, 1, "body", too_much)]
    lines = source.body.split("\n")
    for number, line in enumerate(lines, start=1):
        if nesting(line) > MAX_NESTING:
            message = (
                f"Deze regel zet meer dan {MAX_NESTING} lijsten of citaten in elkaar. Zo'n "
                "tekst kan de site niet opbouwen. Gebruik hoogstens twee of drie niveaus."
            )
            return [Problem(source.display, source.body_line + number - 1, 1, "body", message)]
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
        visible.append(_blank_code(line))
    text = "\n".join(visible)
    problems = []

    def add(line: int, column: int, message: str) -> None:
        problems.append(
            Problem(source.display, source.body_line + line - 1, column + 1, "body", message)
        )

    scanner = _BodyScanner()
    try:
        scanner.feed(text)
        scanner.finish()
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
        links = link_destinations(text_line) + [
            (m.start(1), m.group(1))
            for pattern in (_MD_REFERENCE, _AUTOLINK)
            for m in pattern.finditer(text_line)
        ]
        for column, url in links:
            wrong = link_problem(url)
            if wrong:
                add(number, column, wrong.format(value=url[:60], where=""))
    return problems
