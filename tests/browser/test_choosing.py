"""The three people the catalogue is for, each finishing their task in Chromium on the
project's real content: an HR adviser choosing (Dutch words, filters whose state shows,
an empty state that helps, a phone), a regional lead comparing actions side by side, and
a manager turning a selection into a plan. By mouse, by keyboard, on desktop and phone;
axe looks at each state; screenshots land in test-results/screenshots/ for review.

Expectations come from what the build wrote (the card data, the facet pages, the CSV
file), never from the page under test.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from actiebank.vocabulary import load_vocabularies
from support import SCHEMA_DIR
from support.browser import axe_now, save_screenshot

pytestmark = pytest.mark.browser

CARDS = "[data-ab-results] > li.ab-card"
VOCABULARIES = load_vocabularies(SCHEMA_DIR / "vocabularies.yaml")
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def data(built_site) -> dict:
    return json.loads((built_site / "acties" / "kaarten.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def cards(data) -> dict[str, dict]:
    return {card["slug"]: card for card in data["cards"]}


def carrying(data: dict, facet: str, value: str) -> set[str]:
    at = data["facets"].index(facet)
    return {card["slug"] for card in data["cards"] if value in card["values"][at]}


def label_of(facet: str, value: str) -> str:
    spec = VOCABULARIES.facet(facet)
    for term in VOCABULARIES[spec.vocabulary].terms + ([spec.missing] if spec.missing else []):
        if term.address == value:
            return term.nl
    raise KeyError(value)


def settle(page) -> None:
    page.wait_for_function(
        "() => { const c = document.querySelector('[data-ab-catalogue]');"
        " return c && c.dataset.abShows === location.pathname + location.search; }"
    )


def shown(page) -> list[str]:
    settle(page)
    return page.eval_on_selector_all(
        CARDS, "els => els.filter(e => !e.parentElement.hidden).map(e => e.dataset.slug)"
    )


def open_catalogue(page, path: str = "acties/") -> None:
    page.goto(path)
    page.wait_for_selector("[data-ab-catalogue][data-ab-ready]", state="attached")
    settle(page)


def count_text(page) -> int:
    return int(page.locator("[data-ab-count-text]").inner_text().split()[0])


def no_overflow(page) -> bool:
    return page.evaluate(
        "() => document.scrollingElement.scrollWidth <= document.documentElement.clientWidth"
    )


# --------------------------------------------------------------------------- choosing


def found_by_words(data: dict, word: str) -> set[str]:
    """What the text filter must find for one word: the word in a card's title, summary or
    organisations, or a filter value the card carries named by the word (its label or a
    Dutch synonym from the vocabularies file)."""
    found = set()
    named: dict[str, set[str]] = {}
    for spec in VOCABULARIES.facets:
        terms = VOCABULARIES[spec.vocabulary].terms + ([spec.missing] if spec.missing else [])
        for term in terms:
            tokens = re.split(r"[^a-z0-9à-ɏ'-]+", " ".join([term.nl, *term.synonyms]).lower())
            if any(t.startswith(word) for t in tokens if t):
                named.setdefault(spec.path, set()).add(term.address)
    for card in data["cards"]:
        text = " ".join([card["title"], card["summary"], *card["organisations"]]).lower()
        carried = any(
            set(card["values"][data["facets"].index(f)]) & values for f, values in named.items()
        )
        if word in text or carried:
            found.add(card["slug"])
    return found


def test_an_hr_adviser_finds_actions_with_her_own_words_and_sees_what_is_active(
    page, watch, data, cards
):
    open_catalogue(page)
    # "inwerken" is not in the site's label "Onboarding": the synonym finds it.
    expected = found_by_words(data, "inwerken")
    onboarding = carrying(data, "succesfactor", "onboarding")
    assert onboarding <= expected
    search = page.get_by_label("Zoek in de acties")
    search.focus()
    page.keyboard.type("inwerken")
    page.wait_for_function("() => location.search.includes('zoek=inwerken')")
    assert set(shown(page)) == expected
    assert count_text(page) == len(expected)
    # Relevance while a text is typed; an exact title hit ranks first.
    assert page.locator("#ab-sort").input_value() == "relevantie"
    # Narrow to a province and one of its regions, by keyboard.
    province = max(
        (t for t in VOCABULARIES["region"].terms if not t.parent),
        key=lambda t: len(carrying(data, "regio", t.address) & expected),
    )
    region = next(
        t
        for t in VOCABULARIES["region"].children(province.slug)
        if carrying(data, "regio", t.address) & expected
    )
    opener = page.get_by_role("button", name=f"Regio's in {province.nl}")
    opener.focus()
    page.keyboard.press("Enter")
    assert opener.get_attribute("aria-expanded") == "true"
    page.locator(f'input[name="regio"][value="{region.address}"]').focus()
    page.keyboard.press("Space")
    page.wait_for_function(f"() => location.search.includes('regio={region.address}')")
    assert set(shown(page)) == expected & carrying(data, "regio", region.address)
    chips = page.locator("[data-ab-chip-list] button")
    # Each chip says what it removes, to a screen reader as well.
    assert chips.all_text_contents() == [
        f"Verwijder filter Regio: {region.nl}×",
        "Verwijder filter Zoekwoord: inwerken×",
    ]
    save_screenshot(page, "choosing-desktop-catalogue-filtered")
    assert not axe_now(page)
    # Dropping the text by its chip (keyboard) keeps the region; focus stays on a chip.
    chips.nth(1).focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => !location.search.includes('zoek=')")
    assert set(shown(page)) == carrying(data, "regio", region.address)
    assert page.evaluate("document.activeElement.classList.contains('ab-chip')")


def test_a_card_carries_the_deciding_facts(page, watch, cards):
    open_catalogue(page)
    first = page.locator(CARDS).first
    card = cards[first.get_attribute("data-slug")]
    facts = first.locator(".ab-card__facts dt").all_inner_texts()
    assert facts[0] == "Regio" and facts[-1] == "Status"
    assert first.locator(".ab-card__facts dd").first.inner_text() == ", ".join(card["regions"])
    assert first.locator(".ab-indicators dt").all_inner_texts() == ["Bewijs", "Kosten", "Resultaat"]
    status = first.locator(".ab-card__facts dd").last.inner_text()
    assert status == card["status"] + (f", {card['period']}" if card["period"] else "")
    # A screen reader hears the ladder as words.
    if card["evidence"][1]:
        assert f"stap {card['evidence'][1]} van" in first.locator(".ab-indicators").inner_text()


def test_the_script_draws_the_same_card_as_the_page(page, watch):
    """Cards the page carries and cards the script draws from the card data are the same
    markup (the core's card macro and drawCard in actiebank.js)."""
    open_catalogue(page)
    differences = page.evaluate(
        """async () => {
            const A = window.Actiebank;
            const data = await A.fetchJSON(A.route("cards"));
            const canon = node => {
                const copy = node.cloneNode(true);
                const walk = el => [...el.childNodes].forEach(child => {
                    if (child.nodeType === 3 && !child.textContent.trim()) child.remove();
                    else if (child.nodeType === 1) walk(child);
                });
                walk(copy);
                // Whether a card is chosen is the visitor's state, not the card's.
                const pressed = copy.querySelectorAll("[aria-pressed]");
                pressed.forEach(b => b.removeAttribute("aria-pressed"));
                return copy.outerHTML;
            };
            const out = [];
            for (const li of document.querySelectorAll("[data-ab-results] > li")) {
                const card = data.cards.find(c => c.slug === li.dataset.slug);
                const drawn = A.drawCard(card, data.evidenceSteps, 2);
                if (canon(drawn) !== canon(li)) out.push([canon(li), canon(drawn)]);
            }
            return out;
        }"""
    )
    assert not differences, differences[:1]


def empty_pair(data: dict) -> tuple[tuple[str, str], tuple[str, str]]:
    """Two values of different filters that no action carries together."""
    facets = [f for f in data["facets"] if f not in ("kosten",)]
    for n, first in enumerate(facets):
        for second in facets[n + 1 :]:
            at1, at2 = data["facets"].index(first), data["facets"].index(second)
            for card in data["cards"]:
                for v1 in card["values"][at1]:
                    for other in data["cards"]:
                        for v2 in other["values"][at2]:
                            if not carrying(data, first, v1) & carrying(data, second, v2):
                                return (first, v1), (second, v2)
    raise AssertionError("every pair of values meets in some action")


def test_a_selection_that_finds_nothing_says_which_filter_to_drop(page, watch, data):
    (f1, v1), (f2, v2) = empty_pair(data)
    open_catalogue(page, f"acties/?{f1}={v1}&{f2}={v2}")
    empty = page.locator("[data-ab-empty]")
    assert empty.is_visible() and shown(page) == []
    options = empty.locator("a").all_inner_texts()

    def plural(n: int) -> str:
        return f"{n} actie" if n == 1 else f"{n} acties"

    assert options == [
        f"Zonder ‘{VOCABULARIES.facet(f1).nl or label_facet(f1)}: {label_of(f1, v1)}’: "
        f"{plural(len(carrying(data, f2, v2)))}",
        f"Zonder ‘{VOCABULARIES.facet(f2).nl or label_facet(f2)}: {label_of(f2, v2)}’: "
        f"{plural(len(carrying(data, f1, v1)))}",
        f"Wis alle filters: {plural(len(data['cards']))}",
    ]
    save_screenshot(page, "choosing-desktop-empty-state")
    assert not axe_now(page)
    empty.locator("a").first.click()
    page.wait_for_function(f"() => location.search === '?{f2}={v2}'")
    assert set(shown(page)) == carrying(data, f2, v2)
    assert not empty.is_visible()


def label_facet(facet: str) -> str:
    return VOCABULARIES[VOCABULARIES.facet(facet).vocabulary].nl


def test_long_groups_show_their_most_used_values_and_the_rest_on_request(page, watch, data):
    open_catalogue(page)
    group = page.locator("fieldset[data-ab-facet]:has([data-ab-all])").first
    facet = group.get_attribute("data-ab-facet")
    items = group.locator(":scope > ul > li")
    total = items.count()
    assert 0 < sum(items.nth(i).is_visible() for i in range(total)) < total
    # Nothing scrolls inside a group: the whole group is as tall as its content.
    assert group.evaluate("g => g.scrollHeight <= g.clientHeight + 1")
    button = group.locator("[data-ab-all]")
    assert button.inner_text().startswith(f"Toon alle {total}")
    button.click()
    assert all(items.nth(i).is_visible() for i in range(total))
    assert button.get_attribute("aria-expanded") == "true"
    hidden_value = items.last.locator("input").first
    value = hidden_value.get_attribute("value")
    hidden_value.check()
    page.wait_for_function(f"() => location.search.includes('{facet}={value}')")
    button.click()  # "Toon minder": a ticked value stays in view
    assert hidden_value.is_visible() and hidden_value.is_checked()


def test_on_a_phone_the_first_results_come_before_the_filters(page, watch, data):
    page.set_viewport_size(PHONE)
    open_catalogue(page)
    first_title = page.locator(f"{CARDS} .ab-card__title").first
    title = first_title.bounding_box()
    assert title["y"] + title["height"] <= PHONE["height"], "no whole title on the first screen"
    assert not page.locator("fieldset[data-ab-facet]").first.is_visible()
    assert no_overflow(page)
    save_screenshot(page, "choosing-phone-catalogue")
    toggle = page.get_by_role("button", name=re.compile("^Filters"))
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    group = page.locator("fieldset[data-ab-facet]").first
    assert group.is_visible()
    facet = group.get_attribute("data-ab-facet")
    value = group.locator("input").first.get_attribute("value")
    group.locator("input").first.check()
    page.wait_for_function(f"() => location.search.includes('{facet}={value}')")
    expected = carrying(data, facet, value)
    done = page.locator("[data-ab-done]")
    assert (
        done.inner_text() == f"Toon {len(expected)} {'actie' if len(expected) == 1 else 'acties'}"
    )
    assert "(1 actief)" in toggle.inner_text()
    save_screenshot(page, "choosing-phone-filters-open")
    assert not axe_now(page)
    done.click()
    assert not group.is_visible()
    assert page.evaluate("document.activeElement.id") == "ab-resultaten"
    assert set(shown(page)) == expected
    for width in (320, 360):
        page.set_viewport_size({"width": width, "height": 800})
        assert no_overflow(page), f"the catalogue scrolls sideways at {width}px"


# --------------------------------------------------------------------------- downloads


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


def slug_of(address: str) -> str:
    return address.rstrip("/").rsplit("/", 1)[-1]


def downloaded(page, click) -> str:
    with page.expect_download() as info:
        click()
    raw = Path(info.value.path()).read_bytes()
    if info.value.suggested_filename.endswith(".csv"):
        # As the full acties.csv: without the byte-order mark Excel shows "Ã«" for "ë".
        assert raw.startswith(b"\xef\xbb\xbf"), info.value.suggested_filename
    return raw.decode("utf-8-sig")


def test_download_what_you_filtered_from_the_catalogue_and_a_facet_page(
    page, watch, data, built_site
):
    site_csv = (built_site / "data" / "acties.csv").read_text(encoding="utf-8-sig")
    header = site_csv.splitlines()[0]
    facet, value = (
        "sector",
        next(v for card in data["cards"] for v in card["values"][data["facets"].index("sector")]),
    )
    expected = carrying(data, facet, value)
    open_catalogue(page, f"acties/?{facet}={value}")
    link = page.locator("[data-ab-download]")
    n = len(expected)
    assert link.inner_text() == f"Download deze {n} {'actie' if n == 1 else 'acties'} als CSV"
    text = downloaded(page, link.click)
    assert text.splitlines()[0] == header, "not the columns of the site-wide file"
    assert {slug_of(row["Adres"]) for row in csv_rows(text)} == expected
    # A facet value's page offers its own actions the same way.
    page.goto(f"acties/{facet}/{value}/")
    text = downloaded(page, page.locator("[data-ab-download]").click)
    assert {slug_of(row["Adres"]) for row in csv_rows(text)} == expected


# --------------------------------------------------------------------------- comparing


def pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's (width, height) in points, from the PDF's MediaBox entries."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [(float(w), float(h)) for w, h in boxes]


def test_a_regional_lead_compares_actions_side_by_side(page, watch, browser, base_url, data):
    regions = data["facets"].index("regio")
    picked: list[str] = []
    for card in data["cards"]:  # three actions from different regions
        if not any(
            set(card["values"][regions]) & set(data_card(data, s)["values"][regions])
            for s in picked
        ):
            picked.append(card["slug"])
        if len(picked) == 3:
            break
    open_catalogue(page)
    for slug in picked:
        page.locator(f'{CARDS}[data-slug="{slug}"] [data-ab-compare]').click()
    tray = page.locator(".ab-tray")
    assert "3 acties om te vergelijken" in tray.inner_text()
    assert all(
        page.locator(f'{CARDS}[data-slug="{s}"] [data-ab-compare]').get_attribute("aria-pressed")
        == "true"
        for s in picked
    )
    tray.get_by_role("link", name="Vergelijk").click()
    page.wait_for_url("**/acties/vergelijk/?acties=*")
    assert parse_qs(urlsplit(page.url).query)["acties"] == [",".join(picked)]
    table = page.locator("table.ab-compare")
    table.wait_for()
    titles = table.locator("thead th a").all_inner_texts()
    assert titles == [data_card(data, s)["title"] for s in picked]
    labels = table.locator("tbody th[scope=row]").all_inner_texts()
    for label in ("Organisaties", "Regio", "Status", "Bewijs", "Kosten"):
        assert any(text.startswith(label) for text in labels), label
    # A row is marked exactly when its cells differ, in words as well as colour.
    rows = table.locator("tbody tr.ab-compare__row")
    for i in range(rows.count()):
        row = rows.nth(i)
        cells = row.locator("td").all_inner_texts()
        differs = len(set(cells)) > 1
        assert ("ab-compare__row--differs" in row.get_attribute("class")) == differs
        assert row.locator("th").inner_text().endswith("verschilt") == differs
    save_screenshot(page, "comparing-desktop", full_page=True)
    assert not axe_now(page)
    page.get_by_label("Toon alleen rijen die verschillen").check()
    assert all(
        "differs" in (rows.nth(i).get_attribute("class") or "")
        for i in range(rows.count())
        if rows.nth(i).is_visible()
    )
    # On paper: A4 landscape.
    sizes = pdf_pages(page.pdf(prefer_css_page_size=True))
    assert sizes and all(w > h for w, h in sizes), sizes
    # The link is the comparison: a colleague without any stored choice sees the same.
    shared = page.url
    other = browser.new_context(base_url=base_url, locale="nl-NL")
    try:
        colleague = other.new_page()
        colleague.goto(shared)
        colleague.locator("table.ab-compare").wait_for()
        assert colleague.locator("thead th a").all_inner_texts() == titles
    finally:
        other.close()
    # Taking one out updates the table and the address.
    table.get_by_role("button", name=f"Haal weg: {titles[0]}").click()
    page.wait_for_function("() => !location.search.includes('" + picked[0] + "')")
    page.locator("table.ab-compare").wait_for()
    assert page.locator("table.ab-compare thead th a").all_inner_texts() == titles[1:]


def data_card(data: dict, slug: str) -> dict:
    return next(card for card in data["cards"] if card["slug"] == slug)


def test_no_more_than_four_are_compared_and_an_action_page_offers_it_too(page, watch, data):
    slugs = [card["slug"] for card in data["cards"][:5]]
    open_catalogue(page)
    for slug in slugs[:4]:
        page.locator(f'{CARDS}[data-slug="{slug}"] [data-ab-compare]').click()
    fifth = page.locator(f'{CARDS}[data-slug="{slugs[4]}"] [data-ab-compare]')
    fifth.click()
    assert fifth.get_attribute("aria-pressed") == "false"
    assert "U kunt tot 4 acties vergelijken" in page.locator(".ab-tray").inner_text()
    # On an action's own page the button knows it is chosen, and takes it out.
    page.goto(f"acties/{slugs[0]}/")
    button = page.locator("article [data-ab-compare]").first
    assert button.get_attribute("aria-pressed") == "true"
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    assert "3 acties om te vergelijken" in page.locator(".ab-tray").inner_text()


def test_compare_and_plan_pages_say_what_they_do_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    try:
        page = context.new_page()
        page.goto("acties/vergelijk/?acties=a,b")
        assert "heeft JavaScript nodig" in page.locator("article, main").first.inner_text()
        assert page.get_by_role("link", name="overzicht van alle acties").is_visible()
        page.goto("acties/mijn-plan/")
        text = page.locator("main").inner_text()
        assert "Voor Mijn plan is JavaScript nodig" in text
        assert "Uw plan staat alleen in deze browser" in text
    finally:
        context.close()


# --------------------------------------------------------------------------- a plan


def expected_gaps(data: dict, slugs: list[str], built_site: Path) -> list[str]:
    sheets = [
        json.loads((built_site / "acties" / s / "feiten.json").read_text(encoding="utf-8"))
        for s in slugs
    ]
    gaps = []
    for term in VOCABULARIES["success_factor"].terms:
        if not any(term.nl in sheet["card"]["factors"] for sheet in sheets):
            gaps.append(f"Geen actie voor de succesfactor {term.nl}.")
    for term in VOCABULARIES["target_group"].terms:
        if term.plan_check and not any(term.nl in sheet["targetGroups"] for sheet in sheets):
            gaps.append(f"Geen actie voor {term.nl.lower()}.")
    if not any(sheet["measured"] for sheet in sheets):
        gaps.append("Geen actie met gemeten resultaten.")
    return gaps


def test_a_manager_builds_a_plan_and_takes_it_along(
    page, watch, browser, base_url, data, built_site
):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    factors = data["cards"][0]["factors"]
    chosen = [c["slug"] for c in data["cards"] if c["factors"] == factors][:2]
    third = next(c["slug"] for c in data["cards"] if c["slug"] not in chosen)
    open_catalogue(page)
    for slug in chosen:
        page.locator(f'{CARDS}[data-slug="{slug}"] [data-ab-save]').click()
    page.goto(f"acties/{third}/")
    page.locator("article [data-ab-save]").first.click()
    plan = [*chosen, third]
    page.locator(".ab-tray").get_by_role("link", name=re.compile("Bekijk mijn plan")).click()
    page.wait_for_url("**/acties/mijn-plan/")
    status = page.locator("[data-ab-plan-status]")
    status.filter(has_text="3 acties in uw plan").wait_for()
    body = page.locator("[data-ab-plan-body]")
    gaps = body.locator(".ab-plan__gaps li").all_inner_texts()
    assert [g.split(". ")[0] + "." for g in gaps] == expected_gaps(data, plan, built_site)
    for factor in VOCABULARIES["success_factor"].terms:
        mine = [s for s in plan if factor.nl in data_card(data, s)["factors"]]
        heading = body.get_by_role("heading", name=re.compile(f"^{factor.nl} \\("))
        assert heading.inner_text().endswith(
            f"({len(mine)} {'actie' if len(mine) == 1 else 'acties'})"
        )
    assert "Uw plan staat alleen in deze browser" in page.locator("main").inner_text()
    save_screenshot(page, "plan-desktop", full_page=True)
    assert not axe_now(page)
    # Downloads: the CSV has the site-wide columns, the Markdown every title.
    header = (built_site / "data" / "acties.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    text = downloaded(page, page.get_by_role("button", name="Download als CSV").click)
    assert text.splitlines()[0] == header
    assert sorted(slug_of(r["Adres"]) for r in csv_rows(text)) == sorted(plan)
    markdown = downloaded(page, page.get_by_role("button", name="Download als Markdown").click)
    assert markdown.startswith("# Mijn plan uit de Actiebank")
    for slug in plan:
        assert data_card(data, slug)["title"].replace("[", "\\[") in markdown
    # Printed, it fits on one or two A4 pages.
    assert 1 <= len(pdf_pages(page.pdf(format="A4"))) <= 2
    # Shared: the link opens the same plan elsewhere, which the colleague can keep.
    page.get_by_role("button", name="Kopieer de link naar dit plan").click()
    page.locator("[data-ab-copied]").filter(has_text="gekopieerd").wait_for()
    link = page.evaluate("navigator.clipboard.readText()")
    assert parse_qs(urlsplit(link).query)["acties"] == [",".join(plan)]
    other = browser.new_context(base_url=base_url, locale="nl-NL")
    try:
        colleague = other.new_page()
        colleague.goto(link)
        colleague.locator("[data-ab-plan-status]").filter(has_text="dit gedeelde plan").wait_for()
        assert colleague.locator("[data-ab-plan-shared]").is_visible()
        colleague.get_by_role("button", name="Bewaar dit als mijn plan").click()
        colleague.wait_for_function("() => location.search === ''")
        assert not colleague.locator("[data-ab-plan-shared]").is_visible()
        stored = colleague.evaluate("JSON.parse(localStorage.getItem('actiebank.plan'))")
        assert [item["slug"] for item in stored] == plan
    finally:
        other.close()
    # Taking one out.
    body.get_by_role(
        "button", name=f"Haal uit mijn plan: {data_card(data, third)['title']}"
    ).first.click()
    status.filter(has_text="2 acties in uw plan").wait_for()


def test_a_plan_address_with_thousands_of_names_reads_only_the_first_hundred(page, watch, data):
    real = [card["slug"] for card in data["cards"]]
    names = real + [f"x{i}" for i in range(3000)]
    page.goto("acties/mijn-plan/?acties=" + ",".join(names))
    status = page.locator("[data-ab-plan-status]")
    status.filter(has_text="dit gedeelde plan").wait_for()
    found = min(len(real), 100)
    text = status.inner_text()
    assert text.startswith(f"{found} acties in dit gedeelde plan."), text
    if found < 100:
        assert f"{100 - found} acties zijn niet meer te vinden" in text, text
    # Each name it did read and could not find is one request that answers 404: at most
    # the hundred, not three thousand.
    missing = [e for e in watch.console_errors if "404" in e]
    assert len(missing) <= 100 - found and missing == watch.console_errors
    watch.console_errors.clear()


def test_plan_on_a_phone(page, watch, data):
    page.set_viewport_size(PHONE)
    open_catalogue(page)
    for card in data["cards"][:2]:
        page.locator(f'{CARDS}[data-slug="{card["slug"]}"] [data-ab-save]').click()
    page.goto("acties/mijn-plan/")
    page.locator("[data-ab-plan-status]").filter(has_text="2 acties").wait_for()
    assert no_overflow(page)
    save_screenshot(page, "plan-phone", full_page=True)
    page.goto("acties/vergelijk/?acties=" + ",".join(c["slug"] for c in data["cards"][:3]))
    page.locator("table.ab-compare").wait_for()
    assert no_overflow(page), "the compare page scrolls sideways (only its table may)"
    save_screenshot(page, "comparing-phone", full_page=True)
    assert not axe_now(page)
