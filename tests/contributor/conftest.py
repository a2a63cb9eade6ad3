"""Fixtures for the contributor workflow: a content folder to write into, and helpers
that read the schemas without the code under test (so the tests cannot agree with a bug)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = ROOT / "schema"


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
    """A copy of the project's real content to plant files in."""
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    return folder
