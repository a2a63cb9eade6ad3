"""The web form for editors: Decap CMS's config.yml, generated from the schemas and the
vocabularies (the /admin/ page that loads it is in admin_page.py).

Each schema field becomes a form field with the widget that fits it (a select with the
vocabulary's Dutch labels, a list for organisations, outcomes and links, a pattern for
lengths and formats), required exactly when the schema requires it. With the editorial
workflow, saving an entry opens a branch and a pull request instead of writing to main,
so every entry from the form passes the same CI checks as one written by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..content.schema import vocabularies_path
from ..vocabulary import Vocabularies, load_vocabularies
from .fields import Field, pattern_words, schema_fields

COLLECTIONS = {
    "action": {
        "name": "acties",
        "label": "Acties",
        "label_singular": "Actie",
        "folder": "content/actions",
        "description": "Wat zorg- en welzijnsorganisaties doen om medewerkers te behouden.",
    },
    "case": {
        "name": "verhalen",
        "label": "Verhalen",
        "label_singular": "Verhaal",
        "folder": "content/cases",
        "description": "Verhalen uit de praktijk over een of meer acties.",
    },
}
DAY_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
MEDIA_FOLDER = "content/images"
# Entries refer to images by a path relative to themselves (content/actions/x.md ->
# ../images/y.jpg), which is also how the built site finds them next to the pages.
PUBLIC_FOLDER = "../images"


REQUIRED_MARK = " (verplicht)"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".") if text else ""


def _length_sentence(item: Field) -> str:
    low, high = item.min_length, item.max_length
    if low and high:
        return f"{low} tot {high} tekens."
    if low:
        return f"Minstens {low} tekens."
    return f"Hoogstens {high} tekens." if high else ""


def _pattern_words(item: Field) -> str:
    if item.pattern and not item.pattern.startswith("(?"):
        return pattern_words().get(item.pattern, "")
    return "een e-mailadres" if item.format == "email" else ""


def _value_rule(item: Field) -> str:
    """What one typed value must look like, in one or two short sentences."""
    if item.type == "number":
        return f"Een getal van {item.minimum:g} of meer." if item.minimum is not None else ""
    if item.type != "text" or item.pattern == DAY_PATTERN:  # a date picker says it itself
        return ""
    return " ".join(filter(None, [_sentence(_pattern_words(item)), _length_sentence(item)]))


def plain_rule(item: Field) -> str:
    """The rule of a field as the form shows it: 'Kies er minstens één.', '5 tot 120 tekens.'

    Written for the widget the editor sees (a list of choices, a button to add an item),
    not for the file, so the form never speaks of values, items or patterns.
    """
    if item.type == "choice":
        if not item.many:
            return ""
        return "Kies er minstens één." if item.min_items else "U kunt er meer dan één kiezen."
    if item.many and item.pattern != SLUG_PATTERN:
        one = (item.singular or item.label).lower()
        add = f"Voeg ze één voor één toe met de knop ‘Voeg {one} toe’."
        if item.min_items:
            add = f"Voeg minstens één {one} toe met de knop ‘Voeg {one} toe’."
        each = _value_rule(item)
        return f"{add} Per {one}: {each[:1].lower()}{each[1:]}" if each else add
    if item.many:
        return "Kies er minstens één." if item.min_items else ""
    return _value_rule(item)


def _hint(item: Field) -> str:
    return " ".join(filter(None, [item.form_help or item.help, plain_rule(item)]))


def _pattern_message(item: Field) -> str:
    """The message beside a field whose text does not fit: a whole Dutch sentence."""
    words = _pattern_words(item)
    length = _length_sentence(item)
    if words:
        return f"Schrijf {words}." + (f" {length}" if length else "")
    return f"Gebruik {length[:1].lower()}{length[1:]}" if length else ""


def _js_pattern(item: Field) -> list[str] | None:
    """A [regex, message] pair Decap checks while typing, or None.

    Decap evaluates patterns as JavaScript regular expressions: a schema pattern with
    Python-only syntax (an inline flag such as (?i)) is left to the validator in CI.
    """
    message = _pattern_message(item)
    if item.pattern and not item.pattern.startswith("(?"):
        return [item.pattern, message]
    if item.min_length or item.max_length:
        low, high = item.min_length or 0, item.max_length or ""
        return [f"^[\\s\\S]{{{low},{high}}}$", message]
    return None


def _label(item: Field) -> str:
    return item.label + (REQUIRED_MARK if item.required else "")


def form_field(item: Field) -> dict[str, Any]:
    """One Decap field for one schema field."""
    out: dict[str, Any] = {
        "label": _label(item),
        "name": item.name,
        "required": item.required,
        "hint": _hint(item),
    }
    if item.type == "choice":
        out.update(_choice(item))
    elif item.type == "object":
        out.update(_group(item))
    elif item.type in ("number", "boolean"):
        out.update(
            _number(item) if item.type == "number" else {"widget": "boolean", "default": False}
        )
    elif item.many:
        out.update(_list_of_values(item))
    elif item.pattern == DAY_PATTERN:
        out.update(DAY_WIDGET)
    else:
        out["widget"] = "text" if (item.max_length or 0) > 200 and not item.pattern else "string"
        pattern = _js_pattern(item)
        if pattern:
            out["pattern"] = pattern
    return out


DAY_WIDGET = {
    "widget": "datetime",
    "format": "YYYY-MM-DD",
    "date_format": "DD-MM-YYYY",
    "time_format": False,
    "picker_utc": True,
}


def _with_minimum(spec: dict[str, Any], item: Field) -> dict[str, Any]:
    if item.min_items:
        spec["min"] = item.min_items
    return spec


def _choice(item: Field) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "widget": "select",
        "options": [{"label": nl, "value": slug} for slug, nl in item.values],
    }
    if item.many:
        spec["multiple"] = True
        _with_minimum(spec, item)
    return spec


def _group(item: Field) -> dict[str, Any]:
    children = [form_field(c) for c in item.children]
    spec: dict[str, Any]
    if item.many:
        spec = _with_minimum(
            {
                "widget": "list",
                "fields": children,
                "label_singular": item.singular or item.label,
                "summary": f"{{{{fields.{item.children[0].name}}}}}",
            },
            item,
        )
    else:
        spec = {"widget": "object", "fields": children, "collapsed": not item.required}
        if not item.required:
            # Decap checks a group's required parts even when the group is left empty,
            # which would block every entry without, say, an image. The validator in
            # CI still requires them whenever the group is filled in.
            for child in children:
                if child["required"]:
                    child["required"] = False
                    child["label"] = child["label"].removesuffix(REQUIRED_MARK)
                    child["hint"] = f"Verplicht als u ‘{item.label}’ invult. {child['hint']}"
    if item.path.endswith("image"):
        for child, field in zip(children, item.children, strict=True):
            if child["name"] == "src":
                # A picker: no file name to type, so no rule about one.
                within = "" if item.required else f"Verplicht als u ‘{item.label}’ invult. "
                child["hint"] = within + (field.form_help or field.help)
                child["widget"] = "image"
                child["choose_url"] = False
                child.pop("pattern", None)
    return spec


def _number(item: Field) -> dict[str, Any]:
    spec: dict[str, Any] = {"widget": "number", "value_type": "float"}
    if item.minimum is not None:
        spec["min"] = item.minimum
    return spec


def _list_of_values(item: Field) -> dict[str, Any]:
    if item.pattern == SLUG_PATTERN:
        # A list of action slugs: pick the actions by title instead of typing file names.
        return _with_minimum(
            {
                "hint": _hint(item),
                "widget": "relation",
                "collection": "acties",
                "multiple": True,
                "search_fields": ["title"],
                "display_fields": ["title"],
                "value_field": "{{slug}}",
            },
            item,
        )
    one = item.singular or item.label
    inner: dict[str, Any] = {"label": one, "name": item.name, "widget": "string"}
    pattern = _js_pattern(item)
    if pattern:
        inner["pattern"] = pattern
    return _with_minimum(
        {"widget": "list", "field": inner, "label_singular": one, "collapsed": False}, item
    )


def collection(
    kind: str, schema_dir: Path, vocabularies: Vocabularies | None = None
) -> dict[str, Any]:
    spec = COLLECTIONS[kind]
    fields = [form_field(f) for f in schema_fields(kind, schema_dir, vocabularies)]
    fields.append(
        {
            "label": "Tekst",
            "name": "body",
            "widget": "markdown",
            "required": False,
            "hint": "Het verhaal: aanpak, resultaten, lessen (ook wat niet werkte), "
            "kosten en financiering, contact. Gebruik kopjes van niveau 2.",
        }
    )
    return {
        **spec,
        "create": True,
        "extension": "md",
        "format": "frontmatter",
        "slug": "{{slug}}",
        "identifier_field": "title",
        "summary": "{{title}}",
        "sortable_fields": ["title"],
        "fields": fields,
    }


def decap_config(
    *,
    repo: str | None,
    branch: str = "main",
    site_url: str | None = None,
    local_backend: bool | str = False,
    auth_url: str | None = None,
    schema_dir: Path,
) -> dict[str, Any]:
    """The whole config.yml as a dict.

    `local_backend` is for editing on one's own machine only (`scripts/site` serves with
    it): True points the form at a decap-server (`npx decap-server`) on its default address
    http://localhost:8081/api/v1, a URL at one elsewhere. The published config has none:
    with it, every visitor's browser would first try a decap-server on their own machine.
    """
    vocabularies = load_vocabularies(vocabularies_path(schema_dir))
    backend: dict[str, Any] = {
        "name": "github",
        "repo": repo or "OWNER/REPO",
        "branch": branch,
        "open_authoring": True,
        "commit_messages": {
            "create": "Nieuw: {{collection}} “{{slug}}”",
            "update": "Bijgewerkt: {{collection}} “{{slug}}”",
            "delete": "Verwijderd: {{collection}} “{{slug}}”",
            "uploadMedia": "Afbeelding “{{path}}”",
            "deleteMedia": "Afbeelding weg: “{{path}}”",
        },
    }
    if auth_url:
        backend["base_url"] = auth_url
    config: dict[str, Any] = {"backend": backend}
    if isinstance(local_backend, str) and local_backend:
        config["local_backend"] = {
            "url": local_backend,
            "allowed_hosts": ["localhost", "127.0.0.1"],
        }
    elif local_backend:
        config["local_backend"] = True
    config.update(
        {
            "publish_mode": "editorial_workflow",
            "locale": "nl",
            "media_folder": MEDIA_FOLDER,
            "public_folder": PUBLIC_FOLDER,
            "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        }
    )
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    config["collections"] = [collection(kind, schema_dir, vocabularies) for kind in COLLECTIONS]
    return config


def render_config(config: dict[str, Any]) -> str:
    header = (
        "# Generated by actiebank.contribute.webform from schema/*.schema.json and "
        "schema/vocabularies.yaml at build time; do not edit.\n"
    )
    return header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=100)
