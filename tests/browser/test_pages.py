"""Every kind of page as a visitor meets it in a real browser, on a desktop (1280x800)
and a phone (390x844): the whole page loads, fits the screen, shows its images, and the
catalogue works by keyboard alone. The `watch` fixture fails a test on any request to
another host and any console error.

The catalogue's filter logic in depth is tests/browser/test_catalogue.py's business;
here each control is used once, the way a visitor would, with the keyboard.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from actiebank.site.ordering import title_key
from actiebank.vocabulary import load_vocabularies
from support import SCHEMA_DIR
from support.sitemap import sitemap_pages

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
# The catalogue's filters, from the one registry in the vocabularies file.
FACET_PATHS = tuple(f.path for f in load_vocabularies(SCHEMA_DIR / "vocabularies.yaml").facets)

VISIBLE_CARDS = "[data-ab-results] > li.ab-card"
# The text filter's value is in the address (under whatever key the script uses).
IN_ADDRESS = "w => [...new URL(location).searchParams.values()].includes(w)"


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request, page):
    page.set_viewport_size(VIEWPORTS[request.param])
    return request.param


@pytest.fixture(scope="module")
def site_pages(built_site) -> list[str]:
    """The sitemap's pages as paths from the site root ('' is home)."""
    return sitemap_pages(built_site)


def first_page(site_pages, pattern: str) -> str:
    matches = [p for p in site_pages if re.fullmatch(pattern, p)]
    assert matches, f"no page in the sitemap matches {pattern}"
    return matches[0]


def assert_whole_page(page, viewport: str) -> None:
    """What every page owes a visitor: Dutch, a title and one h1, nothing wider than the
    screen, every image that was asked for actually shown."""
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.title().strip()
    assert page.locator("h1").count() == 1, "a page has exactly one h1"
    assert page.locator("h1").first.is_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than the {viewport} screen"
    broken = page.evaluate("""() => [...document.images]
        .filter(img => img.loading !== "lazy" && !(img.complete && img.naturalWidth > 0))
        .map(img => img.currentSrc || img.src)""")
    assert not broken, f"images that did not load: {broken}"
    description = page.locator('meta[name="description"]').get_attribute("content")
    assert description and len(description) > 20


def visible_cards(page) -> list[str]:
    return page.eval_on_selector_all(
        VISIBLE_CARDS, "cards => cards.filter(c => c.checkVisibility()).map(c => c.dataset.slug)"
    )


def shown_count(page) -> int:
    text = page.locator("[data-ab-count-text]").inner_text()
    return int(re.match(r"\s*(\d+)", text).group(1))


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def tab_to(page, selector: str, limit: int = 400) -> None:
    """Press Tab until the element matching `selector` has the focus, as a keyboard
    user would, and check that the focus is visible there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "s => document.activeElement && document.activeElement.matches(s)", selector
        ):
            ring = page.evaluate("""() => {
                const s = getComputedStyle(document.activeElement);
                return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0)
                    || s.boxShadow !== "none"; }""")
            assert ring, f"{selector} has the keyboard focus but no visible focus ring"
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_home_page(page, watch, base_url, viewport):
    page.goto(f"{base_url}")
    assert_whole_page(page, viewport)
    catalogue = page.locator('.md-content a[href$="acties/"]').first
    assert catalogue.is_visible(), "the home page links to the catalogue"
    catalogue.click()
    page.wait_for_url(re.compile(r"/acties/$"))
    assert page.locator(VISIBLE_CARDS).count() > 0


# The cards the catalogue lays out at a time ("Toon 48 acties meer" shows the next).
FIRST_CARDS = 48


def open_catalogue(page, url: str) -> None:
    """The catalogue with its script in charge: a box ticked before that would not filter."""
    page.goto(url)
    page.wait_for_selector("[data-ab-catalogue][data-ab-ready]", state="attached")


# The catalogue shows what its address says: the script writes the state it has drawn
# into data-ab-shows (catalogue.js, `settled`) after the address changed.
SHOWS_ADDRESS = (
    "() => document.querySelector('[data-ab-catalogue]').dataset.abShows"
    " === location.pathname + location.search"
)


def drawn(page) -> None:
    """Wait until the list shows the address's state: the first tick fetches the card
    data, so the list can follow the click a moment later."""
    page.wait_for_function(SHOWS_ADDRESS)


def open_filters(page, keyboard: bool = False) -> None:
    """On a phone the filters wait in a panel behind the "Filters" button: open it."""
    toggle = page.locator("[data-ab-show-filters]")
    if not toggle.is_visible() or toggle.get_attribute("aria-expanded") == "true":
        return
    if keyboard:
        tab_to(page, "[data-ab-show-filters]")
        page.keyboard.press("Enter")
    else:
        toggle.click()
    page.locator("fieldset[data-ab-facet]").first.wait_for()


def first_visible_box(page, facet: str):
    """The first checkbox a visitor sees in a group (long groups hide their rarer values)."""
    return page.locator(
        f'fieldset[data-ab-facet="{facet}"] input[type=checkbox] >> visible=true'
    ).first


def test_catalogue_every_facet_text_sort_url_back_and_clear(page, watch, base_url, viewport):
    open_catalogue(page, f"{base_url}acties/")
    assert_whole_page(page, viewport)
    everything = visible_cards(page)
    # The list lays out the first FIRST_CARDS; the count says how many there are in all.
    assert everything and len(everything) == min(shown_count(page), FIRST_CARDS)

    open_filters(page)
    facets = page.locator("fieldset[data-ab-facet]")
    names = [facets.nth(i).get_attribute("data-ab-facet") for i in range(facets.count())]
    assert set(names) == set(FACET_PATHS), f"facets on the catalogue: {names}"
    for name in names:
        box = first_visible_box(page, name)
        value = box.get_attribute("value")
        box.check()
        drawn(page)
        chosen = visible_cards(page)
        assert 0 < len(chosen) <= len(everything), f"{name}={value} shows {len(chosen)}"
        assert len(chosen) == min(shown_count(page), FIRST_CARDS)
        assert query(page).get(name) == [value], f"{name}={value} is not in {page.url}"
        box.uncheck()
        drawn(page)
        assert visible_cards(page) == everything
        assert name not in query(page)

    # Text: a word from one card's title finds that card.
    first = page.locator(VISIBLE_CARDS).first
    slug = first.get_attribute("data-slug")
    word = max(re.findall(r"\w{5,}", first.locator(".ab-card__title").inner_text()), key=len)
    page.locator("#ab-zoek").fill(word)
    page.wait_for_function(IN_ADDRESS, arg=word)
    found = visible_cards(page)
    assert slug in found and len(found) <= len(everything)

    # Sort by title: the visible titles in Dutch alphabetical order, also in the URL.
    page.locator("#ab-zoek").fill("")
    page.locator("#ab-sort").select_option("titel")
    titles = page.eval_on_selector_all(
        VISIBLE_CARDS + " .ab-card__title",
        "hs => hs.filter(h => h.checkVisibility()).map(h => h.textContent.trim())",
    )
    # As the site defines a Dutch reader's order ("'s Heeren Loo" under s; ordering.py).
    assert titles == sorted(titles, key=title_key)
    assert query(page).get("sort") == ["titel"]

    # URL state: a filtered address, opened afresh, shows the same selection.
    name = names[1]
    box = first_visible_box(page, name)
    value = box.get_attribute("value")
    box.check()
    drawn(page)
    filtered, address = visible_cards(page), page.url
    open_catalogue(page, address)
    assert page.locator(f'fieldset[data-ab-facet="{name}"] input[value="{value}"]').is_checked()
    assert page.locator("#ab-sort").input_value() == "titel"
    assert visible_cards(page) == filtered

    # Back from an action restores the filtered list.
    page.locator(VISIBLE_CARDS + " .ab-card__title a >> visible=true").first.click()
    page.wait_for_url(re.compile(r"/acties/[a-z0-9-]+/$"))
    page.go_back()
    page.wait_for_url(address)
    drawn(page)
    assert visible_cards(page) == filtered

    # Clear: everything again, nothing left in the address.
    page.locator("[data-ab-clear]").click()
    drawn(page)
    assert sorted(visible_cards(page)) == sorted(everything)
    assert not any(query(page).get(n) for n in names)
    assert page.locator("fieldset[data-ab-facet] input:checked").count() == 0


def test_catalogue_by_keyboard_alone(page, watch, base_url, viewport):
    open_catalogue(page, f"{base_url}acties/")
    everything = visible_cards(page)

    tab_to(page, "#ab-zoek")
    first_title = page.locator(VISIBLE_CARDS + " .ab-card__title").first.inner_text()
    word = max(re.findall(r"\w{5,}", first_title), key=len)
    page.keyboard.type(word)
    page.wait_for_function(IN_ADDRESS, arg=word)
    assert 0 < len(visible_cards(page)) <= len(everything)
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.wait_for_function(f"w => !({IN_ADDRESS})(w)", arg=word)

    open_filters(page, keyboard=True)
    tab_to(page, "fieldset[data-ab-facet] input[type=checkbox]")
    name = page.evaluate("document.activeElement.name")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    assert name in query(page)
    chosen = visible_cards(page)
    assert 0 < len(chosen) <= len(everything)

    tab_to(page, "[data-ab-clear]")
    page.keyboard.press("Enter")
    assert sorted(visible_cards(page)) == sorted(everything)

    tab_to(page, VISIBLE_CARDS + " .ab-card__title a")
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert page.locator("h1").is_visible()


def test_action_page(page, watch, base_url, viewport, site_pages):
    path = first_page(site_pages, r"acties/(?!({})/)[a-z0-9-]+/".format("|".join(FACET_PATHS)))
    page.goto(f"{base_url}{path}")
    assert_whole_page(page, viewport)
    assert page.locator("article.ab-action").is_visible()
    assert page.locator(".ab-facts dl").is_visible(), "the facts at a glance are shown"
    back = page.locator('.md-content a[href$="acties/"]').first
    back.click()
    page.wait_for_url(re.compile(r"/acties/$"))


def test_case_page(page, watch, base_url, viewport, site_pages):
    path = first_page(site_pages, r"verhalen/[a-z0-9-]+/")
    page.goto(f"{base_url}{path}")
    assert_whole_page(page, viewport)
    action = page.locator('.md-content a[href*="acties/"]').first
    assert action.is_visible(), "a case story links to the actions it tells about"
    action.click()
    page.wait_for_url(re.compile(r"/acties/[a-z0-9-]+/"))
    assert page.locator("h1").is_visible()


def test_facet_page(page, watch, base_url, viewport, site_pages):
    path = first_page(site_pages, r"acties/regio/[a-z0-9-]+/")
    page.goto(f"{base_url}{path}")
    assert_whole_page(page, viewport)
    cards = page.locator(".md-content li.ab-card")
    assert cards.count() > 0
    listed = int(re.match(r"\s*(\d+)", page.locator(".ab-result-count").inner_text()).group(1))
    assert listed >= cards.count()
    # "Verder filteren" opens the catalogue with this facet value chosen.
    page.locator('.md-content a[href*="acties/?regio="]').first.click()
    page.wait_for_url(re.compile(r"/acties/\?regio="))
    assert page.locator('fieldset[data-ab-facet="regio"] input:checked').count() == 1


def test_not_found_page(page, watch, base_url, viewport, built_site):
    """GitHub Pages answers a missing address with 404.html, whose links start at the
    published path (/actiebank/); the test server answers the same way."""
    missing = f"{base_url}bestaat-niet/"
    response = page.goto(missing)
    assert response.status == 404
    assert_whole_page(page, viewport)
    assert "niet gevonden" in page.locator("h1").inner_text().lower()
    page.locator('.md-content a[href$="acties/"]').click()
    page.wait_for_url(re.compile(r"/acties/$"))
    assert page.locator(VISIBLE_CARDS).count() > 0
    # The one console message a 404 page is meant to cause is its own status; any
    # other failed load (an asset of the 404 page) stays and fails the test.
    own = next(e for e in watch.console_errors if "status of 404" in e)
    watch.console_errors.remove(own)
