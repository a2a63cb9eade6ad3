"""The entry file for a proposal form's values, written in Python exactly as the page's
script writes it (character for character: the tests hold the two to each other), so
the editors' importer (importer.py) reads what either wrote."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .spec import NUMBER_PATTERN, form_spec

_NUMBER = re.compile(NUMBER_PATTERN[1:-1])

# Around a text, only these are trimmed (the same in Python and JavaScript, whose own
# notions of white space differ).
TRIM = " \t\n\r"


def clean(kind_spec: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """The values as the file holds them: texts trimmed, empty ones left out."""
    out: dict[str, Any] = {}
    for field in kind_spec["fields"]:
        if field["name"] in values:
            value = _clean_value(field, values[field["name"]])
            if value is not None:
                out[field["name"]] = value
    body = values.get("body") or {}
    sections = {}
    for section in kind_spec["body"]:
        text = _clean_text(body.get(section["id"]))
        if text:
            sections[section["id"]] = text
    if sections:
        out["body"] = sections
    return out


def _clean_text(value: object) -> str:
    if value is None or isinstance(value, bool):
        return ""
    text = value if isinstance(value, str) else _number_text(value)
    return text.replace("\r\n", "\n").replace("\r", "\n").strip(TRIM)


def _number_text(value: object) -> str:
    """A number a Python caller passes (12.5) as the form writes it ('12,5')."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value).replace(".", ",").removesuffix(",0")
    return str(value)


def _clean_one(field: Mapping[str, Any], value: object) -> Any:
    kind = field["type"]
    if kind == "object":
        if not isinstance(value, Mapping):
            return None
        group = {}
        for child in field["children"]:
            if child["name"] in value:
                cleaned = _clean_value(child, value[child["name"]])
                if cleaned is not None:
                    group[child["name"]] = cleaned
        return group or None
    if kind == "boolean":
        return True if value is True else None
    text = _clean_text(value)
    return text or None


def _clean_value(field: Mapping[str, Any], value: object) -> Any:
    if not field["many"]:
        return _clean_one(field, value)
    items = value if isinstance(value, list) else [] if value is None else [value]
    kept = [c for c in (_clean_one(field, item) for item in items) if c is not None]
    return kept or None


_ESCAPES = re.compile(
    '[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff"\\\\]'
)
_PLAIN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
# Words YAML 1.1 reads as true, false or nothing.
_YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "null"}


def quote(text: str) -> str:
    """A YAML double-quoted scalar: every invisible character written as an escape, so a
    line of the file is always one field, even after an e-mail program wraps it."""

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        if char in '"\\':
            return "\\" + char
        if char == "\n":
            return "\\n"
        if char == "\t":
            return "\\t"
        return f"\\u{ord(char):04x}"

    return '"' + _ESCAPES.sub(escape, text) + '"'


def _scalar(field: Mapping[str, Any], value: Any) -> str:
    kind = field["type"]
    if kind == "boolean":
        return "true"
    if kind == "number" and _NUMBER.fullmatch(value):
        return str(value).replace(",", ".")
    if kind == "choice" and _PLAIN.fullmatch(value) and value not in _YAML_WORDS:
        return str(value)
    if field.get("prefix"):
        value = field["prefix"] + value
    return quote(value)


def _yaml(field: Mapping[str, Any], value: Any, indent: str) -> list[str]:
    name = field["name"]
    if field["type"] == "object":
        children = field["children"]
        if field["many"]:
            lines = [f"{indent}{name}:"]
            for row in value:
                row_lines = _group_lines(children, row, indent + "    ")
                row_lines[0] = indent + "  - " + row_lines[0][len(indent) + 4 :]
                lines += row_lines
            return lines
        return [f"{indent}{name}:", *_group_lines(children, value, indent + "  ")]
    if field["many"]:
        if field["type"] == "choice":
            return [f"{indent}{name}: [{', '.join(_scalar(field, v) for v in value)}]"]
        return [f"{indent}{name}:", *(f"{indent}  - {_scalar(field, v)}" for v in value)]
    return [f"{indent}{name}: {_scalar(field, value)}"]


def _group_lines(children: Iterable[Mapping[str, Any]], value: Any, indent: str) -> list[str]:
    lines = []
    for child in children:
        if child["name"] in value:
            lines += _yaml(child, value[child["name"]], indent)
    return lines


_ENTITY_START = re.compile(r"&(?=[#A-Za-z])")
_HEADING_START = re.compile(r"( {0,3})#")


def body_markdown(text: str) -> str:
    """A body section as plain text in Markdown: no HTML, no entity and no heading of
    its own, so what a contributor typed is what the page shows."""
    text = _ENTITY_START.sub("&amp;", text).replace("<", "&lt;")
    return "\n".join(
        _HEADING_START.sub(lambda m: m.group(1) + "\\#", line, count=1)
        if _HEADING_START.match(line)
        else line
        for line in text.split("\n")
    )


def entry_text(
    kind: str, values: Mapping[str, Any], *, spec: Mapping[str, Any] | None = None
) -> str:
    """The entry file for a form's values, exactly as the page's script writes it.

    `spec` is the form_spec the page was built with; by default the one of the project
    the `actiebank` command finds (see project.find_project).
    """
    if spec is None:
        from ...project import find_project

        spec = form_spec(find_project().schema_dir)
    kind_spec = spec["kinds"][kind]
    cleaned = clean(kind_spec, values)
    lines = ["---"]
    for field in kind_spec["fields"]:
        if field["name"] in cleaned:
            lines += _yaml(field, cleaned[field["name"]], "")
    lines.append("---")
    body = cleaned.get("body", {})
    for section in kind_spec["body"]:
        if section["id"] in body:
            lines += ["", f"## {section['heading']}", "", body_markdown(body[section["id"]])]
    return "\n".join(lines) + "\n"
