"""The field reference on /bijdragen/velden/: every field of both kinds of entry and
every allowed value, rendered from the field model into the page's markers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..content.schema import KINDS, vocabularies_path
from ..site.render import Renderer
from ..vocabulary import Vocabularies, Vocabulary, load_vocabularies
from .fields import KIND_NAMES, Field, required_words, rule, schema_fields, walk

# Markers in content/bijdragen/velden.md that the build replaces with the reference.
FIELDS_MARKER = re.compile(r"<!--\s*actiebank:velden\s+(action|case)\s*-->")
VALUES_MARKER = re.compile(r"<!--\s*actiebank:waarden\s*-->")


@dataclass(frozen=True)
class FieldRow:
    """One row of the reference: a field and its rule in words."""

    field: Field
    required: str
    rule: str

    @property
    def anchor(self) -> str:
        return self.field.path.replace("[]", "").replace(".", "-")


def used_vocabularies(schema_dir: Path, vocabularies: Vocabularies) -> list[Vocabulary]:
    """The vocabularies some field draws from, in the vocabularies file's order."""
    used = {
        f.vocabulary.name
        for kind in KINDS
        for f in walk(schema_fields(kind, schema_dir, vocabularies))
        if f.vocabulary
    }
    return [v for v in vocabularies.values() if v.name in used]


def render_fields(
    kind: str, schema_dir: Path, renderer: Renderer, vocabularies: Vocabularies | None = None
) -> str:
    rows = [
        FieldRow(field=f, required=required_words(f), rule=rule(f))
        for f in walk(schema_fields(kind, schema_dir, vocabularies))
    ]
    html = renderer.render(
        "contribute/fields.html", kind=kind, kind_name=KIND_NAMES[kind], rows=rows
    )
    return _one_block(html)


def render_values(
    schema_dir: Path, renderer: Renderer, vocabularies: Vocabularies | None = None
) -> str:
    vocabularies = vocabularies or load_vocabularies(vocabularies_path(schema_dir))
    html = renderer.render(
        "contribute/values.html", vocabularies=used_vocabularies(schema_dir, vocabularies)
    )
    return _one_block(html)


def _one_block(html: str) -> str:
    # Markdown passes raw HTML through only as one block: no blank line may split it.
    return "\n".join(line for line in html.splitlines() if line.strip())


def fill_reference(markdown: str, schema_dir: Path, renderer: Renderer) -> str:
    """The page's Markdown with each marker replaced by the generated reference.

    Raises ValueError when a marker is missing, so the page cannot silently lose a part.
    """
    vocabularies = load_vocabularies(vocabularies_path(schema_dir))
    found = {m.group(1) for m in FIELDS_MARKER.finditer(markdown)}
    missing = [f"<!-- actiebank:velden {k} -->" for k in KINDS if k not in found]
    if not VALUES_MARKER.search(markdown):
        missing.append("<!-- actiebank:waarden -->")
    if missing:
        raise ValueError("the field reference page lacks the marker(s) " + ", ".join(missing))
    markdown = FIELDS_MARKER.sub(
        lambda m: "\n" + render_fields(m.group(1), schema_dir, renderer, vocabularies) + "\n",
        markdown,
    )
    return VALUES_MARKER.sub(
        lambda m: "\n" + render_values(schema_dir, renderer, vocabularies) + "\n", markdown
    )
