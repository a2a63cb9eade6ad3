"""`actiebank import`: a proposal from the form on /bijdragen/voorstellen/ into content/.

A proposal reaches the editors as the downloaded file (`<slug>.md`), as a plain-text
e-mail saved from a mail program (`.txt`), or as the message itself (`.eml`, with the
file in its text or attached). `import_proposal` finds the entry in it (from the first
`---` line to the end of the text; in an e-mail without the signature under it), tells an
action from a story by its fields, writes it under a file name of its own (never over an
existing file or a name a page of the site has) and validates the whole catalogue, as
`actiebank validate` does, returning the problems of the new file.

A message is a stranger's text. Python's mail parser reads some headers in time and memory
that grow with the square of their length (and nested parts and comments by recursion), so
a message is first read with the `compat32` policy, which parses no header value, within
caps on header sizes and counts, parts, nesting and lines (`MessageTooComplexError`, with the
reason in Dutch); only a message within them is read again with `policy.default`, under the
same caps, for its parts. What an e-mail shows its reader is what is imported: the hidden
parts of an HTML message are left out, and of a message with a plain and an HTML version
the plain text is taken only where it says what the HTML version shows.
"""

from __future__ import annotations

import email.errors
import email.policy
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.feedparser import BytesFeedParser
from email.message import EmailMessage, Message
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar, TextIO

import yaml

from ..content.catalogue import KIND_FOLDERS, display_path, load_catalogue
from ..content.schema import load_schema, vocabularies_path
from ..problems import Problem
from ..project import Project
from ..routes import reserved_action_slugs
from ..vocabulary import load_vocabularies
from .scaffold import make_slug

# The opening line of an entry, perhaps quoted in a reply or a forward ('> ---').
_OPENING = re.compile(r"^(?P<quote>(?:> ?)*)---[ \t]*$")
# A signature starts at '-- ' on a line of its own (RFC 3676), under the text of a mail.
_SIGNATURE = "-- "
# A signature is a few lines: a name, a role, an organisation, a phone number, a notice.
MAX_SIGNATURE_LINES = 12
MAX_PROPOSAL_BYTES = 5_000_000

# What a message may hold before it is parsed (see the module's docstring). A proposal
# needs a handful of parts and short headers; mail programs write headers of a few
# thousand characters at most (a long References or an anti-spam report).
MAX_HEADER_CHARS = 16_000  # one header, its folded lines together
MAX_HEADERS = 300  # headers of one part
# The headers the parser reads into structures (the quadratic ones): each short, few
# parameters, and all of them together a small budget.
MIME_HEADERS = frozenset(
    {
        "content-type",
        "content-disposition",
        "content-transfer-encoding",
        "mime-version",
        "content-id",
        "content-description",
        "content-location",
        "content-language",
    }
)
MAX_MIME_HEADER_CHARS = 2_000
MAX_MIME_PARAMETERS = 30
MAX_MIME_CHARS = 32_000  # all MIME headers of the message together
MAX_COMMENT_DEPTH = 20  # '(' inside '(' inside ... in one header
MAX_PARTS = 100
MAX_DEPTH = 10  # parts inside parts
# Every part with parts of its own names its boundary ('boundary=' in its Content-Type),
# so the word's count bounds how many such parts either parser can find, however it reads
# the header; the parser checks each line against every open boundary.
MAX_BOUNDARIES = 12
MAX_LINES = 100_000  # a 5 MB photo in base64 is 66,000 lines

_TRY_FILE = "Sla de tekst van het voorstel op als tekstbestand (.txt) en lees dat in."


class NoProposalError(ValueError):
    """The file holds no entry: no line '---' that starts one."""


class MessageTooComplexError(NoProposalError):
    """A message beyond what a proposal needs: refused before Python's parser reads the
    parts of it that take it more than linear time or memory."""


@dataclass
class ImportResult:
    """One imported proposal: where it came from, where it went, what is wrong with it."""

    source: Path
    kind: str
    slug: str
    path: Path
    display: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


# --------------------------------------------------------------------------- reading


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # A text saved by an older Windows mail program.
        return raw.decode("cp1252", errors="replace")


def _unflow(text: str, delsp: bool) -> str:
    """Undo format=flowed (RFC 3676): a line ending in a space goes on on the next."""
    out: list[str] = []
    joining = False
    for line in text.split("\n"):
        if line.startswith(" "):  # space-stuffed
            line = line[1:]
        if joining:
            out[-1] += line
        else:
            out.append(line)
        joining = line.endswith(" ") and line != _SIGNATURE
        if joining and delsp:
            out[-1] = out[-1][:-1]
    return "\n".join(out)


_BREAK, _BLOCK = object(), object()  # a <br>; the edge of a block (<div>, <p>, ...)


class _HtmlText(HTMLParser):
    """The text an HTML mail shows, line by line as a mail program lays it out: a line
    for each block (<div>, <p>, ...) and <br>, white space run together (outside <pre>)
    as a browser does, the no-break spaces that indent a line kept; and nothing of what it
    hides (<head>, <style>, <script>, <template>, comments, elements with `hidden` or a
    style that hides them)."""

    BLOCKS: ClassVar[frozenset[str]] = frozenset(
        {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote"}
        | {"ul", "ol", "table", "section", "article", "header", "footer", "hr"}
    )
    # Never shown: their content is not text the reader sees.
    UNSEEN: ClassVar[frozenset[str]] = frozenset(
        {"head", "title", "style", "script", "template", "noembed", "noframes"}
    )
    # Elements without an end tag; they never hold text.
    VOID: ClassVar[frozenset[str]] = frozenset(
        {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
        | {"param", "source", "track", "wbr"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[object] = []
        self.open: list[tuple[str, bool]] = []  # (tag, hidden) of every open element
        self.hidden = 0  # how many open elements hide what is in them
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS and self.open and self.open[-1][0] == "p":
            self._close("p")  # a block ends an open paragraph, as in a browser
        if not self.hidden:
            if tag == "br":
                self.parts.append(_BREAK)
            elif tag in self.BLOCKS:
                self.parts.append(_BLOCK)
        if tag in self.VOID:
            return
        hides = tag in self.UNSEEN or _hides(attrs)
        self.open.append((tag, hides))
        self.hidden += hides
        self.pre += tag == "pre"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.hidden and tag in ("br", *self.BLOCKS):
            self.parts.append(_BREAK if tag == "br" else _BLOCK)

    def handle_endtag(self, tag: str) -> None:
        if any(name == tag for name, _ in self.open):
            self._close(tag)
        if tag in self.BLOCKS and not self.hidden:
            self.parts.append(_BLOCK)

    def _close(self, tag: str) -> None:
        while self.open:
            name, hides = self.open.pop()
            self.hidden -= hides
            self.pre -= name == "pre"
            if name == tag:
                return

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data if self.pre else _COLLAPSIBLE.sub(" ", data))

    def text(self) -> str:
        lines: list[str] = []
        line: list[str] = []

        def end_line() -> None:
            lines.append("".join(line).strip(" "))
            line.clear()

        for part in self.parts:
            if part is _BREAK:
                end_line()
            elif part is _BLOCK:
                if "".join(line).strip(" "):
                    end_line()
                else:
                    line.clear()
            else:
                assert isinstance(part, str)
                for index, piece in enumerate(part.split("\n")):  # only <pre> keeps them
                    if index:
                        end_line()
                    line.append(piece)
        if "".join(line).strip(" "):
            end_line()
        return "\n".join(lines)


# White space a browser runs together into one space (not the no-break space).
_COLLAPSIBLE = re.compile(r"[ \t\n\r\f]+")


# A number that is zero in any unit: '0', '0px', '0.0em', '.0', '0%'.
_ZERO = re.compile(r"(?:0+(?:\.0*)?|\.0+)(?:[a-z]+|%)?")


def _hiding_style(style: str) -> bool:
    """A style that hides an element, as mail programs hide a "preheader" or a tracking
    text: no display, no visibility, no opacity, a zero font size, or a zero height with
    what overflows hidden. Read declaration by declaration (no pattern over the whole)."""
    declared: dict[str, str] = {}
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        value = "".join(value.split()).lower().removesuffix("!important")
        declared["".join(name.split()).lower()] = value

    def zero(name: str) -> bool:
        return name in declared and _ZERO.fullmatch(declared[name]) is not None

    return (
        declared.get("display") == "none"
        or declared.get("visibility") in ("hidden", "collapse")
        or declared.get("mso-hide") == "all"
        or zero("opacity")
        or zero("font-size")
        or ((zero("height") or zero("max-height")) and declared.get("overflow") == "hidden")
    )


def _hides(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name == "hidden" or (name == "aria-hidden" and (value or "").lower() == "true"):
            return True
        if name == "style" and value and _hiding_style(value):
            return True
    return False


def _html_text(html: str) -> str:
    """What the HTML shows, in one pass: HTMLParser's `close` would rescan the rest of the
    text at each '<' that opens nothing (quadratic time); what `feed` leaves from such a
    '<' on is an unfinished tag or comment, which a mail program does not show either."""
    parser = _HtmlText()
    parser.feed(html)
    rest = parser.rawdata
    if parser.cdata_elem is None and not rest.startswith("<"):
        parser.close()
    return parser.text()


def _part_text(part: Message) -> str:
    """A part's text: its transfer encoding undone (quoted-printable, base64), read in its
    charset, or as UTF-8 when it names none (an attached .md file often does not)."""
    raw = part.get_payload(decode=True)
    data = raw if isinstance(raw, bytes) else b""
    charset = part.get_content_charset()
    try:
        text = data.decode(charset) if charset else _decode(data)
    except (LookupError, UnicodeDecodeError):
        text = _decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if part.get_content_type() == "text/plain" and part.get_param("format") == "flowed":
        text = _unflow(text, str(part.get_param("delsp") or "").lower() == "yes")
    if part.get_content_type() == "text/html":
        text = _html_text(text)
    return text


# --------------------------------------------------------------------------- a message


@dataclass
class _Budget:
    """What the message used so far of its caps, while it is parsed."""

    parts: int = 0
    headers: int = 0  # in the part being read
    mime_chars: int = 0


def _too_complex(reason: str) -> MessageTooComplexError:
    return MessageTooComplexError(f"{reason}; zo'n bericht leest Actiebank niet in. {_TRY_FILE}")


def _check_header(budget: _Budget, lines: list[str]) -> None:
    """Refuse a header over the caps before the parser puts it together or reads it."""
    name = lines[0].split(":", 1)[0].strip()
    shown = name[:40]
    size = sum(len(line) for line in lines)
    budget.headers += 1
    if budget.headers > MAX_HEADERS:
        raise _too_complex(f"een deel van het bericht heeft meer dan {MAX_HEADERS} kopregels")
    if size > MAX_HEADER_CHARS:
        raise _too_complex(
            f"de kopregel '{shown}' is {size:,} tekens lang (hoogstens "
            f"{MAX_HEADER_CHARS:,})".replace(",", ".")
        )
    value = "".join(lines)
    if name.lower() in MIME_HEADERS:
        budget.mime_chars += size
        if size > MAX_MIME_HEADER_CHARS or value.count(";") > MAX_MIME_PARAMETERS:
            raise _too_complex(
                f"de kopregel '{shown}' is te lang of heeft te veel delen (hoogstens "
                f"{MAX_MIME_HEADER_CHARS:,} tekens en {MAX_MIME_PARAMETERS} keer "
                "';')".replace(",", ".")
            )
        if budget.mime_chars > MAX_MIME_CHARS:
            raise _too_complex("de kopregels die de delen van het bericht beschrijven zijn te lang")
    depth = deepest = 0
    for char in value:
        if char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth = max(0, depth - 1)
    if deepest > MAX_COMMENT_DEPTH:
        raise _too_complex(
            f"de kopregel '{shown}' heeft meer dan {MAX_COMMENT_DEPTH} haakjes binnen elkaar"
        )


class _BoundedCompat32(email.policy.Compat32):
    """compat32 (no header value parsed), with every header checked as it is read."""

    budget: _Budget | None = None

    def header_source_parse(self, sourcelines: list[str]) -> tuple[str, str]:
        assert self.budget is not None
        _check_header(self.budget, sourcelines)
        return super().header_source_parse(sourcelines)


class _BoundedDefault(email.policy.EmailPolicy):
    """policy.default, with the same checks: it may read a header otherwise than compat32."""

    budget: _Budget | None = None

    def header_source_parse(self, sourcelines: list[str]) -> tuple[str, str]:
        assert self.budget is not None
        _check_header(self.budget, sourcelines)
        return super().header_source_parse(sourcelines)


def _parse(raw: bytes, policy_class: type, factory: Callable[..., Message]) -> Message:
    budget = _Budget()

    def new_part(policy: Any = None) -> Message:  # the parser passes its policy
        budget.parts += 1
        budget.headers = 0
        if budget.parts > MAX_PARTS:
            raise _too_complex(f"het bericht heeft meer dan {MAX_PARTS} delen")
        return factory(policy=policy)

    parser = BytesFeedParser(new_part, policy=policy_class(budget=budget))
    budget.parts = 0  # the parser made one message to try the factory
    parser.feed(raw)
    message: Message = parser.close()
    _check_depth(message)
    return message


def _check_depth(message: Message) -> None:
    open_parts = [(message, 1)]
    while open_parts:
        part, depth = open_parts.pop()
        if depth > MAX_DEPTH:
            raise _too_complex(
                f"de delen van het bericht zitten meer dan {MAX_DEPTH} lagen diep in elkaar"
            )
        payload = part.get_payload()
        if isinstance(payload, list):
            open_parts += [(p, depth + 1) for p in payload if isinstance(p, Message)]


def read_message(raw: bytes) -> EmailMessage:
    """The message in `raw`, parsed with policy.default once it is known to be within the
    caps (MessageTooComplexError otherwise, with the reason)."""
    lines = raw.count(b"\n") + raw.count(b"\r")  # a CR LF counts twice
    if lines > 2 * MAX_LINES:
        raise _too_complex(f"het bericht heeft meer dan {MAX_LINES:,} regels".replace(",", "."))
    if raw.lower().count(b"boundary") > MAX_BOUNDARIES:
        raise _too_complex(
            f"het bericht heeft meer dan {MAX_BOUNDARIES} delen die zelf weer uit delen bestaan"
        )
    try:
        _parse(raw, _BoundedCompat32, Message)
        message = _parse(raw, _BoundedDefault, EmailMessage)
    except RecursionError:
        # A last line behind the caps: never a traceback for a stranger's message.
        raise _too_complex("het bericht is te diep genest") from None
    assert isinstance(message, EmailMessage)
    return message


def _message_texts(raw: bytes) -> list[str]:
    """The texts of a message where an entry may be: an attached .md file first, then the
    text the message shows (see `_shown_text`), each decoded (quoted-printable, base64,
    charset)."""
    message = read_message(raw)
    try:
        attached = [
            part
            for part in message.iter_attachments()
            if (part.get_filename() or "").lower().endswith((".md", ".txt"))
            or part.get_content_type() == "text/markdown"
        ]
        texts = [_part_text(part) for part in attached]
        plain, html = (message.get_body(preferencelist=(kind,)) for kind in ("plain", "html"))
        if plain is not None and html is not None:
            texts.append(_shown_text(_part_text(plain), _part_text(html)))
        elif plain is not None or html is not None:
            texts.append(_part_text(plain or html))  # type: ignore[arg-type]
    except RecursionError:
        raise _too_complex("het bericht is te diep genest") from None
    except email.errors.MessageError:
        raise NoProposalError(f"het bericht is niet te lezen. {_TRY_FILE}") from None
    return texts


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _shown_text(plain: str, html: str) -> str:
    """Of a message with a plain and an HTML version, the text to import.

    A mail program shows the HTML version; the plain one is what a program that cannot
    show HTML reads, and a sender can make the two say different things. So the HTML
    version decides: the plain text is taken (with its own lines, which keep the
    indentation the front matter needs) only when its entry is, word for word, in what
    the HTML version shows; otherwise the HTML version's text is. A plain version with an
    entry the HTML version does not show, where the HTML version shows none, is refused:
    the editor never saw it.
    """
    try:
        entry = extract_entry(plain)
    except NoProposalError:
        return html
    if _squeezed(entry) in _squeezed(html):
        return plain
    try:
        extract_entry(html)
    except NoProposalError:
        raise NoProposalError(
            "de tekstversie van het bericht heeft een voorstel dat de HTML-versie (wat uw "
            f"mailprogramma laat zien) niet heeft. {_TRY_FILE}"
        ) from None
    return html


def proposal_texts(path: Path) -> list[str]:
    """The texts of a proposal file in which to look for the entry, best first."""
    raw = Path(path).read_bytes()
    if len(raw) > MAX_PROPOSAL_BYTES:
        size = f"{len(raw):,}".replace(",", ".")
        raise NoProposalError(f"het bestand is {size} bytes groot; een voorstel is veel kleiner")
    if Path(path).suffix.lower() == ".eml":
        return _message_texts(raw)
    return [_decode(raw)]


def is_mail(path: Path) -> bool:
    """Whether a proposal file is an e-mail (with a signature perhaps under the entry):
    a message, or a mail saved as text. The form's download (.md) is the entry alone."""
    return Path(path).suffix.lower() != ".md"


def extract_entry(text: str, *, mail: bool = True) -> str:
    """The entry in a text: from the first '---' line (quoted or not) to the end of the
    text, with its lines as the file had them; in a mail (`mail`) without the signature
    under it (see `_signature_at`). A file from the form is never cut: a line '-- ' in
    its body is the contributor's."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = next((i for i, line in enumerate(lines) if _OPENING.match(line)), None)
    if start is None:
        raise NoProposalError("er is geen regel '---' waarmee een actie of verhaal begint")
    quote = _OPENING.match(lines[start]).group("quote")  # type: ignore[union-attr]
    entry: list[str] = []
    for line in lines[start:]:
        if quote:
            if line.startswith(quote):
                line = line[len(quote) :]
            elif line == quote.rstrip():
                line = ""
            else:
                break
        entry.append(line)
    closing = next((i for i in range(1, len(entry)) if entry[i].rstrip() in ("---", "...")), None)
    if closing is None:
        raise NoProposalError(
            "de gegevens bovenaan worden niet afgesloten met een tweede regel '---'"
        )
    if mail:
        entry = entry[: _signature_at(entry, closing)]
    front = [_indentation(line) for line in entry[1:closing]]
    body = "\n".join(entry[closing + 1 :]).rstrip()
    return "\n".join(["---", *front, "---", *([body] if body else [])]) + "\n"


def _signature_at(entry: list[str], closing: int) -> int:
    """Where the signature under a mail's entry starts, or the end: the last line '-- '
    below the front matter, with a few lines under it and no section of the entry ('## ')
    among them. A '-- ' with more under it belongs to the text."""
    at = next((i for i in range(len(entry) - 1, closing, -1) if entry[i] == _SIGNATURE), None)
    if at is None:
        return len(entry)
    under = [line for line in entry[at + 1 :] if line.strip()]
    if len(under) > MAX_SIGNATURE_LINES or any(line.startswith("#") for line in under):
        return len(entry)
    return at


def _indentation(line: str) -> str:
    """A mail program may indent with no-break spaces; YAML needs plain ones."""
    stripped = line.lstrip("\u00a0 ")
    return " " * (len(line) - len(stripped)) + stripped


# --------------------------------------------------------------------------- kind


def detect_kind(entry: str, schema_dir: Path) -> str:
    """'action' or 'case', by the fields that only one of them has."""
    fields = _front_keys(entry)
    action = set(load_schema("action", schema_dir)["properties"])
    case = set(load_schema("case", schema_dir)["properties"])
    only_case = len(fields & (case - action))
    only_action = len(fields & (action - case))
    return "case" if only_case > only_action else "action"


def _front(entry: str) -> str:
    lines = entry.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), 1)
    return "\n".join(lines[1:end])


def _front_data(entry: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(_front(entry))
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def _front_keys(entry: str) -> set[str]:
    data = _front_data(entry)
    if data:
        return {str(k) for k in data}
    return set(re.findall(r"^([a-z_]+):", _front(entry), re.M))


# --------------------------------------------------------------------------- import


def _write_new(folder: Path, title: str, kind: str, reserved: frozenset[str], text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    taken = {p.stem for p in folder.iterdir()}
    while True:
        slug = make_slug(title, taken, kind=kind, reserved=reserved)
        path = folder / f"{slug}.md"
        try:
            with path.open("x", encoding="utf-8", newline="\n") as handle:  # never overwrite
                handle.write(text)
            return path
        except FileExistsError:
            taken.add(slug)


def import_proposal(
    path: Path, project: Project, *, display_base: Path | None = None
) -> ImportResult:
    """Write the proposal in `path` into the project's content folder and validate.

    Raises NoProposalError when the file holds no entry (nothing is written then).
    """
    source = Path(path)
    entry = None
    last = NoProposalError("het bericht heeft geen tekst")
    for text in proposal_texts(source):
        try:
            entry = extract_entry(text, mail=is_mail(source))
            break
        except NoProposalError as reason:
            last = reason
    if entry is None:
        raise last
    kind = detect_kind(entry, project.schema_dir)
    title = _front_data(entry).get("title")
    vocabularies = load_vocabularies(vocabularies_path(project.schema_dir))
    reserved = reserved_action_slugs(f.path for f in vocabularies.facets)
    written = _write_new(
        Path(project.content_dir) / KIND_FOLDERS[kind],
        title if isinstance(title, str) and title.strip() else source.stem,
        kind,
        reserved,
        entry,
    )
    base = display_base or project.root
    catalogue = load_catalogue(project, display_base=base)
    display = display_path(written, base)
    # Its own problems, and those of another file that name it (a title used twice is
    # reported at whichever file comes second).
    named = re.compile(re.escape(display) + r"(?![\w./-])")
    problems = [p for p in catalogue.problems if p.path == display or named.search(p.message)]
    return ImportResult(
        source=source,
        kind=kind,
        slug=written.stem,
        path=written,
        display=display,
        problems=problems,
    )


def import_command(
    paths: Iterable[Path],
    project: Project,
    *,
    display_base: Path | None = None,
    out: TextIO,
    err: TextIO,
) -> int:
    """`actiebank import FILE ...`: 0 when every proposal is in and valid, 1 when one has
    problems (it is written all the same, to fix), 2 when a file holds no proposal."""
    status = 0
    for path in paths:
        try:
            result = import_proposal(path, project, display_base=display_base)
        except NoProposalError as exc:
            print(f"{path}: niet ingelezen: {exc}", file=err)
            status = 2
            continue
        except OSError as exc:
            print(f"{path}: niet ingelezen: {_unreadable(exc)}", file=err)
            status = 2
            continue
        what = "de actie" if result.kind == "action" else "het verhaal"
        print(f"{path}: {what} staat nu in {result.display}", file=out)
        for problem in result.problems:
            print(str(problem), file=out)
        if result.errors:
            count = len(result.errors)
            print(
                f"{result.display}: {count} {'fout' if count == 1 else 'fouten'} om op te "
                "lossen voordat het op de site kan",
                file=err,
            )
            status = max(status, 1)
    return status


def _unreadable(exc: OSError) -> str:
    """Why a file could not be read, in words an editor knows."""
    if isinstance(exc, FileNotFoundError):
        return "dit bestand bestaat niet"
    if isinstance(exc, IsADirectoryError):
        return "dit is een map, geen bestand"
    if isinstance(exc, PermissionError):
        return "u mag dit bestand niet lezen"
    return "het bestand is niet te lezen"
