"""The GitHub side: workflows that lint clean and follow the security rules, the issue form
generated from the schema, and the pre-commit hook that runs the validator."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from actiebank.contribute.fields import schema_fields
from actiebank.contribute.issue_form import ISSUE_FORM_PATH, issue_form
from actiebank.project import read_project
from support import ROOT, SCHEMA_DIR

WORKFLOWS = ROOT / ".github" / "workflows"


def _workflow(name: str) -> dict:
    # YAML 1.1 reads the key `on` as True.
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def _actionlint() -> str | None:
    here = Path(sys.executable).parent / "actionlint"
    return str(here) if here.is_file() else shutil.which("actionlint")


@pytest.mark.skipif(
    _actionlint() is None, reason="actionlint is not installed (pip install -e '.[test]')"
)
def test_workflows_lint_clean():
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert len(files) == 2
    result = subprocess.run(
        [_actionlint(), "-no-color", *files], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_are_least_privilege_and_pinned():
    for path in WORKFLOWS.glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        data = _workflow(path.name)
        assert "pull_request_target" not in text, path.name
        assert data["permissions"] == {"contents": "read"}, path.name
        for name, job in data["jobs"].items():
            granted = job.get("permissions", {})
            if path.name == "deploy.yml" and name == "deploy":
                assert granted == {"pages": "write", "id-token": "write"}
            else:
                assert not granted, f"{path.name} {name} widens the token"
        uses = re.findall(r"uses:\s*(\S+)(.*)", text)
        assert uses
        for action, comment in uses:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
            assert re.search(r"#\s*v\d+\.\d+\.\d+", comment), f"{action}: say the version"


def test_ci_validates_with_annotations_builds_strict_and_tests_every_pull_request():
    ci = _workflow("ci.yml")
    assert "pull_request" in ci["on"] and "push" in ci["on"]
    runs = "\n".join(step.get("run", "") for job in ci["jobs"].values() for step in job["steps"])
    assert "actiebank validate --format github --warnings" in runs
    assert "mkdocs build --strict" in runs
    assert ".ci/run" in runs
    deploy = _workflow("deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    steps = [s.get("uses", "") for job in deploy["jobs"].values() for s in job["steps"]]
    assert any(s.startswith("actions/upload-pages-artifact@") for s in steps)
    assert any(s.startswith("actions/deploy-pages@") for s in steps)


def test_committed_issue_form_is_the_generated_one():
    committed = (ROOT / ISSUE_FORM_PATH).read_text(encoding="utf-8")
    assert committed == issue_form(SCHEMA_DIR), "run: actiebank new issue-form"


def test_issue_form_asks_every_required_field_with_vocabulary_dropdowns():
    form = yaml.safe_load(issue_form(SCHEMA_DIR))
    questions = {q["id"]: q for q in form["body"] if "id" in q}
    required = [f for f in schema_fields("action", SCHEMA_DIR) if f.required]
    for field in required:
        question = questions[field.name]
        assert question["validations"]["required"] is True
        if field.vocabulary:
            options = question["attributes"]["options"]
            assert question["type"] == "dropdown"
            assert options == [nl for _, nl in field.values]
            assert len(set(options)) == len(options), "GitHub refuses repeated options"
            assert question["attributes"]["multiple"] is field.many


def test_pull_request_template_has_a_checklist():
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^- \[ \] ", text, re.M)) >= 5
    assert "actiebank validate" in text


def test_pre_commit_hook_runs_the_validator_on_changed_entries(content):
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    hook = next(h for h in repo["hooks"] if h["id"] == "actiebank-validate")
    assert repo["repo"] == "local" and hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    assert files.search("content/actions/buddy.md") and files.search("content/cases/verhaal.md")
    assert not files.search("content/bijdragen/index.md")
    assert not files.search("content/actions/foto.jpg")

    good = content / "actions" / "buddy.md"
    good.write_text(
        "---\ntitle: Buddy voor starters\nsummary: Nieuwe collega's krijgen een "
        "buddy in hun eerste half jaar.\norganisations: [{name: Zorggroep Oost}]\n"
        "regions: [twente]\nsectors: [vvt]\nsuccess_factors: [onboarding]\n"
        "interventions: [buddy]\nstatus: running\n---\n",
        encoding="utf-8",
    )
    command = shlex.split(hook["entry"])
    # The entry is the checkout's own .venv/bin/actiebank; the same program here.
    assert command[0] == ".venv/bin/actiebank"
    program = [sys.executable, "-m", "actiebank.cli", *command[1:]]
    ok = subprocess.run([*program, str(good)], capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    good.write_text(good.read_text(encoding="utf-8").replace("twente", "brabant"), "utf-8")
    bad = subprocess.run([*program, str(good)], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1
    assert "regions[0]" in bad.stdout and "noord-brabant" in bad.stdout


def code_owner(path: str, rules: list[tuple[str, str]]) -> str:
    """Who owns a path under CODEOWNERS' rule: the last matching line wins (only the
    forms the file uses: '*', '/folder/' and '/file')."""
    owner = ""
    for pattern, who in rules:
        if (
            pattern == "*"
            or (pattern.endswith("/") and f"/{path}".startswith(pattern))
            or f"/{path}" == pattern
        ):
            owner = who
    return owner


def test_editorial_pages_and_code_need_a_maintainer_and_entries_an_editor():
    lines = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
    rules = [tuple(line.split()[:2]) for line in lines if line.strip() and not line.startswith("#")]
    project = read_project(ROOT)
    assert project.pages, "mkdocs.yml lists the editorial pages"
    for page in project.pages:
        assert code_owner(f"content/{page}", rules) == "@actiebank/beheer", page
    for path in (
        "mkdocs.yml",
        "hooks/site.py",
        "overrides/main.html",
        "src/actiebank/site/csp.py",
        "schema/action.schema.json",
        ".github/workflows/ci.yml",
        "content/nieuw.md",
    ):
        assert code_owner(path, rules) == "@actiebank/beheer", path
    for path in ("content/actions/x.md", "content/cases/x.md", "content/images/x.jpg"):
        assert code_owner(path, rules) == "@actiebank/redactie", path


def test_pre_commit_and_ci_run_lint_format_and_types():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = [h["entry"] for h in config["repos"][0]["hooks"]]
    assert ".venv/bin/ruff check --force-exclude" in entries
    assert ".venv/bin/ruff format --force-exclude" in entries
    assert ".venv/bin/mypy" in entries
    runs = " ".join(
        step.get("run", "") for job in _workflow("ci.yml")["jobs"].values() for step in job["steps"]
    )
    assert "ruff check" in runs and "ruff format --check" in runs and "mypy" in runs
    test_command = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    assert "ruff check" in test_command and "mypy" in test_command


def test_the_lockfiles_pin_every_dependency_with_hashes():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for lock, wanted in (
        ("site.txt", project["dependencies"]),
        ("test.txt", project["dependencies"] + project["optional-dependencies"]["test"]),
    ):
        text = (ROOT / "requirements" / lock).read_text(encoding="utf-8")
        pinned = dict(re.findall(r"^([A-Za-z0-9._-]+)==(\S+) \\", text, re.M))
        names = {re.split(r"[<>=\[ ]", spec, maxsplit=1)[0].lower() for spec in wanted}
        assert names <= {n.lower() for n in pinned}, names - {n.lower() for n in pinned}
        blocks = re.split(r"\n(?=[A-Za-z0-9._-]+==)", text.split("\n", 2)[2])
        assert all("--hash=sha256:" in block for block in blocks if "==" in block)
    assert pinned["mkdocs-material"] == "9.8.2" and pinned["mkdocs"].startswith("1.")
