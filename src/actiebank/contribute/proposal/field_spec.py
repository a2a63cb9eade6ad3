"""One field of the proposal form, described from the schema and the field model
(fields.py): its words, whether and when it is required, its widget, its limits and its
patterns as ECMAScript regular expressions, which accept what the validator accepts."""

from __future__ import annotations

from typing import Any

from ...vocabulary import Vocabularies, Vocabulary
from ..fields import Field, field_texts, pattern_words
from .texts import (
    ADD_LABELS,
    EDITORIAL,
    FORM_HELP,
    KIND_HELP,
    NOUNS,
    ONE,
    PATTERN_SENTENCES,
    ROW_NAMES,
)

# Where an image named in the form is kept, relative to the entry file.
IMAGE_FOLDER = "../images/"

# Python's \s (which the validator's messages use) and ECMAScript's \s differ; the
# validator accepts a value when either accepts it, so a pattern's \s means the
# characters both call white space.
_COMMON_SPACE = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"


def ecma_pattern(pattern: str) -> str:
    """A schema pattern as an ECMAScript regular expression that accepts what the
    validator accepts."""
    out, in_class, i = [], False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            pair = pattern[i : i + 2]
            if pair == "\\s":
                out.append(_COMMON_SPACE if in_class else f"[{_COMMON_SPACE}]")
            elif pair == "\\S" and not in_class:
                out.append(f"[^{_COMMON_SPACE}]")
            elif pair == "\\S":
                raise ValueError(f"cannot write \\S inside a class for the browser: {pattern}")
            else:
                out.append(pair)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


def schema_node(schema: dict[str, Any], path: str) -> dict[str, Any]:
    """The schema node of a field path such as 'outcomes[].note', references followed."""

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            node = {
                **schema["$defs"][node["$ref"].rsplit("/", 1)[-1]],
                **{k: v for k, v in node.items() if k != "$ref"},
            }
        return node

    node = schema
    for part in path.split("."):
        many = part.endswith("[]")
        node = resolve(node["properties"][part.removesuffix("[]")])
        if many:
            node = resolve(node["items"])
    return node


def _value_node(node: dict[str, Any]) -> dict[str, Any]:
    """The node of each value: the items of a list, else the node itself."""
    if node.get("type") == "array":
        items = node.get("items", {})
        return items if isinstance(items, dict) else {}
    return node


def _noun(item: Field) -> str:
    return NOUNS.get(item.path, f"‘{item.label}’")


def _one(item: Field) -> str:
    if item.name in ONE:
        return ONE[item.name]
    if item.vocabulary is not None:
        return item.vocabulary.nl.lower()
    return item.label.lower()


# A list of choices longer than this shows the values without their explanations.
DESCRIBED_UP_TO = 10


def _options(item: Field) -> list[dict[str, Any]]:
    """The values to choose from, a region under its province; a short list with each
    value's one-line explanation."""
    vocabulary = item.vocabulary
    if vocabulary is None:
        return []
    parents = {t.parent for t in vocabulary.terms if t.parent}
    described = len(vocabulary.terms) <= DESCRIBED_UP_TO and not parents

    def option(slug: str, label: str) -> dict[str, Any]:
        term = vocabulary.by_slug.get(slug)
        out: dict[str, Any] = {"value": slug, "label": label}
        if described and term is not None and term.description:
            out["description"] = term.description
        return out

    if not parents:
        return [option(slug, label) for slug, label in item.values]
    top = [t for t in vocabulary.terms if not t.parent]
    return [
        {
            **option(t.slug, t.nl),
            "children": [option(c.slug, c.nl) for c in vocabulary.children(t.slug)],
        }
        for t in top
    ]


def _widget(item: Field, node: dict[str, Any], top: bool) -> str:
    if item.type == "object":
        return "rows" if item.many else "group"
    if item.type == "choice":
        if item.many:
            return "checkboxes"
        # A ladder or a band (a group's few values, each explained) reads best as radio
        # buttons; inside a list's rows a select keeps each row short.
        described = (
            item.vocabulary is not None
            and len(item.vocabulary.terms) <= DESCRIBED_UP_TO
            and all(t.description for t in item.vocabulary.terms)
        )
        in_rows = "[]" in item.path
        return "radios" if (top and item.required) or (described and not in_rows) else "select"
    if item.type == "boolean":
        return "checkbox"
    if item.type == "number":
        return "number"
    if item.many:
        return "list"
    if node.get("x-paragraph"):
        return "textarea"
    return "text"


def _input_type(item: Field) -> str:
    if item.pattern and item.pattern.startswith("^https?://"):
        return "url"
    if item.format == "email" or (item.pattern and "@" in item.pattern):
        return "email"
    return "text"


AUTOCOMPLETE = {
    "contact.name": "name",
    "contact.role": "organization-title",
    "contact.organisation": "organization",
    "contact.email": "email",
}


def _hint(item: Field, kind: str) -> str:
    """The hint under a label: the field's help, then its format, in whole sentences."""
    text = KIND_HELP.get(kind, {}).get(item.path) or FORM_HELP.get(item.path, item.help)
    sentences = [text] if text else []
    if item.pattern in PATTERN_SENTENCES and item.type == "text":
        sentence = PATTERN_SENTENCES[item.pattern][1]
        if sentence and sentence not in text:
            sentences.append(sentence)
    if item.type == "text" and not item.pattern:
        low, high = item.min_length, item.max_length
        if low and high and low > 1:
            sentences.append(f"Gebruik {low} tot {high} tekens.")
        elif high and high < 2000:
            sentences.append(f"Hoogstens {high} tekens.")
    if item.type == "number":
        sentences.append("Gebruik een komma voor decimalen, bijvoorbeeld 12,5.")
    return " ".join(s if s.endswith((".", "?", "!")) else s + "." for s in sentences)


def _marker(item: Field, schema: dict[str, Any], vocabularies: Vocabularies) -> str:
    """What the label says about the field being required: '(verplicht)' and when."""
    if item.required and item.within and not item.within.endswith("[]"):
        return "verplicht als u hier iets invult"
    if item.required:
        return "verplicht"
    if item.required_with:
        prefix = item.path.rsplit(".", 1)[0] + "." if "." in item.path else ""
        others = " en ".join(NOUNS.get(prefix + n, n) for n in item.required_with)
        return f"verplicht als u {others} invult"
    if item.required_when:
        name, equals = item.required_when
        vocabulary = _vocabulary_of(schema, name, vocabularies)
        label = vocabulary.label(equals) if vocabulary else equals
        return (
            f"verplicht als de {name if vocabulary is None else vocabulary.nl.lower()} ‘{label}’ is"
        )
    return ""


def field_spec(
    item: Field, schema: dict[str, Any], vocabularies: Vocabularies, top: bool, kind: str
) -> dict[str, Any]:
    """A field as the page and its script read it; `top`: a field of the entry itself,
    not one inside a group. The keys keep their order: the page's file is made from it."""
    node = schema_node(schema, item.path)
    spec: dict[str, Any] = {
        "name": item.name,
        "path": item.path,
        "label": item.label,
        "hint": _hint(item, kind),
        "required": item.required,
        "marker": _marker(item, schema, vocabularies),
        "type": item.type,
        "many": item.many,
        "widget": _widget(item, node, top),
        "noun": _noun(item),
    }
    if item.name in EDITORIAL and top:
        spec["editorial"] = True
        spec["hint"] = EDITORIAL[item.name]
    if item.many:
        spec.update(_list_keys(item, kind))
    spec.update(_condition_keys(item, schema, vocabularies))
    if item.type == "choice":
        spec.update(_choice_keys(item, spec["widget"], top))
    if item.type == "text":
        spec.update(_text_keys(item, _value_node(node)))
    if item.type == "number":
        spec["input"] = "text"
        if item.minimum is not None:
            spec["minimum"] = item.minimum
    if item.children:
        spec["children"] = [field_spec(c, schema, vocabularies, False, kind) for c in item.children]
        if item.type == "object" and not item.many and not item.required:
            spec["hint"] = " ".join(
                s
                for s in (
                    spec["hint"],
                    "Vult u hier iets in, dan zijn de velden met (verplicht) nodig.",
                )
                if s
            )
    return spec


def _list_keys(item: Field, kind: str) -> dict[str, Any]:
    """A list's words for one of its values and its rows, and its limits."""
    one = _one(item)
    item_label = field_texts(kind).get(f"{item.path}[]", {}).get("label")
    keys: dict[str, Any] = {
        "one": one,
        "item_label": item_label or one[:1].upper() + one[1:],
        "min_items": item.min_items or 0,
        "unique": item.unique,
    }
    if item.name in ADD_LABELS:
        keys["add_label"] = ADD_LABELS[item.name]
    if item.type == "object":
        keys["row_name"] = ROW_NAMES.get(item.name, item.label)
    return keys


def _condition_keys(
    item: Field, schema: dict[str, Any], vocabularies: Vocabularies
) -> dict[str, Any]:
    """When a field that is not always required is: with another value, with another
    field filled in, or with its group."""
    keys: dict[str, Any] = {}
    if item.required_when:
        name, equals = item.required_when
        vocabulary = _vocabulary_of(schema, name, vocabularies)
        keys["required_when"] = {
            "field": name,
            "value": equals,
            "label": vocabulary.label(equals) if vocabulary else equals,
        }
    if item.required_with:
        keys["required_with"] = item.required_with
    if item.within is not None:
        keys["within"] = item.within
    return keys


def _choice_keys(item: Field, widget: str, top: bool) -> dict[str, Any]:
    options = _options(item)
    keys: dict[str, Any] = {
        "options": options,
        "grouped": any("children" in o for o in options),
    }
    if widget == "radios" and not (top and item.required):
        keys["none_label"] = "Niet opgegeven"
    return keys


def _text_keys(item: Field, value: dict[str, Any]) -> dict[str, Any]:
    """A text's input, limits, patterns (and the one it may not match), and what it is:
    an address to complete, an image's file name, an action, a month or a day."""
    forbidden = value.get("not", {}).get("pattern") if isinstance(value.get("not"), dict) else None
    keys: dict[str, Any] = {"input": _input_type(item)}
    if item.min_length is not None:
        keys["min_length"] = item.min_length
    if item.max_length is not None:
        keys["max_length"] = item.max_length
    if item.pattern:
        keys["pattern"] = ecma_pattern(item.pattern)
        keys["pattern_message"] = _pattern_message(item)
    if forbidden:
        keys["forbidden"] = ecma_pattern(forbidden)
    if item.path in AUTOCOMPLETE:
        keys["autocomplete"] = AUTOCOMPLETE[item.path]
    if item.path.endswith("image.src"):
        keys["prefix"] = IMAGE_FOLDER
    if item.pattern == "^[a-z0-9]+(-[a-z0-9]+)*$":
        keys["refers_to"] = "action"
    if item.pattern and item.pattern.startswith("^(19|20)[0-9]{2}(-(0[1-9]"):
        keys["date"] = "month"
    elif item.pattern and item.pattern.startswith("^[0-9]{4}-"):
        keys["date"] = "day"
    elif item.pattern and item.pattern.startswith("^(19|20)[0-9]{2}(-(19|20)"):
        keys["date"] = "years"
    return keys


def _pattern_message(item: Field) -> str:
    if item.pattern in PATTERN_SENTENCES:
        return PATTERN_SENTENCES[item.pattern][0]
    words = pattern_words().get(item.pattern or "", "het juiste patroon")
    return f"Schrijf {{noun}} als {words}."


def _vocabulary_of(
    schema: dict[str, Any], name: str, vocabularies: Vocabularies
) -> Vocabulary | None:
    node = _value_node(schema_node(schema, name))
    title = node.get("title", "")
    return vocabularies.get(title) if isinstance(title, str) else None
