"""Site search as a visitor uses it, in Chromium on the real site: the field in the header,
Pagefind's index under /pagefind/, results with their kind, summary and facets.

Words come from the project's own content, so the tests follow the catalogue as it grows:
a word of an action's title, a Dutch synonym of one of its values that its text does not
contain, a common word for the ranking and the filters.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from actiebank.site.facets import build_facet_index
from support import ROOT, catalogue_of

pytestmark = pytest.mark.browser

FIELD = "[data-ab-search-input]"
STATUS = "[data-ab-search-status]"
RESULTS = "[data-ab-search-results] > li"
RESULT_LINKS = "[data-ab-search-results] a"
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "test-results" / "screenshots"


@pytest.fixture(scope="module")
def catalogue():
    return catalogue_of(ROOT / "content")


def words_of(text: str) -> set[str]:
    return set(re.findall(r"[a-zà-ÿ]+", text.lower()))


def text_of(entry) -> str:
    return f"{entry.title} {entry.summary} {entry.body}".lower()


@pytest.fixture(scope="module")
def synonym_only(catalogue):
    """(synonym, action slug): the action carries a value with this Dutch synonym, and no
    entry's own text contains the word, so only the synonym can find it."""
    index = build_facet_index(catalogue)
    texts = [text_of(e) for e in [*catalogue.actions.values(), *catalogue.cases.values()]]
    for slug in catalogue.actions:
        for name, values in index.carried[slug].items():
            for value in values:
                for synonym in index[name].term(value).synonyms:
                    if re.fullmatch(r"[a-z]{5,}", synonym) and not any(
                        synonym in text for text in texts
                    ):
                        return synonym, slug
    pytest.skip("no synonym that only the vocabularies file knows")


def open_search(page) -> None:
    if page.locator("[data-ab-search-open]").is_visible():
        page.locator("[data-ab-search-open]").click()
    else:
        page.locator(FIELD).click()


def search(page, words: str) -> list[str]:
    """Type words into the header's field; the addresses of every result, in order."""
    open_search(page)
    page.locator(FIELD).fill(words)
    page.wait_for_function(
        "w => document.querySelector('[data-ab-search-status]').textContent.includes(w)",
        arg=words,
    )
    more = page.locator("[data-ab-search-more]")
    while more.is_visible():
        shown = page.locator(RESULTS).count()
        more.click()
        page.wait_for_function(
            f"() => document.querySelectorAll('[data-ab-search-results] > li').length > {shown}"
        )
    return [
        urlsplit(href).path
        for href in page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.href)")
    ]


def test_a_dutch_word_finds_the_action_with_its_kind_summary_and_facets(
    page, watch, base_url, catalogue
):
    action = catalogue.actions["brabant-flexpool"]
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + "acties/")
    assert not [r for r in requests if "/pagefind/" in r], "nothing is fetched before a search"
    found = search(page, "flexpools")  # the plural: Dutch stemming finds 'flexpool'
    root = urlsplit(base_url).path
    assert f"{root}acties/brabant-flexpool/" in found
    item = page.locator(RESULTS).filter(has=page.locator("a[href$='/acties/brabant-flexpool/']"))
    assert item.locator(".ab-search__kind").inner_text().lower() == "actie"
    assert item.locator(".ab-search__title").inner_text() == action.title
    assert item.locator(".ab-search__summary").inner_text() == action.summary
    traits = item.locator(".ab-search__traits").inner_text()
    factor = catalogue.vocabularies["success_factor"].label(action.data["success_factors"][0])
    assert factor in traits.split(" · ")
    assert re.fullmatch(r"\d+ resultaten voor ‘flexpools’", page.locator(STATUS).inner_text())
    # The index comes in small parts (Material's whole-index file is gone).
    assert not [r for r in requests if r.endswith("search_index.json")]
    assert any("/pagefind/" in r and r.endswith(".pf_index") for r in requests)


def test_a_synonym_from_the_vocabularies_finds_the_action(page, watch, base_url, synonym_only):
    synonym, slug = synonym_only
    page.goto(base_url)
    assert f"/acties/{slug}/" in " ".join(search(page, synonym))


def test_stories_are_found_and_shown_as_stories(page, watch, base_url, catalogue):
    case = next(iter(catalogue.cases.values()))
    page.goto(base_url)
    found = search(page, case.title)
    assert found and found[0].endswith(f"/verhalen/{case.slug}/")
    assert page.locator(RESULTS).first.locator(".ab-search__kind").inner_text().lower() == "verhaal"


def test_the_field_reference_ranks_below_every_action_and_story(page, watch, base_url):
    page.goto(base_url)
    for word in ("onboarding", "regio", "kosten"):
        found = search(page, word)
        entries = [i for i, url in enumerate(found) if re.search(r"/(acties|verhalen)/", url)]
        reference = [i for i, url in enumerate(found) if url.endswith("/bijdragen/velden/")]
        assert entries, word
        assert not reference or reference[0] > max(entries), (word, found)


def test_filters_narrow_the_results(page, watch, base_url):
    page.goto(base_url)
    everything = search(page, "zorg")
    page.locator("[data-ab-search-refine] > summary").click()
    kind = page.get_by_role("combobox", name="Soort")
    kind.wait_for()
    # Every facet the search offers, with the catalogue's own labels.
    names = page.locator(".ab-search__filter-name").all_inner_texts()
    assert names[0] == "Soort" and {"Regio", "Sector", "Succesfactor"} <= set(names)
    # Opened after the search, the numbers count that search's results.
    counts = {
        label.rsplit(" (", 1)[0]: int(label.rsplit(" (", 1)[1].rstrip(")"))
        for label in kind.locator("option").all_inner_texts()[1:]
    }
    assert sum(counts.values()) == len(everything), counts
    kind.select_option("Verhaal")
    page.wait_for_function(
        "n => !document.querySelector('[data-ab-search-status]').textContent.startsWith(n + ' ')",
        arg=str(len(everything)),
    )
    stories = list(search(page, "zorg"))
    assert 0 < len(stories) < len(everything)
    assert len(stories) == counts["Verhaal"]
    results = "resultaat" if len(stories) == 1 else "resultaten"
    status = f"{len(stories)} {results} voor ‘zorg’ met deze filters"
    assert page.locator(STATUS).inner_text() == status
    assert all("/verhalen/" in url for url in stories)
    kinds = page.locator(".ab-search__kind").all_inner_texts()
    assert {k.lower() for k in kinds} == {"verhaal"}
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "search-filters.png"))


def test_search_works_with_the_keyboard_alone(page, watch, base_url):
    page.goto(base_url + "over/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('[data-ab-search-input]')")
    page.keyboard.type("buddy")
    page.wait_for_function(
        "() => document.querySelectorAll('[data-ab-search-results] a').length > 1"
    )
    links = page.locator(RESULT_LINKS)
    page.keyboard.press("ArrowDown")
    assert page.evaluate(
        "document.activeElement === document.querySelector('[data-ab-search-results] a')"
    )
    page.keyboard.press("ArrowDown")
    second = links.nth(1).get_attribute("href")
    assert page.evaluate("document.activeElement.getAttribute('href')") == second
    # The focused result is visibly marked.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('[data-ab-search-input]')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert not page.locator(RESULT_LINKS).first.is_visible()
    page.keyboard.type("s")  # typing again opens the results again
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.wait_for_function(
        "() => document.querySelector('[data-ab-search-status]').textContent.includes('buddys')"
    )
    first = links.first.get_attribute("href")
    page.keyboard.press("Enter")  # the first result
    page.wait_for_url(lambda url: urlsplit(url).path == urlsplit(first).path)


def test_search_on_a_phone(page, watch, base_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + "acties/")
    opener = page.locator("[data-ab-search-open]")
    assert opener.is_visible()
    box = opener.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    opener.click()
    field = page.locator(FIELD)
    assert field.is_visible()
    assert page.evaluate("document.activeElement.matches('[data-ab-search-input]')")
    field.fill("buddy")
    first = page.locator(RESULT_LINKS).first
    first.wait_for()
    assert first.is_visible()
    width = page.evaluate(
        "document.querySelector('.md-search__output').getBoundingClientRect().width"
    )
    assert width <= 390
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "search-phone.png"))
    target = urlsplit(first.get_attribute("href")).path
    first.click()
    page.wait_for_url(lambda url: urlsplit(url).path == target)
    assert not page.evaluate("document.getElementById('__search').checked")


def test_the_open_search_has_no_accessibility_violation(page, watch, base_url):
    page.add_init_script(path=str(AXE_SCRIPT))  # as a script of its own: the policy holds
    for viewport in ({"width": 1280, "height": 800}, {"width": 390, "height": 844}):
        page.set_viewport_size(viewport)
        page.goto(base_url)
        search(page, "behoud")
        page.locator("[data-ab-search-refine] > summary").click()
        page.get_by_role("combobox", name="Soort").wait_for()
        violations = page.evaluate(
            """() => axe.run(document.querySelector('[data-ab-search]'), {
                   runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a",
                                                   "wcag21aa", "wcag22aa", "best-practice"]},
               }).then(r => r.violations.map(v => v.id + ": " +
                   v.nodes.map(n => n.target.join(" ")).slice(0, 3).join(", ")))"""
        )
        assert violations == [], viewport
