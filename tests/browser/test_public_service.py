"""The site as a Dutch public service, in a real browser: every kind of page fits a phone
of 320, 360 and 390 pixels and a desktop without sideways scrolling, without a word
broken inside and without a comma alone at the start of a line, and axe-core finds
nothing on it; the first Tab offers a skip link to the content; the home page's search,
success factors and map work, by keyboard too, and the map says in text what the
catalogue says; the header, tabs and footer lead where they should; story pictures are
whole and card grids leave no card alone; nothing is stored in the browser.

Each page kind is also saved as a screenshot at desktop (1280) and phone (360) width in
test-results/screenshots/public-*.png, for a person to look at (CI keeps test-results/).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from actiebank.content.catalogue import load_catalogue
from actiebank.project import read_project
from support import ROOT
from support.browser import axe_now, save_screenshot
from support.sitemap import sitemap_pages

pytestmark = pytest.mark.browser

PHONES = (320, 360, 390)
PHONE = 360  # the phone the screenshots and axe use
DESKTOP = 1280
# Each kind of page by the pattern of its address (the first match in the sitemap).
PAGE_KINDS = {
    "home": r"",
    "catalogue": r"acties/",
    "facet-value": r"acties/succesfactor/[a-z0-9-]+/",
    "action": r"acties/brabant-flexpool/",
    "story": r"verhalen/flexpertise-wat-niet-werkte/",
    "stories": r"verhalen/",
    "about": r"over/",
    "evidence": r"bewijs/",
    "contribute": r"bijdragen/",
    "data": r"data/",
    "privacy": r"privacy/",
    "accessibility": r"toegankelijkheid/",
}
MISSING = "deze-pagina-bestaat-niet/"
SECTIONS = ["Acties", "Verhalen", "Data", "Bijdragen", "Over"]
SKIP_LINK = "Ga naar de inhoud"
# The focused element (a tile shows the focus around the whole tile) has a visible ring.
FOCUS_RING = """() => { const el = document.activeElement;
  const s = getComputedStyle(el.closest("li.ab-tile") || el);
  return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2; }"""

# Everything a visitor can see that sticks out past the right edge of the screen (inside
# a region that scrolls by itself, such as a wide table, is allowed).
STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if (x === "auto" || x === "scroll") return true;
    }
    return false;
  };
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (typeof el.className === "string" && el.className
       ? "." + el.className.trim().split(/\\s+/).join(".") : "");
  const out = [...document.querySelectorAll(".md-main *, .md-footer *, .md-header *, .md-tabs *")]
    .filter(el => el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})
      && !el.closest(".md-search, .md-sidebar--primary, .md-top")
      && el.getBoundingClientRect().right > width + 1 && !scrolls(el))
    .map(el => `${name(el)} reaches ${Math.round(el.getBoundingClientRect().right)}px`);
  return {page: document.documentElement.scrollWidth - width, elements: out.slice(0, 10)};
}"""

# Words split over two lines ("Ontwikkelmogelijkhe|den"), and punctuation that starts a
# line of its own (", Sociaal werk"). Web addresses and e-mail addresses may wrap, and a
# long word may break where the text has a soft hyphen ("Toegankelijkheids-|verklaring").
BROKEN_TEXT = """() => {
  const roots = [...document.querySelectorAll(".md-main, .md-footer, .md-header, .md-tabs")];
  const words = [], stranded = [];
  const lineOf = (node, start, end) => { const r = document.createRange(); r.setStart(node, start);
    r.setEnd(node, end); return [...r.getClientRects()].filter(x => x.width > 0); };
  let previous = null;  // the last visible character before this one: [node, offset, isSpace]
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest("svg, script, style, .md-search, .md-sidebar--primary, .ab-sr")
          || !el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
      const text = node.data;
      for (const chunk of text.matchAll(/\\S+/g)) {
        if (/[\\/@]|\\w\\.\\w/.test(chunk[0])) continue;
        for (const word of chunk[0].matchAll(/[\\p{L}\\p{N}'’]{2,}/gu)) {
          const start = chunk.index + word.index;
          // The line of a word's first and last letter (a letter's last box: after a
          // soft hyphen, Chromium gives the next letter the hyphen's box as well).
          const top = i => {
            const r = lineOf(node, i, i + 1); return r.length && Math.round(r.at(-1).top); };
          if (top(start) !== top(start + word[0].length - 1))
            words.push(`${word[0]} (in ${el.tagName.toLowerCase()}.${el.className})`);
        }
      }
      for (let i = 0; i < text.length; i++) {
        const space = /\\s/.test(text[i]);
        if (/[,;:.]/.test(text[i]) && previous && !previous[2]) {
          const here = lineOf(node, i, i + 1)[0];
          const before = lineOf(previous[0], previous[1], previous[1] + 1)[0];
          if (here && before && here.top > before.bottom - 2) stranded.push(text.slice(i, i + 20));
        }
        previous = [node, i, space];
      }
    }
  }
  return {words: [...new Set(words)].slice(0, 10), stranded: stranded.slice(0, 10)};
}"""

# Lazy pictures load once they come near the screen: scroll down the whole page.
LOAD_EVERYTHING = """async () => {
  for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
    window.scrollTo(0, y); await new Promise(r => requestAnimationFrame(r)); }
  for (const img of document.images) img.loading = "eager";
  const start = Date.now();
  while ([...document.images].some(i => !i.complete) && Date.now() - start < 5000)
    await new Promise(r => setTimeout(r, 50));
  await Promise.all([...document.images].map(i => i.decode().catch(() => null)));
  window.scrollTo(0, 0);
}"""


@pytest.fixture(scope="module")
def page_kinds(built_site) -> dict[str, str]:
    pages = sitemap_pages(built_site)
    chosen = {}
    for kind, pattern in PAGE_KINDS.items():
        matches = [p for p in pages if re.fullmatch(pattern, p)]
        assert matches, f"no page in the sitemap is a {kind} page ({pattern})"
        chosen[kind] = matches[0]
    return chosen | {"not-found": MISSING}


def open_kind(page, base_url: str, path: str) -> None:
    response = page.goto(f"{base_url}{path}")
    assert response.status == (404 if path == MISSING else 200), path
    page.evaluate(LOAD_EVERYTHING)


def forgive_own_404(watch, path: str) -> None:
    """The missing address's own 404 status is the one console error it is meant to cause."""
    if path == MISSING:
        watch.console_errors[:] = [e for e in watch.console_errors if "status of 404" not in e]


def assert_fits(page, kind: str, width: int) -> None:
    sticking = page.evaluate(STICKING_OUT)
    assert sticking["page"] <= 0 and not sticking["elements"], (
        f"{kind} at {width}px is {sticking['page']}px too wide: {sticking['elements']}"
    )
    broken = page.evaluate(BROKEN_TEXT)
    assert not broken["words"], f"{kind} at {width}px breaks words inside: {broken['words']}"
    assert not broken["stranded"], (
        f"{kind} at {width}px starts a line with punctuation: {broken['stranded']}"
    )


@pytest.mark.parametrize("width", [*PHONES, DESKTOP])
def test_every_page_kind_fits_the_screen_with_whole_words(page, watch, base_url, page_kinds, width):
    """No sideways scrolling, no word broken inside, no comma alone on a line. On the
    phone of 360 pixels and the desktop each page kind is saved as a screenshot, and
    axe-core (WCAG 2.2 AA) finds nothing on it as it is shown at that width."""
    page.set_viewport_size({"width": width, "height": 780 if width < DESKTOP else 900})
    violations = []
    for kind, path in page_kinds.items():
        open_kind(page, base_url, path)
        if width in (PHONE, DESKTOP):
            name = "desktop" if width == DESKTOP else "phone"
            save_screenshot(page, f"public-{kind}-{name}", full_page=True)
            violations += axe_now(page, f"{kind} at {width}px")
        assert_fits(page, kind, width)
        forgive_own_404(watch, path)
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_the_first_tab_offers_a_skip_link_to_the_content(page, watch, base_url, page_kinds, width):
    """On every page kind the first Tab shows "Ga naar de inhoud"; following it, the
    next Tab lands in the page's content, past the header and the menu."""
    page.set_viewport_size({"width": width, "height": 780 if width < DESKTOP else 900})
    for kind, path in page_kinds.items():
        page.goto(f"{base_url}{path}")
        page.keyboard.press("Tab")
        skip = page.locator(":focus")
        assert skip.inner_text().strip() == SKIP_LINK, f"{kind}: the first Tab"
        box = skip.bounding_box()
        assert box and box["y"] >= 0 and box["height"] >= 24, f"{kind}: the skip link shows"
        assert page.evaluate(FOCUS_RING), f"{kind}: the skip link has no visible focus"
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.activeElement.id === 'hoofdinhoud'")
        page.keyboard.press("Tab")
        inside = page.evaluate("() => !!document.activeElement.closest('#hoofdinhoud')")
        assert inside, f"{kind}: after the skip link, Tab is not in the content"
        forgive_own_404(watch, path)


def province_counts() -> dict[str, tuple[str, int]]:
    """Straight from the content: each province's name and its number of actions (an
    action in a region counts for the province around it)."""
    catalogue = load_catalogue(read_project(ROOT))
    regions = catalogue.vocabularies["region"]
    provinces: dict[str, set[str]] = defaultdict(set)
    for slug, action in catalogue.actions.items():
        for region in action.data["regions"]:
            term = regions.by_slug[region]
            provinces[term.parent or term.slug].add(slug)
    return {
        term.path or term.slug: (term.nl, len(provinces[term.slug]))
        for term in regions.terms
        if term.parent is None
    }


def test_the_map_shows_each_province_with_the_catalogues_count(page, watch, base_url, page_kinds):
    """Without seeing the map, a visitor hears the same: each province with actions is a
    link named with its name and count, the others are named in the text beside it; the
    labels on the map say it in text, not only in colour. A province leads to its page."""
    expected = province_counts()
    national = {key: value for key, value in expected.items() if key == "landelijk"}
    assert national, "the region vocabulary has Landelijk"
    on_map = {key: value for key, value in expected.items() if key not in national}
    assert len(on_map) == 12, "the twelve provinces"
    # Arrive the way a visitor does, from another page by the name in the header.
    page.goto(f"{base_url}{page_kinds['action']}")
    page.locator(".md-header a.ab-brand").click()
    page.wait_for_url(base_url)
    where = page.locator("section.ab-where")
    assert where.get_by_role("group", name="Acties per provincie").count() == 1
    for key, (name, count) in on_map.items():
        label = f"{name}: {count} {'actie' if count == 1 else 'acties'}"
        link = where.get_by_role("link", name=label, exact=True)
        if count:
            assert link.count() == 1, f"the map has no link named {label!r}"
            assert link.get_attribute("xlink:href") == f"acties/regio/{key}/"
        else:
            assert link.count() == 0, f"{name} has no actions and no page: no link"
            assert name in where.locator(".ab-where__text").inner_text()
        # The label on the map says the same, in text (readable without colour).
        labels = page.locator(".ab-map__labels text", has_text=name).first
        assert labels.locator(".ab-map__count").text_content() == str(count), name
    # Landelijk is no province: not on the map, not under its heading, but apart.
    assert "Landelijk" not in where.inner_text()
    name, count = national["landelijk"]
    apart = page.locator("section.ab-national", has_text=name)
    assert apart.get_by_role("heading", name=name).is_visible()
    link = apart.get_by_role("link", name="Bekijk de", exact=False)
    assert link.inner_text() == ("Bekijk de actie" if count == 1 else f"Bekijk de {count} acties")
    assert link.evaluate("a => a.href") == f"{base_url}acties/regio/landelijk/"
    # A province leads to its page, which lists as many actions as the map said.
    key, (name, count) = max(on_map.items(), key=lambda item: item[1][1])
    where.get_by_role("link", name=f"{name}: {count} acties").click()
    page.wait_for_url(re.compile(rf"/acties/regio/{key}/$"))
    assert page.locator(".ab-result-count").inner_text().startswith(str(count))


def test_the_home_page_is_the_way_in_by_keyboard(page, watch, base_url):
    """Search, the success factors and the map are reached with Tab, with a visible focus;
    the search field opens the catalogue filtered on the words typed."""
    page.goto(base_url)
    order = ["#ab-home-zoek", ".ab-tile a", ".ab-map a"]
    found = []
    for _ in range(80):
        page.keyboard.press("Tab")
        hit = page.evaluate(
            """order => order.findIndex(s => document.activeElement.matches(s))""", order
        )
        if hit >= 0 and order[hit] not in found:
            visible = page.evaluate(FOCUS_RING)
            assert visible, f"{order[hit]} has the focus but no visible focus ring"
            found.append(order[hit])
        if len(found) == len(order):
            break
    assert found == order, f"Tab reached {found}, in this order"
    page.locator("#ab-home-zoek").fill("flexpool")
    page.locator("#ab-home-zoek").press("Enter")
    page.wait_for_url(re.compile(r"/acties/\?zoek=flexpool$"))
    assert page.locator("#ab-zoek").input_value() == "flexpool"
    # The catalogue shows the actions the word names, not all of them.
    total = len(load_catalogue(read_project(ROOT)).actions)
    page.wait_for_function(
        "n => parseInt(document.querySelector('.ab-result-count').textContent) < n", arg=total
    )
    assert int(page.locator(".ab-result-count").inner_text().split()[0]) > 0
    first = page.locator("[data-ab-results] > li.ab-card:visible").first
    assert "flexpool" in first.inner_text().lower()


def test_header_and_tabs_on_a_desktop(page, watch, base_url, page_kinds):
    """The name leads home, the search is in the header, the main sections are tabs with
    the current one marked; no repository link, no edit pencil, no table of contents
    beside an action. Every stop of the Tab key in the header and tabs shows its focus."""
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    page.goto(f"{base_url}{page_kinds['action']}")
    tabs = page.locator("nav.md-tabs a")
    assert [t.strip() for t in tabs.all_inner_texts()] == SECTIONS
    assert tabs.first.is_visible()
    assert page.locator("nav.md-tabs [aria-current]").inner_text().strip() == "Acties"
    assert page.locator(".md-header .md-search__input").is_visible()
    assert page.locator(".md-header button[data-ab-search-open]").count() == 1
    for place in (".md-header", ".md-tabs", ".md-sidebar--primary"):
        assert page.locator(f'{place} a[href*="github.com"]').count() == 0, place
    assert page.locator(".md-content__button").count() == 0
    assert not page.locator(".md-sidebar--secondary").is_visible()
    assert page.locator("a.ab-edit").inner_text() == "Wijzig deze pagina"
    stops = []
    for _ in range(12):
        page.keyboard.press("Tab")
        where = page.evaluate(
            "() => document.activeElement.closest('.md-header, .md-tabs') ? "
            "document.activeElement.outerHTML.slice(0, 80) : null"
        )
        if where is None and stops:
            break
        if where is not None:
            assert page.evaluate(FOCUS_RING), f"no visible focus on {where}"
            stops.append(where)
    assert len(stops) >= 1 + len(SECTIONS), f"Tab stopped at {stops}"
    page.locator(".md-header a.ab-brand").click()
    page.wait_for_url(base_url)


def test_header_and_menu_on_a_phone(page, watch, base_url, page_kinds):
    """On a phone the header holds the menu button, the name and the search button; the
    menu holds the main sections and no repository link."""
    page.set_viewport_size({"width": PHONE, "height": 780})
    page.goto(f"{base_url}{page_kinds['story']}")
    header = page.locator(".md-header")
    menu = header.locator('label[for="__drawer"]')
    assert menu.inner_text().strip() == "Menu"
    assert header.locator("a.ab-brand").inner_text().strip().startswith("Actiebank")
    search = header.locator("button[data-ab-search-open]")
    for control in (menu, search):
        box = control.bounding_box()
        assert box and box["width"] >= 24 and box["height"] >= 24
    assert not page.locator("nav.md-tabs").is_visible(), "the menu button replaces the tabs"
    search.click()
    assert page.locator(".md-search__input").is_visible()
    page.keyboard.press("Escape")
    menu.click()
    drawer = page.locator(".md-sidebar--primary")
    for section in SECTIONS:
        assert drawer.get_by_role("link", name=section, exact=True).is_visible(), section
    assert drawer.locator('a[href*="github.com"]').count() == 0


FOOTER_PAGES = {
    "Over de Actiebank": "Over Actiebank",
    "Privacyverklaring": "Privacyverklaring",
    "Toegankelijkheidsverklaring": "Toegankelijkheidsverklaring",
    "Open data": "Open data",
}


def test_the_footer_leads_to_the_service_pages_from_every_page(page, watch, base_url, page_kinds):
    """Every page kind (the missing page too) ends with the same footer: its own links
    arrive at a page that exists, with the heading they promise; the licences and the
    source code are named; no "Gemaakt met" line."""
    for kind, path in page_kinds.items():
        page.goto(f"{base_url}{path}")
        footer = page.locator("footer.ab-footer")
        assert "Gemaakt met" not in footer.inner_text(), kind
        assert footer.locator('a[href^="mailto:"]').count() == 1, kind
        for name in ("CC BY 4.0", "EUPL-1.2", "Broncode"):
            link = footer.get_by_role("link", name=name, exact=True)
            assert link.get_attribute("href").startswith("https://"), (kind, name)
        for name in FOOTER_PAGES:
            target = footer.get_by_role("link", name=name, exact=True).evaluate("a => a.href")
            assert target.startswith(base_url), (kind, name, target)
            assert page.request.get(target).status == 200, (kind, name, target)
        forgive_own_404(watch, path)
    for name, heading in FOOTER_PAGES.items():
        page.goto(f"{base_url}{page_kinds['action']}")
        page.locator("footer.ab-footer").get_by_role("link", name=name, exact=True).click()
        page.wait_for_url(re.compile(r"/(over|privacy|toegankelijkheid|data)/$"))
        # A long word in a title may break at a soft hyphen on a phone.
        assert page.locator("h1").inner_text().replace("\xad", "") == heading, name


def test_nothing_is_kept_in_the_browser(page, watch, base_url, page_kinds):
    """The privacy statement promises no cookies, and browser storage only for what a
    visitor chooses to keep (Mijn plan, comparing): visiting pages stores nothing."""
    for kind in ("home", "catalogue", "action", "story"):
        page.goto(f"{base_url}{page_kinds[kind]}")
    stored = page.evaluate(
        "() => [document.cookie, Object.keys(localStorage), Object.keys(sessionStorage)]"
    )
    assert stored == ["", [], []]


@pytest.mark.parametrize("width", [800, DESKTOP])
def test_story_pictures_are_whole_and_no_card_is_left_alone(page, watch, base_url, width):
    """An infographic on a story card shows all of its words (not cropped); the story
    cards fill every row, the last one too."""
    page.set_viewport_size({"width": width, "height": 900})
    for path in ("verhalen/", ""):
        page.goto(f"{base_url}{path}")
        page.evaluate(LOAD_EVERYTHING)
        for grid in page.locator("ul.ab-case-cards").all():
            pictures = grid.evaluate("""g => [...g.querySelectorAll("img")].map(i => ({
                fit: getComputedStyle(i).objectFit, shown: i.clientWidth / i.clientHeight,
                own: i.naturalWidth / i.naturalHeight}))""")
            for picture in pictures:
                assert picture["fit"] != "cover"
                assert abs(picture["shown"] - picture["own"]) < 0.02, picture
            rows = grid.evaluate("""g => { const rows = {};
                for (const li of g.children) { const r = li.getBoundingClientRect();
                  (rows[Math.round(r.top)] ??= []).push(r.width); }
                return {width: g.clientWidth, gap: parseFloat(getComputedStyle(g).columnGap),
                        rows: Object.values(rows)}; }""")
            for row in rows["rows"]:
                filled = sum(row) + rows["gap"] * (len(row) - 1)
                assert filled >= rows["width"] - 2, (
                    f"{path or 'home'}: a row of {len(row)} card(s) leaves a gap"
                )


def test_the_new_pages_are_in_the_sitemap(built_site):
    """The quality gates (axe, the Nu Html Checker, links) walk the sitemap: the new pages
    are in it, so the gates check them."""
    pages = sitemap_pages(built_site)
    for path in ("privacy/", "toegankelijkheid/", "data/", "over/", ""):
        assert path in pages, path
    assert Path(built_site / "404.html").is_file()
