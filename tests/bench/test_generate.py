"""The benchmark's synthetic catalogues: valid by the project's own rules, buildable, and
the same for the same seed, so a figure in bench/results/ can be reproduced.

No timing here: the benchmark itself is `bench/run.py`.
"""

from __future__ import annotations

import html
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow  # builds generated catalogues

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
generate = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = generate  # dataclasses look their module up while being defined
_spec.loader.exec_module(generate)


def _validate(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "actiebank.cli", "validate", "content"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "ACTIEBANK_ROOT": str(project)},
    )


def build_site(project: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "ACTIEBANK_ROOT": str(project)},
    )
    assert built.returncode == 0, built.stdout + built.stderr


def _entries(folder: Path) -> dict[str, tuple[dict, str]]:
    out = {}
    for path in sorted(folder.glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        out[path.stem] = (yaml.safe_load(front), body)
    return out


def test_thirty_generated_actions_pass_validate_and_build_into_pages(tmp_path):
    project = tmp_path / "n30"
    generated = generate.generate(project, 30, seed=3)
    assert (len(generated.actions), len(generated.cases)) == (30, 3)
    assert generated.images and all(
        (project / "content" / "images" / name).is_file() for name in generated.images
    )

    checked = _validate(project)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Alles in orde: 30 acties en 3 verhalen zonder fouten." in checked.stderr

    build_site(project)
    site = project / "site"
    for slug in generated.actions:
        page = site / "acties" / slug / "index.html"
        assert page.is_file(), f"no page for {slug}"
        assert html.escape(generated.titles[slug], quote=False) in page.read_text(encoding="utf-8")


def test_the_floor_has_every_title_and_body_as_a_plain_page_and_builds(tmp_path):
    project = tmp_path / "n12"
    generated = generate.generate(project, 12, seed=4, images=1)
    floor = generate.write_floor(project, tmp_path / "n12-floor")

    config = yaml.safe_load((floor / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and config["theme"]["name"] == "material"
    actions = _entries(project / "content" / "actions")
    for slug in generated.actions:
        page = (floor / "docs" / "acties" / f"{slug}.md").read_text(encoding="utf-8")
        assert page.startswith(f"# {actions[slug][0]['title']}\n")
        assert actions[slug][1].strip() in page

    build_site(floor)
    assert len(list((floor / "site" / "acties").glob("*/index.html"))) == 12
    assert (floor / "site" / "search" / "search_index.json").is_file()


def test_bodies_tell_the_story_in_the_sections_visitors_look_for(tmp_path):
    generate.generate(tmp_path, 40, seed=5, images=0, with_project=False)
    actions = _entries(tmp_path / "content" / "actions")
    assert len(actions) == 40
    lengths = []
    for _data, body in actions.values():
        for section in ("## Aanpak", "## Resultaten", "## Lessen"):
            assert f"\n{section}\n" in f"\n{body}"
        lengths.append(len(body.split()))
    assert min(lengths) >= 300 and max(lengths) <= 600, (min(lengths), max(lengths))
    # Values come from the vocabularies, spread over many of them, not one repeated value.
    regions = {r for data, _ in actions.values() for r in data["regions"]}
    assert len(regions) >= 15


def test_the_same_seed_writes_byte_identical_files_and_another_seed_does_not(tmp_path):
    def files(folder: Path) -> dict[str, bytes]:
        return {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted((folder / "content").rglob("*"))
            if p.is_file()
        }

    generate.generate(tmp_path / "a", 15, seed=11, images=2, with_project=False)
    generate.generate(tmp_path / "b", 15, seed=11, images=2, with_project=False)
    generate.generate(tmp_path / "c", 15, seed=12, images=2, with_project=False)
    first, second, other = files(tmp_path / "a"), files(tmp_path / "b"), files(tmp_path / "c")
    assert first == second
    assert first.keys() != other.keys()
