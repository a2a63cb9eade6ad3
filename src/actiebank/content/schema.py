"""The JSON Schemas of actions and cases, with their enumerations from the vocabularies.

The schema files in schema/ are what contributors and tools read (they are published at
/schema/). Their vocabulary enumerations live in `$defs` and are written from the
vocabularies file by `actiebank schema`; `schema_drift` tells when the two disagree.
Validation reads them through `validators_for`, cached by the files' modification times
so `mkdocs serve` sees an edited vocabulary.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..vocabulary import Vocabularies, load_vocabularies
from .sources import SOURCE, SOURCE_MAX, SOURCE_MIN, WEB_ADDRESS

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

KINDS = ("action", "case")
VOCABULARIES_FILE = "vocabularies.yaml"


def schema_path(kind: str, schema_dir: Path) -> Path:
    return Path(schema_dir) / f"{kind}.schema.json"


def vocabularies_path(schema_dir: Path) -> Path:
    return Path(schema_dir) / VOCABULARIES_FILE


def with_vocabularies(schema: dict[str, Any], vocabularies: Vocabularies) -> dict[str, Any]:
    """The schema with each vocabulary `$defs` entry set to that vocabulary's slugs, and
    the web address and source definitions set to the patterns of sources.py."""
    updated = json.loads(json.dumps(schema))
    definitions = updated.get("$defs", {})
    for name, definition in definitions.items():
        if name in vocabularies:
            vocabulary = vocabularies[name]
            definition.clear()
            definition.update(
                {
                    "title": name,
                    "description": f"vocabulary '{name}' in schema/vocabularies.yaml",
                    "enum": vocabulary.slugs,
                }
            )
    if "url" in definitions:
        definitions["url"]["pattern"] = WEB_ADDRESS
    if "source" in definitions:
        definitions["source"].update(
            {"minLength": SOURCE_MIN, "maxLength": SOURCE_MAX, "pattern": SOURCE}
        )
    _refuse_control_characters(updated)
    return dict(updated)


# Control characters (and U+FFFE/U+FFFF) break XML feeds, terminals and spreadsheets, and a
# line break at the end of a date slips past a pattern's `$` in some regex engines. A
# paragraph (`x-paragraph`: a summary, a note) may hold line breaks; nothing else may.
# `not: {pattern}` finds a character anywhere, so every regex engine judges it alike.
# The bidirectional overrides (U+202A-U+202E, U+2066-U+2069) make text read otherwise than it
# is stored ("Trojan Source"): refused as well.
LINE_CONTROL = (
    "[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufffe\\uffff]"
)
PARAGRAPH_CONTROL = (
    "[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029"
    "\\u202a-\\u202e\\u2066-\\u2069\\ufffe\\uffff]"
)


def _refuse_control_characters(node: object) -> None:
    if isinstance(node, dict):
        if node.get("type") == "string" or (
            isinstance(node.get("type"), list) and "string" in node["type"]
        ):
            control = PARAGRAPH_CONTROL if node.get("x-paragraph") else LINE_CONTROL
            node["not"] = {"type": "string", "pattern": control}
        for key, value in node.items():
            if key != "not":
                _refuse_control_characters(value)
    elif isinstance(node, list):
        for value in node:
            _refuse_control_characters(value)


def render_schema(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_drift(schema_dir: Path) -> list[str]:
    """The schema files whose enumerations differ from the vocabularies file."""
    vocabularies = load_vocabularies(vocabularies_path(schema_dir))
    stale = []
    for kind in KINDS:
        path = schema_path(kind, schema_dir)
        current = path.read_text(encoding="utf-8")
        if render_schema(with_vocabularies(json.loads(current), vocabularies)) != current:
            stale.append(str(path))
    return stale


def write_schemas(schema_dir: Path) -> list[Path]:
    vocabularies = load_vocabularies(vocabularies_path(schema_dir))
    written = []
    for kind in KINDS:
        path = schema_path(kind, schema_dir)
        schema = with_vocabularies(json.loads(path.read_text(encoding="utf-8")), vocabularies)
        path.write_text(render_schema(schema), encoding="utf-8")
        written.append(path)
    return written


_cache: dict[tuple[str, str, Path], tuple[tuple[int, ...], Any]] = {}


def _cached(key: tuple[str, str, Path], files: list[Path], make: Callable[[], Any]) -> Any:
    """make(), remembered until one of the files changes."""
    stamp = tuple(path.stat().st_mtime_ns for path in files)
    hit = _cache.get(key)
    if hit is None or hit[0] != stamp:
        hit = (stamp, make())
        _cache[key] = hit
    return hit[1]


def load_schema(kind: str, schema_dir: Path) -> dict[str, Any]:
    """The schema as validation uses it: enumerations always from the vocabularies file."""
    schema_dir = Path(schema_dir).resolve()

    def make() -> dict[str, Any]:
        vocabularies = load_vocabularies(vocabularies_path(schema_dir))
        schema = json.loads(schema_path(kind, schema_dir).read_text(encoding="utf-8"))
        return with_vocabularies(schema, vocabularies)

    schema: dict[str, Any] = _cached(
        ("schema", kind, schema_dir),
        [schema_path(kind, schema_dir), vocabularies_path(schema_dir)],
        make,
    )
    return schema


IsValid = Callable[[object], bool]


@dataclass
class Validators:
    """A kind's schema, references inlined, with a fast yes/no check and, when an entry
    is refused, a validator that explains every error with its path.

    jsonschema-rs answers "is this valid?" about thirty times faster than jsonschema. Most
    entries are valid, so jsonschema (a tenth of a second to import) is loaded only to
    explain an entry the fast check refused.
    """

    schema: dict[str, Any]
    fast: IsValid | None
    _explaining: Draft202012Validator | None = None

    def is_valid(self, data: object) -> bool:
        return self.fast(data) if self.fast else self.explaining.is_valid(data)

    @property
    def explaining(self) -> Draft202012Validator:
        if self._explaining is None:
            from jsonschema import Draft202012Validator

            self._explaining = Draft202012Validator(self.schema)
        return self._explaining


def validators_for(kind: str, schema_dir: Path) -> Validators:
    """The validators for a kind of entry, cached while its schema files are unchanged.

    `format` is dropped from the validation copy (patterns carry those rules) so both
    validators apply exactly the same keywords.
    """
    schema_dir = Path(schema_dir)  # not resolved: that cost a tenth of a validation run

    def make() -> Validators:
        schema = inline_references(load_schema(kind, schema_dir))
        try:
            import jsonschema_rs

            fast: IsValid | None = jsonschema_rs.validator_for(schema).is_valid
        except ImportError:  # the explaining validator alone gives the same answers
            fast = None
        return Validators(schema, fast)

    validators: Validators = _cached(
        ("validators", kind, schema_dir),
        [schema_path(kind, schema_dir), vocabularies_path(schema_dir)],
        make,
    )
    return validators


def inline_references(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with every local `$ref` replaced by its definition.

    Our schemas are not recursive, and resolving references costs jsonschema a third of
    the validation time; the inlined copy accepts exactly the same documents.
    """
    definitions = schema.get("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/") and len(node) == 1:
                return inline(definitions[ref.removeprefix("#/$defs/")])
            return {k: inline(v) for k, v in node.items() if k not in ("$defs", "format")}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    inlined: dict[str, Any] = inline(schema)
    return inlined
