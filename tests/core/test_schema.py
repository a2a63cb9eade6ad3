"""The schemas implement the content model, and their enumerations come from the one
vocabularies file."""

import json
import re

import pytest

from actiebank.content.schema import schema_drift, write_schemas
from actiebank.vocabulary import load_vocabularies
from support import ROOT as PROJECT_ROOT
from support import SCHEMA_DIR

# The repository's copy of the content model; the shared contract it was copied from
# sits beside a checkout of the whole project (not beside a plain clone).
CONTENT_MODEL = PROJECT_ROOT / "docs" / "content-model.md"
SHARED_CONTENT_MODEL = PROJECT_ROOT.parent / "shared" / "CONTENT-MODEL.md"


def test_committed_schemas_agree_with_the_vocabularies_file():
    assert schema_drift(SCHEMA_DIR) == []


def test_a_value_added_to_the_vocabularies_reaches_the_schema(tmp_path):
    schema_dir = tmp_path / "schema"
    schema_dir.mkdir()
    for name in ("vocabularies.yaml", "action.schema.json", "case.schema.json"):
        (schema_dir / name).write_text((PROJECT_ROOT / "schema" / name).read_text())
    vocab = schema_dir / "vocabularies.yaml"
    vocab.write_text(
        vocab.read_text().replace(
            "    - {slug: exit-research,",
            "    - {slug: peer-review, nl: Intervisie, en: Peer review}\n"
            "    - {slug: exit-research,",
        )
    )
    assert len(schema_drift(schema_dir)) == 1  # only the action schema lists interventions
    write_schemas(schema_dir)
    assert schema_drift(schema_dir) == []
    action = json.loads((schema_dir / "action.schema.json").read_text())
    assert "peer-review" in action["$defs"]["intervention"]["enum"]


def test_every_value_has_dutch_and_english_labels_and_a_known_parent():
    vocabularies = load_vocabularies(SCHEMA_DIR / "vocabularies.yaml")
    for vocabulary in vocabularies.values():
        slugs = vocabulary.slugs
        assert len(slugs) == len(set(slugs)), vocabulary.name
        for term in vocabulary.terms:
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", term.slug)
            assert term.nl and term.en
            if term.parent:
                assert term.parent in vocabulary.by_slug
                assert vocabulary.by_slug[term.parent].parent is None


def test_the_twelve_provinces_are_regions_without_parent():
    region = load_vocabularies(SCHEMA_DIR / "vocabularies.yaml")["region"]
    provinces = [t.slug for t in region.terms if t.parent is None and t.slug != "national"]
    assert len(provinces) == 12


@pytest.mark.skipif(
    not SHARED_CONTENT_MODEL.is_file(),
    reason="../shared/CONTENT-MODEL.md is not beside the checkout",
)
def test_the_repository_copy_of_the_content_model_is_the_shared_one():
    """docs/content-model.md is the shared contract, word for word: when the contract
    changes, the copy (and the schema tests that read it) must follow."""
    assert CONTENT_MODEL.read_bytes() == SHARED_CONTENT_MODEL.read_bytes(), (
        "docs/content-model.md differs from ../shared/CONTENT-MODEL.md: copy it over"
    )


def test_every_slug_the_content_model_requires_exists():
    text = CONTENT_MODEL.read_text()
    vocabularies = load_vocabularies(SCHEMA_DIR / "vocabularies.yaml")
    for name in ("region", "sector", "intervention", "target_group", "outcome_measure"):
        block = re.search(rf"^- `{name}`:(.*?)(?=^- `|^## )", text, re.S | re.M).group(1)
        required = set(re.findall(r"`([a-z0-9-]+)`", block))
        assert required <= set(vocabularies[name].slugs), (
            name,
            required - set(vocabularies[name].slugs),
        )


@pytest.mark.parametrize(
    "kind, heading", [("action", "## Action front matter"), ("case", "## Case front matter")]
)
def test_every_field_of_the_content_model_is_in_the_schema(kind, heading):
    text = CONTENT_MODEL.read_text()
    section = text.split(heading, 1)[1].split("\n## ", 1)[0].split("An outcome object", 1)[0]
    fields = set(re.findall(r"^\| `([a-z_]+)` \|", section, re.M))
    schema = json.loads((PROJECT_ROOT / "schema" / f"{kind}.schema.json").read_text())
    assert fields == set(schema["properties"])
    required = set(re.findall(r"^\| `([a-z_]+)` \| yes", section, re.M))
    assert required == set(schema["required"])


def test_every_filter_of_the_registry_reads_the_field_that_holds_its_vocabulary():
    schema = json.loads((SCHEMA_DIR / "action.schema.json").read_text())
    vocabularies = load_vocabularies(SCHEMA_DIR / "vocabularies.yaml")

    def node_at(path: str) -> dict:
        node = schema
        for step in path.split("."):
            node = node["properties"][step.removesuffix("[]")]
            if step.endswith("[]") or node.get("type") == "array":
                node = node["items"]
            while "$ref" in node and len(node) == 1 and "properties" not in node:
                target = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
                if "enum" in target or target.get("title") in vocabularies:
                    break
                node = target
        return node

    assert [f.path for f in vocabularies.facets][:2] == ["succesfactor", "regio"]
    for facet in vocabularies.facets:
        assert facet.vocabulary in vocabularies, facet
        assert node_at(facet.field) == {"$ref": f"#/$defs/{facet.vocabulary}"}, facet


def test_every_filter_value_has_a_dutch_address_name_and_an_explanation():
    vocabularies = load_vocabularies(SCHEMA_DIR / "vocabularies.yaml")
    for facet in vocabularies.facets:
        terms = vocabularies[facet.vocabulary].terms + ([facet.missing] if facet.missing else [])
        addresses = [t.address for t in terms]
        assert len(addresses) == len(set(addresses)), facet.path
        for term in terms:
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", term.address), term
            assert term.description, f"{facet.vocabulary} {term.slug}: explain it for visitors"


def test_every_vocabulary_names_its_values_for_messages():
    """Messages say "'brabant' is geen regio": the noun comes from the vocabularies file."""
    vocabularies = load_vocabularies(SCHEMA_DIR / "vocabularies.yaml")
    for name in vocabularies:
        assert vocabularies[name].noun, f"{name}: give it a `noun` for messages"
