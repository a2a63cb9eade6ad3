"""The catalogue as data: the JSON and CSV exports under /api/.

Exports hold every front-matter field in the schema's order plus `slug` and `url`, so a
reuser needs no knowledge of the site. They are plain functions of the validated
catalogue: the site build and `actiebank export` produce the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from ..content.catalogue import Catalogue, Entry
from ..content.schema import load_schema
from ..routes import absolute, action_url, api_url, case_url, schema_url


def field_order(kind: str, schema_dir: Path) -> list[str]:
    return list(load_schema(kind, schema_dir).get("properties", {}))


def entry_record(entry: Entry, order: list[str], url: str) -> dict[str, Any]:
    record = {"slug": entry.slug, "url": url}
    for name in order:
        if name in entry.data:
            record[name] = entry.data[name]
    for name in sorted(entry.data):  # a field the schema gains later is still exported
        if name not in record:
            record[name] = entry.data[name]
    return record


def action_records(catalogue: Catalogue, site_url: str) -> list[dict[str, Any]]:
    order = field_order("action", catalogue.project.schema_dir)
    return [
        entry_record(a, order, absolute(site_url, action_url(a.slug)))
        for a in catalogue.actions.values()
    ]


def case_records(catalogue: Catalogue, site_url: str) -> list[dict[str, Any]]:
    order = field_order("case", catalogue.project.schema_dir)
    return [
        entry_record(c, order, absolute(site_url, case_url(c.slug)))
        for c in catalogue.cases.values()
    ]


def to_json(records: list[dict[str, Any]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n"


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV
# Injection"); a quote in front makes it text. Excel holds at most 32,767 characters in
# a cell; longer text is cut there with a pointer to the JSON export, which has it whole.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL = 32_000
CUT_NOTE = " … (ingekort; de volledige tekst staat in actions.json)"


def spreadsheet_text(text: str) -> str:
    """Text that a spreadsheet shows as text: no formula, no cell beyond Excel's limit."""
    if text.startswith(FORMULA_START):
        text = "'" + text
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - len(CUT_NOTE)] + CUT_NOTE
    return text


def csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return spreadsheet_text("; ".join(str(v) for v in value))
    if isinstance(value, (list, dict)):
        return spreadsheet_text(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str))
    return spreadsheet_text(str(value))


def to_csv(records: list[dict[str, Any]], columns: list[str]) -> str:
    out = io.StringIO()
    # The byte-order mark makes spreadsheet programs read 'ë' as UTF-8.
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([csv_cell(record.get(c)) for c in columns])
    return out.getvalue()


def export_files(catalogue: Catalogue, *, site_url: str) -> dict[str, bytes]:
    actions = action_records(catalogue, site_url)
    columns = ["slug", "url", *field_order("action", catalogue.project.schema_dir)]
    for record in actions:
        columns += [k for k in record if k not in columns]
    return {
        api_url("actions.json"): to_json(actions).encode("utf-8"),
        api_url("actions.csv"): to_csv(actions, columns).encode("utf-8"),
        api_url("cases.json"): to_json(case_records(catalogue, site_url)).encode("utf-8"),
    }


# ----------------------------------------------------------------------- the schemas

# The schemas as published at /schema/, for other people's tools. The files in schema/ are
# what the validator, the forms and contributors read; the published copy says the same in
# plain JSON Schema 2020-12 that strict validators (Ajv in strict mode) compile:
#
# - The project's own keywords become a `$comment`: `x-rule` names a rule across fields
#   (the validator words its errors by it) and `x-paragraph` chose which control characters
#   the `not` beside it refuses. A strict tool refuses unknown keywords, and declaring them
#   in a meta-schema vocabulary helps only a tool that is told about that vocabulary;
#   `$comment` is the standard's own place for notes and every validator ignores it.
# - A `required` name that its own schema object does not define (in an `if` or a `then`)
#   is defined there as `true`, which accepts anything: the enclosing schema defines it.
# - A schema object that uses keywords of one JSON type gets that `type` (an object's
#   `properties`, an array's `minItems`); the enclosing schema already requires that type
#   at that place, so no entry is judged otherwise.
# - `"type": ["string", "integer"]` (a year written as text or as a number) becomes an
#   `anyOf` of a string and an integer, each with its own keywords: strict mode refuses a
#   union type whose keywords apply to only one of its members.
#
# Besides the entry schemas, a record schema per kind describes the records of the
# /api/ files: an entry's fields plus its `slug` and `url`.

OWN_KEYWORDS = ("x-rule", "x-paragraph")
TYPE_KEYWORDS: dict[str, frozenset[str]] = {
    "object": frozenset(
        {
            "properties",
            "required",
            "additionalProperties",
            "patternProperties",
            "propertyNames",
            "minProperties",
            "maxProperties",
            "dependentRequired",
            "dependentSchemas",
            "unevaluatedProperties",
        }
    ),
    "array": frozenset(
        {
            "items",
            "prefixItems",
            "contains",
            "minItems",
            "maxItems",
            "uniqueItems",
            "minContains",
            "maxContains",
            "unevaluatedItems",
        }
    ),
    "string": frozenset({"pattern", "minLength", "maxLength", "format"}),
    "number": frozenset(
        {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}
    ),
}
# Keywords whose value is a schema, a list of schemas or a map of names to schemas.
_SCHEMA_VALUED = frozenset(
    {"items", "contains", "not", "if", "then", "else", "additionalProperties", "propertyNames"}
)
_SCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
_SCHEMA_MAPS = frozenset({"properties", "patternProperties", "$defs", "dependentSchemas"})
RECORD_SUFFIX = ".record.schema.json"
SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"


def _strict(node: Any) -> Any:
    """One schema object (and everything in it) as strict JSON Schema; see above."""
    if not isinstance(node, dict):
        return node
    schema: dict[str, Any] = {}
    for key, value in node.items():
        if key in OWN_KEYWORDS:
            continue
        if key in _SCHEMA_VALUED and isinstance(value, dict):
            schema[key] = _strict(value)
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            schema[key] = [_strict(v) for v in value]
        elif key in _SCHEMA_MAPS and isinstance(value, dict):
            schema[key] = {name: _strict(v) for name, v in value.items()}
        else:
            schema[key] = value
    if "x-rule" in node:
        note = f"Actiebank rule '{node['x-rule']}'."
        schema["$comment"] = f"{schema['$comment']} {note}" if "$comment" in schema else note
    if isinstance(schema.get("required"), list):
        defined = schema.setdefault("properties", {})
        for name in schema["required"]:
            defined.setdefault(name, True)
    if isinstance(schema.get("type"), list):
        return _split_union(schema)
    if "type" not in schema and "$ref" not in schema:
        used = [kind for kind, words in TYPE_KEYWORDS.items() if words & schema.keys()]
        if len(used) == 1:
            schema["type"] = used[0]
    return schema


def _split_union(schema: dict[str, Any]) -> dict[str, Any]:
    """`{"type": [A, B], ...}` as `{"anyOf": [{"type": A, ...}, {"type": B, ...}]}`, each
    branch with the keywords of its type; what applies to any type stays outside."""
    typed = {word for words in TYPE_KEYWORDS.values() for word in words}
    outside = {k: v for k, v in schema.items() if k != "type" and k not in typed}
    branches = []
    for kind in schema["type"]:
        own = TYPE_KEYWORDS["number" if kind == "integer" else kind]
        branches.append({"type": kind, **{k: v for k, v in schema.items() if k in own}})
    return {**outside, "anyOf": branches}


def published_schema(schema: dict[str, Any], address: str) -> dict[str, Any]:
    """The schema as published at `address` (its `$id`), for strict validators."""
    strict: dict[str, Any] = _strict(json.loads(json.dumps(schema)))
    strict.pop("$id", None)
    return {"$schema": strict.pop("$schema"), "$id": address, **strict}


def record_schema(schema: dict[str, Any], address: str, kind: str) -> dict[str, Any]:
    """The schema of one record of the /api/ files: the entry's fields, its `slug` (the file
    name) and `url` (its page), both always present."""
    record = published_schema(schema, address)
    folder = "acties" if kind == "action" else "verhalen"
    record["title"] = f"{record.get('title', kind)} as published in the API"
    record["description"] = (
        f"One record of api/{kind}s.json (an array of these): the front matter of an entry, "
        f"with `slug`, the entry's file name, and `url`, its page (/{folder}/<slug>/)."
    )
    record["required"] = ["slug", "url", *record.get("required", [])]
    record["properties"] = {
        "slug": {"type": "string", "pattern": SLUG_PATTERN, "maxLength": 80},
        "url": {"type": "string", "format": "uri", "pattern": f"/{folder}/[a-z0-9-]+/$"},
        **record.get("properties", {}),
    }
    return record


def published_schemas(sources: dict[str, Path], site_url: str) -> dict[str, bytes]:
    """Each schema file (`<kind>.schema.json`, read as the validator reads it: enumerations
    from the vocabularies) and its record schema, by their addresses on the site."""
    files = {}
    for name, path in sorted(sources.items()):
        kind = name.removesuffix(".schema.json")
        schema = load_schema(kind, path.parent)
        entry = schema_url(name)
        record = schema_url(kind + RECORD_SUFFIX)
        for address, published in (
            (entry, published_schema(schema, absolute(site_url, entry))),
            (record, record_schema(schema, absolute(site_url, record), kind)),
        ):
            text = json.dumps(published, ensure_ascii=False, indent=2) + "\n"
            files[address] = text.encode("utf-8")
    return files
