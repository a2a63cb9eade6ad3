"""The field model: every front-matter field, read from the schemas and the vocabularies.

`schema_fields(kind, schema_dir)` turns `schema/<kind>.schema.json` into a list of
`Field`s (nested fields as children) with their Dutch label and explanation from
`assets/fields.nl.yaml`. The field reference on /bijdragen/velden/, the template of
`actiebank new`, the web form's configuration and the issue form are all made from this
one list, so none of them can say something the validator does not enforce.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..content.schema import load_schema, vocabularies_path
from ..content.sources import SOURCE, WEB_ADDRESS
from ..vocabulary import Vocabularies, Vocabulary, load_vocabularies

KIND_NAMES = {"action": "actie", "case": "verhaal"}
FIELD_LABELS_FILE = Path(__file__).resolve().parent / "assets" / "fields.nl.yaml"


@dataclass
class Field:
    """One front-matter field as a contributor meets it."""

    name: str
    path: str  # 'outcomes[].unit'
    required: bool
    type: str  # of the value, or of each item when `many`: text, number, boolean, choice, object
    many: bool = False
    label: str = ""
    help: str = ""
    form_help: str = ""  # the help in the web form, where it differs (a picker, not a path)
    singular: str = ""  # one item of a list, for buttons: 'Organisatie'
    vocabulary: Vocabulary | None = None
    children: list[Field] = field(default_factory=list)
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    format: str | None = None
    minimum: float | None = None
    min_items: int | None = None
    unique: bool = False
    required_with: list[str] = field(default_factory=list)  # fields that make this one required
    required_when: tuple[str, str] | None = None  # (field, value) that makes this one required
    within: str | None = None  # the optional group this required field belongs to

    @property
    def values(self) -> list[tuple[str, str]]:
        """(slug, Dutch label) of each allowed value, or [] when any value goes."""
        if self.vocabulary is None:
            return []
        return [(t.slug, t.nl) for t in self.vocabulary.terms]


# --------------------------------------------------------------------------- the model


_field_texts_cache: dict[Path, tuple[int, dict[str, Any]]] = {}


def _field_texts(path: Path = FIELD_LABELS_FILE) -> dict[str, Any]:
    # Keyed on the file's modification time: `mkdocs serve` still sees an edited label,
    # and a build reads the file once instead of once per page that asks (49 times at
    # 1,000 actions: 1.7 s with the pure-Python loader, measured by the benchmark).
    stamp = path.stat().st_mtime_ns
    cached = _field_texts_cache.get(path)
    if cached is None or cached[0] != stamp:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        cached = (stamp, yaml.load(path.read_text(encoding="utf-8"), Loader=loader))
        _field_texts_cache[path] = cached
    return cached[1]


def field_texts(kind: str) -> dict[str, dict[str, str]]:
    """path -> {label, help} for one kind of entry."""
    texts = _field_texts()
    return {**texts.get("common", {}), **texts.get(kind, {})}


# Patterns the code defines (content/sources.py) are named in the texts file, not spelled.
NAMED_PATTERNS = {"web-address": WEB_ADDRESS, "source": SOURCE}


def pattern_words() -> dict[str, str]:
    """pattern -> what it asks for, in words."""
    words: dict[str, str] = dict(_field_texts().get("patterns", {}))
    return {NAMED_PATTERNS.get(key) or key: text for key, text in words.items()}


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """Follow local `$ref`s; returns the definition and the name of the last one followed."""
    name = None
    while isinstance(node, dict) and "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        rest = {k: v for k, v in node.items() if k != "$ref"}
        node = {**root["$defs"][name], **rest}
    return node, name


@dataclass(frozen=True)
class _Reading:
    """What every field of one schema is read against."""

    root: dict[str, Any]
    vocabularies: Vocabularies
    texts: dict[str, Any]


def _make_field(
    name: str, path: str, node: dict[str, Any], required: bool, reading: _Reading
) -> Field:
    node, ref = _resolve(node, reading.root)
    many = node.get("type") == "array"
    item, item_ref = _resolve(node.get("items", {}), reading.root) if many else (node, ref)
    text = reading.texts.get(path, {})
    made = Field(
        name=name,
        path=path,
        required=required,
        type="text",
        many=many,
        label=text.get("label", name),
        help=text.get("help", ""),
        form_help=text.get("form", ""),
        singular=text.get("one", ""),
        min_items=node.get("minItems") if many else None,
        unique=bool(node.get("uniqueItems")) if many else False,
    )
    vocabularies = reading.vocabularies
    if item_ref in vocabularies or "enum" in item:
        made.type = "choice"
        made.vocabulary = vocabularies.get(item_ref or "") or vocabularies.get(
            item.get("title", "")
        )
    elif item.get("type") == "object":
        made.type = "object"
        made.children = _children(made, item, reading)
    else:
        _read_value_rules(made, item)
    if many and made.type not in ("choice", "object"):
        item_text = reading.texts.get(f"{path}[]", {})
        made.help = made.help or item_text.get("help", "")
    return made


def _children(group: Field, item: dict[str, Any], reading: _Reading) -> list[Field]:
    """The fields of a group (contact) or of each item of a list of groups (outcomes)."""
    inner_required = set(item.get("required", []))
    prefix = f"{group.path}[]" if group.many else group.path
    dependencies = item.get("dependentRequired", {})
    children = []
    for child, child_node in item.get("properties", {}).items():
        sub = _make_field(child, f"{prefix}.{child}", child_node, child in inner_required, reading)
        sub.required_with = sorted(k for k, needs in dependencies.items() if child in needs)
        if not group.required or group.many:
            sub.within = prefix
        children.append(sub)
    return children


def _read_value_rules(made: Field, item: dict[str, Any]) -> None:
    kind = item.get("type")
    if isinstance(kind, list):  # a year: text or a whole number; contributors write text
        kind = "string" if "string" in kind else kind[0]
    made.type = {
        "string": "text",
        "number": "number",
        "integer": "number",
        "boolean": "boolean",
    }.get(str(kind), "text")
    made.min_length = item.get("minLength")
    made.max_length = item.get("maxLength")
    made.pattern = item.get("pattern")
    made.format = item.get("format")
    made.minimum = item.get("minimum")


def schema_fields(
    kind: str, schema_dir: Path, vocabularies: Vocabularies | None = None
) -> list[Field]:
    """The top-level fields of an entry, required ones first, each in schema order."""
    vocabularies = vocabularies or load_vocabularies(vocabularies_path(schema_dir))
    schema = load_schema(kind, schema_dir)
    required = list(schema.get("required", []))
    texts = field_texts(kind)
    names = required + [n for n in schema["properties"] if n not in required]
    reading = _Reading(root=schema, vocabularies=vocabularies, texts=texts)
    fields = [_make_field(n, n, schema["properties"][n], n in required, reading) for n in names]
    conditions = required_when(schema)
    for item in fields:
        item.required_when = conditions.get(item.name)
    return fields


def required_when(schema: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """Fields a rule makes required when another field has one value (`if: status is
    'stopped'`, `then: required stopped_because`), from the schema's rules."""
    found = {}
    for rule in schema.get("allOf", []):
        condition = rule.get("if", {}).get("properties", {})
        then = rule.get("then", {})
        if len(condition) == 1 and set(then) == {"required"}:
            ((name, test),) = condition.items()
            if "const" in test:
                for needed in then["required"]:
                    found[needed] = (name, test["const"])
    return found


def walk(fields: list[Field]) -> Iterator[Field]:
    """Every field, nested ones right after their parent."""
    for item in fields:
        yield item
        yield from walk(item.children)


# --------------------------------------------------------------------------- in words


def rule(item: Field) -> str:
    """The rule a value must meet, in Dutch words, e.g. 'tekst van 5 tot 120 tekens'."""
    if item.type == "choice":
        what = (
            f"een waarde uit de lijst ‘{item.vocabulary.nl}’"
            if item.vocabulary
            else "een vaste waarde"
        )
    elif item.type == "object":
        what = "een groep velden (zie hieronder)"
    elif item.type == "number":
        what = "een getal" + (f" van minstens {item.minimum:g}" if item.minimum is not None else "")
    elif item.type == "boolean":
        what = "true (ja) of false (nee)"
    else:
        what = "tekst" + _length_words(item.min_length, item.max_length)
        if item.pattern:
            what += ": " + pattern_words().get(item.pattern, f"volgens het patroon {item.pattern}")
        elif item.format == "email":
            what += ": een e-mailadres"
    if not item.many:
        return _capital(what)
    one, plural = ("waarde", "waarden") if item.type != "object" else ("item", "items")
    if item.min_items == 1:
        count = f"minstens één {one}"
    elif item.min_items:
        count = f"minstens {item.min_items} {plural}"
    else:
        count = plural
    each = "; elke waarde één keer" if item.unique else ""
    return _capital(f"een lijst met {count}; elk: {what}{each}")


def required_words(item: Field) -> str:
    if item.required and item.within:
        if item.within.endswith("[]"):
            return f"ja, in elk item van ‘{item.within[:-2]}’"
        return f"ja, als u ‘{item.within}’ invult"
    if item.required:
        return "ja"
    if item.required_with:
        return "als " + " en ".join(f"‘{n}’" for n in item.required_with) + " is ingevuld"
    if item.required_when:
        name, value = item.required_when
        return f"als ‘{name}’ ‘{value}’ is"
    return "nee"


def _length_words(low: int | None, high: int | None) -> str:
    if low and high:
        return f" van {low} tot {high} tekens"
    if low:
        return f" van minstens {low} tekens"
    if high:
        return f" van hoogstens {high} tekens"
    return ""


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
