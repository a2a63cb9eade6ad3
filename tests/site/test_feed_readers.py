"""The feeds as feed readers read them, and their pages as people find them (issue 24,
items 11 and 12): feedparser reads every feed; ids are unique; every entry is dated by its
own history; an old address holds a notice of the move, not a copy; every feed has an HTML
page under /volgen/, and the site offers that page, never the bare XML."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest

from actiebank.content.catalogue import load_catalogue
from actiebank.content.history import entry_times, parse_times
from actiebank.project import read_project
from actiebank.site.cards import month_date
from actiebank.site.feeds import NO_DATE
from support import build_site
from support.git import git

XSL = re.compile(rb"<\?xml-stylesheet[^>]*xsl", re.I)


def feeds(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("feed.xml"))}


@pytest.fixture(scope="module")
def parsed(built_site) -> dict[str, feedparser.FeedParserDict]:
    return {path: feedparser.parse(file.read_bytes()) for path, file in feeds(built_site).items()}


def test_feedparser_reads_every_feed_with_unique_ids_and_dated_entries(parsed):
    assert len(parsed) > 50
    for path, feed in parsed.items():
        assert not feed.bozo, f"{path}: {feed.get('bozo_exception')}"
        assert feed.version == "atom10", path
        assert feed.feed.get("updated_parsed"), f"{path} has no date"
        ids = [entry.id for entry in feed.entries]
        assert ids and len(set(ids)) == len(ids), f"{path}: ids repeat"
        for entry in feed.entries:
            assert entry.get("updated_parsed"), f"{path}: {entry.id} has no date"
            if entry.get("published_parsed"):
                assert entry.published_parsed <= entry.updated_parsed
        newest = max(entry.updated_parsed for entry in feed.entries)
        assert feed.feed.updated_parsed == newest, "the feed is as new as its newest entry"
    feed_ids = Counter(feed.feed.id for feed in parsed.values())
    assert not [i for i, n in feed_ids.items() if n > 1], "two feeds with one id"


def test_no_two_feeds_are_the_same_file(built_site):
    digests = Counter(
        hashlib.sha256(p.read_bytes()).hexdigest() for p in feeds(built_site).values()
    )
    assert max(digests.values()) == 1


def test_entries_are_dated_by_themselves_not_by_the_build(parsed, built_site):
    """Without git history (the test's copy has none) an entry has the dates of its own
    front matter: the later of `updated` and a story's `date`, and a story's `date` as its
    publication."""
    catalogue = load_catalogue(read_project(built_site.parent))
    site_url = catalogue.project.site_url
    entries = {e.id: e for feed in parsed.values() for e in feed.entries}
    checked = 0
    for kind, folder in ((catalogue.actions, "acties"), (catalogue.cases, "verhalen")):
        for entry in kind.values():
            found = entries.get(f"{site_url}{folder}/{entry.slug}/")
            if found is None:
                continue
            days = [str(entry.data.get(k) or "") for k in ("updated", "date")]
            # An action that names no date is dated as its card is: by when it started;
            # one that says nothing at all by a fixed old date, which claims nothing new.
            day = max(days) or month_date(entry.data.get("started")) or NO_DATE
            assert found.updated == f"{day}T00:00:00Z", entry.slug
            if folder == "verhalen":
                assert found.published == f"{entry.data['date']}T00:00:00Z", entry.slug
            else:
                assert not found.get("published"), "nothing says when an action was added"
            checked += 1
    assert checked > 20
    assert len({e.updated for e in entries.values()}) > 1


def test_an_old_address_says_where_the_feed_is_now(built_site, parsed):
    site_url = read_project(built_site.parent).site_url
    old = [path for path, feed in parsed.items() if feed.feed.title.endswith("(oud adres)")]
    assert len(old) > 10
    for path in old:
        feed = parsed[path]
        assert feed.feed.id == f"{site_url}{path}"
        (notice,) = feed.entries
        page = notice.link.removeprefix(site_url)
        assert page.startswith("volgen/") and (built_site / page / "index.html").is_file()
        new_address = re.search(r"op (https://\S+feed\.xml)", notice.summary).group(1)
        new = new_address.removeprefix(site_url)
        assert new != path and new in parsed, f"{path} points at {new}"
        assert not parsed[new].feed.title.endswith("(oud adres)")


def test_every_feed_has_a_page_that_explains_and_links_it(built_site, parsed):
    site_url = read_project(built_site.parent).site_url
    current = {p: f for p, f in parsed.items() if not f.feed.title.endswith("(oud adres)")}
    for path, feed in current.items():
        raw = (built_site / path).read_bytes()
        assert not XSL.search(raw), f"{path} asks for an XSL stylesheet"
        related = next(link.href for link in feed.feed.links if link.rel == "related")
        page = urljoin(path, related)
        assert page.startswith("volgen/"), path
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        assert f"<code>{site_url}{path}</code>" in html, "the page shows the address to copy"
        for words in ("Zo volgt u deze feed", "feedlezer", "per e-mail"):
            assert words in html, f"{page}: {words}"
        for entry in feed.entries[:3]:
            assert f'href="../../../{entry.link.removeprefix(site_url)}"' in html or (
                f'href="../../{entry.link.removeprefix(site_url)}"' in html
            ), f"{page} lists {entry.link}"
    assert not (built_site / "assets" / "feed.xsl").exists()


def test_the_site_offers_each_feed_by_its_page(built_site, parsed):
    follow = (built_site / "volgen" / "index.html").read_text(encoding="utf-8")
    linked = {urljoin("volgen/", h) for h in re.findall(r'href="([^"]+)"', follow)}
    current = [p for p, f in parsed.items() if not f.feed.title.endswith("(oud adres)")]
    for path in current:
        related = next(link.href for link in parsed[path].feed.links if link.rel == "related")
        assert urljoin(path, related) in linked, f"/volgen/ offers {path}"
    offered_xml = re.findall(r'<a [^>]*type="application/atom\+xml"', follow)
    assert not offered_xml, "people land on pages, not on XML"
    facet_page = (built_site / "acties" / "regio" / "zuid-holland" / "index.html").read_text()
    assert 'href="../../../volgen/regio/zuid-holland/"' in facet_page
    assert 'feed.xml" type="application/atom+xml"' not in facet_page


# ----------------------------------------------------------------------- dates from git


def test_a_shallow_clone_claims_no_dates_from_its_boundary(tmp_path):
    """The oldest commit of a shallow clone seems to add every file that day: it says
    nothing about when a file was added or last changed."""
    origin = tmp_path / "origin"
    content = origin / "content" / "actions"
    content.mkdir(parents=True)
    git(origin, "init", "-q")
    (content / "a.md").write_text("1")
    (content / "b.md").write_text("1")
    git(origin, "add", ".")
    git(origin, "commit", "-q", "-m", "Add a and b", date="2024-03-01T12:00:00Z")
    (content / "a.md").write_text("2")
    git(origin, "commit", "-q", "-am", "Change a", date="2024-04-01T12:00:00Z")
    (content / "c.md").write_text("1")
    git(origin, "add", ".")
    git(origin, "commit", "-q", "-m", "Add c", date="2024-05-01T12:00:00Z")
    full = entry_times(origin / "content")
    a, b = (content / "a.md").resolve(), (content / "b.md").resolve()
    assert full[a] == ("2024-03-01T12:00:00Z", "2024-04-01T12:00:00Z")
    assert full[b] == ("2024-03-01T12:00:00Z", "2024-03-01T12:00:00Z")

    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "2", f"file://{origin}", str(clone))
    shallow = entry_times(clone / "content")
    there = clone / "content" / "actions"
    # Changed after the boundary: known. Added after it: known. Only the boundary: unknown.
    assert shallow[(there / "c.md").resolve()] == ("2024-05-01T12:00:00Z",) * 2
    assert (there / "b.md").resolve() not in shallow
    assert (there / "a.md").resolve() not in shallow
    assert parse_times("", tmp_path, boundary=frozenset()) == {}


def test_feed_entries_take_their_dates_from_their_own_history(tmp_path, make_project):
    project = make_project(tmp_path / "project")
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "Eerste versie", date="2020-02-01T10:00:00Z")
    changed = next((project / "content" / "actions").glob("*.md"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nMeer tekst.\n", encoding="utf-8")
    git(project, "commit", "-q", "-am", "Tekst aangevuld", date="2030-06-15T10:30:00Z")
    build_site(project)
    feed = feedparser.parse((project / "site" / "feed.xml").read_bytes())
    site_url = read_project(project).site_url
    entry = next(e for e in feed.entries if e.id == f"{site_url}acties/{changed.stem}/")
    assert entry.published == "2020-02-01T10:00:00Z", "the commit that added the file"
    assert entry.updated == "2030-06-15T10:30:00Z", "its newest commit, later than its fields"
    assert feed.entries[0].id == entry.id and feed.feed.updated == entry.updated
    others = [e for e in feed.entries if e.id != entry.id]
    assert all(e.published == "2020-02-01T10:00:00Z" for e in others if "/acties/" in e.id)
