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
                f"the file is {size:,} bytes; an entry may be at most "
                f"{MAX_FILE_BYTES:,} bytes: move long material to a linked document"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise _RefusedError(f"cannot read the file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _RefusedError(
            f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8",
            line,
            column,
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1
        name = (
            "a NUL character"
            if control.group() == "\x00"
            else f"the invisible control character U+{ord(control.group()):04X}"
        )
        raise _RefusedError(
            f"the file contains {name}; delete it (it often comes from copying out of "
            "a PDF or a word processor)",
            line,
            column,
        )
    return text


def _split(text: str) -> tuple[str, str, int]:
    """(front matter, body, the file line on which the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise _RefusedError(
            "the file does not start with front matter: put a line '---' first, "
            "then the fields (title: ...), then another '---'"
        )
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        raise _RefusedError("the front matter is not closed: add a line '---' after the last field")
    return "\n".join(lines[1:end]) + "\n", "\n".join(lines[end + 1 :]), end + 2


def _construct(front: str, source: Source) -> dict[str, Any]:
    """The front matter's fields, with bounds on what YAML may expand to."""
    try:
        loader = _Loader(front)
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "invalid YAML"
        raise _RefusedError(
            f"the front matter is not valid YAML: {what}; check indentation, "
            "colons and quotes (a value with ': ' or '#' needs quotes)",
            (mark.line + 2) if mark else 1,
            (mark.column + 1) if mark else 1,
        ) from None
    except yaml.YAMLError as exc:  # a reader error, e.g. a control character
        raise _RefusedError(f"the front matter is not valid YAML: {exc}") from None
    try:
        if node is None:
            raise _RefusedError(
                "the front matter is empty: add the required fields between the '---' lines", 2
            )
        if not isinstance(node, MappingNode):
            raise _RefusedError(
                f"the front matter must be fields ('name: value' lines), not {_kind(node)}",
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
            f"the front matter uses more than {MAX_ALIASES} aliases (*name); "
            "write the values out instead",
            mark.line + 2,
            mark.column + 1,
        ) from None
    except _TooLargeError:
        raise _RefusedError(
            f"the front matter expands to more than {MAX_NODES:,} values; "
            "remove aliases and write the values out"
        ) from None
    finally:
        loader.dispose()


def _kind(node: Node) -> str:
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, ScalarNode):
        return f"a single value ({node.value[:40]!r})"
    return "something else"


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
                f"the YAML tag '{tag}' is not allowed; write a plain value without '!' tags",
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
        except yaml.YAMLError as exc:
            raise _BadNodeError(node, parts, f"cannot read this value: {exc}") from None

    def _count(self, node: Node, parts: FieldPath) -> None:
        """Every node counts towards the bounds; a node met again is an alias."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooLargeError()
        if len(parts) > MAX_DEPTH:
            raise _BadNodeError(
                node,
                parts,
                f"the value is nested more than {MAX_DEPTH} levels deep; "
                "no field of an entry goes that deep: check the brackets",
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
                    key_node, parts, "merge keys ('<<') are not supported; write the fields out"
                )
            if not isinstance(key_node, ScalarNode) or _ANY_CONTROL.search(key_node.value):
                raise _BadNodeError(
                    key_node,
                    parts,
                    "a field name must be a plain word on one line, such as 'title'",
                )
            key = key_node.value
            if key in result:
                raise _BadNodeError(
                    key_node, (*parts, key), f"the field '{key}' appears twice; keep one of them"
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
            read = f" (YAML reads '{text}' as {yaml.safe_load(text)}, an octal number)"
        raise _BadNodeError(
            node,
            parts,
            f"'{text}' starts with a zero{read}: write {meant}, or put "
            "it in quotes if it is a code",
        )
    if text.lstrip("+-").lower() in (".inf", ".nan"):
        raise _BadNodeError(node, parts, f"'{text}' is not a finite number; write a number")
    raise _BadNodeError(
        node,
        parts,
        f"YAML does not read '{text}' as written: write the number "
        "plainly (e.g. 1500 or 12.5), or put it in quotes if it is text",
    )
