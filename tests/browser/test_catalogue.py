"""The catalogue page /acties/ in Debian's Chromium, on the project's real content.

What the static facet pages list is the reference: the filter script must agree with
them for every value, with counts that follow the selection, state kept in the URL,
the back button, "Wis alles", the text filter, sorting, and a page that still lists its
first cards (with the filters as links) when JavaScript is off. The `watch` fixture fails
a test on any request to another host and any console error.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import pytest

from actiebank.vocabulary import load_vocabularies
from support import SCHEMA_DIR

pytestmark = pytest.mark.browser

CARDS = "[data-ab-results] > [data-slug]"
VISIBLE = "els => els.filter(e => !e.hidden && !e.parentElement.hidden).map(e => e.dataset.slug)"


def card_slugs(text: str) -> list[str]:
    return re.findall(r'<li class="ab-card" data-slug="([^"]+)"', text)


def static_slugs(site: Path, facet: str, value: str) -> set[str]:
    """Every action a facet value's static pages list, over all their pages."""
    folder = site / "acties" / facet / value
    slugs = set(card_slugs((folder / "index.html").read_text(encoding="utf-8")))
    for extra in sorted(p for p in folder.iterdir() if p.is_dir() and p.name.isdigit()):
        slugs |= set(card_slugs((extra / "index.html").read_text(encoding="utf-8")))
    return slugs


@pytest.fixture(scope="module")
def catalogue_html(built_site) -> str:
    return (built_site / "acties" / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def filters(catalogue_html) -> list[tuple[str, str]]:
    found = re.findall(
        r'<input type="checkbox" name="([a-z]+)" value="([a-z0-9-]+)"', catalogue_html
    )
    assert found, "the catalogue has no filters"
    return found


@pytest.fixture(scope="module")
def reference(built_site, filters) -> dict[tuple[str, str], set[str]]:
    return {(f, v): static_slugs(built_site, f, v) for f, v in filters}


@pytest.fixture(scope="module")
def all_slugs(built_site) -> list[str]:
    """Every action, in the catalogue's default order (its card data)."""
    data = json.loads((built_site / "acties" / "kaarten.json").read_text(encoding="utf-8"))
    return [card["slug"] for card in data["cards"]]


def settle(page) -> None:
    """Wait until the catalogue shows what the address says (the card data may load)."""
    page.wait_for_function(
        "() => { const c = document.querySelector('[data-ab-catalogue]');"
        " return c && c.dataset.abShows === location.pathname + location.search; }"
    )


def visible(page) -> list[str]:
    settle(page)
    return page.eval_on_selector_all(CARDS, VISIBLE)


def every_visible(page) -> list[str]:
    """What the catalogue shows once "Toon N acties meer" has been pressed until it is gone
    (the catalogue lays out 48 cards at a time)."""
    shown = visible(page)
    more = page.locator("[data-ab-more]")
    while more.is_visible():
        more.click()
        page.wait_for_function(
            "n => document.querySelectorAll('[data-ab-results] > [data-slug]:not([hidden])')"
            ".length > n",
            arg=len(shown),
        )
        shown = visible(page)
    return shown


def box(page, facet: str, value: str):
    """A filter's checkbox, brought into view as a visitor would: "Toon alle N" in a long
    group, and the province's "Regio's" for a region."""
    found = page.locator(f'input[type=checkbox][name="{facet}"][value="{value}"]')
    if not found.is_visible():
        group = page.locator(f'fieldset[data-ab-facet="{facet}"]')
        more = group.locator("[data-ab-all]")
        if more.count() and more.get_attribute("aria-expanded") == "false":
            more.click()
        if not found.is_visible():
            province = found.locator("xpath=ancestor::ul[contains(@class,'ab-facet__sub')]/..")
            province.locator(":scope > [data-ab-open]").click()
    return found


def count_of(page, facet: str, value: str) -> int:
    label = page.locator(f'label:has(input[name="{facet}"][value="{value}"])')
    return int(label.locator("[data-ab-count]").text_content())


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def open_catalogue(page, path: str = "acties/"):
    page.goto(path)
    page.wait_for_selector("[data-ab-catalogue][data-ab-ready]", state="attached")


def test_every_filter_agrees_with_its_static_facet_page(page, watch, filters, reference):
    open_catalogue(page)
    for facet, value in filters:
        box(page, facet, value).check()
        assert set(every_visible(page)) == reference[(facet, value)], (facet, value)
        assert query(page) == {facet: [value]}
        box(page, facet, value).uncheck()


def test_counts_follow_the_selection(page, watch, filters, reference, all_slugs):
    open_catalogue(page)
    for facet, value in filters:
        assert count_of(page, facet, value) == len(reference[(facet, value)])
    # Choose the most common value of the first facet, then every count must say how many
    # cards ticking that box would show.
    first = filters[0][0]
    chosen = max((v for f, v in filters if f == first), key=lambda v: len(reference[(first, v)]))
    box(page, first, chosen).check()
    shown = set(visible(page))
    assert shown == reference[(first, chosen)]
    for facet, value in filters:
        if facet == first:  # OR within a facet: its counts ignore its own selection
            expected = len(reference[(facet, value)])
        else:
            expected = len(reference[(facet, value)] & shown)
        assert count_of(page, facet, value) == expected, (facet, value)


def test_or_within_a_facet_and_across_facets(page, watch, filters, reference):
    regions = sorted(
        (v for f, v in filters if f == "regio"), key=lambda v: (-len(reference[("regio", v)]), v)
    )
    assert len(regions) >= 2
    a, b = (
        regions[0],
        next(v for v in regions[1:] if reference[("regio", v)] - reference[("regio", regions[0])]),
    )
    open_catalogue(page)
    box(page, "regio", a).check()
    box(page, "regio", b).check()
    either = reference[("regio", a)] | reference[("regio", b)]
    assert set(visible(page)) == either
    assert query(page)["regio"] == [v for f, v in filters if f == "regio" and v in (a, b)]
    factor = next(
        v for f, v in filters if f == "succesfactor" and reference[("succesfactor", v)] & either
    )
    box(page, "succesfactor", factor).check()
    assert set(visible(page)) == either & reference[("succesfactor", factor)]
    status = page.locator("[data-ab-count-text]")
    assert status.get_attribute("role") == "status"
    n = len(visible(page))
    assert status.text_content() == f"{n} {'actie' if n == 1 else 'acties'}"


def test_a_province_also_finds_its_regions(page, watch, filters, reference, built_site):
    regions = load_vocabularies(SCHEMA_DIR / "vocabularies.yaml")["region"]
    used = {v for f, v in filters if f == "regio"}
    province = next(
        t.slug
        for t in regions.terms
        if t.slug in used and any(c.slug in used for c in regions.children(t.slug))
    )
    child = next(c.slug for c in regions.children(province) if c.slug in used)
    assert reference[("regio", child)] <= reference[("regio", province)]
    open_catalogue(page, f"acties/?regio={province}")
    assert set(visible(page)) == reference[("regio", province)]
    assert set(visible(page)) >= reference[("regio", child)]


def test_state_in_the_url_is_restored_on_load(page, watch, filters, reference):
    facet, value = filters[0]
    other = next(
        (f, v) for f, v in filters if f != facet and reference[(f, v)] & reference[(facet, value)]
    )
    open_catalogue(page, f"acties/?{facet}={value}&{other[0]}={other[1]}&sort=titel")
    assert set(visible(page)) == reference[(facet, value)] & reference[other]
    assert box(page, facet, value).is_checked() and box(page, *other).is_checked()
    assert page.locator("select[name=sort]").input_value() == "titel"


def test_an_unknown_value_in_the_address_is_ignored(page, watch, filters, reference):
    facet, value = filters[0]
    open_catalogue(page, f"acties/?{facet}={value}&{facet}=bestaat-niet&regio=nergens")
    assert set(visible(page)) == reference[(facet, value)]


def test_back_and_forward_restore_the_filters(page, watch, filters, reference):
    (f1, v1), (f2, v2) = filters[0], next(x for x in filters if x[0] != filters[0][0])
    open_catalogue(page)
    box(page, f1, v1).check()
    after_first = set(visible(page))
    box(page, f2, v2).check()
    after_second = set(visible(page))
    assert after_second == reference[(f1, v1)] & reference[(f2, v2)]
    page.go_back()
    page.wait_for_function(f"() => !location.search.includes('{f2}=')")
    page.wait_for_selector("[data-ab-catalogue][data-ab-ready]", state="attached")
    assert query(page) == {f1: [v1]}
    assert box(page, f1, v1).is_checked() and not box(page, f2, v2).is_checked()
    assert set(visible(page)) == after_first
    page.go_back()
    page.wait_for_function("() => location.search === ''")
    page.wait_for_selector("[data-ab-catalogue][data-ab-ready]", state="attached")
    assert not box(page, f1, v1).is_checked()
    assert len(visible(page)) == page.locator(CARDS).count()
    page.go_forward()
    page.wait_for_function(f"() => location.search.includes('{f1}=')")
    page.wait_for_selector("[data-ab-catalogue][data-ab-ready]", state="attached")
    assert box(page, f1, v1).is_checked()
    assert set(visible(page)) == after_first


def test_clear_everything_shows_every_action_again(page, watch, filters, all_slugs):
    facet, value = filters[0]
    open_catalogue(page, f"acties/?{facet}={value}&zoek=zorg&sort=titel")
    assert len(visible(page)) < len(all_slugs)
    page.get_by_role("button", name="Wis alles").click()
    page.wait_for_function("() => location.search === ''")
    assert visible(page) == all_slugs[:48]
    assert not box(page, facet, value).is_checked()
    assert page.locator("input[name=zoek]").input_value() == ""
    assert page.locator("[data-ab-count-text]").text_content() == f"{len(all_slugs)} acties"
    assert page.locator("select[name=sort]").input_value() == "bewijs"
    assert not page.locator("[data-ab-chips]").is_visible()


def fold(text: str) -> str:
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode().lower()


def test_text_filter_searches_title_summary_and_organisations(page, watch, built_site):
    records = json.loads((built_site / "api/actions.json").read_text(encoding="utf-8"))
    # An organisation's name that appears in some actions but not all.
    words = sorted(
        {
            w
            for r in records
            for o in r["organisations"]
            for w in o["name"].split()
            if len(w) > 5 and w.isalpha()
        },
        key=lambda w: (len(w), w),
    )
    haystacks = {
        r["slug"]: fold(
            " ".join([r["title"], r["summary"]] + [o["name"] for o in r["organisations"]])
        )
        for r in records
    }
    open_catalogue(page)
    # A word that also begins a filter value's name or synonym finds the actions with that
    # value too ("zuidoost" finds Zuidoost-Brabant); this test is about the texts alone.
    value_words = {
        w
        for words in page.eval_on_selector_all(
            "input[data-words]", "boxes => boxes.map(b => b.dataset.words)"
        )
        for w in fold(words).split()
    }
    term = next(
        w
        for w in words
        if 0 < sum(fold(w) in h for h in haystacks.values()) < len(records)
        and not any(v.startswith(fold(w)) for v in value_words)
    )
    expected = {slug for slug, text in haystacks.items() if fold(term) in text}
    page.locator("input[name=zoek]").fill(term.upper())
    page.wait_for_function(
        "t => new URLSearchParams(location.search).get('zoek') === t", arg=term.upper()
    )
    assert set(every_visible(page)) == expected, term
    # Accents do not matter: 'orientatie' finds 'oriëntatie'.
    accented = next((r for r in records if "ë" in r["title"]), None)
    if accented:
        word = next(w for w in accented["title"].split() if "ë" in w)
        page.locator("input[name=zoek]").fill(fold(word))
        page.wait_for_function(
            "t => new URLSearchParams(location.search).get('zoek') === t", arg=fold(word)
        )
        assert accented["slug"] in visible(page)


def test_sorting_by_evidence_change_and_title(page, watch, all_slugs, built_site):
    data = json.loads((built_site / "acties/kaarten.json").read_text(encoding="utf-8"))
    cards = {card["slug"]: card for card in data["cards"]}
    open_catalogue(page)
    # The default: the strongest evidence first.
    shown = visible(page)
    assert shown == all_slugs[:48]
    steps = [cards[s]["evidence"][1] for s in shown]
    assert steps == sorted(steps, reverse=True) and steps[0] > steps[-1]
    page.locator("select[name=sort]").select_option("titel")
    page.wait_for_function("() => location.search === '?sort=titel'")
    # By title as a Dutch reader sorts: "'s-Heeren Loo" under s, punctuation ignored.
    firsts = [re.sub(r"[^a-z0-9]", "", fold(cards[s]["title"]))[:1] for s in visible(page)]
    assert firsts == sorted(firsts)
    page.locator("select[name=sort]").select_option("gewijzigd")
    page.wait_for_function("() => location.search === '?sort=gewijzigd'")
    assert visible(page) == [data["cards"][i]["slug"] for i in data["orders"]["gewijzigd"]][:48]
    page.locator("select[name=sort]").select_option("bewijs")
    page.wait_for_function("() => location.search === ''")
    assert visible(page) == all_slugs[:48]
    # An old address's sort name still works.
    open_catalogue(page, "acties/?sort=title")
    assert page.locator("select[name=sort]").input_value() == "titel"


def test_filters_work_after_instant_navigation(page, watch, filters, reference):
    page.goto("")
    page.locator(".md-tabs").get_by_role("link", name="Acties", exact=True).first.click()
    page.wait_for_url("**/acties/")
    page.wait_for_selector("[data-ab-catalogue][data-ab-ready]", state="attached")
    facet, value = filters[0]
    box(page, facet, value).check()
    assert set(every_visible(page)) == reference[(facet, value)]


def test_without_javascript_every_action_is_listed_and_filters_are_links(
    browser, base_url, built_site, all_slugs, filters, reference
):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    foreign: list[str] = []
    local = urlsplit(base_url).netloc

    def route(route):
        if urlsplit(route.request.url).netloc == local:
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    try:
        page.goto("acties/")
        listed = page.eval_on_selector_all(CARDS, "els => els.map(e => e.dataset.slug)")
        assert listed == all_slugs[:48]
        assert all(page.locator(CARDS).nth(i).is_visible() for i in range(len(listed)))
        # The buttons that need the script are not offered.
        assert not page.get_by_role("button", name=re.compile("^Vergelijk")).first.is_visible()
        assert not page.locator("input[type=checkbox]").first.is_visible()
        facet, value = filters[0]
        link = page.locator(f'a.ab-filter-link[href$="acties/{facet}/{value}/"]')
        assert link.is_visible()
        link.click()
        page.wait_for_url(f"**/acties/{facet}/{value}/")
        assert set(card_slugs(page.content())) <= reference[(facet, value)]
        listed = page.eval_on_selector_all("li.ab-card", "els => els.map(e => e.dataset.slug)")
        assert set(listed) == set(
            card_slugs(
                (built_site / "acties" / facet / value / "index.html").read_text(encoding="utf-8")
            )
        )
        # Every action is one click from the catalogue, or, past its first 48, from the
        # pages of a filter that the catalogue names (each action has a success factor).
        page.goto("acties/")
        last = all_slugs[-1]
        if len(all_slugs) > len(listed_first := all_slugs[:48]):
            assert last not in listed_first
            notice = page.locator(".ab-more .ab-no-js-only")
            assert notice.is_visible() and f"{len(all_slugs)} acties" in notice.text_content()
            facet = filters[0][0]
            # From the keyboard: pointer clicks this far down the long page went nowhere
            # now and then on a loaded machine (see test_following.py).
            notice.locator(f'a[href$="acties/{facet}/"]').focus()
            page.keyboard.press("Enter")
            page.wait_for_url(f"**/acties/{facet}/")
            values = [v for f, v in filters if f == facet]
            assert set().union(*(reference[(facet, v)] for v in values)) == set(all_slugs)
            value = next(v for v in values if last in reference[(facet, v)])
            page.locator(f'a[href$="acties/{facet}/{value}/"]').first.click()
            page.wait_for_url(f"**/acties/{facet}/{value}/")
            if not page.locator(f'[data-slug="{last}"]').count():
                page.locator(".ab-pagination a").last.click()
        page.locator(f'[data-slug="{last}"] .ab-card__title a').click()
        page.wait_for_url(f"**/acties/{last}/")
        assert page.locator("h1").first.is_visible()
    finally:
        context.close()
    assert not foreign, foreign


def test_exports_hold_what_the_catalogue_shows(page, watch, all_slugs):
    # The browser's own request client: a CSV would start a download in a tab.
    fetch = page.request.get
    response = fetch("api/actions.json")
    assert response.ok and "json" in response.headers["content-type"]
    records = json.loads(response.body())
    assert sorted(r["slug"] for r in records) == sorted(all_slugs)
    for record in records:
        assert record["url"].endswith(f"/acties/{record['slug']}/")
        assert {
            "title",
            "summary",
            "organisations",
            "regions",
            "sectors",
            "success_factors",
            "interventions",
            "status",
        } <= set(record)
    rows = list(csv.DictReader(io.StringIO(fetch("api/actions.csv").body().decode("utf-8-sig"))))
    assert [r["slug"] for r in rows] == [r["slug"] for r in records]
    assert [r["title"] for r in rows] == [r["title"] for r in records]
    cases = json.loads(fetch("api/cases.json").body())
    for case in cases:
        assert set(case["actions"]) <= set(all_slugs)
        assert case["url"].endswith(f"/verhalen/{case['slug']}/")
    feed = ElementTree.fromstring(fetch("feed.xml").body())
    atom = "{http://www.w3.org/2005/Atom}"
    links = [
        link.get("href")
        for entry in feed.iter(f"{atom}entry")
        for link in entry.iter(f"{atom}link")
        if link.get("rel") == "alternate"
    ]
    # The feed holds the newest entries, each an action or a story of the exports.
    published = {f"/acties/{slug}/" for slug in all_slugs}
    published |= {f"/verhalen/{case['slug']}/" for case in cases}
    assert links and all(
        urlsplit(link).path.removeprefix("/actiebank") in published for link in links
    )
    # An export's address leads to the page it describes.
    page.goto(f"acties/{records[0]['slug']}/")
    assert page.locator("h1").first.text_content().strip() == records[0]["title"]


def test_an_old_query_string_with_english_values_still_selects(page, watch, filters, reference):
    open_catalogue(page, "acties/?status=running&sector=vvt")
    assert page.locator('input[name="status"][value="loopt"]').is_checked()
    assert page.locator('input[name="sector"][value="vvt"]').is_checked()
    assert query(page)["status"] == ["loopt"]
    assert set(every_visible(page)) == reference[("status", "loopt")] & reference[("sector", "vvt")]


def test_the_first_load_downloads_the_sitemap_once(page, watch):
    """Material's instant navigation needs sitemap.xml (67 KB gzip at 5,000 actions); a
    link[rel=alternate] in the head would make it fetch the whole file a second time."""
    sitemaps = []
    page.on("request", lambda r: sitemaps.append(r.url) if "sitemap" in r.url else None)
    open_catalogue(page)
    page.wait_for_load_state("networkidle")
    assert len(sitemaps) == 1, sitemaps
