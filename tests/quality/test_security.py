"""The Content-Security-Policy holds on every page: scripts, styles, requests and frames
come from the site itself, and the theme's inline scripts run by their hashes."""

from __future__ import annotations

import re

import pytest

from actiebank.vocabulary import load_vocabularies
from support import SCHEMA_DIR
from support.gates import CSP_RECORDER, csp_violations
from support.sitemap import pages_to_audit

pytestmark = pytest.mark.browser

FACET_PATHS = tuple(f.path for f in load_vocabularies(SCHEMA_DIR / "vocabularies.yaml").facets)


@pytest.fixture
def recording_page(browser):
    contexts = []

    def open_page(viewport=None):
        context = browser.new_context(
            locale="nl-NL", viewport=viewport or {"width": 1280, "height": 800}
        )
        context.add_init_script(CSP_RECORDER)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def test_no_kind_of_page_breaks_its_policy(built_site, pages_server, recording_page):
    """In Chromium, every kind of page (support/sitemap.py, `pages_to_audit`) and the 404
    page run, load and fetch nothing their policy blocks, and each has a strict policy.
    That every page the build writes has one and holds nothing it blocks is read from the
    files (test_site.py, test_every_page_has_a_strict_policy_and_nothing_it_blocks)."""
    server = pages_server(built_site)
    page = recording_page()
    found = []
    for path in pages_to_audit(built_site, FACET_PATHS)["desktop"]:
        found += csp_violations(page, server.root + path)
    found += csp_violations(page, server.root + "deze-pagina-bestaat-niet/", status=404)
    assert not found, "\n".join(found)


def test_a_visitor_journey_with_instant_navigation_breaks_no_policy(
    built_site, pages_server, recording_page
):
    # Material swaps pages without reloading: the first page's policy must allow what
    # every later page runs, at every folder depth.
    server = pages_server(built_site)
    page = recording_page()
    page.goto(server.root, wait_until="load")
    # The home page's way to the whole catalogue says how many actions there are.
    page.get_by_role("link", name=re.compile(r"^Bekijk alle \d+ acties$")).click()
    page.wait_for_url("**/acties/")
    page.locator("fieldset[data-ab-facet=succesfactor] input").first.check()
    page.locator(".ab-card:not([hidden]) .ab-card__title a").first.click()
    page.wait_for_url("**/acties/*/")
    page.locator(".ab-facts a").first.click()
    page.wait_for_load_state("load")
    page.go_back()
    page.wait_for_url("**/acties/*/")
    page.wait_for_load_state("load")
    # Site search: Pagefind fetches its script, WebAssembly and index from the site itself.
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("flexpool")
    page.wait_for_selector(".ab-search__item", timeout=30_000)
    page.goto(server.root + "verhalen/", wait_until="load")
    page.locator(".ab-case-card a").first.click()
    page.wait_for_load_state("load")
    assert csp_violations(page) == []


def test_the_gate_reports_a_script_the_policy_does_not_allow(
    site_copy, pages_server, recording_page
):
    site = site_copy()
    target = site / "over" / "index.html"
    html = target.read_text(encoding="utf-8")
    target.write_text(
        html.replace(
            "</article>",
            "<script>document.title='x'</script><p style=\"color:red\">x</p></article>",
            1,
        ),
        encoding="utf-8",
    )
    server = pages_server(site)

    found = csp_violations(recording_page(), server.root + "over/")

    assert any("script-src" in line for line in found), found
    assert any("style-src" in line for line in found), found
