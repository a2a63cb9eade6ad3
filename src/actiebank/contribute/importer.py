"""`actiebank import`: a proposal from the form on /bijdragen/voorstellen/ into content/.

A proposal reaches the editors as the downloaded file (`<slug>.md`), as a plain-text
e-mail saved from a mail program (`.txt`), or as the message itself (`.eml`, with the
file in its text or attached). `import_proposal` finds the entry in it (from the first
`---` line to the end of the text, without a signature), tells an action from a story by
its fields, writes it under a file name of its own (never over an existing file) and
validates the whole catalogue, as `actiebank validate` does, returning the problems of
the new file.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
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
# A signature starts at '-- ' on a line of its own (RFC 3676).
_SIGNATURE = "-- "
MAX_PROPOSAL_BYTES = 5_000_000


class NoProposalError(ValueError):
    """The file holds no entry: no line '---' that starts one."""


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


class _HtmlText(HTMLParser):
    """The text of an HTML mail: a line break for every <br> and block element."""

    BLOCKS: ClassVar[frozenset[str]] = frozenset(
        {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "pre", "blockquote"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS and tag != "br":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _html_text(html: str) -> str:
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


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


def _message_texts(raw: bytes) -> list[str]:
    """The texts of a message where an entry may be: an attached .md file first, then the
    plain text, then the HTML, each decoded (quoted-printable, base64, charset)."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    attached = [
        part
        for part in message.iter_attachments()
        if (part.get_filename() or "").lower().endswith((".md", ".txt"))
        or part.get_content_type() == "text/markdown"
    ]
    texts = [_part_text(part) for part in attached]
    for kind in ("plain", "html"):
        body = message.get_body(preferencelist=(kind,))
        if body is not None:
            texts.append(_part_text(body))
    return texts


def proposal_texts(path: Path) -> list[str]:
    """The texts of a proposal file in which to look for the entry, best first."""
    raw = Path(path).read_bytes()
    if len(raw) > MAX_PROPOSAL_BYTES:
        size = f"{len(raw):,}".replace(",", ".")
        raise NoProposalError(f"het bestand is {size} bytes groot; een voorstel is veel kleiner")
    if Path(path).suffix.lower() == ".eml":
        return _message_texts(raw)
    return [_decode(raw)]


def extract_entry(text: str) -> str:
    """The entry in a text: from the first '---' line (quoted or not) to the end of the
    text, without a signature, with its lines as the file had them."""
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
        if line == _SIGNATURE:
            break
        entry.append(line)
    closing = next((i for i in range(1, len(entry)) if entry[i].rstrip() in ("---", "...")), None)
    if closing is None:
        raise NoProposalError(
            "de gegevens bovenaan worden niet afgesloten met een tweede regel '---'"
        )
    front = [_indentation(line) for line in entry[1:closing]]
    body = "\n".join(entry[closing + 1 :]).rstrip()
    return "\n".join(["---", *front, "---", *([body] if body else [])]) + "\n"


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
            entry = extract_entry(text)
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
