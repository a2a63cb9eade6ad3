"""The site's core without MkDocs: facet index, git history, exports command, images,
the sanitiser in the hook."""

from __future__ import annotations

import ast
import csv
import io
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from actiebank.cli import main
from actiebank.content.history import last_commit_dates, last_commit_times
from actiebank.content.sanitise import sanitise
from actiebank.site.action_details import value_terms
from actiebank.site.export import export_files
from actiebank.site.facets import build_facet_index
from actiebank.site.images import ImageStore, draw_open_graph, font
from actiebank.site.render import dutch_date, dutch_number
from support import catalogue_of
from support.git import git
from support.sample_catalogue import write_sample

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def content(tmp_path) -> Path:
    """The sample catalogue in a project folder (its mkdocs.yml lists the editorial pages)."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    write_sample(tmp_path / "content")
    return tmp_path / "content"


def test_facet_index_expands_regions_to_provinces_and_reads_outcomes(content):
    catalogue = catalogue_of(content)
    assert not catalogue.errors, catalogue.errors
    index = build_facet_index(catalogue)
    assert index["regio"].actions["zuid-holland"] == ["buddy-haaglanden"]
    assert index["regio"].actions["haaglanden"] == ["buddy-haaglanden"]
    assert index["regio"].actions["overijssel"] == ["flexpool-twente"]
    assert "zuid-holland" not in index["regio"].actions.get("national", [])
    assert index["resultaat"].actions == {
        "outflow": ["buddy-haaglanden"],
        "retention": ["leerhuis-landelijk"],
    }
    assert index["status"].actions["pilot"] == ["flexpool-twente"]
    assert [t.slug for t in index["regio"].used_terms()] == [
        "national",
        "overijssel",
        "twente",
        "zuid-holland",
        "haaglanden",
    ]
    assert [f.name for f in index] == [
        "succesfactor",
        "regio",
        "bewijs",
        "kosten",
        "effect",
        "resultaat",
        "sector",
        "doelgroep",
        "interventie",
        "status",
    ]


def test_evidence_costs_and_effect_find_every_action_including_those_without(content):
    index = build_facet_index(catalogue_of(content))
    # The sample: buddy-haaglanden is measured with costs and an improved outflow; the
    # other two name no evidence level or costs; flexpool-twente reports no results, and
    # leerhuis-landelijk's "retention improved" has no figure and no source: no measured
    # result, so the effect filter does not count it as improved (content/facts.py).
    assert index["bewijs"].actions == {
        "measured": ["buddy-haaglanden"],
        "niet-opgegeven": ["flexpool-twente", "leerhuis-landelijk"],
    }
    assert index["kosten"].actions == {
        "medium": ["buddy-haaglanden"],
        "niet-bekend": ["flexpool-twente", "leerhuis-landelijk"],
    }
    assert index["effect"].actions["improved"] == ["buddy-haaglanden"]
    assert index["effect"].actions["geen-resultaten"] == ["flexpool-twente", "leerhuis-landelijk"]
    assert index["effect"].label == "Effect" and index["resultaat"].label == "Gemeten op"
    assert index["bewijs"].terms[-1].nl == "Niet opgegeven"


def test_a_story_links_a_region_only_where_the_region_has_a_page(content):
    """A story may name a region no action names yet: that region is text, not a link
    to a page that does not exist."""
    catalogue = catalogue_of(content)
    index = build_facet_index(catalogue)
    words = catalogue.vocabularies
    carried, empty = value_terms(words, "region", ["haaglanden", "achterhoek"], index)
    assert carried.url == "acties/regio/haaglanden/" and empty.url is None
    assert empty.text == "Achterhoek"


def test_last_commit_dates_come_from_one_git_log(tmp_path):
    content = tmp_path / "content"
    (content / "actions").mkdir(parents=True)
    first, second = content / "actions" / "a.md", content / "actions" / "b.md"
    first.write_text("1")
    second.write_text("1")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "one", date="2023-04-05T10:00:00+00:00")
    second.write_text("2")
    git(tmp_path, "commit", "-q", "-am", "two", date="2024-09-30T23:30:00+00:00")
    dates = last_commit_dates(content)
    assert dates == {first.resolve(): "2023-04-05", second.resolve(): "2024-09-30"}


def test_commit_times_order_changes_made_on_the_same_day(tmp_path):
    """ "Laatst gewijzigd" sorts by the moment of the last commit, in UTC: two files
    changed on one day (in different time zones) keep the order they were changed in."""
    content = tmp_path / "content"
    (content / "actions").mkdir(parents=True)
    second, first = content / "actions" / "second.md", content / "actions" / "first.md"
    first.write_text("1")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first", date="2024-05-01T09:00:00+02:00")
    second.write_text("1")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "second", date="2024-05-01T08:30:00+00:00")
    times = last_commit_times(content)
    assert times == {
        first.resolve(): "2024-05-01T07:00:00Z",
        second.resolve(): "2024-05-01T08:30:00Z",
    }
    assert last_commit_dates(content) == {
        first.resolve(): "2024-05-01",
        second.resolve(): "2024-05-01",
    }


def test_no_git_history_means_no_dates(tmp_path):
    (tmp_path / "content").mkdir()
    assert last_commit_dates(tmp_path / "content") == {}


def test_export_command_writes_the_exports_without_mkdocs(content, tmp_path, capsys):
    out = tmp_path / "out"
    assert (
        main(
            [
                "export",
                "--content",
                str(content),
                "--out",
                str(out),
                "--site-url",
                "https://example.org/ab/",
            ]
        )
        == 0
    )
    records = json.loads((out / "api/actions.json").read_text(encoding="utf-8"))
    assert [r["slug"] for r in records] == [
        "buddy-haaglanden",
        "flexpool-twente",
        "leerhuis-landelijk",
    ]
    assert records[0]["url"] == "https://example.org/ab/acties/buddy-haaglanden/"
    assert list(records[0])[:4] == ["slug", "url", "title", "summary"]
    assert (out / "api/actions.csv").read_bytes().startswith("\ufeffslug,url,title".encode())
    assert json.loads((out / "api/cases.json").read_text())[0]["slug"] == "verhaal-buddy"


def test_export_command_refuses_bad_content(content, tmp_path, capsys):
    (content / "actions" / "kapot.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    assert main(["export", "--content", str(content), "--out", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out").exists()
    assert "kapot.md" in capsys.readouterr().err


def test_open_graph_cards_use_a_font_with_dutch_letters():
    assert font("Bold", 64).getname() == ("Lato", "Bold")
    # A glyph the font lacks renders as the same empty box for every such character.
    bold = font("Bold", 64)
    assert bold.getmask("ë").getbbox() != bold.getmask("\uffff").getbbox()
    card = draw_open_graph("Oriëntatiebaan – zij-instromers", ["Onboarding"], "Actiebank")
    assert card.size == (1200, 630)


def test_image_variants_are_cached_by_content(tmp_path):
    source = tmp_path / "foto.png"
    Image.new("RGBA", (1000, 500), (10, 20, 30, 128)).save(source)
    store = ImageStore(tmp_path / "cache")
    image = store.responsive(source, "Een foto")
    assert [v.width for v in image.webp] == [480, 960, 1000]
    assert all(v.uri.endswith(".png") for v in image.fallback), "transparency needs PNG"
    assert (image.width, image.height) == (1000, 500)
    made = {p: p.stat().st_mtime_ns for p in (tmp_path / "cache").rglob("*")}
    again = ImageStore(tmp_path / "cache").responsive(source, "Een foto")
    assert again == image
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "cache").rglob("*")} == made
    Image.new("RGBA", (1000, 500), (99, 20, 30, 128)).save(source)
    changed = ImageStore(tmp_path / "cache").responsive(source, "Een foto")
    assert changed.src != image.src


def test_a_photograph_falls_back_to_jpeg(tmp_path):
    source = tmp_path / "foto.jpg"
    Image.new("RGB", (700, 400), (200, 120, 40)).save(source)
    image = ImageStore(tmp_path / "cache").responsive(source, "Een foto")
    assert [v.width for v in image.fallback] == [480, 700]
    assert all(v.uri.endswith(".jpg") for v in image.fallback)
    assert all(v.uri.endswith(".webp") for v in image.webp)


def test_dutch_dates_and_numbers():
    assert dutch_date("2024-01-15") == "15 januari 2024"
    assert dutch_date("2022-03") == "maart 2022"
    assert dutch_date("2021") == "2021"
    assert dutch_number(12500) == "12.500"
    assert dutch_number(4.5) == "4,5"
    assert dutch_number(3.0) == "3"


def test_the_sanitiser_drops_script_and_keeps_markdown_output():
    dirty = (
        '<h2 id="aanpak">Aanpak</h2><p onclick="x()">Tekst <script>alert(1)</script>'
        '<a href="javascript:alert(1)">a</a> <a href="https://example.org">b</a></p>'
        '<div class="admonition note"><p>Let op</p></div><iframe src="x"></iframe>'
    )
    clean = sanitise(dirty)
    assert '<h2 id="aanpak">Aanpak</h2>' in clean
    assert '<div class="admonition note">' in clean
    assert "script" not in clean and "onclick" not in clean and "javascript:" not in clean
    assert "iframe" not in clean
    assert 'href="https://example.org"' in clean


def test_the_sanitiser_keeps_theme_names_out_of_bodies():
    # A heading "## __config" gets that id from the toc extension; Material's settings live
    # in <script id="__config">, so the page's scripts would stop.
    clean = sanitise(
        '<h2 id="__config">x</h2><h2 id="md-sidebar">y</h2><h2 id="ab-q">z</h2>'
        '<div class="admonition note md-button"><p class="admonition-title">T</p></div>'
        '<a class="md-button" href="https://example.org">k</a>'
    )
    assert "__config" not in clean and "md-sidebar" not in clean and 'id="ab-q"' not in clean
    assert '<div class="admonition note">' in clean and "md-button" not in clean


def test_core_does_not_import_mkdocs():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, pkgutil, importlib, actiebank; "
            "[importlib.import_module(m.name) for m in pkgutil.walk_packages(actiebank.__path__, "
            "'actiebank.')]; "
            "print(any(m == 'mkdocs' or m.startswith('mkdocs.') for m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "False"


# The core's stages in the order the data flows (ARCHITECTURE.md): a stage may import an
# earlier one, never a later one.
STAGES = ("content", "site", "contribute")


def _imported_modules(path: Path, package: list[str]) -> Iterator[tuple[int, str]]:
    """(line, module) for every import in a file, relative ones made absolute."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            yield node.lineno, module
            yield from ((node.lineno, f"{module}.{alias.name}") for alias in node.names)


def test_no_stage_of_the_core_imports_a_later_one():
    src = ROOT / "src"
    upward = []
    for path in sorted((src / "actiebank").rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        package = parts[:-1]
        if len(parts) < 3 or parts[1] not in STAGES:
            continue
        stage = STAGES.index(parts[1])
        for line, module in _imported_modules(path, package):
            names = [*module.split("."), ""]
            if names[0] == "actiebank" and names[1] in STAGES and STAGES.index(names[1]) > stage:
                upward.append(f"{path.relative_to(src)}:{line} imports {module}")
    assert not upward, "\n".join(upward)


def test_export_command_matches_the_published_exports(sample, tmp_path):
    out = tmp_path / "out"
    assert main(["export", "--content", str(sample / "content"), "--out", str(out)]) == 0
    for name in ("api/actions.json", "api/actions.csv", "api/cases.json"):
        assert (out / name).read_bytes() == (sample / "site" / name).read_bytes(), name


def test_spreadsheet_cells_never_start_a_formula_and_fit_in_excel(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[1] / "core" / "fixtures" / "valid", content)
    funding = "".join(f"  - Fonds {i:03d} {'x' * 88}\n" for i in range(400))  # 40,000 characters
    (content / "actions" / "formules.md").write_text(
        f"""---
title: Een actie vol formules
summary: "=HYPERLINK(\\"https://example.org\\") is een formule en geen tekst."
organisations:
  - name: "@SUM(1+1)"
  - name: "-2+3"
regions: [utrecht]
sectors: [vvt]
success_factors: [onboarding]
interventions: [buddy]
status: running
funding:
{funding}contact:
  name: "+31 20 1234567"
---
Tekst.
""",
        encoding="utf-8",
    )
    catalogue = catalogue_of(content)
    assert not catalogue.errors, catalogue.errors

    rows = list(
        csv.DictReader(
            io.StringIO(export_files(catalogue, site_url="")["api/actions.csv"].decode("utf-8-sig"))
        )
    )
    cells = [cell for row in rows for cell in row.values()]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    row = next(r for r in rows if r["slug"] == "formules")
    assert row["summary"].startswith("'=HYPERLINK(")
    assert row["organisations"].startswith('[{"name": "@SUM(1+1)"}')
    assert len(row["funding"]) <= 32_767 and row["funding"].endswith("actions.json)")
    # The machine interface keeps the text as written.
    data = json.loads(export_files(catalogue, site_url="")["api/actions.json"])
    assert next(a for a in data if a["slug"] == "formules")["summary"].startswith("=HYPER")
