"""Fixtures for the contributor workflow: a content folder to write into, and helpers
that read the schemas without the code under test (so the tests cannot agree with a bug)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from support import ROOT, SCHEMA_DIR
from support.server import PagesServer


def schema(kind: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))


def _resolve(node: dict, root: dict) -> dict:
    while "$ref" in node:
        node = root["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def schema_paths(kind: str) -> dict[str, bool]:
    """Every field path of a kind ('outcomes[].unit') -> required within its parent."""
    root = schema(kind)
    found: dict[str, bool] = {}

    def visit(node: dict, prefix: str):
        node = _resolve(node, root)
        required = set(node.get("required", []))
        for name, child in node.get("properties", {}).items():
            path = f"{prefix}{name}"
            found[path] = name in required
            child = _resolve(child, root)
            if child.get("type") == "array":
                item = _resolve(child.get("items", {}), root)
                if item.get("type") == "object":
                    visit(item, f"{path}[].")
            elif child.get("type") == "object":
                visit(child, f"{path}.")

    visit(root, "")
    return found


@pytest.fixture(name="schema_paths")
def schema_paths_fixture():
    """The function schema_paths(kind), for tests."""
    return schema_paths


@pytest.fixture
def content(tmp_path) -> Path:
    """An empty content folder with actions/ and cases/."""
    folder = tmp_path / "content"
    (folder / "actions").mkdir(parents=True)
    (folder / "cases").mkdir()
    return folder


@pytest.fixture
def real_content_copy(tmp_path) -> Path:
    """A copy of the project's real content to plant files in, beside the project's
    mkdocs.yml (which lists the editorial pages)."""
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return folder


# --------------------------------------------------------------------------- the web form

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}


@pytest.fixture(name="fill_action")
def fill_action_fixture():
    """fill_action(text): an `actiebank new action` template with every required field
    filled in, as a contributor would (shared by the scaffold and web-form tests)."""

    def fill_action(text: str) -> str:
        return (
            text.replace(
                'summary: ""',
                "summary: Nieuwe collega's lopen drie maanden mee "
                "met een vaste buddy in hun eigen team.",
            )
            .replace('- name: ""', "- name: Zorggroep Testland")
            .replace("regions: []", "regions: [haaglanden]")
            .replace("sectors: []", "sectors: [vvt]")
            .replace("success_factors: []", "success_factors: [onboarding]")
            .replace("interventions: []", "interventions: [buddy]")
            .replace('status: ""', "status: pilot")
        )

    return fill_action


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_IDENTITY},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def form_repo(tmp_path) -> Path:
    """A git checkout with the project's content and schema: what the web form writes to."""
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copytree(ROOT / "content", repo / "content")
    shutil.copytree(ROOT / "schema", repo / "schema")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Start")
    return repo


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def decap_server(form_repo):
    """decap-server in git mode on 127.0.0.1: the local stand-in for GitHub."""
    node = shutil.which("node")
    if node is None or not DECAP_SERVER.is_file():
        pytest.skip("node or node_modules/decap-server is missing (run npm ci)")
    port = _free_port()
    env = {
        **os.environ,
        **GIT_IDENTITY,
        "MODE": "git",
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "GIT_REPO_DIRECTORY": str(form_repo),
        "LOG_LEVEL": "warn",
    }
    process = subprocess.Popen(
        [node, str(DECAP_SERVER)],
        cwd=form_repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/api/v1"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                request = urllib.request.Request(
                    url, data=b'{"action":"info"}', headers={"Content-Type": "application/json"}
                )
                with urllib.request.urlopen(request, timeout=2) as response:
                    info = yaml.safe_load(response.read())
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read().decode() if process.stdout else ""
                    raise AssertionError(f"decap-server did not start:\n{output}") from None
                time.sleep(0.2)
        assert "editorial_workflow" in info["publish_modes"]
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def admin_url(built_site, tmp_path, decap_server):
    """The built site's /admin/, served on 127.0.0.1 with the rest of the site (the
    preview loads the site's stylesheets), its config pointed at decap-server.

    The published config.yml has no `local_backend` (visitors' browsers would try their
    own machine); this fixture adds one that points at the test's decap-server.
    """
    served = tmp_path / "served"
    shutil.copytree(built_site, served)
    config_path = served / "admin" / "config.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    assert "local_backend" not in config
    config["local_backend"] = {"url": decap_server, "allowed_hosts": ["127.0.0.1"]}
    config_path.write_text(
        yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    server = PagesServer(served)
    yield f"{server.root}admin/"
    server.close()
