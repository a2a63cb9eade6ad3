"""Read one entry: YAML front matter with the line and column of every field, and its body.

YAML is read safely and with bounds: only the standard tags, a limited number of aliases
and nodes (no "billion laughs"), a limited file size. Dates stay strings, as written.
Every problem becomes a Problem; nothing here raises for bad content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..problems import FieldPath, Problem, Severity, field_path

MAX_FILE_BYTES = 1_000_000
MAX_ALIASES = 50
MAX_NODES = 20_000
# The schemas nest four levels at most (outcomes[0].source); a bound far above that stops
# `[[[[...]]]]` long before anything recursive could overflow.
MAX_DEPTH = 12

# Numbers as a person writes them. YAML 1.1 also reads '015000' as octal (6656), '1:30' as
# 90, '1_000', '0x1F', '.inf' and '.nan': each of those is refused with the fix.
_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"[-+]?(0|[1-9][0-9]*)?\.[0-9]*([eE][-+]?[0-9]+)?")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]")
# Any control character, line breaks included: none belongs in a field name.
_ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]")

STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}

Position = tuple[int, int]
# Control characters, and the bidirectional overrides that make text read otherwise than
# it is stored ("Trojan Source"); tabs and line breaks are the file's own.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


@dataclass
class Source:
    """An entry file as read: front matter data, positions and body."""

    path: Path
    display: str
    data: dict[str, Any] | None = None
    body: str = ""
    body_line: int = 1  # the file line on which the body starts
    positions: dict[FieldPath, Position] = field(default_factory=dict)  # value positions
    key_positions: dict[FieldPath, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def position(self, parts: FieldPath) -> Position:
        """Where a field's value stands, or its nearest parent's."""
        parts = tuple(parts)
        while parts:
            if parts in self.positions:
                return self.positions[parts]
            parts = parts[:-1]
        return self.positions.get((), (1, 1))

    def key_position(self, parts: FieldPath) -> Position:
        return self.key_positions.get(tuple(parts)) or self.position(parts)

    def problem(
        self, parts: FieldPath, message: str, *, key: bool = False, severity: Severity = "error"
    ) -> Problem:
        line, column = self.key_position(parts) if key else self.position(parts)
        return Problem(self.display, line, column, field_path(parts), message, severity)


# libyaml parses about ten times faster than the pure-Python parser; both build the same
# nodes with the same marks. Aliases are counted while the nodes are walked below.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TooLargeError(Exception):
    pass


class _TooManyAliasesError(Exception):
    def __init__(self, node: Node):
        self.node = node


class _BadNodeError(Exception):
    def __init__(self, node: Node, parts: FieldPath, message: str):
        self.node, self.parts, self.message = node, parts, message


class _RefusedError(Exception):
    """The file cannot be read as an entry: what to tell the contributor, and where."""

    def __init__(self, message: str, line: int = 1, column: int = 1, field: str = ""):
        super().__init__(message)
        self.message, self.line, self.column, self.field = message, line, column, field


def read_source(path: Path, display: str | None = None) -> Source:
    """The entry file as data with positions, or with the problem that stopped the reading."""
    display = display or str(path)
    source = Source(path=path, display=display)
    try:
        text = _read_text(path)
        front, source.body, source.body_line = _split(text)
        source.data = _construct(front, source)
    except _RefusedError as refused:
        source.problems.append(
            Problem(display, refused.line, refused.column, refused.field, refused.message)
        )
        source.data = None
    return source


def _read_text(path: Path) -> str:
    """The file as text: bounded in size, UTF-8, without control characters."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _RefusedError(
                f"Het bestand is {_dutch(size)} bytes groot; hoogstens "
                f"{_dutch(MAX_FILE_BYTES)} bytes mag. Zet lange stukken in een apart "
                "document en verwijs ernaar met een link."
            )
        raw = path.read_bytes()
    except OSError:
        raise _RefusedError(
            "Het bestand is niet te openen. Kijk of het bestaat en of u het mag lezen."
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _RefusedError(
            f"Het bestand is geen geldige UTF-8-tekst (byte 0x{raw[exc.start]:02x}). Sla het "
            "op als UTF-8.",
            line,
            column,
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1
        name = (
            "een NUL-teken"
            if control.group() == "\x00"
            else f"het onzichtbare teken U+{ord(control.group()):04X}"
        )
        raise _RefusedError(
            f"Het bestand bevat {name}. Verwijder het; zo'n teken komt vaak mee bij het "
            "kopiëren uit een pdf of een tekstverwerker.",
            line,
            column,
        )
    return text


def _split(text: str) -> tuple[str, str, int]:
    """(front matter, body, the file line on which the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise _RefusedError(
            "Het bestand begint niet met de gegevens. Zet eerst een regel '---', dan de "
            "velden (title: ...), en dan weer een regel '---'."
        )
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        raise _RefusedError(
            "De gegevens bovenaan worden niet afgesloten. Zet een regel '---' na het laatste veld."
        )
    return "\n".join(lines[1:end]) + "\n", "\n".join(lines[end + 1 :]), end + 2


def _construct(front: str, source: Source) -> dict[str, Any]:
    """The front matter's fields, with bounds on what YAML may expand to."""
    try:
        loader = _Loader(front)
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise _RefusedError(
            f"De gegevens bovenaan zijn niet te lezen: {_yaml_problem(exc)}. Let op de "
            "inspringing, de dubbele punten en de aanhalingstekens (zet een waarde met ': ' "
            "of '#' tussen aanhalingstekens).",
            (mark.line + 2) if mark else 1,
            (mark.column + 1) if mark else 1,
        ) from None
    except yaml.YAMLError:  # a reader error, e.g. a control character
        raise _RefusedError(
            "De gegevens bovenaan zijn niet te lezen. Kijk of er vreemde tekens in staan."
        ) from None
    try:
        if node is None:
            raise _RefusedError(
                "Er staan geen gegevens tussen de regels '---'. Zet daar de verplichte velden.",
                2,
            )
        if not isinstance(node, MappingNode):
            raise _RefusedError(
                "De gegevens bovenaan moeten velden zijn (regels als 'naam: waarde'), niet "
                f"{_kind(node)}.",
                node.start_mark.line + 2,
                node.start_mark.column + 1,
            )
        data: dict[str, Any] = _Walk(loader).construct(node, (), source)
        return data
    except _BadNodeError as bad:
        mark = bad.node.start_mark
        raise _RefusedError(
            bad.message, mark.line + 2, mark.column + 1, field_path(bad.parts)
        ) from None
    except _TooManyAliasesError as exc:
        mark = exc.node.start_mark
        raise _RefusedError(
            f"De gegevens gebruiken meer dan {MAX_ALIASES} verwijzingen (*naam). Schrijf de "
            "waarden voluit.",
            mark.line + 2,
            mark.column + 1,
        ) from None
    except _TooLargeError:
        raise _RefusedError(
            f"De gegevens worden samen meer dan {_dutch(MAX_NODES)} waarden. Haal de "
            "verwijzingen (*naam) weg en schrijf de waarden voluit."
        ) from None
    finally:
        loader.dispose()


def _dutch(number: int) -> str:
    """A whole number as Dutch writes it: 1.000.000."""
    return f"{number:,}".replace(",", ".")


# What the YAML reader's own (English) explanation means, in words a contributor knows.
_YAML_PROBLEMS = (
    ("mapping values are not allowed", "er staat een dubbele punt die daar niet kan"),
    ("cannot start any token", "er staat een teken dat daar niet kan, zoals een tab, @ of `"),
    ("expected ',' or ']'", "een lijst die met [ begint, wordt niet gesloten met ]"),
    ("expected ',' or '}'", "een groep die met { begint, wordt niet gesloten met }"),
    ("undefined alias", "een verwijzing (*naam) wijst naar niets"),
    ("duplicate anchor", "een anker (&naam) staat er twee keer in"),
    ("could not find expected ':'", "er ontbreekt een dubbele punt na een veldnaam"),
    ("expected key", "de inspringing klopt niet"),
    ("expected '-' indicator", "de inspringing klopt niet"),
)


def _yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    said = f"{exc.problem or ''} {exc.context or ''}"
    if "end of stream" in said and "quoted" in said:
        return "een aanhalingsteken wordt niet gesloten"
    return next(
        (dutch for english, dutch in _YAML_PROBLEMS if english in said),
        "de regel klopt niet",
    )


def _kind(node: Node) -> str:
    if isinstance(node, SequenceNode):
        return "een lijst"
    if isinstance(node, ScalarNode):
        return f"één losse waarde ({node.value[:40]!r})"
    return "iets anders"


class _Walk:
    """Builds Python values from YAML nodes, recording positions and enforcing bounds.

    An alias is the same node object met again: counting those bounds aliases, and
    counting every node built bounds what aliases can expand to ("billion laughs").
    """

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.nodes = 0
        self.seen: set[int] = set()
        self.aliases = 0

    def construct(self, node: Node, parts: FieldPath, source: Source) -> Any:
        self._count(node, parts)
        source.positions[parts] = (node.start_mark.line + 2, node.start_mark.column + 1)
        if node.tag not in STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise _BadNodeError(
                node,
                parts,
                f"De markering '{tag}' mag niet. Schrijf een gewone waarde, zonder '!'.",
            )
        if isinstance(node, MappingNode):
            return self._mapping(node, parts, source)
        if isinstance(node, SequenceNode):
            return [self.construct(item, (*parts, i), source) for i, item in enumerate(node.value)]
        if node.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
            return node.value  # dates stay ISO strings, exactly as written
        if isinstance(node, ScalarNode) and node.tag in (
            "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:float",
        ):
            _check_number(node, parts)
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.YAMLError:
            raise _BadNodeError(
                node,
                parts,
                "Deze waarde is niet te lezen. Zet haar tussen aanhalingstekens als het tekst is.",
            ) from None

    def _count(self, node: Node, parts: FieldPath) -> None:
        """Every node counts towards the bounds; a node met again is an alias."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooLargeError()
        if len(parts) > MAX_DEPTH:
            raise _BadNodeError(
                node,
                parts,
                f"De waarde zit meer dan {MAX_DEPTH} niveaus diep. Zo diep gaat geen enkel "
                "veld: controleer de haken.",
            )
        if id(node) in self.seen:
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _TooManyAliasesError(node)
        self.seen.add(id(node))

    def _mapping(self, node: MappingNode, parts: FieldPath, source: Source) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _BadNodeError(
                    key_node, parts, "Samenvoegen met '<<' kan niet. Schrijf de velden voluit."
                )
            if not isinstance(key_node, ScalarNode) or _ANY_CONTROL.search(key_node.value):
                raise _BadNodeError(
                    key_node,
                    parts,
                    "Een veldnaam is één gewoon woord op één regel, zoals 'title'.",
                )
            key = key_node.value
            if key in result:
                raise _BadNodeError(
                    key_node,
                    (*parts, key),
                    f"Het veld '{key}' staat er twee keer in. Laat er één staan.",
                )
            source.key_positions[(*parts, key)] = (
                key_node.start_mark.line + 2,
                key_node.start_mark.column + 1,
            )
            result[key] = self.construct(value_node, (*parts, key), source)
        return result


def _check_number(node: ScalarNode, parts: FieldPath) -> None:
    """Refuse numbers YAML reads differently from how a person reads them."""
    text = node.value
    if _PLAIN_INT.fullmatch(text) or (
        _PLAIN_FLOAT.fullmatch(text)
        and any(c.isdigit() for c in text)
        and not _LEADING_ZERO.match(text)
    ):
        return
    if _LEADING_ZERO.match(text):
        meant = text.lstrip("+-").lstrip("0") or "0"
        read = ""
        if node.tag == "tag:yaml.org,2002:int":
            read = f" Zo leest het bestand het als een ander getal: {yaml.safe_load(text)}."
        raise _BadNodeError(
            node,
            parts,
            f"'{text}' begint met een nul.{read} Schrijf {meant}, of zet de waarde tussen "
            "aanhalingstekens als het een code is.",
        )
    if text.lstrip("+-").lower() in (".inf", ".nan"):
        raise _BadNodeError(
            node, parts, f"'{text}' is geen gewoon getal. Schrijf een getal, zoals 1500 of 12.5."
        )
    raise _BadNodeError(
        node,
        parts,
        f"'{text}' wordt niet gelezen zoals het er staat. Schrijf het getal gewoon "
        "(bijvoorbeeld 1500 of 12.5), of zet de waarde tussen aanhalingstekens als het tekst "
        "is.",
    )
