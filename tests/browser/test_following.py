"""Following the Actiebank as a visitor meets it: a feed opened in the browser reads as a
Dutch page (the feed's XSL stylesheet, applied by Chromium), /volgen/ lists every feed,
and an action page with its citation, history and JSON-LD is accessible and quiet in the
console. The `watch` fixture fails a test on any request to another host and any console
error."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from support.browser import axe_now, save_screenshot

pytestmark = pytest.mark.browser

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = [
    "feed.xml",
    "acties/regio/zuid-holland/feed.xml",
    "acties/succesfactor/onboarding/feed.xml",
]


def entry_titles(built_site, feed: str) -> list[str]:
    root = ElementTree.parse(built_site / feed).getroot()
    return [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]


@pytest.mark.parametrize("feed", FEEDS)
def test_a_feed_opened_in_the_browser_reads_as_a_dutch_page(
    page, watch, base_url, built_site, feed
):
    titles = entry_titles(built_site, feed)
    assert titles, f"{feed} has no entries to show"
    page.goto(f"{base_url}{feed}")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("h1").count() == 1
    assert page.get_by_role("heading", name="Wat is een feed?").is_visible()
    assert page.get_by_role("heading", name="Zo volgt u deze feed").is_visible()
    shown = page.locator(".ab-feed-entries h3").all_inner_texts()
    assert shown == titles
    # Each entry links to its page and shows its date in Dutch.
    first = page.locator(".ab-feed-entries li").first
    assert first.locator("a").get_attribute("href").startswith("http")
    assert "Bijgewerkt op " in first.inner_text()
    save_screenshot(page, "feed-" + feed.replace("/", "-"), full_page=True)
    # Chromium puts its own notice about XSLT's future above the page: not the site's.
    page.evaluate("document.querySelectorAll('xslt-warning-banner').forEach(b => b.remove())")
    assert not axe_now(page, feed)


def test_the_feed_page_leads_to_every_feed(page, watch, base_url):
    page.goto(f"{base_url}acties/regio/zuid-holland/feed.xml")
    page.get_by_role("link", name="Alle feeds van de Actiebank").click()
    page.wait_for_url("**/volgen/")
    assert page.locator("h1").inner_text() == "Volgen wat er nieuw is"


def test_the_follow_page_lists_feeds_by_factor_province_and_region(
    page, watch, base_url, built_site
):
    page.goto(f"{base_url}acties/")
    page.get_by_role("link", name="Volg de Actiebank met een feed").click()
    page.wait_for_url("**/volgen/")
    for heading in ("Alles", "Per succesfactor", "Per provincie", "Per regio"):
        assert page.get_by_role("heading", name=heading, exact=True).is_visible()
    links = page.locator(".ab-feed-list a").evaluate_all("as => as.map(a => a.href)")
    assert len(links) > 20
    for href in links:
        path = href.removeprefix(base_url)
        assert (built_site / path).is_file(), href
    assert f"{base_url}acties/regio/zuid-holland/feed.xml" in links
    assert not axe_now(page, "/volgen/")
    save_screenshot(page, "volgen", full_page=True)


def test_an_action_page_with_citation_history_and_linked_data_is_accessible(page, watch, base_url):
    page.goto(f"{base_url}acties/brabant-buddysysteem/")
    citation = page.locator(".ab-cite__text")
    assert "Actiebank, versie van" in citation.inner_text()
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert not axe_now(page, "action page")
    page.locator(".ab-cite").scroll_into_view_if_needed()
    save_screenshot(page, "action-cite")
