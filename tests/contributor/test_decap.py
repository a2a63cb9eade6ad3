"""The web form's config.yml covers every schema field with the right widget and required
flag, and /admin/ on the built site serves Decap from the site itself."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from actiebank.contribute.admin_page import decap_files
from actiebank.contribute.webform import decap_config
from actiebank.project import repo_from_url
from actiebank.vocabulary import load_vocabularies
from support import SCHEMA_DIR, build_site, copy_project
from support.search import indexed_pages

MKDOCS_YML = (Path(__file__).resolve().parents[2] / "mkdocs.yml").read_text(encoding="utf-8")


def _fields(config: dict, collection: str) -> dict[str, dict]:
    """path -> Decap field, for every field of a collection, nested ones as 'a[].b' / 'a.b'."""
    found: dict[str, dict] = {}

    def visit(fields, prefix):
        for field in fields:
            path = prefix + field["name"]
            found[path] = field
            if "fields" in field:
                visit(field["fields"], path + ("[]." if field["widget"] == "list" else "."))

    visit(next(c for c in config["collections"] if c["name"] == collection)["fields"], "")
    return found


@pytest.fixture(scope="module")
def config() -> dict:
    return decap_config(
        repo="actiebank/actiebank", site_url="https://example.org/", schema_dir=SCHEMA_DIR
    )


@pytest.mark.parametrize(
    "kind, collection, folder",
    [("action", "acties", "content/actions"), ("case", "verhalen", "content/cases")],
)
def test_every_schema_field_is_in_the_form_with_its_required_flag(
    config, kind, collection, folder, schema_paths
):
    fields = _fields(config, collection)
    paths = schema_paths(kind)
    assert set(fields) - {"body"} == set(paths)
    for path, required in paths.items():
        parent = path.rsplit(".", 1)[0] if "." in path else None
        optional_group = parent and not parent.endswith("[]") and not paths[parent]
        # Parts of an optional group (contact.name) are left to the validator: Decap would
        # otherwise refuse every entry without a contact.
        assert fields[path]["required"] is (required and not optional_group), path
    spec = next(c for c in config["collections"] if c["name"] == collection)
    assert spec["folder"] == folder and spec["create"] and spec["format"] == "frontmatter"


def test_vocabularies_become_selects_with_dutch_labels(config):
    fields = _fields(config, "acties")
    vocabularies = load_vocabularies(SCHEMA_DIR / "vocabularies.yaml")
    for path, name, multiple in [
        ("regions", "region", True),
        ("sectors", "sector", True),
        ("success_factors", "success_factor", True),
        ("interventions", "intervention", True),
        ("status", "status", False),
        ("outcomes[].measure", "outcome_measure", False),
        ("outcomes[].unit", "outcome_unit", False),
    ]:
        field = fields[path]
        assert field["widget"] == "select", path
        assert field["options"] == [
            {"label": t.nl, "value": t.slug} for t in vocabularies[name].terms
        ], path
        assert field.get("multiple", False) is multiple, path
    assert fields["regions"]["min"] == 1


def test_lists_numbers_relations_and_dates_get_their_widgets(config):
    fields = _fields(config, "acties")
    for path in ("organisations", "outcomes", "links", "funding"):
        assert fields[path]["widget"] == "list", path
    assert fields["organisations"]["min"] == 1
    assert fields["funding"]["field"]["widget"] == "string"
    assert fields["outcomes[].value"]["widget"] == "number"
    assert fields["costs.amount_eur"]["min"] == 0
    assert fields["related"]["widget"] == "relation" and fields["related"]["collection"] == "acties"
    assert fields["image.src"]["widget"] == "image"
    assert fields["updated"]["widget"] == "datetime" and fields["updated"]["format"] == "YYYY-MM-DD"
    assert fields["summary"]["widget"] == "text"
    cases = _fields(config, "verhalen")
    assert cases["actions"]["widget"] == "relation" and cases["actions"]["min"] == 1
    assert cases["featured"]["widget"] == "boolean"


def test_editorial_workflow_backends_and_media(config):
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {
        **config["backend"],
        "name": "github",
        "repo": "actiebank/actiebank",
        "branch": "main",
    }
    assert "local_backend" not in config  # only `mkdocs serve` points the form at decap-server
    assert config["locale"] == "nl"
    assert config["media_folder"] == "content/images"
    assert config["public_folder"] == "../images"
    assert config["slug"]["encoding"] == "ascii" and config["slug"]["clean_accents"]
    assert repo_from_url("https://github.com/actiebank/actiebank/") == "actiebank/actiebank"
    repo_url = re.search(r"^repo_url:\s*(\S+)", MKDOCS_YML, re.M).group(1)
    assert repo_from_url(repo_url) == "actiebank/actiebank"


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_every_pattern_is_a_valid_javascript_regex(config):
    patterns = [
        f["pattern"][0] for c in config["collections"] for f in _all(c["fields"]) if "pattern" in f
    ]
    assert patterns
    script = (
        "const ps = JSON.parse(process.argv[1]); for (const p of ps) new RegExp(p);"
        "console.log(ps.length)"
    )
    result = subprocess.run(
        ["node", "-e", script, json.dumps(patterns)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(len(patterns))


def _all(fields):
    for field in fields:
        yield field
        yield from _all(field.get("fields", []))
        if "field" in field:
            yield field["field"]


def test_admin_is_built_from_the_site_itself(built_site):
    admin = built_site / "admin"
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<script src="decap-cms.js"></script>' in page
    assert not re.search(r"""(src|href)=["']https?://""", page), "nothing from another host"
    for uri, source in decap_files(built_site.parent / "node_modules").items():
        assert (built_site / uri).read_bytes() == source.read_bytes(), uri
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["repo"] == "actiebank/actiebank"
    assert {c["name"] for c in config["collections"]} == {"acties", "verhalen"}


def test_admin_stays_out_of_the_sitemap_and_search(built_site):
    assert "/admin/" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert not [url for url in indexed_pages(built_site) if url.startswith("/admin")]
    assert 'content="noindex, nofollow"' in (built_site / "admin" / "index.html").read_text("utf-8")


@pytest.mark.slow  # a build of its own
def test_without_node_modules_a_strict_build_stops_and_says_how_to_install(tmp_path):
    project = copy_project(tmp_path / "project")
    if (project / "node_modules").is_symlink():
        (project / "node_modules").unlink()
    built = build_site(project, check=False)
    output = built.stdout + built.stderr
    assert built.returncode != 0
    assert "/admin/ is left out" in output and "scripts/install site" in output


RULE_FRAGMENTS = (
    "een lijst met",
    "elk:",
    "waarde uit de lijst",
    "één keer",
    "zie hieronder",
    "een groep velden",
    "item",
    "patroon",
    "true",
    "false",
    "JJJJ-MM-DD",
)


@pytest.mark.parametrize("collection", ["acties", "verhalen"])
def test_hints_are_plain_dutch_sentences_without_rule_fragments(config, collection):
    """Each hint is written for the editor at the form: whole sentences, no pieces of the
    validator's rules, no pointer to something that is not there; required fields say so."""
    for path, field in _fields(config, collection).items():
        hint = field["hint"]
        assert hint and hint[0].isupper() and hint.endswith("."), (path, hint)
        lowered = hint.lower()
        assert not [f for f in RULE_FRAGMENTS if f.lower() in lowered], (path, hint)
        assert field["label"].endswith(" (verplicht)") is field["required"], path
        if "pattern" in field:
            assert field["pattern"][1].endswith("."), (path, field["pattern"])
    organisations = _fields(config, collection)["organisations"]
    assert "Voeg minstens één organisatie toe" in organisations["hint"]
    assert organisations["label_singular"] == "Organisatie"


def test_admin_page_loads_its_own_style_and_the_sites_stylesheets_for_the_preview(built_site):
    page = (built_site / "admin" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="stylesheet" href="admin.css">' in page
    styles = re.search(r'<script src="admin.js" data-preview-styles="([^"]+)">', page).group(1)
    for href in styles.split():
        assert (built_site / "admin" / href).resolve().is_file(), href
    assert re.search(r"\.\./assets/stylesheets/main\.[0-9a-f]+\.min\.css", styles)
    for name in ("admin.css", "admin.js", "preview.css"):
        assert (built_site / "admin" / name).is_file(), name
