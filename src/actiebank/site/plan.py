"""plan_site: every page and file of the site, planned once per build from the catalogue.

The order of pages is the order MkDocs receives them in (and the order of the search
index): actions, stories, then the catalogue's listing pages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content.catalogue import Catalogue, Entry
from ..content.history import Change, entry_times
from ..routes import (
    catalogue_data_url,
    csv_nl_url,
    dcat_url,
    fact_sheet_url,
    workbook_url,
)
from .card_data import catalogue_data
from .cards import Card
from .editorial import Editorial
from .embed import embed_files, embed_lists
from .export import export_files, published_schemas
from .facets import build_facet_index
from .fact_sheet import fact_sheet_json
from .feeds import Feed, facet_feeds, feed_files, site_feed
from .follow import feed_pages, follow_page
from .images import ImageStore
from .linked_data import dcat_catalog
from .listings import FacetListing, facet_listings, listing_pages
from .opendata import actions_csv_nl, newest_content_date, workbook_xlsx
from .ordering import sort_orders
from .pages import Page, Site, entry_pages
from .proposal_page import proposal_files, proposal_page
from .redirects import redirect_files
from .render import Renderer
from .views import Views


def plan_site(
    catalogue: Catalogue,
    *,
    dates: dict[Path, str],
    images: ImageStore,
    renderer: Renderer,
    proposal_form: dict[str, Any],
    schema_files: dict[str, Path] | None = None,
    changed: dict[Path, str] | None = None,
    histories: dict[Path, list[Change]] | None = None,
) -> Site:
    """`dates`: each content file's last commit day; `changed`: its moment (for sorting);
    `histories`: its newest changes (for the history on its page); `proposal_form`: the
    proposal form's description, which the contribute stage makes (`form_spec`)."""
    project = catalogue.project
    modified = newest_content_date(catalogue, dates)  # for reviews, the data page and DCAT
    views = Views(
        catalogue=catalogue,
        index=build_facet_index(catalogue),
        dates=dates,
        images=images,
        renderer=renderer,
        edit_base=project.edit_base,
        changed=changed or {},
        histories=histories or {},
        as_of=modified,
    )
    ordered = order_catalogue(views)
    proposal = proposal_page(views, ordered.newest, proposal_form)
    feeds = all_feeds(views, ordered)
    pages = site_pages(views, ordered, proposal, feeds)
    files = site_files(views, ordered, proposal, modified, schema_files or {}, feeds)
    return Site(
        pages=pages,
        files=files,
        content_dir=catalogue.content_dir.resolve(),
        dates=dates,
        editorial=Editorial(
            index=views.index,
            renderer=renderer,
            views=views,
            newest=ordered.newest,
            cases=ordered.cases,
            modified=modified,
            site_url=project.site_url,
        ),
    )


@dataclass(frozen=True)
class Ordered:
    """The catalogue in the orders its pages, feeds and files list it."""

    newest: list[str]  # action slugs, the newest first
    cases: list[Entry]  # the stories, the newest first
    cards: list[Card]  # every action's card, in the catalogue's order
    ranked: list[str]  # action slugs in the default order: the most evidence first
    listings: list[FacetListing]  # each facet with its values in use


def order_catalogue(views: Views) -> Ordered:
    catalogue = views.catalogue
    newest = [
        a.slug
        for a in sorted(
            catalogue.actions.values(), key=lambda a: (views.action_date(a), a.slug), reverse=True
        )
    ]
    cases = sorted(
        catalogue.cases.values(), key=lambda c: (views.case_date(c), c.slug), reverse=True
    )
    listings = facet_listings(views.index)
    cards = [views.card(a) for a in catalogue.actions.values()]
    ranked = sort_orders(cards)["bewijs"]
    return Ordered(newest=newest, cases=cases, cards=cards, ranked=ranked, listings=listings)


def all_feeds(views: Views, ordered: Ordered) -> list[Feed]:
    """The site feed and a feed per facet value in use; each entry dated by its own git
    history (one `git log`; empty outside a checkout) or its front matter (feeds.py)."""
    site_url = views.catalogue.project.site_url
    times = entry_times(views.catalogue.content_dir)
    return [
        site_feed(views, ordered.newest, ordered.cases, site_url, times),
        *facet_feeds(views, views.index, ordered.listings, ordered.newest, site_url, times),
    ]


def site_pages(
    views: Views, ordered: Ordered, proposal: Page, feeds: list[Feed]
) -> dict[str, Page]:
    """Every page by its source path, in the order MkDocs receives them, each with the
    renderer and the card drawer."""
    pages: dict[str, Page] = {}
    for page in [
        *entry_pages(views.catalogue, views, views.index, ordered.cases),
        *listing_pages(views, views.index, ordered.listings, ordered.ranked, ordered.cases),
        follow_page(views, ordered.listings, ordered.newest),
        *feed_pages(views, feeds),
        proposal,
    ]:
        page.renderer = views.renderer
        page.context["card_html"] = views.card_html
        pages[page.src_uri] = page
    return pages


def site_files(
    views: Views,
    ordered: Ordered,
    proposal: Page,
    modified: str,
    schema_files: dict[str, Path],
    feeds: list[Feed],
) -> dict[str, bytes | Path]:
    """Every file beside the pages by its site path, sorted: feeds, redirects, exports,
    the catalogue's data, embeds, open data, the proposal form's description, the
    schemas and the images. `modified`: the newest date in the content."""
    catalogue, index, renderer = views.catalogue, views.index, views.renderer
    site_url = catalogue.project.site_url
    files: dict[str, bytes | Path] = {}
    files.update(feed_files(renderer, feeds, site_url))
    files.update(redirect_files(index, renderer, site_url, feeds))
    files.update(export_files(catalogue, site_url=site_url))
    files.update(choosing_files(views, ordered.cards))
    by_slug = {c.slug: c for c in ordered.cards}
    files.update(embed_files(embed_lists(index, by_slug, ordered.ranked), renderer))
    files.update(open_data_files(catalogue, views.dates, modified))
    files.update(proposal_files(proposal))
    # The schemas as strict JSON Schema, and the schema of the /api/ records (export.py).
    files.update(published_schemas(schema_files, site_url))
    files.update(views.images.files)
    return dict(sorted(files.items()))


def choosing_files(views: Views, cards: list[Card]) -> dict[str, bytes | Path]:
    """The catalogue's card data and each action's facts, for filtering, comparing and
    "Mijn plan"."""
    facets = [facet.name for facet in views.index]
    steps = len(views.catalogue.vocabularies["evidence_level"].slugs)
    files: dict[str, bytes | Path] = {catalogue_data_url(): catalogue_data(cards, facets, steps)}
    for action in views.catalogue.actions.values():
        files[fact_sheet_url(action.slug)] = fact_sheet_json(action, views, facets)
    return files


def open_data_files(
    catalogue: Catalogue, dates: dict[Path, str], modified: str
) -> dict[str, bytes | Path]:
    """The open data for people (a Dutch workbook and CSV) and for data portals (DCAT);
    `modified` is the newest date in the content."""
    dcat = dcat_catalog(catalogue, site_url=catalogue.project.site_url, modified=modified)
    return {
        workbook_url(): workbook_xlsx(catalogue, dates=dates),
        csv_nl_url(): actions_csv_nl(catalogue, dates=dates),
        dcat_url(): (json.dumps(dcat, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
    }
