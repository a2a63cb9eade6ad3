"""The proposal form's description (`form_spec`): for each kind (action, story) its
fields, fieldsets, body sections and rules across fields, with the messages, the limits
and what the catalogue already holds. The page embeds it; its script reads it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ...content.catalogue import KIND_FOLDERS, Catalogue
from ...content.crossfile import MAX_SLUG, normalised_title
from ...content.schema import load_schema, vocabularies_path
from ...routes import reserved_action_slugs, reserved_slugs
from ...vocabulary import LOOK_ALIKES, Vocabularies, load_vocabularies
from ..fields import schema_fields
from ..scaffold import BODY
from .cross_field import browser_rules
from .field_spec import field_spec
from .texts import KIND_TEXTS, LAYOUT, MESSAGES, OTHER_LEGEND, SECTION_HINTS

SPEC_VERSION = 1

# A number as a Dutch reader types it: no thousands separator, a comma for decimals. A
# dot is refused rather than guessed at: '15.000' means fifteen thousand to a Dutch
# reader and fifteen to YAML.
NUMBER_PATTERN = r"^-?(?:0|[1-9][0-9]{0,14})(?:,[0-9]{1,6})?$"


# How long a mailto: or GitHub address may get before the page offers the download.
MAILTO_LIMIT = 1800
GITHUB_LIMIT = 8000


def _layout(kind: str, fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    shown = [f["name"] for f in fields if not f.get("editorial")]
    sections = [
        {"legend": legend, "fields": [n for n in names if n in shown]}
        for legend, names in LAYOUT[kind]
    ]
    placed = {n for s in sections for n in s["fields"]}
    rest = [n for n in shown if n not in placed]
    if rest:
        sections.append({"legend": OTHER_LEGEND, "fields": rest})
    return [s for s in sections if s["fields"]]


def _kind_spec(kind: str, schema_dir: Path, vocabularies: Vocabularies) -> dict[str, Any]:
    schema = load_schema(kind, schema_dir)
    by_name = {f.name: f for f in schema_fields(kind, schema_dir, vocabularies)}
    if "body" in by_name:
        raise ValueError("a field named 'body' would clash with the form's body sections")
    # The file lists the fields in the schema's order (schema_fields puts required first).
    fields = [
        field_spec(by_name[name], schema, vocabularies, True, kind) for name in schema["properties"]
    ]
    texts = KIND_TEXTS[kind]
    return {
        **texts,
        "folder": f"content/{KIND_FOLDERS[kind]}",
        "fields": fields,
        "layout": _layout(kind, fields),
        "body": [
            {"id": _section_id(heading), "heading": heading, "hint": SECTION_HINTS.get(heading, "")}
            for heading, _ in BODY[kind]
        ],
        "rules": browser_rules(schema, vocabularies),
    }


def _section_id(heading: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-")


def look_alikes() -> dict[str, str]:
    """vocabulary.fold_confusables as a map for the script: each Cyrillic or Greek
    look-alike letter to the Latin letter it imitates, so that the form flags a title used
    twice exactly as crossfile.normalised_title does."""
    return {pair[1]: pair[0] for pair in LOOK_ALIKES}


def form_spec(schema_dir: Path, *, catalogue: Catalogue | None = None) -> dict[str, Any]:
    """Both forms, as JSON-serialisable data for the page and its script.

    With the catalogue, the spec also knows the actions a story or `related` may name,
    the titles already used and the file names already taken.
    """
    schema_dir = Path(schema_dir)
    vocabularies = load_vocabularies(vocabularies_path(schema_dir))
    facets = [f.path for f in vocabularies.facets]
    spec: dict[str, Any] = {
        "version": SPEC_VERSION,
        "kinds": {kind: _kind_spec(kind, schema_dir, vocabularies) for kind in KIND_TEXTS},
        "messages": MESSAGES,
        "number_pattern": NUMBER_PATTERN,
        "max_slug": MAX_SLUG,
        # The names an action may not take; `reserved_slugs` has them for each kind.
        "reserved": sorted(reserved_action_slugs(facets)),
        "reserved_slugs": {kind: sorted(reserved_slugs(kind, facets)) for kind in KIND_TEXTS},
        "look_alikes": look_alikes(),
        "limits": {"mailto": MAILTO_LIMIT, "github": GITHUB_LIMIT},
        "actions": [],
        "taken": {"action": [], "case": []},
        "titles": {"action": {}, "case": {}},
    }
    if catalogue is not None:
        spec["actions"] = [
            {"slug": slug, "title": entry.title}
            for slug, entry in sorted(catalogue.actions.items())
        ]
        for kind, entries in (("action", catalogue.actions), ("case", catalogue.cases)):
            spec["taken"][kind] = sorted(entries)
            spec["titles"][kind] = {
                normalised_title(e.title): e.title for _, e in sorted(entries.items())
            }
    return spec
