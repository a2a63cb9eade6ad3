"""The data page (/data/) and the embeddable lists (insluiten/<filter>/<waarde>/): what a
programme lead downloads and puts on her own site."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from actiebank.site.embed import EMBED_SIZE
from actiebank.site.opendata import COLUMNS


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []
        self.scripts = 0
        self.items = 0

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "a":
            self.links.append(found)
        if tag == "script":
            self.scripts += 1
        if tag == "li" and "ab-embed__item" in (found.get("class") or ""):
            self.items += 1


def parsed(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def resolves(site: Path, page: Path, href: str) -> bool:
    target = (page.parent / href.split("#")[0]).resolve()
    return target.is_file() or (target / "index.html").is_file()


def test_the_data_page_offers_every_download_and_explains_every_column(built_site):
    page = built_site / "data" / "index.html"
    html = page.read_text(encoding="utf-8")
    hrefs = [a["href"] for a in parsed(page).links if a.get("href")]
    for wanted in (
        "data/actiebank.xlsx",
        "data/acties.csv",
        "api/actions.json",
        "api/actions.csv",
        "api/cases.json",
        "data/catalogus.jsonld",
    ):
        matching = [h for h in hrefs if h.endswith(wanted.split("/", 1)[1])]
        assert matching, f"the data page does not link {wanted}"
        assert all(resolves(built_site, page, h) for h in matching), matching
    for sheet, columns in COLUMNS.items():
        assert f"Tabblad {sheet}" in html
        for column in columns:
            assert f'<th scope="row">{column.header}</th>' in html.replace("&#39;", "'"), column
    assert "versie 1" in html
    assert "CC BY 4.0" in html


def test_the_catalogue_facet_pages_and_over_link_the_data_page(built_site):
    for page in (
        built_site / "acties" / "index.html",
        built_site / "acties" / "regio" / "zuid-holland" / "index.html",
        built_site / "over" / "index.html",
    ):
        hrefs = [a.get("href") or "" for a in parsed(page).links]
        assert any(
            h.rstrip("/").endswith("data") and resolves(built_site, page, h) for h in hrefs
        ), page


def test_every_filter_value_has_a_light_embeddable_list_that_leads_back(built_site):
    lists = sorted(built_site.glob("insluiten/*/*/index.html"))
    assert len(lists) > 40
    for page in lists:
        html = page.read_text(encoding="utf-8")
        found = parsed(page)
        assert found.scripts == 0, page
        assert "Content-Security-Policy" in html and "script-src" not in html
        assert 0 < found.items <= EMBED_SIZE
        assert all(a.get("target") == "_top" for a in found.links), page
        assert all(resolves(built_site, page, a["href"] or "") for a in found.links), page
    # Zuid-Holland: every action of the province or one of its regions, counted.
    zuid = built_site / "insluiten" / "regio" / "zuid-holland" / "index.html"
    facet_page = (built_site / "acties" / "regio" / "zuid-holland" / "index.html").read_text(
        encoding="utf-8"
    )
    count = int(re.search(r"(\d+) acties? in de Actiebank", zuid.read_text("utf-8")).group(1))
    assert f"{count} acties" in facet_page
