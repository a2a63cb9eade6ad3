"""Action and story pages for people who cite and machines that read: schema.org JSON-LD
built from the page's own facts, how to cite the page, and its newest changes from git."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from actiebank.content.history import file_histories
from support import build_site
from support.git import git

JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
SITE = "https://actiebank.github.io/actiebank/"


def blocks(page: Path) -> list[dict]:
    return [json.loads(text) for text in JSONLD.findall(page.read_text(encoding="utf-8"))]


def entry_pages(site: Path, folder: str) -> list[Path]:
    sources = {p.stem for p in (site.parent / "content" / folder).glob("*.md")}
    published = {"actions": "acties", "cases": "verhalen"}[folder]
    return [site / published / slug / "index.html" for slug in sorted(sources)]


def text_of(page: Path) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))


def test_every_action_page_describes_its_action_for_search_engines(sample):
    site = sample / "site"
    pages = entry_pages(site, "actions")
    assert len(pages) >= 3
    for page in pages:
        [data] = blocks(page)
        slug = page.parent.name
        assert data["@context"] == "https://schema.org" and data["@type"] == "WebPage"
        assert data["url"] == f"{SITE}acties/{slug}/"
        action = data["mainEntity"]
        for name in ("about", "keywords", "spatialCoverage", "audience", "dateModified"):
            assert action.get(name), (page, name)
        shown = text_of(page)
        assert action["name"] in shown
        for term in action["about"]:
            assert term["@type"] == "DefinedTerm" and term["name"] in shown
        for place in action["spatialCoverage"]:
            assert place["name"] in shown or place["name"] == "Nederland"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", action["dateModified"])


def test_every_story_is_an_article_about_its_actions(sample):
    site = sample / "site"
    pages = entry_pages(site, "cases")
    assert pages
    for page in pages:
        [data] = blocks(page)
        assert data["@type"] == "Article" and data["headline"] in text_of(page)
        assert data["about"], page
        html = page.read_text(encoding="utf-8")
        for action in data["about"]:
            slug = action["url"].removeprefix(f"{SITE}acties/").strip("/")
            assert (site / "acties" / slug / "index.html").is_file()
            assert f'href="../../acties/{slug}/"' in html


def test_no_other_page_claims_to_be_an_action(sample):
    """Only entry pages carry schema.org; the JSON-LD never needs a CSP hash (a data block
    is not run), so the policy lists the same scripts as before."""
    site = sample / "site"
    entries = set(entry_pages(site, "actions")) | set(entry_pages(site, "cases"))
    for page in site.rglob("*.html"):
        if page not in entries and "ld+json" in page.read_text(encoding="utf-8"):
            raise AssertionError(f"{page} carries JSON-LD")


def test_every_entry_page_says_how_to_cite_it(sample):
    site = sample / "site"
    for page in entry_pages(site, "actions") + entry_pages(site, "cases"):
        [data] = blocks(page)
        html = page.read_text(encoding="utf-8")
        cite = re.search(r'<p class="ab-cite__text">(.*?)</p>', html, re.S)
        assert cite, page
        said = unescape(re.sub(r"<[^>]+>", "", cite.group(1)))
        title = data.get("name") or data["headline"]
        assert title in said and "Actiebank, versie van " in said
        assert said.endswith(data["url"]), said


def test_the_history_is_the_newest_five_changes_from_one_git_log(tmp_path):
    content = tmp_path / "content"
    (content / "actions").mkdir(parents=True)
    action, other = content / "actions" / "a.md", content / "actions" / "b.md"
    other.write_text("0")
    git(tmp_path, "init", "-q")
    for day in range(1, 8):
        action.write_text(str(day))
        git(tmp_path, "add", ".")
        git(tmp_path, "commit", "-q", "-m", f"Change {day}", date=f"2024-03-0{day}T12:00:00Z")
    histories = file_histories(content)
    assert [c.subject for c in histories[action.resolve()]] == [
        "Change 7",
        "Change 6",
        "Change 5",
        "Change 4",
        "Change 3",
    ]
    assert histories[action.resolve()][0].day == "2024-03-07"
    assert [(c.day, c.subject) for c in histories[other.resolve()]] == [("2024-03-01", "Change 1")]
    assert [c.added for c in histories[action.resolve()]] == [False] * 5
    assert histories[other.resolve()][0].added


@pytest.mark.slow  # a build of its own, with a git history
def test_a_page_lists_its_dated_changes_and_links_to_its_history(tmp_path, make_project):
    project = make_project(tmp_path / "project")
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "Eerste versie", date="2024-02-01T10:00:00Z")
    page_source = next((project / "content" / "actions").glob("*.md"))
    page_source.write_text(page_source.read_text() + "\nMeer tekst.\n")
    git(project, "commit", "-q", "-am", "Tekst <aangevuld>", date="2024-06-15T10:00:00Z")
    build_site(project)
    page = project / "site" / "acties" / page_source.stem / "index.html"
    html = page.read_text(encoding="utf-8")
    history = re.search(r'<ol class="ab-history"[^>]*>(.*?)</ol>', html, re.S)
    assert history
    items = [
        unescape(re.sub(r"<[^>]+>", "", li)).strip()
        for li in re.findall(r"<li>(.*?)</li>", history.group(1), re.S)
    ]
    # In Dutch whatever the commit says: its subject stays in the repository's history.
    assert items == ["15 juni 2024: bijgewerkt", "1 februari 2024: toegevoegd"]
    assert "aangevuld" not in html and "Eerste versie" not in html
    assert (
        f'href="https://github.com/actiebank/actiebank/commits/main/content/actions/'
        f'{page_source.name}"' in html
    )
    assert "versie van 15 juni 2024" in html


def test_a_shallow_clone_claims_no_change_added_a_file(tmp_path):
    """The oldest commit of a shallow clone seems to add every file: the page then says
    "bijgewerkt", not a wrong "toegevoegd"."""
    origin = tmp_path / "origin"
    (origin / "content" / "actions").mkdir(parents=True)
    action = origin / "content" / "actions" / "a.md"
    git(origin, "init", "-q")
    for day in (1, 2):
        action.write_text(str(day))
        git(origin, "add", ".")
        git(origin, "commit", "-q", "-m", f"Change {day}", date=f"2024-03-0{day}T12:00:00Z")
    full = file_histories(origin / "content")[action.resolve()]
    assert [c.added for c in full] == [False, True]
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", str(clone))
    shallow = file_histories(clone / "content")[(clone / "content/actions/a.md").resolve()]
    assert [(c.day, c.added) for c in shallow] == [("2024-03-02", False)]
