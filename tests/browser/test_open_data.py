"""A regional programme lead takes the data along: the data page in Chromium, its
downloads, and the list she puts on her own site in an <iframe>."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from support.browser import axe_now, save_screenshot

pytestmark = pytest.mark.browser


def test_the_data_page_explains_and_offers_the_downloads(page, watch, tmp_path):
    page.goto("data/")
    assert page.get_by_role("heading", name="Open data", level=1).is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Alles in één spreadsheet").click()
    saved = tmp_path / "actiebank.xlsx"
    download.value.save_as(saved)
    workbook = load_workbook(saved, read_only=True)
    assert workbook.sheetnames == ["Acties", "Resultaten", "Verhalen"]
    headers = [c.value for c in next(workbook["Acties"].iter_rows(max_row=1))]
    shown = page.locator("#kolommen-acties + table tbody th").all_inner_texts()
    assert headers == shown, "every column of the sheet is explained, in order"
    save_screenshot(page, "data-page-desktop", full_page=True)
    assert not axe_now(page)


def test_the_embedded_list_works_inside_an_iframe_and_leads_back(page, watch):
    page.goto("data/")
    frame_element = page.locator("iframe.ab-embed-preview")
    frame_element.scroll_into_view_if_needed()
    frame = frame_element.content_frame
    items = frame.locator(".ab-embed__item")
    items.first.wait_for()
    assert 0 < items.count() <= 20
    heading = frame.locator("h1").inner_text()
    assert heading.startswith("Regio: ")
    # No cookies and nothing stored: a visitor of the programme's site is not followed.
    assert frame.locator("body").evaluate("() => document.cookie") == ""
    # The snippet on the page is the address the preview shows.
    snippet = page.locator(".ab-embed-code").inner_text()
    shown = re.search(r"insluiten/[a-z-]+/[a-z0-9-]+/", frame_element.get_attribute("src") or "")
    assert shown and f'{shown.group(0)}"' in snippet
    # A title in the list opens the action in the whole window, not inside the frame.
    title = items.first.locator("a").inner_text()
    items.first.locator("a").click()
    page.wait_for_url(re.compile(r"/acties/[a-z0-9-]+/$"))
    assert page.locator("h1").inner_text() == title


def test_the_embedded_list_on_a_phone(page, watch):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("insluiten/regio/zuid-holland/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    save_screenshot(page, "embed-phone", full_page=True)
    assert not axe_now(page)
