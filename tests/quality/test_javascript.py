"""The site's own JavaScript is checked as its Python is: ESLint (eslint.config.mjs) for
mistakes, and TypeScript's `tsc` (tsconfig.json: plain JavaScript with JSDoc types, strict)
for types, both pinned in package-lock.json. The one global the scripts share, the data
files they fetch and what the pages get from elsewhere are declared in types/.

Every script the project wrote and the site serves is checked by both tools (a new one
cannot slip past either), and each tool is shown to catch what it is there for in a
planted script.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from support import ROOT

# The project's scripts: the pages' (overrides/) and the web form's (src/, beside the
# Python that serves it). Decap CMS and Pagefind's script come from npm and PyPI.
SCRIPTS = sorted(
    [*(ROOT / "overrides").rglob("*.js"), *(ROOT / "src" / "actiebank").rglob("assets/**/*.js")]
)
TIMEOUT = 300

pytestmark = pytest.mark.skipif(
    not (ROOT / "node_modules" / ".bin" / "eslint").exists(),
    reason="ESLint and TypeScript are not installed: run scripts/install test (npm ci)",
)

# A page script with a mistake of each kind: a variable never declared, a loose ==, an
# address name actiebank.js does not have, a card without its fields.
PLANTED = """(function () {
  "use strict";
  var A = window.Actiebank;
  var count = A.readList("compare").length;
  if (count == "2") undeclared = true;
  A.route("nowhere");
  A.drawCard({ slug: "a" }, 6);
})();
"""


def npx(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """A pinned tool from node_modules/ (never fetched), run in the repository."""
    npx_path = shutil.which("npx")
    assert npx_path, "npx is missing beside node_modules/.bin/eslint"
    return subprocess.run(
        [npx_path, "--no-install", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
    )


def in_repository(path: str) -> str | None:
    """A path as the repository names it, or None outside it."""
    resolved = (ROOT / path).resolve()
    return resolved.relative_to(ROOT).as_posix() if resolved.is_relative_to(ROOT) else None


def scripts() -> set[str]:
    return {p.relative_to(ROOT).as_posix() for p in SCRIPTS}


def test_the_project_has_scripts_to_check():
    assert {
        "overrides/assets/javascripts/actiebank.js",
        "src/actiebank/contribute/assets/admin.js",
    } <= scripts()


def test_eslint_finds_nothing():
    run = npx("eslint", "--max-warnings", "0", "--format", "json", ".")
    assert run.stdout.strip(), f"ESLint did not run:\n{run.stderr}"
    results = json.loads(run.stdout)
    missed = sorted(scripts() - {in_repository(r["filePath"]) for r in results})
    assert not missed, f"ESLint does not check {missed}: see eslint.config.mjs"
    problems = [
        f"{in_repository(r['filePath'])}:{m.get('line', 0)}:{m.get('column', 0)}: "
        f"{m['message']} ({m.get('ruleId')})"
        for r in results
        for m in r["messages"]
    ]
    assert not problems, "ESLint:\n" + "\n".join(problems)
    assert run.returncode == 0, run.stderr


def test_eslint_catches_a_mistake():
    """The rules apply to the pages' scripts."""
    run = npx(
        "eslint",
        "--format",
        "json",
        "--stdin",
        "--stdin-filename",
        "overrides/assets/javascripts/planted.js",
        stdin=PLANTED,
    )
    assert run.stdout.strip(), f"ESLint did not run:\n{run.stderr}"
    rules = {m.get("ruleId") for r in json.loads(run.stdout) for m in r["messages"]}
    assert {"no-undef", "eqeqeq"} <= rules, run.stdout


@pytest.fixture(scope="module")
def tsc(tmp_path_factory) -> tuple[set[str], dict[str, list[str]], str]:
    """One `tsc` run (the slow part): tsconfig.json as it is, with the planted script
    added beside it. Returns the files it read, its errors by file, and its output."""
    folder = tmp_path_factory.mktemp("tsc")
    (folder / "planted.js").write_text(PLANTED, encoding="utf-8")
    # `files` adds to the `include` of the project's config, which stays as it is.
    config = {"extends": str(ROOT / "tsconfig.json"), "files": ["planted.js"]}
    (folder / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    run = npx("tsc", "-p", str(folder / "tsconfig.json"), "--pretty", "false", "--listFiles")
    read = {
        in_repository(line) or Path(line).name
        for line in run.stdout.splitlines()
        if line.startswith("/")
    }
    errors: dict[str, list[str]] = {}
    for line in run.stdout.splitlines():
        if re.search(r"\berror TS\d+: ", line):
            where = re.match(r"(.+?)\(\d+,\d+\): ", line)  # none for an error of the run
            path = where.group(1) if where else ""
            name = (in_repository(path) or Path(path).name) if path else ""
            errors.setdefault(name, []).append(line)
    return read, errors, run.stdout + run.stderr


def test_tsc_finds_nothing(tsc):
    read, errors, output = tsc
    missed = sorted(scripts() - read)
    assert not missed, f"tsc does not check {missed}: see tsconfig.json\n{output}"
    found = [line for name, lines in errors.items() if name != "planted.js" for line in lines]
    assert not found, "tsc:\n" + "\n".join(found)


def test_tsc_catches_a_mistake(tsc):
    """The shared global has real types: a wrong address name and a card without its
    fields are errors (the undeclared variable too)."""
    _, errors, output = tsc
    planted = "\n".join(errors.get("planted.js", []))
    assert re.search(r"\(5,\d+\): error TS2304: Cannot find name 'undeclared'", planted), output
    assert re.search(r"\(6,\d+\): error TS2345: .*\"nowhere\"", planted), output
    assert re.search(r"\(7,\d+\): error TS2345: ", planted), output
