"""The GitHub side: workflows that run what the README runs (tried by running them on a
fresh clone), publish only what CI passed and follow the security rules; the admin config
GitHub Pages serves; the issue form generated from the schema; and the pre-commit hook
that runs the validator."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from actiebank.contribute.fields import schema_fields
from actiebank.contribute.issue_form import ISSUE_FORM_PATH, issue_form
from actiebank.project import read_project
from support import IMAGE_CACHE, ROOT, SCHEMA_DIR, copy_project
from support.workflows import (
    SUITE_COMMAND,
    commands_of,
    read_workflow,
    run_steps,
    run_workflow,
)

WORKFLOWS = ROOT / ".github" / "workflows"
# Every command a workflow step may run: the README's (scripts/install is what
# `scripts/site` and `scripts/test` install with; .ci/run is `scripts/test` for CI) and the
# `actiebank` command they install.
README_COMMANDS = (
    r"scripts/install (site|test)",
    r"scripts/site build",
    re.escape(SUITE_COMMAND),
    r"\.venv/bin/actiebank (validate|schema|new) [-\w ]+",
)
# The actions the job holding the Pages token may use: they publish the uploaded
# artifact and run nothing from the repository.
PAGES_ACTIONS = ("actions/deploy-pages",)


def _workflow(name: str) -> dict:
    return read_workflow(WORKFLOWS / name)


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
            for step in job["steps"]:
                if str(step.get("uses", "")).startswith("actions/checkout@"):
                    # No token left in .git/config for the steps after it; the whole
                    # history where a step reads it (page dates, stale entries).
                    assert step["with"]["persist-credentials"] is False, f"{path.name} {name}"
                    assert step["with"]["fetch-depth"] == 0, f"{path.name} {name}"
        uses = re.findall(r"uses:\s*(\S+)(.*)", text)
        assert uses
        for action, comment in uses:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
            assert re.search(r"#\s*v\d+\.\d+\.\d+", comment), f"{action}: say the version"


def test_every_workflow_step_is_a_readme_command():
    """One set-up everywhere: each job installs with scripts/install and builds with
    scripts/site build, as a contributor does; no step installs or builds its own way."""
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for name, job in _workflow(path.name)["jobs"].items():
            commands = [line for script in run_steps(job) for line in commands_of(script)]
            for command in commands:
                assert any(re.fullmatch(p, command) for p in README_COMMANDS), (
                    f"{path.name} {name}: `{command}` is not what the README runs"
                )
            uses_venv = [c for c in commands if c.startswith((".venv/", "scripts/site"))]
            if uses_venv:
                assert commands[0].startswith("scripts/install "), f"{path.name} {name}"
    ci = _workflow("ci.yml")
    assert "pull_request" in ci["on"] and ci["on"]["push"]["branches"] == ["main"]
    every = [c for job in ci["jobs"].values() for s in run_steps(job) for c in commands_of(s)]
    for wanted in (
        "scripts/site build",
        SUITE_COMMAND,
        ".venv/bin/actiebank validate --format github --warnings",
        ".venv/bin/actiebank schema --check",
        ".venv/bin/actiebank new issue-form --check",
    ):
        assert wanted in every, wanted
    deploy = _workflow("deploy.yml")
    assert "scripts/site build" in [
        c for job in deploy["jobs"].values() for s in run_steps(job) for c in commands_of(s)
    ]


def test_deploy_publishes_only_a_commit_whose_ci_passed():
    ci, deploy = _workflow("ci.yml"), _workflow("deploy.yml")
    # Started by CI's completion on main, and by nothing else: no push, no manual run
    # that could publish an untested commit.
    assert deploy["on"] == {
        "workflow_run": {"workflows": [ci["name"]], "types": ["completed"], "branches": ["main"]}
    }
    jobs = deploy["jobs"]
    for name, job in jobs.items():
        if job.get("needs"):
            continue
        # Every job that starts the chain checks the CI run: it passed, it was a push to
        # this repository (a fork's pull request from its own `main` matches `branches`).
        condition = " ".join(str(job.get("if", "")).split())
        for part in (
            "github.event.workflow_run.conclusion == 'success'",
            "github.event.workflow_run.event == 'push'",
            "github.event.workflow_run.head_repository.full_name == github.repository",
        ):
            assert part in condition, f"deploy.yml {name}: {part}"
        checkout = next(
            s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@")
        )
        assert checkout["with"]["ref"] == "${{ github.event.workflow_run.head_sha }}"
    pages = {name: job for name, job in jobs.items() if "pages" in job.get("permissions", {})}
    assert list(pages) == ["deploy"]
    publish = pages["deploy"]
    # The job holding the Pages token runs no repository code: no checkout, no script,
    # only the action that publishes what the build job uploaded.
    assert publish["needs"] == "build"
    for step in publish["steps"]:
        assert "run" not in step
        assert str(step["uses"]).split("@")[0] in PAGES_ACTIONS, step["uses"]
    uploads = [s for s in jobs["build"]["steps"] if "upload-pages-artifact" in s.get("uses", "")]
    assert [s["with"]["path"] for s in uploads] == ["site"]


# --- the workflow runner (tests/support/workflows.py) ----------------------------------------


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@localhost", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture
def source(tmp_path) -> Path:
    """A small repository with two commits and an uncommitted, untracked, ignored and
    deleted file in its working tree."""
    repo = tmp_path / "source"
    repo.mkdir()
    _git("init", "--quiet", cwd=repo)
    (repo / ".gitignore").write_text("*.log\n", encoding="utf-8")
    (repo / "kept.txt").write_text("v1\n", encoding="utf-8")
    (repo / "gone.txt").write_text("old\n", encoding="utf-8")
    _git("add", "--all", cwd=repo)
    _git("commit", "--quiet", "-m", "first", cwd=repo)
    (repo / "kept.txt").write_text("v2\n", encoding="utf-8")
    (repo / "new.txt").write_text("untracked\n", encoding="utf-8")
    (repo / "noise.log").write_text("ignored\n", encoding="utf-8")
    (repo / "gone.txt").unlink()
    return repo


def _write_workflow(folder: Path, jobs: dict) -> Path:
    path = folder / "workflow.yml"
    path.write_text(yaml.safe_dump({"name": "T", "on": "push", "jobs": jobs}), encoding="utf-8")
    return path


CHECKOUT = {"uses": "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683"}
SETUP_PYTHON = {"uses": "actions/setup-python@42375524e23c412d93fb67b49958b491fce71c38"}
PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"


def test_runner_runs_each_job_on_a_fresh_clone_of_the_working_tree(source, tmp_path, monkeypatch):
    check_tree = (
        'test "$(cat kept.txt)" = v2 && test -f new.txt && test ! -e noise.log && '
        'test ! -e gone.txt && test -z "$(git status --porcelain)"'
    )
    path = _write_workflow(
        tmp_path,
        {
            "deep": {
                "steps": [
                    {**CHECKOUT, "with": {"fetch-depth": 0}},
                    {"run": check_tree},
                    # The history below the working tree's commit, for steps that read it.
                    {"run": 'test "$(git rev-list --count HEAD)" = 2'},
                    # The runner's environment, not the test process's.
                    {"run": 'test "$CI" = true && test -z "${PYTHONPATH:-}"'},
                    {**SETUP_PYTHON, "with": {"python-version": PYTHON}},
                    # setup-python's python3 is the machine's, in the job's own throw-away
                    # environment: nothing a step installs reaches the machine's Python.
                    {"run": 'python3 -c "import sys; print(sys.prefix)" | grep "^$RUNNER_TEMP/"'},
                    {"run": "! python3 -m pip --version"},
                    {"run": "touch made-here.txt"},
                ]
            },
            "shallow": {
                "steps": [CHECKOUT, {"run": check_tree}, {"run": "test ! -e made-here.txt"}]
            },
        },
    )
    monkeypatch.setenv("PYTHONPATH", str(source))  # as tests/conftest.py sets it
    results = run_workflow(path, source, tmp_path / "run")
    for job in results.values():
        assert job.outcome == "success", job.report()
    shallow = results["shallow"].workspace
    assert shallow is not None
    assert _git("rev-list", "--count", "HEAD", cwd=shallow).strip() == "1"
    # The source repository is left as it was.
    assert (source / "kept.txt").read_text(encoding="utf-8") == "v2\n"
    assert _git("rev-list", "--count", "HEAD", cwd=source).strip() == "1"


def test_runner_fails_at_a_failing_step_and_runs_nothing_after_it(source, tmp_path):
    path = _write_workflow(
        tmp_path,
        {
            "first": {
                "steps": [
                    CHECKOUT,
                    {"name": "writes", "run": "echo one > one.txt"},
                    {"name": "fails", "run": "echo 'it broke' >&2\nexit 3"},
                    {"name": "never", "run": "touch never.txt"},
                    {
                        "if": "${{ always() }}",
                        "uses": "actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02",
                    },
                ]
            },
            "after": {"needs": "first", "steps": [CHECKOUT, {"run": "true"}]},
            # A failing line in the middle of a script fails the step (bash -e).
            "middle": {"steps": [CHECKOUT, {"run": "false\ntouch reached.txt"}]},
            "unknown": {"steps": [{"uses": "someone/action@" + "0" * 40}]},
        },
    )
    results = run_workflow(path, source, tmp_path / "run")
    first = results["first"]
    assert first.outcome == "failure"
    assert [(s.name, s.outcome) for s in first.steps] == [
        (CHECKOUT["uses"], "success"),
        ("writes", "success"),
        ("fails", "failure"),
        ("never", "skipped"),
        ("actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02", "skipped"),
    ]
    assert "exit code 3" in first.steps[2].detail and "it broke" in first.steps[2].detail
    assert first.workspace is not None
    assert (first.workspace / "one.txt").is_file()
    assert not (first.workspace / "never.txt").exists()
    assert results["after"].outcome == "skipped" and results["after"].reason == "needs first"
    assert results["middle"].outcome == "failure"
    assert not (results["middle"].workspace / "reached.txt").exists()
    assert results["unknown"].outcome == "failure"
    assert "someone/action has no meaning here" in results["unknown"].steps[0].detail


def test_runner_never_starts_the_test_suite_and_refuses_what_it_cannot_evaluate(source, tmp_path):
    path = _write_workflow(
        tmp_path,
        {"suite": {"steps": [CHECKOUT, {"run": f"echo started > started.txt\n{SUITE_COMMAND}"}]}},
    )
    (suite,) = run_workflow(path, source, tmp_path / "run").values()
    assert suite.outcome == "skipped" and SUITE_COMMAND in suite.reason and not suite.steps
    path = _write_workflow(
        tmp_path, {"x": {"steps": [CHECKOUT, {"run": "echo ${{ github.sha }}"}]}}
    )
    with pytest.raises(ValueError, match="not evaluated here"):
        run_workflow(path, source, tmp_path / "run-2")


# --- the workflows themselves, run -------------------------------------------------------


def _published_admin_config(site: Path) -> dict:
    return yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))


@pytest.mark.workflows
@pytest.mark.parametrize("name", ["ci.yml", "deploy.yml"])
def test_workflow_jobs_pass_on_a_fresh_clone(name, tmp_path):
    """Every job of the workflow, run step by step as the runner would on a fresh clone of
    the working tree: the README's install from nothing, then its strict build. Only the
    test suite itself (.ci/run, which runs this test) is left out."""
    started = time.monotonic()
    jobs = _workflow(name)["jobs"]
    try:
        results = run_workflow(WORKFLOWS / name, ROOT, tmp_path)
        builds = 0
        for job_name, result in results.items():
            commands = [c for script in run_steps(jobs[job_name]) for c in commands_of(script)]
            if SUITE_COMMAND in commands:
                # The test suite's job: that command and nothing else, skipped here.
                assert commands == [SUITE_COMMAND], job_name
                assert result.outcome == "skipped", result.report()
                continue
            assert result.outcome == "success", result.report()
            if "scripts/site build" not in commands:
                continue
            builds += 1
            assert result.workspace is not None
            site = result.workspace / "site"
            assert (site / "index.html").is_file(), job_name
            assert (site / "admin" / "decap-cms.js").is_file(), "the web form's script"
            config = _published_admin_config(site)
            assert "local_backend" not in config, "a visitor's browser would try localhost"
            assert config["backend"]["name"] == "github"
        assert builds == 1, f"{name} builds the site once"
    finally:
        for folder in tmp_path.glob("*/workspace"):
            shutil.rmtree(folder, ignore_errors=True)  # a fresh .venv/ per job is large
        print(f"{name}: {time.monotonic() - started:.0f} s")


# --- the admin config: published without local_backend, served with it ------------------


def test_published_admin_config_has_no_local_backend(built_site):
    config = _published_admin_config(built_site)
    assert "local_backend" not in config
    assert config["backend"]["name"] == "github"
    assert config["backend"]["repo"] == "actiebank/actiebank"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_served_admin_config_points_at_a_local_decap_server(tmp_path):
    """`scripts/site` serves with `mkdocs serve`: there the form saves through a
    decap-server on the same machine (README: `MODE=git npx decap-server`)."""
    project = copy_project(tmp_path / "project")
    port = _free_port()
    path = urlsplit(read_project(ROOT).site_url).path
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        env={
            **os.environ,
            "ACTIEBANK_ROOT": str(project),
            "ACTIEBANK_CACHE": str(IMAGE_CACHE),
            "NO_MKDOCS_2_WARNING": "1",
        },
    )
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                url = f"http://127.0.0.1:{port}{path}admin/config.yml"
                with urllib.request.urlopen(url, timeout=10) as response:
                    text = response.read().decode("utf-8")
                break
            except (urllib.error.URLError, ConnectionError):
                assert process.poll() is None, "mkdocs serve stopped"
                assert time.monotonic() < deadline, "mkdocs serve did not answer"
                time.sleep(0.5)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    config = yaml.safe_load(text)
    assert config["local_backend"] is True
    assert config["backend"]["name"] == "github"


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
    # CI lints through the test command: its test job runs .ci/run, which is scripts/test.
    runs = [
        c
        for job in _workflow("ci.yml")["jobs"].values()
        for s in run_steps(job)
        for c in commands_of(s)
    ]
    assert SUITE_COMMAND in runs
    assert "exec scripts/test" in (ROOT / SUITE_COMMAND).read_text(encoding="utf-8")
    test_command = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    for tool in (".venv/bin/ruff check", ".venv/bin/ruff format --check", ".venv/bin/mypy"):
        assert tool in test_command, tool


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
