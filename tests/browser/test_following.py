"""Following the Actiebank as a visitor meets it: a feed's page leads to every feed,
/volgen/ lists every feed by the page that explains it, and an action page with its
citation, history and JSON-LD is accessible and quiet in the console. A feed's page itself,
on a phone and a laptop, is in test_feed_pages.py. The `watch` fixture fails a test on any
request to another host and any console error."""

from __future__ import annotations

import pytest

from support.browser import axe_now, save_screenshot

pytestmark = pytest.mark.browser


def test_the_feed_page_leads_to_every_feed(page, watch, base_url):
    page.goto(f"{base_url}volgen/regio/zuid-holland/")
    page.get_by_role("link", name="Alle feeds van de Actiebank").click()
    page.wait_for_url("**/volgen/")
    assert page.locator("h1").inner_text() == "Volgen wat er nieuw is"


def test_the_follow_page_lists_feeds_by_factor_province_and_region(
    page, watch, base_url, built_site
):
    page.goto(f"{base_url}acties/")
    page.wait_for_selector("[data-ab-catalogue][data-ab-ready]", state="attached")
    # Followed from the keyboard: the link stands below 48 cards, and on a loaded machine
    # a pointer click there landed while the list above it was still moving.
    link = page.get_by_role("link", name="Volg de Actiebank met een feed")
    assert link.is_visible()
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/volgen/")
    for heading in ("Alles", "Per succesfactor", "Per provincie", "Per regio"):
        assert page.get_by_role("heading", name=heading, exact=True).is_visible()
    links = page.locator(".ab-feed-list a").evaluate_all("as => as.map(a => a.href)")
    assert len(links) > 20
    # Each feed by its page (what it is, its address, how to subscribe), not the XML.
    for href in links:
        path = href.removeprefix(base_url)
        assert path.startswith("volgen/") and path.endswith("/"), href
        assert (built_site / path / "index.html").is_file(), href
    assert f"{base_url}volgen/regio/zuid-holland/" in links
    assert f"{base_url}volgen/alles/" in links
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
