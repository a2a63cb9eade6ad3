"""A visitor who wants to follow a region lands on the feed's page, on a phone and on a
laptop (issue 24, item 12): no browser notice about XSLT, the address to copy, how to
subscribe, the newest entries; accessible by axe. And a CSV download of a selection opens
in Excel as UTF-8 (item 9): it starts with the byte-order mark the full file has."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.browser import axe_now, save_screenshot

pytestmark = pytest.mark.browser

PAGE = "volgen/regio/zuid-holland/"


@pytest.mark.parametrize("width", [390, 1366])
def test_a_feed_page_explains_the_feed_on_a_phone_and_a_laptop(page, watch, base_url, width):
    page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
    page.goto(f"{base_url}acties/regio/zuid-holland/")
    page.get_by_role("link", name="Volg deze acties met een feed").click()
    page.wait_for_url(f"**/{PAGE}")
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Feed: regio Zuid-Holland"
    box = heading.bounding_box()
    assert box and box["y"] >= 0 and box["x"] + box["width"] <= width, "the title is in view"
    assert page.locator("xslt-warning-banner").count() == 0
    address = page.locator(".ab-feed-address code")
    assert address.inner_text().endswith("/acties/regio/zuid-holland/feed.xml")
    code_box = address.bounding_box()
    assert code_box and code_box["x"] + code_box["width"] <= width, "the address wraps"
    assert page.get_by_role("heading", name="Zo volgt u deze feed").is_visible()
    entries = page.locator(".ab-feed-entries li")
    assert entries.count() > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    save_screenshot(page, f"feed-page-{width}", full_page=True)
    assert not axe_now(page, f"{PAGE} at {width}px")
    entries.first.locator("a").click()
    page.wait_for_url("**/acties/*/")


def test_a_feed_itself_is_plain_xml_without_a_stylesheet(page, watch, base_url):
    response = page.goto(f"{base_url}acties/regio/zuid-holland/feed.xml")
    assert response and response.ok
    assert b"xml-stylesheet" not in response.body()
    assert page.locator("xslt-warning-banner").count() == 0


def test_a_downloaded_selection_starts_with_the_byte_order_mark(page, watch, base_url):
    page.goto(f"{base_url}acties/regio/zuid-holland/")
    link = page.locator("a[data-ab-download]").first
    with page.expect_download() as download:
        link.click()
    raw = Path(download.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel reads it as UTF-8: 'ë', not 'Ã«'"
    text = raw.decode("utf-8-sig")
    assert text.startswith("Titel;") and text.count("\r\n") > 1
