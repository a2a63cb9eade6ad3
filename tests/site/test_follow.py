"""Following the catalogue: /volgen/ lists every feed the site has, with its count, and
links each feed's own page (/volgen/<filter>/<value>/, /volgen/alles/), where people land
and find the feed's address; every feed links back to that page. That the feeds are plain
Atom without a stylesheet is in test_feed_readers.py, the pages in a browser in
tests/browser/test_feed_pages.py."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

import pytest

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(sample) -> Path:
    return sample / "site"


def feeds(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("feed.xml"))


def link(feed: Path, rel: str) -> str:
    root = ElementTree.parse(feed).getroot()
    found = root.find(f'{ATOM}link[@rel="{rel}"]')
    assert found is not None, f"{feed} has no {rel} link"
    return found.get("href")


def canonical_feeds(site: Path) -> list[Path]:
    """The feeds at their own address, beside the page that lists the same items (not the
    notices left at old addresses, which point to the page at the new one)."""
    return [
        feed
        for feed in feeds(site)
        if link(feed, "self").removesuffix("feed.xml") == link(feed, "alternate")
    ]


def page_of(feed: Path, site: Path) -> str:
    """A feed's page, by the site's addresses: feed.xml -> volgen/alles/,
    acties/<filter>/<value>/feed.xml -> volgen/<filter>/<value>/."""
    path = feed.relative_to(site).as_posix()
    if path == "feed.xml":
        return "volgen/alles/"
    return "volgen/" + path.removeprefix("acties/").removesuffix("feed.xml")


def test_the_follow_page_lists_every_feed_of_the_site(site):
    page = (site / "volgen" / "index.html").read_text(encoding="utf-8")
    # A feed is offered by its page, which says what a feed is and how to follow it (the
    # head still names the site feed for readers that discover it).
    body = page.split("<body", 1)[1]
    assert "application/atom+xml" not in body
    assert not re.search(r'<a [^>]*href="[^"]*feed\.xml"', body)
    listed = re.findall(r'<li><a href="([^"]+)">[^<]+</a> <span class="ab-count">', page)
    resolved = [urljoin("volgen/", href) for href in listed]
    assert len(resolved) == len(set(resolved))
    found = canonical_feeds(site)
    assert len(found) > 10
    assert set(resolved) == {page_of(feed, site) for feed in found}
    for feed in found:
        address = link(feed, "self")
        feed_page = (site / page_of(feed, site) / "index.html").read_text(encoding="utf-8")
        assert f"<code>{address}</code>" in feed_page, f"{feed} on its page"
    for heading in ("Alles", "Per succesfactor", "Per provincie", "Per regio"):
        assert f">{heading}</h2>" in page
    # A filter whose name does not follow "per" has its own noun in the vocabularies.
    for heading in ("Per bewijsniveau", "Per kostenniveau", "Per meting"):
        assert f">{heading}</h2>" in page
    assert ">Per kosten</h2>" not in page and ">Per gemeten op</h2>" not in page
    facet_page = (site / "acties" / "kosten" / "index.html").read_text(encoding="utf-8")
    assert "<title>Acties per kostenniveau - Actiebank</title>" in facet_page
    # A region with its count: the sample has actions in Haaglanden.
    assert re.search(
        r'<a href="\.\./volgen/regio/haaglanden/">Haaglanden</a> <span class="ab-count">\d+ act',
        page,
    )


def test_the_catalogue_and_every_feed_lead_to_the_follow_pages(site):
    catalogue = (site / "acties" / "index.html").read_text(encoding="utf-8")
    assert 'href="../volgen/"' in catalogue
    canonical = canonical_feeds(site)
    assert len(canonical) < len(feeds(site))  # the sample has old addresses too
    for feed in feeds(site):
        # A feed names its own page (a feed at an old address, the page of the new one),
        # which leads on to the follow page.
        target = urljoin(feed.relative_to(site).as_posix(), link(feed, "related"))
        if feed in canonical:
            assert target == page_of(feed, site), feed
        feed_page = (site / target / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<a href="(\.\./)+volgen/">Alle feeds van de Actiebank</a>', feed_page)
