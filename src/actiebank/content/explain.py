"""Schema errors as messages a contributor can act on.

jsonschema says what failed in its own terms ("'brabant' is not one of [...]"); each
keyword here has a function that says it for a contributor, at the field's position,
with the nearest valid value where there is one. Rules across fields (subschemas marked
`x-rule`) are worded by `rules.py` instead, at the field to change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema.exceptions import ValidationError

from ..problems import FieldPath, Problem
from ..vocabulary import Vocabularies, fold, nearest
from .frontmatter import Source
from .schema import validators_for

# What one value of a vocabulary is called in a message: "'brabant' is not a region".
NOUNS = {
    "region": "a region",
    "sector": "a sector",
    "success_factor": "a success factor",
    "intervention": "an intervention",
    "status": "a status",
    "target_group": "a target group",
    "career_pillar": "a career pillar",
    "outcome_measure": "an outcome measure",
    "outcome_result": "an outcome result",
    "outcome_unit": "a unit",
    "evidence_level": "a level of evidence",
    "cost_level": "a cost level",
    "cost_per": "a choice for 'per'",
}
TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "fields (name: value)",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
}
YEAR_FIELDS = ("started", "ended", "period")


@dataclass
class Explaining:
    """One schema error and what is needed to word it."""

    error: ValidationError
    source: Source
    schema: dict[str, Any]
    vocabularies: Vocabularies

    @property
    def parts(self) -> FieldPath:
        return tuple(self.error.absolute_path)

    @property
    def value(self) -> object:
        return self.error.instance

    @property
    def sub(self) -> dict[str, Any]:
        return self.error.schema if isinstance(self.error.schema, dict) else {}

    def at(
        self, message: str, parts: FieldPath | None = None, *, key: bool = False
    ) -> list[Problem]:
        return [self.source.problem(self.parts if parts is None else parts, message, key=key)]


def check_schema(
    source: Source, kind: str, vocabularies: Vocabularies, schema_dir: Path
) -> list[Problem]:
    """Every schema error of an entry, worded, one message per field and kind of mistake."""
    validator, is_valid = validators_for(kind, schema_dir)
    if is_valid(source.data):
        return []
    schema: dict[str, Any] = dict(validator.schema)  # type: ignore[arg-type]
    problems: list[Problem] = []
    errors = sorted(
        validator.iter_errors(source.data), key=lambda e: list(map(str, e.absolute_path))
    )
    for error in errors:
        if under_rule(error, schema):
            continue  # a rule across fields: rules.py words it
        explain = EXPLAINERS.get(error.validator, _as_jsonschema_says)
        problems.extend(explain(Explaining(error, source, schema, vocabularies)))
    seen: set[tuple[str, str]] = set()
    unique = []
    for problem in problems:
        if (problem.field, problem.message) not in seen:
            seen.add((problem.field, problem.message))
            unique.append(problem)
    return unique


def under_rule(error: ValidationError, schema: dict[str, Any]) -> bool:
    """Whether the error comes from a rule across fields (a subschema marked `x-rule`)."""
    node: object = schema
    for step in error.schema_path:
        try:
            node = node[step]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return False
        if isinstance(node, dict) and "x-rule" in node:
            return True
    return False


# --------------------------------------------------------------------------- per keyword


def _required(e: Explaining) -> list[Problem]:
    missing = re.match(r"'([^']+)'", e.error.message)
    name = missing.group(1) if missing else e.error.message
    text = (
        e.schema.get("properties", {}).get(name, {}).get("description")
        if len(e.parts) == 0
        else None
    )
    hint = f" ({text})" if text else ""
    return e.at(
        f"the required field '{name}' is missing; add it{hint}",
        (*e.parts, name),
        key=bool(e.parts),
    )


def _additional_properties(e: Explaining) -> list[Problem]:
    allowed = list(e.sub.get("properties", {}))
    problems = []
    given = e.value if isinstance(e.value, dict) else {}
    for key in [k for k in given if k not in allowed]:
        guess = nearest(key, allowed) or nearest(fold(key).replace("-", "_"), allowed)
        tip = (
            f" (did you mean '{guess}'?)"
            if guess
            else f"; the fields here are: {', '.join(allowed)}"
        )
        problems += e.at(f"'{key}' is not a field{tip}", (*e.parts, key), key=True)
    return problems


def _enum(e: Explaining) -> list[Problem]:
    vocabulary = e.vocabularies.get(e.sub.get("title", ""))
    if vocabulary is None:
        return e.at(f"{_got(e.value)} is not allowed; use one of {_list(e.sub.get('enum', []))}")
    guess = vocabulary.nearest(e.value)
    tip = f" (did you mean '{guess}'?)" if guess else f"; allowed: {_list(vocabulary.slugs)}"
    noun = NOUNS.get(vocabulary.name, f"a {vocabulary.name}")
    return e.at(f"{_got(e.value)} is not {noun}{tip}")


def _not(e: Explaining) -> list[Problem]:
    if isinstance(e.value, str) and "pattern" in e.sub.get("not", {}):
        return e.at(control_character(e.value))
    return _as_jsonschema_says(e)


def _type(e: Explaining) -> list[Problem]:
    expected = e.sub.get("type")
    value = e.value
    if isinstance(expected, list):  # a year: text or a whole number
        want = " or ".join(TYPE_NAMES.get(str(t), str(t)) for t in expected)
        how = pattern_hint(e.parts, e.sub).removeprefix("is not a month or year; ")
        return e.at(f"expected {want}, got {_got(value)}; {how}")
    want = TYPE_NAMES.get(str(expected), str(expected))
    tip = ""
    if expected == "array" and isinstance(value, str):
        tip = f"; write it as a list: [{value}] or one '- {value}' line per value"
    elif expected == "string" and isinstance(value, bool):
        tip = "; YAML reads yes, no, on and off as true or false: put the text in quotes"
    elif expected == "string" and isinstance(value, (int, float)):
        tip = f"; put it in quotes: '{value}'"
    elif expected == "number" and isinstance(value, str):
        tip = "; write the number without quotes or units, e.g. 12.5"
    return e.at(f"expected {want}, got {_got(value)}{tip}")


def _min_items(e: Explaining) -> list[Problem]:
    name = e.sub.get("items", {}).get("title", "")
    tail = f", one of {_list(e.vocabularies[name].slugs)}" if name in e.vocabularies else ""
    return e.at(f"the list is empty; give at least {e.sub.get('minItems', 1)} value{tail}")


def _unique_items(e: Explaining) -> list[Problem]:
    value = e.value
    dupes = (
        sorted({repr(v) for v in value if value.count(v) > 1}) if isinstance(value, list) else []
    )
    return e.at(f"{', '.join(dupes) or 'a value'} appears more than once; list each value once")


def _length(e: Explaining) -> list[Problem]:
    low, high = e.sub.get("minLength"), e.sub.get("maxLength")
    rule = (
        f"{low} to {high} characters"
        if low and high
        else f"at least {low} characters"
        if low
        else f"at most {high} characters"
    )
    count = len(e.value)  # type: ignore[arg-type]
    return e.at(f"is {count} character{'s' if count != 1 else ''} long; write {rule}")


def _pattern(e: Explaining) -> list[Problem]:
    return e.at(f"{_got(e.value)} {pattern_hint(e.parts, e.sub)}")


def _bound(e: Explaining) -> list[Problem]:
    if any(p in YEAR_FIELDS for p in e.parts):
        return e.at(
            f"{e.value} is not a year from 1900 to 2099; write the year in four digits, e.g. 2023"
        )
    if e.error.validator == "minimum":
        return e.at(f"{e.value} is below {e.sub.get('minimum')}; write a number of at least that")
    return e.at(f"{e.value} is above {e.sub.get('maximum')}; write a number of at most that")


def _dependent_required(e: Explaining) -> list[Problem]:
    needed = re.findall(r"'([^']+)' is a dependency of '([^']+)'", e.error.message)
    if not needed:
        return _as_jsonschema_says(e)
    missing, because = needed[0]
    vocabulary = e.vocabularies.get(e.sub.get("properties", {}).get(missing, {}).get("title", ""))
    tail = f" (one of {_list(vocabulary.slugs)})" if vocabulary else ""
    return e.at(f"'{because}' needs '{missing}' beside it{tail}", (*e.parts, because), key=True)


def _as_jsonschema_says(e: Explaining) -> list[Problem]:
    return e.at(e.error.message)


EXPLAINERS: dict[str, Callable[[Explaining], list[Problem]]] = {
    "required": _required,
    "additionalProperties": _additional_properties,
    "enum": _enum,
    "not": _not,
    "type": _type,
    "minItems": _min_items,
    "uniqueItems": _unique_items,
    "minLength": _length,
    "maxLength": _length,
    "pattern": _pattern,
    "minimum": _bound,
    "maximum": _bound,
    "dependentRequired": _dependent_required,
}


# --------------------------------------------------------------------------- wording


def _got(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "fields"
    return repr(value) if isinstance(value, str) else str(value)


def _list(values: Iterable[str], limit: int = 12) -> str:
    values = list(values)
    shown = ", ".join(values[:limit])
    return shown + (
        f" and {len(values) - limit} more (see schema/vocabularies.yaml)"
        if len(values) > limit
        else ""
    )


def control_character(value: str) -> str:
    """Which invisible character a text holds, where, and what to do."""
    found = next(
        (
            i
            for i, c in enumerate(value)
            if ord(c) < 32
            or 127 <= ord(c) < 160
            or c in "\u2028\u2029\ufffe\uffff"
            or 0x202A <= ord(c) <= 0x202E
            or 0x2066 <= ord(c) <= 0x2069
        ),
        0,
    )
    char = value[found]
    if char in "\n\r\u2028\u2029":
        return (
            "holds a line break; write it on one line (a line break is allowed only in a "
            "summary or a note)"
        )
    return (
        f"holds the invisible control character U+{ord(char):04X} at character {found + 1}; "
        "delete it (it often comes from copying out of a PDF or a word processor)"
    )


PATTERN_HINTS = {
    "started": "is not a month or year; write YYYY or YYYY-MM, e.g. '2023-09'",
    "ended": "is not a month or year; write YYYY or YYYY-MM, e.g. '2023-09'",
    "updated": "is not a date; write YYYY-MM-DD, e.g. '2024-03-01'",
    "date": "is not a date; write YYYY-MM-DD, e.g. '2024-03-01'",
    "period": "is not a period; write a year or a span of years, e.g. '2022' or '2021-2023'",
    "url": "is not a web address; write it in full, starting with https://",
    "email": "is not a valid e-mail address (name@example.nl)",
    "src": "is not a JPEG, PNG or WebP file name (.jpg, .jpeg, .png or .webp)",
    "related": (
        "is not a slug; use the file name of the action without .md "
        "(lower-case letters, digits and hyphens)"
    ),
}
PATTERN_HINTS["actions"] = PATTERN_HINTS["related"]


def pattern_hint(parts: FieldPath, sub: dict[str, Any]) -> str:
    name = next((p for p in reversed(parts) if isinstance(p, str)), "")
    if name in PATTERN_HINTS:
        return PATTERN_HINTS[name]
    if sub.get("maxLength") == 80:  # a slug
        return PATTERN_HINTS["related"]
    return f"does not match the pattern {sub.get('pattern')}"
