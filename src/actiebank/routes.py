"""Every address the site has, in one place.

Addresses are relative to the site root and end in '/' for pages. They are a contract:
visitors bookmark them and feeds point at them. An action's slug shares /acties/ with the
catalogue's own pages, a story's /verhalen/ with the list of stories, so those names are
reserved for each kind (`reserved_slugs`): an entry with one of them would never get its
page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

ACTIONS = "acties"
CASES = "verhalen"
# Pages of the catalogue that live under /acties/ beside the actions.
CATALOGUE_PAGES = ("feed", "index", "vergelijk", "mijn-plan")
# Pages under /verhalen/ beside the stories: the list itself, made from verhalen/index.md
# (listing_source), which is also the source a story named 'index' would have.
STORY_PAGES = ("index",)

SITE_FEED = "feed.xml"
OPEN_GRAPH_FOLDER = "assets/og"
IMAGE_FOLDER = "assets/images"


def catalogue_url() -> str:
    return f"{ACTIONS}/"


def compare_url() -> str:
    """Up to four actions side by side: /acties/vergelijk/?acties=a,b,c."""
    return f"{ACTIONS}/vergelijk/"


def plan_url() -> str:
    """The visitor's own selection of actions, kept in their browser only."""
    return f"{ACTIONS}/mijn-plan/"


def catalogue_data_url() -> str:
    """Every card's texts and filter values, for the catalogue's script (card_data.py)."""
    return f"{ACTIONS}/kaarten.json"


def fact_sheet_url(slug: str) -> str:
    """An action's facts as rows, for the compare page and "Mijn plan" (fact_sheet.py)."""
    return f"{ACTIONS}/{slug}/feiten.json"


def cases_url() -> str:
    return f"{CASES}/"


def action_url(slug: str) -> str:
    return f"{ACTIONS}/{slug}/"


def case_url(slug: str) -> str:
    return f"{CASES}/{slug}/"


def proposal_url() -> str:
    """The form on which a contributor without a GitHub account proposes an entry."""
    return "bijdragen/voorstellen/"


def proposal_spec_url() -> str:
    """The proposal form's description, which its script reads (form_spec as JSON)."""
    return f"{proposal_url()}formulier.json"


def evidence_url() -> str:
    """The page that explains the evidence ladder, the cost levels and the result words."""
    return "bewijs/"


def facet_url(facet: str, value: str | None = None, number: int = 1) -> str:
    """/acties/<facet>/ (the facet's index), /acties/<facet>/<value>/ and its further pages."""
    if value is None:
        return f"{ACTIONS}/{facet}/"
    return f"{ACTIONS}/{facet}/{value}/" + (f"{number}/" if number > 1 else "")


def facet_feed_url(facet: str, value: str) -> str:
    return f"{facet_url(facet, value)}feed.xml"


def follow_url() -> str:
    """The page that lists every feed: everything, per success factor, province, region."""
    return "volgen/"


def api_url(name: str) -> str:
    """api/actions.json, api/actions.csv, api/cases.json."""
    return f"api/{name}"


def workbook_url() -> str:
    """The open data for people: every action, result and story in one workbook."""
    return "data/actiebank.xlsx"


def csv_nl_url() -> str:
    """The actions as a CSV file that Dutch Excel opens as it is (';', decimal comma)."""
    return "data/acties.csv"


def dcat_url() -> str:
    """The description of the open data for data portals (DCAT-AP-NL, JSON-LD)."""
    return "data/catalogus.jsonld"


def search_index_url() -> str:
    """The site search's index: Pagefind's script, its chunks and filters, all under here."""
    return "pagefind/"


def schema_url(name: str) -> str:
    return f"schema/{name}"


def open_graph_url(slug: str) -> str:
    return f"{OPEN_GRAPH_FOLDER}/{slug}.png"


def image_url(name: str) -> str:
    return f"{IMAGE_FOLDER}/{name}"


# The Markdown source path MkDocs needs for each generated page: an entry's page is made
# from `acties/<slug>.md` (so MkDocs' own links between entries resolve), a listing from
# `<url>index.md`.


def action_source(slug: str) -> str:
    return f"{ACTIONS}/{slug}.md"


def case_source(slug: str) -> str:
    return f"{CASES}/{slug}.md"


def listing_source(url: str) -> str:
    return f"{url}index.md"


def root_of(url: str) -> str:
    """The relative way back to the site root from a page: pages work under any base path."""
    return "../" * url.count("/")


def absolute(site_url: str, path: str) -> str:
    """A site path as a full address when the site's address is known, else root-relative."""
    base = site_url if site_url else "/"
    return base.rstrip("/") + "/" + path.lstrip("/")


def reserved_action_slugs(facet_paths: Iterable[str]) -> frozenset[str]:
    """Names an action may not take: the catalogue's own pages under /acties/."""
    return frozenset(facet_paths) | frozenset(CATALOGUE_PAGES)


def reserved_slugs(kind: str, facet_paths: Iterable[str]) -> frozenset[str]:
    """Names an entry of a kind ('action' or 'case') may not take: the site's own pages in
    its folder (/acties/ or /verhalen/)."""
    if kind == "action":
        return reserved_action_slugs(facet_paths)
    return frozenset(STORY_PAGES)


_SOURCE_LINK = re.compile(r"\]\(\s*((?:\.\./)*)(actions|cases)/([a-z0-9-]+\.md(?:#[^)\s]*)?)")
_PUBLISHED_FOLDER = {"actions": ACTIONS, "cases": CASES}


def link_to_published_pages(markdown: str) -> str:
    """Point Markdown links at entry source files (`../actions/x.md`, what a contributor
    sees in the repository) to the pages made from them (`../acties/x.md`): the source
    files themselves are not published."""
    return _SOURCE_LINK.sub(
        lambda m: f"]({m.group(1)}{_PUBLISHED_FOLDER[m.group(2)]}/{m.group(3)}", markdown
    )


def embed_url(facet: str, value: str) -> str:
    """A facet value's actions as a bare list another site puts in an <iframe>."""
    return f"insluiten/{facet}/{value}/"


def data_page_url() -> str:
    """The open data page: what can be downloaded, the licence and every column."""
    return "data/"
