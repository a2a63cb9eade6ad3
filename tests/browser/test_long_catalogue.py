"""A long catalogue: the page carries the first 48 cards, the script draws the rest from
the card data on request ("Toon meer"), and the browser lays out at most 48 matches at a
time after a filter click: layout of every visible card is what a click costs
(bench/README.md)."""

import subprocess
import sys

import pytest

from support import ROOT, build_site
from support.server import PagesServer

pytestmark = [pytest.mark.browser, pytest.mark.slow]  # builds a catalogue of its own


@pytest.fixture(scope="module")
def long_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("long") / "project"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "generate.py"),
            str(project),
            "--actions",
            "110",
            "--cases",
            "3",
            "--images",
            "2",
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    build_site(project)
    server = PagesServer(project / "site")
    yield server.root
    server.close()


def shown(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-ab-results] [data-slug]:not([hidden])", "cards => cards.map(c => c.dataset.slug)"
    )


def test_first_48_then_more_on_request_and_a_filter_starts_again(page, long_site):
    page.goto(f"{long_site}acties/")
    more = page.locator("[data-ab-more]")
    assert page.locator("[data-ab-count-text]").inner_text().startswith("110 ")
    assert len(shown(page)) == 48
    assert more.is_visible() and more.inner_text() == "Toon 48 acties meer"

    first = shown(page)
    more.click()
    page.wait_for_function(
        "() => document.querySelectorAll('[data-ab-results] [data-slug]').length === 96"
    )
    assert shown(page)[:48] == first and len(shown(page)) == 96
    assert (
        page.evaluate("document.activeElement.closest('[data-slug]').dataset.slug")
        == shown(page)[48]
    )
    more.click()
    page.wait_for_function(
        "() => document.querySelectorAll('[data-ab-results] [data-slug]').length === 110"
    )
    assert len(shown(page)) == 110 and not more.is_visible()

    box = page.locator("input[type=checkbox][name=status]").first
    box.check()
    page.wait_for_function(
        "() => document.querySelector('[data-ab-catalogue]').dataset.abShows"
        " === location.pathname + location.search"
    )
    matches = int(page.locator("[data-ab-count-text]").inner_text().split()[0])
    assert len(shown(page)) == min(matches, 48)
    assert more.is_visible() == (matches > 48)
