"""/volgen/: every feed of the site on one page, for people who want to follow new actions.

The feeds are the site feed (all new actions and stories) and one per facet value in use
(feeds.py makes them). The page groups them as people look for them: by success factor,
by province, by region, then by the other filters.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..routes import SITE_FEED, facet_feed_url, follow_url, listing_source
from .listings import FacetListing, TermCount, newest_date
from .pages import Page
from .views import Views


@dataclass(frozen=True)
class FeedLink:
    label: str
    url: str  # the feed's address in the site
    page_url: str  # the page that lists the same actions
    count: int  # the actions (or actions and stories) it follows


@dataclass(frozen=True)
class FeedGroup:
    slug: str  # for the heading's id
    title: str
    feeds: list[FeedLink]


def feed_links(listing: FacetListing, terms: list[TermCount]) -> list[FeedLink]:
    return [
        FeedLink(
            label=t.label,
            url=facet_feed_url(listing.name, t.value),
            page_url=t.url,
            count=t.count,
        )
        for t in terms
    ]


def feed_groups(views: Views, listings: list[FacetListing]) -> list[FeedGroup]:
    """Success factors, provinces and regions first (what people follow most), then the
    other filters in the catalogue's order."""
    by_vocabulary = {views.index[listing.name].vocabulary.name: listing for listing in listings}
    first: list[FeedGroup] = []
    factors = by_vocabulary.get("success_factor")
    if factors:
        first.append(
            FeedGroup(factors.name, "Per succesfactor", feed_links(factors, factors.terms))
        )
    regions = by_vocabulary.get("region")
    if regions:
        tops = [t for t in regions.terms if not t.child]
        children = [t for t in regions.terms if t.child]
        first.append(FeedGroup("provincie", "Per provincie", feed_links(regions, tops)))
        if children:
            first.append(FeedGroup(regions.name, "Per regio", feed_links(regions, children)))
    rest = [
        FeedGroup(listing.name, f"Per {listing.per}", feed_links(listing, listing.terms))
        for listing in listings
        if listing is not factors and listing is not regions
    ]
    return first + rest


def follow_page(views: Views, listings: list[FacetListing], newest: list[str]) -> Page:
    catalogue = views.catalogue
    everything = FeedLink(
        label="Alle nieuwe acties en verhalen",
        url=SITE_FEED,
        page_url="",
        count=len(catalogue.actions) + len(catalogue.cases),
    )
    return Page(
        src_uri=listing_source(follow_url()),
        url=follow_url(),
        title="Volgen wat er nieuw is",
        description="Volg nieuwe acties in de Actiebank met een feedlezer of per e-mail: "
        "alles, of per succesfactor, provincie of regio.",
        template="follow.html",
        searchable=False,
        date=newest_date(views, newest),
        context={"everything": everything, "groups": feed_groups(views, listings)},
    )
