"""The field reference lists every schema field and every allowed value, and the page on
the built site shows it."""

from __future__ import annotations

import html
import re

import pytest

from actiebank.content.schema import KINDS, load_schema
from actiebank.contribute.fields import FIELD_LABELS_FILE, pattern_words, schema_fields, walk
from actiebank.contribute.reference import fill_reference, render_fields, render_values
from actiebank.site.render import Renderer
from actiebank.vocabulary import load_vocabularies
from support import SCHEMA_DIR


@pytest.mark.parametrize("kind", KINDS)
def test_every_schema_field_is_listed_with_its_required_flag(kind, schema_paths):
    page = render_fields(kind, SCHEMA_DIR, Renderer())
    rows = dict(re.findall(r"<code>([^<]+)</code><br>.*?</th>\s*<td>([^<]+)</td>", page, re.S))
    assert set(rows) == set(schema_paths(kind))
    # Fields a rule across fields requires (status 'stopped' -> stopped_because).
    conditional = {
        name: rule["if"]["properties"]
        for rule in load_schema(kind, SCHEMA_DIR).get("allOf", [])
        for name in rule.get("then", {}).get("required", [])
        if set(rule["then"]) == {"required"}
    }
    for path, required in schema_paths(kind).items():
        said = html.unescape(rows[path])
        if path in conditional:
            ((other, test),) = conditional[path].items()
            assert said == f"als ‘{other}’ ‘{test['const']}’ is", path
        elif "." not in path:
            assert said == ("ja" if required else "nee"), path
        elif required:
            assert said.startswith("ja"), path  # "ja, als je 'contact' invult"


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_has_a_dutch_label_and_every_pattern_words(kind):
    for item in walk(schema_fields(kind, SCHEMA_DIR)):
        assert item.label != item.name and item.help, (
            f"{kind} {item.path}: add it to {FIELD_LABELS_FILE.name}"
        )
        if item.pattern:
            assert item.pattern in pattern_words(), f"{item.pattern}: say it in words"


def test_rules_are_said_in_words():
    page = html.unescape(render_fields("action", SCHEMA_DIR, Renderer()))
    assert "Tekst van 5 tot 120 tekens" in page  # title
    assert "een jaar (JJJJ) of een maand (JJJJ-MM)" in page  # started
    assert "een volledig webadres dat begint met https://" in page  # urls
    assert "Een getal van minstens 0" in page  # costs.amount_eur
    assert "als ‘value’ is ingevuld" in page  # outcomes[].unit


def test_every_vocabulary_value_is_listed_with_its_dutch_label():
    page = html.unescape(render_values(SCHEMA_DIR, Renderer()))
    vocabularies = load_vocabularies(SCHEMA_DIR / "vocabularies.yaml")
    for name in (
        "region",
        "sector",
        "success_factor",
        "intervention",
        "status",
        "target_group",
        "career_pillar",
        "outcome_measure",
        "outcome_result",
        "outcome_unit",
    ):
        for term in vocabularies[name].terms:
            assert f"<td><code>{term.slug}</code></td><td>{term.nl}</td>" in page, (name, term.slug)
    # A labour-market region names its province.
    assert "<td><code>haaglanden</code></td><td>Haaglanden</td><td>Zuid-Holland</td>" in page


def test_a_page_without_its_markers_is_refused():
    with pytest.raises(ValueError, match="actiebank:waarden"):
        fill_reference(
            "<!-- actiebank:velden action -->\n<!-- actiebank:velden case -->",
            SCHEMA_DIR,
            Renderer(),
        )


def test_built_page_shows_every_field_and_value(built_site, schema_paths):
    page = html.unescape((built_site / "bijdragen" / "velden" / "index.html").read_text("utf-8"))
    for kind in KINDS:
        for path in schema_paths(kind):
            assert f"<code>{path}</code>" in page, path
    assert "<code>zuid-limburg</code>" in page and "Zuid-Limburg" in page
    assert "actiebank:velden" not in page, "a marker was left unreplaced"
