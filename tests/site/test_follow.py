"""Following the catalogue: every feed names the site's XSL stylesheet (so a browser shows
it as a Dutch page; tests/browser/test_following.py renders it), and /volgen/ lists every
feed the site has, with its count."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

import pytest

STYLESHEET = re.compile(r'<\?xml-stylesheet type="text/xsl" href="([^"]+)"\?>')
XSL = "{http://www.w3.org/1999/XSL/Transform}"


@pytest.fixture(scope="module")
def site(sample) -> Path:
    return sample / "site"


def feeds(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("feed.xml"))


def canonical_feeds(site: Path) -> list[Path]:
    """The feeds at their own address (not the copies left at old addresses)."""
    found = []
    for feed in feeds(site):
        root = ElementTree.parse(feed).getroot()
        own = root.find('{http://www.w3.org/2005/Atom}link[@rel="self"]').get("href")
        if own.endswith("/" + feed.relative_to(site).as_posix()):
            found.append(feed)
    return found


def test_every_feed_names_the_one_stylesheet_by_a_relative_address(site):
    found = feeds(site)
    assert len(found) > 10
    for feed in found:
        text = feed.read_text(encoding="utf-8")
        match = STYLESHEET.search(text.split("<feed", 1)[0])
        assert match, f"{feed} names no stylesheet before its root element"
        href = match.group(1)
        assert not href.startswith(("/", "http")), "works under any base path"
        target = urljoin(feed.relative_to(site).as_posix(), href)
        assert target == "assets/feed.xsl"
        ElementTree.fromstring(text.encode("utf-8"))


def test_the_stylesheet_makes_a_dutch_page_without_scripts_or_outside_files(site):
    xsl = site / "assets" / "feed.xsl"
    root = ElementTree.parse(xsl).getroot()
    assert root.tag == f"{XSL}stylesheet" and root.get("version") == "1.0"
    output = root.find(f"{XSL}output")
    assert output is not None and output.get("method") == "html"
    html = root.find(".//{*}html")
    assert html is not None and html.get("lang") == "nl"
    text = xsl.read_text(encoding="utf-8")
    assert "<script" not in text and "@import" not in text and "url(" not in text
    outside = set(re.findall(r'(?:href|src)="(https?://[^"]+)"', text))
    assert not outside
    for words in ("Wat is een feed?", "Zo volgt u deze feed", "per e-mail", "feedlezer"):
        assert words in text


def test_the_follow_page_lists_every_feed_of_the_site(site):
    page = (site / "volgen" / "index.html").read_text(encoding="utf-8")
    listed = set(re.findall(r'<a href="([^"]+)" type="application/atom\+xml">', page))
    resolved = {urljoin("volgen/", href) for href in listed}
    assert resolved == {p.relative_to(site).as_posix() for p in canonical_feeds(site)}
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
        r'regio/haaglanden/feed\.xml"[^>]*>Haaglanden</a> <span class="ab-count">\d+ act', page
    )


def test_the_catalogue_and_every_feed_lead_to_the_follow_page(site):
    catalogue = (site / "acties" / "index.html").read_text(encoding="utf-8")
    assert 'href="../volgen/"' in catalogue
    for feed in feeds(site):
        root = ElementTree.parse(feed).getroot()
        related = root.find('{http://www.w3.org/2005/Atom}link[@rel="related"]')
        assert related is not None
        target = urljoin(feed.relative_to(site).as_posix(), related.get("href"))
        assert target == "volgen/"
