"""The published schemas are what an editor's tools read (VS Code's YAML extension,
check-jsonschema in pre-commit): they are valid JSON Schema 2020-12 with ECMA-262
patterns, and they judge every file of the test corpora as `actiebank validate` does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regress
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import SchemaError

from actiebank.content.explain import check_schema
from actiebank.content.frontmatter import read_source
from actiebank.content.rules import check_rules
from actiebank.vocabulary import load_vocabularies
from support import ROOT, SCHEMA_DIR

FIXTURES = Path(__file__).parent / "fixtures"
KINDS = ("action", "case")
FOLDERS = {"actions": "action", "cases": "case"}


def ecma_checker() -> FormatChecker:
    """The `regex` format as JavaScript reads it (Python's `re` accepts more, e.g. (?i))."""
    checker = FormatChecker()
    checker.checks("regex", raises=regress.RegressError)(lambda value: bool(regress.Regex(value)))
    return checker


def published(kind: str) -> dict:
    return json.loads((ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))


def patterns(node) -> list[str]:
    if isinstance(node, dict):
        found = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return found + [p for value in node.values() for p in patterns(value)]
    if isinstance(node, list):
        return [p for value in node for p in patterns(value)]
    return []


@pytest.mark.parametrize("kind", KINDS)
def test_the_published_schema_passes_the_meta_schema_with_ecma_patterns(kind):
    schema = published(kind)
    Draft202012Validator.check_schema(schema, format_checker=ecma_checker())
    assert patterns(schema), "the schema has patterns to check"
    for pattern in patterns(schema):
        regress.Regex(pattern)  # raises on a pattern JavaScript cannot read


def test_the_meta_schema_check_refuses_a_python_only_pattern():
    schema = published("case")
    schema["$defs"]["image"]["properties"]["src"]["pattern"] = "(?i)\\.(jpe?g|png|webp)$"
    with pytest.raises(SchemaError):
        Draft202012Validator.check_schema(schema, format_checker=ecma_checker())


def corpus() -> list[tuple[Path, str]]:
    """Every entry file the tests and the site know: valid and bad fixtures, real content."""
    files = []
    for base in (FIXTURES / "valid", FIXTURES / "bad", ROOT / "content"):
        for folder, kind in FOLDERS.items():
            files += [(path, kind) for path in sorted((base / folder).glob("*.md"))]
    return files


CORPUS = corpus()


@pytest.mark.parametrize(
    "path, kind",
    CORPUS,
    ids=[f"{p.parent.parent.name}/{p.parent.name}/{p.name}" for p, _ in CORPUS],
)
def test_plain_jsonschema_and_the_validator_agree_on_every_file(path, kind):
    source = read_source(path)
    if source.data is None:
        # Refused while reading (YAML syntax, tags, numbers YAML misreads, ...): no data
        # reaches a schema, so there is nothing for the two to judge.
        pytest.skip("refused before any schema: " + source.problems[0].message[:60])
    vocabularies = load_vocabularies(SCHEMA_DIR / "vocabularies.yaml")
    validator_says = not (
        check_schema(source, kind, vocabularies, SCHEMA_DIR) + check_rules(source, kind)
    )
    plain_says = Draft202012Validator(published(kind)).is_valid(source.data)
    assert validator_says == plain_says, (
        f"validate says {'valid' if validator_says else 'invalid'}, the published schema "
        f"says {'valid' if plain_says else 'invalid'}"
    )


def test_the_corpus_holds_files_each_way():
    verdicts = set()
    for path, kind in CORPUS:
        source = read_source(path)
        if source.data is not None:
            verdicts.add(Draft202012Validator(published(kind)).is_valid(source.data))
    assert verdicts == {True, False}
    assert len(CORPUS) > 60


def test_a_year_written_as_a_number_is_valid_for_both(tmp_path):
    entry = (FIXTURES / "valid" / "actions" / "buddy-voor-starters.md").read_text(encoding="utf-8")
    path = tmp_path / "jaar.md"
    path.write_text(entry.replace('started: "2022-03"', "started: 2022"), encoding="utf-8")
    source = read_source(path)
    assert source.data["started"] == 2022
    assert (
        check_schema(
            source, "action", load_vocabularies(SCHEMA_DIR / "vocabularies.yaml"), SCHEMA_DIR
        )
        == []
    )
    assert Draft202012Validator(published("action")).is_valid(source.data)
