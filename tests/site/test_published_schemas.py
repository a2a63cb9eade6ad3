"""The schemas published at /schema/ as other people's tools read them (issue 24, item 10):
Ajv, the most used JSON Schema validator, in strict 2020-12 mode with its formats, compiles
every one, accepts every entry of content/ and every record of the API, and refuses what the
site's own validator refuses, so the schema and the validator say the same.

Ajv runs in Node from the repository's node_modules (`ajv` and `ajv-formats`, pinned in the
npm lockfile); the test fails, naming what is missing, when they are not installed."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import yaml

from actiebank.content.catalogue import load_catalogue
from actiebank.project import read_project
from support import ROOT, catalogue_of

NODE_MODULES = ROOT / "node_modules"
# Reads {"schemas": {name: schema}, "checks": [[name, label, instance]]} on stdin and prints
# [[label, valid, errors]]; a schema that does not compile ends it with the reason.
AJV = """
const [ajvPath, formatsPath] = process.argv.slice(1);
const Ajv2020 = require(ajvPath).default;
const addFormats = require(formatsPath).default;
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const {schemas, checks} = JSON.parse(input);
  const ajv = new Ajv2020({strict: true, allErrors: true});
  addFormats(ajv);
  const compiled = {};
  for (const [name, schema] of Object.entries(schemas)) {
    try {
      compiled[name] = ajv.compile(schema);
    } catch (error) {
      process.stdout.write(JSON.stringify({compile: name, error: String(error.message)}));
      return;
    }
  }
  const results = checks.map(([name, label, instance]) => {
    const valid = compiled[name](instance);
    const errors = valid ? [] : compiled[name].errors.map((e) => `${e.instancePath} ${e.message}`);
    return [label, valid, errors];
  });
  process.stdout.write(JSON.stringify(results));
});
"""


def ajv(schemas: dict[str, dict], checks: list[list]) -> list[list]:
    node = shutil.which("node")
    paths = [NODE_MODULES / "ajv" / "dist" / "2020.js", NODE_MODULES / "ajv-formats"]
    missing = [str(p) for p in paths if not p.exists()]
    assert node and not missing, f"Ajv needs node and the npm packages: missing {missing}"
    done = subprocess.run(
        [node, "-e", AJV, str(paths[0]), str(paths[1])],
        input=json.dumps({"schemas": schemas, "checks": checks}),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert not isinstance(result, dict), (
        f"Ajv strict refuses {result['compile']}: {result['error']}"
    )
    return result


@pytest.fixture(scope="module")
def published(built_site) -> dict[str, dict]:
    return {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((built_site / "schema").glob("*.json"))
    }


def test_every_published_schema_compiles_in_strict_mode_at_its_own_address(built_site, published):
    assert set(published) == {
        "action.schema.json",
        "case.schema.json",
        "action.record.schema.json",
        "case.record.schema.json",
    }
    site_url = read_project(built_site.parent).site_url
    for name, schema in published.items():
        assert schema["$id"] == f"{site_url}schema/{name}", "its $id is where it is published"
        assert "x-rule" not in json.dumps(schema) and "x-paragraph" not in json.dumps(schema)
    assert ajv(published, []) == []


def test_every_entry_and_every_api_record_is_valid_for_ajv(built_site, published):
    catalogue = load_catalogue(read_project(built_site.parent))
    assert not catalogue.errors
    checks = [
        [f"{kind}.schema.json", f"{kind} {entry.slug}", json.loads(json.dumps(entry.data))]
        for kind, entries in (("action", catalogue.actions), ("case", catalogue.cases))
        for entry in entries.values()
    ]
    for kind, file in (("action", "actions.json"), ("case", "cases.json")):
        records = json.loads((built_site / "api" / file).read_text(encoding="utf-8"))
        assert records
        checks += [[f"{kind}.record.schema.json", f"api {r['slug']}", r] for r in records]
    results = ajv(published, checks)
    assert len(results) == len(checks)
    refused = [(label, errors) for label, valid, errors in results if not valid]
    assert not refused
    # A record is not an entry: it has its slug and url besides.
    record = checks[-1][2]
    entry_check = [["case.schema.json", "record as an entry", record]]
    assert ajv(published, entry_check)[0][1] is False


ENTRY = """\
---
title: Een actie om te controleren
summary: Een actie met een contactpersoon, om te zien of de controle en Ajv hetzelfde zeggen.
organisations: [{{name: Zorggroep Noord}}]
regions: [utrecht]
sectors: [vvt]
success_factors: [onboarding]
interventions: [buddy]
status: running
contact:
{contact}
---
Tekst.
"""


@pytest.mark.parametrize(
    ("contact", "field"),
    [
        ("  name: Jan de Vries\n  email: jan..de.vries@example.org", "email"),
        ("  name: Jan de Vries\n  email: .jan@example.org", "email"),
        ("  name: Jan de Vries\n  email: jan@-zorg.nl", "email"),
        ("  name: Jan de Vries\n  url: https://www.example.org/actieë", "url"),
    ],
)
def test_what_ajv_refuses_the_validator_refuses(tmp_path, published, contact, field):
    content = tmp_path / "content"
    (content / "actions").mkdir(parents=True)
    source = content / "actions" / "controle.md"
    source.write_text(ENTRY.format(contact=contact), encoding="utf-8")
    problems = [str(p) for p in catalogue_of(content).errors]
    # Ajv judges the front matter as written.
    front = yaml.safe_load(source.read_text(encoding="utf-8").split("---")[1])
    (_, valid, errors) = ajv(published, [["action.schema.json", "entry", front]])[0]
    assert not valid and any(f"/contact/{field}" in e for e in errors), errors
    assert any(f"contact.{field}" in p for p in problems), (
        f"Ajv refuses the {field}, the validator should too: {problems}"
    )
