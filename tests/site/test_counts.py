"""Every count the site states equals the number of actions its link leads to.

The project's own site is built; on every page, each link that says how many actions it
leads to ("42 acties", "2 acties met een gemeten resultaat", a filter value's "Gemeten 1",
the map's "Groningen: 4 acties", "Download deze 10 acties als CSV") is followed:

- to a filter value page: the cards on it, over all its pages;
- to the catalogue with a query: the cards of the catalogue's data that the query keeps
  (within a filter any ticked value, across filters every filter: the content model);
- to the catalogue without one: every card;
- to a feed's page: the actions of the filter value page it follows;
- to the spreadsheet with a selection: the rows the selection keeps.

A filter value page's own "10 acties." is held to its cards and to its "Verder filteren"
link. The home page's figure and the plan's gap share one definition of a measured result
(content/facts.py); this test is what shows that the pages agree.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest

ANCHOR = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S)
ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
SAYS_ACTIONS = re.compile(r"(\d+)\s+acties?\b")
COUNT_INSIDE = re.compile(r'<span class="ab-count"[^>]*>(\d+)</span>')
COUNT_AFTER = re.compile(r'\s*<span class="ab-count">(\d+) acties?</span>')
RESULT_COUNT = re.compile(r'<p class="ab-result-count">(\d+) acties?[.,]')
CARD = re.compile(r'<li class="ab-card[^"]*" data-slug="([^"]+)"')
PAGINATION = re.compile(r'<nav class="ab-pagination"[^>]*>(.*?)</nav>', re.S)
ROOT = "/actiebank/"


def text_of(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


class Site:
    def __init__(self, folder: Path):
        self.folder = folder
        data = json.loads((folder / "acties" / "kaarten.json").read_text(encoding="utf-8"))
        self.facets: list[str] = data["facets"]
        self.cards: list[dict] = data["cards"]

    def page(self, url: str) -> str:
        path = urlsplit(url).path.removeprefix(ROOT)
        file = self.folder / path / "index.html" if path.endswith("/") or not path else None
        return (file or self.folder / path).read_text(encoding="utf-8")

    def kept_by(self, query: str) -> list[str]:
        """The cards the catalogue's filters keep for a query string."""
        chosen: dict[str, set[str]] = {}
        for name, value in parse_qsl(query):
            if name in self.facets:
                chosen.setdefault(name, set()).update(value.split(","))
        assert chosen, f"the query {query!r} names no filter"
        return [
            card["slug"]
            for card in self.cards
            if all(
                chosen[name] & set(card["values"][i])
                for i, name in enumerate(self.facets)
                if name in chosen
            )
        ]

    def cards_on(self, url: str) -> list[str]:
        """The actions on a listing page and on the other pages of its list."""
        page = self.page(url)
        found = CARD.findall(page)
        pages = PAGINATION.search(page)
        for href in re.findall(r'href="([^"]+)"', pages.group(1) if pages else ""):
            found += CARD.findall(self.page(urljoin(url, html.unescape(href))))
        return found

    def actions_at(self, url: str, selection: str = "") -> int:
        parts = urlsplit(url)
        path = parts.path.removeprefix(ROOT)
        if path == "data/acties.csv":
            return len(self.kept_by(selection)) if selection else len(self.cards)
        if path == "acties/":
            return len(self.kept_by(parts.query)) if parts.query else len(self.cards)
        if re.fullmatch(r"acties/[a-z]+/[a-z0-9-]+/", path):
            return len(set(self.cards_on(url)))
        if re.fullmatch(r"volgen/[a-z]+/[a-z0-9-]+/", path):
            # A feed's page: the feed follows the actions of the filter value's page.
            return self.actions_at(ROOT + "acties/" + path.removeprefix("volgen/"))
        raise AssertionError(f"a count links to {url}, which is no list of actions")


def stated_counts(page_url: str, page: str) -> list[tuple[str, int, str, str]]:
    """(where, count, link, selection) for each link on the page that states a count."""
    found = []
    for match in ANCHOR.finditer(page):
        attributes = dict(ATTRIBUTE.findall(match.group(1)))
        href = attributes.get("href") or attributes.get("xlink:href")
        if not href or href.startswith(("http", "mailto:", "#")):
            continue
        said = SAYS_ACTIONS.search(html.unescape(attributes.get("aria-label", "")))
        said = said or SAYS_ACTIONS.search(text_of(match.group(2)))
        said = said or COUNT_INSIDE.search(match.group(2))
        said = said or COUNT_AFTER.match(page, match.end())
        if said:
            where = f"{page_url}: {text_of(match.group(0))[:60]!r}"
            link = urljoin(page_url, html.unescape(href))
            selection = html.unescape(attributes.get("data-ab-selection", ""))
            found.append((where, int(said.group(1)), link, selection))
    return found


@pytest.fixture(scope="module")
def site(built_site) -> Site:
    return Site(built_site)


def page_urls(folder: Path) -> list[str]:
    urls = []
    for file in folder.rglob("index.html"):
        place = file.parent.relative_to(folder).as_posix()
        urls.append(ROOT if place == "." else f"{ROOT}{place}/")
    return sorted(urls)


def test_every_count_the_site_states_is_the_number_of_actions_its_link_leads_to(site):
    checked, wrong = 0, []
    for url in page_urls(site.folder):
        page = site.page(url)
        if 'http-equiv="refresh"' in page:
            continue  # an old address that moves on
        for where, count, link, selection in stated_counts(url, page):
            found = site.actions_at(link, selection)
            checked += 1
            if found != count:
                wrong.append(f"{where} says {count}, {link} {selection} leads to {found}")
    assert not wrong, "\n".join(wrong)
    # The home figures, the map, the ladder and every filter value are among them.
    assert checked > 300, checked


def test_a_filter_value_page_counts_its_own_cards_and_its_catalogue_link(site):
    checked = 0
    for facet in site.facets:
        for folder in sorted((site.folder / "acties" / facet).iterdir()):
            if not (folder / "index.html").is_file():
                continue  # the filter's feed
            url = f"{ROOT}acties/{facet}/{folder.name}/"
            page = site.page(url)
            if 'http-equiv="refresh"' in page:
                continue  # an old English address that moves on
            said = RESULT_COUNT.search(page)
            assert said, f"{url} does not say how many actions it lists"
            count = int(said.group(1))
            assert len(set(site.cards_on(url))) == count, url
            further = re.search(r'<a href="([^"]+)">Verder filteren in de catalogus</a>', page)
            assert further, url
            assert site.actions_at(urljoin(url, html.unescape(further.group(1)))) == count, url
            checked += 1
    assert checked > 50, checked


def test_the_home_figure_and_the_plan_gap_lead_to_the_actions_with_a_measured_result(site):
    home = site.page(ROOT)
    figure = re.search(
        r'<a href="([^"]+)">[^<]*?(\d+)\s*(?:<[^>]+>\s*)*acties? met een gemeten', home
    )
    figure = figure or re.search(
        r'<a href="([^"]+)"[^>]*>(?:(?!</a>).)*?(\d+)(?:(?!</a>).)*?met een gemeten resultaat',
        home,
        re.S,
    )
    assert figure, "the home page states how many actions have a measured result"
    home_link = urljoin(ROOT, html.unescape(figure.group(1)))
    plan = site.page(f"{ROOT}acties/mijn-plan/")
    gap = re.search(r'data-measured-url="([^"]+)"', plan)
    # The plan's script resolves the address from the site's root (A.url), as it does
    # the success factors' addresses: on the published site's base path too.
    assert gap and urljoin(ROOT, html.unescape(gap.group(1))) == home_link
    assert site.actions_at(home_link) == int(figure.group(2))
