"""/volgen/: every feed of the site on one page, for people who want to follow new actions,
and a page for each feed (/volgen/alles/, /volgen/<filter>/<value>/).

The feeds are the site feed (all new actions and stories) and one per facet value in use
(feeds.py makes them). The follow page groups them as people look for them: by success
factor, by province, by region, then by the other filters, and links each to its page.
A feed's page is where people land: what the feed follows, its address to copy, how to
subscribe and its newest entries. Browsers show a feed's XML as code, so the site offers a
feed by its page everywhere (the filter pages, this page), never by the XML itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..routes import SITE_FEED, absolute, follow_url, listing_source
from .feeds import Feed, feed_page_url
from .listings import FacetListing, TermCount, newest_date
from .pages import Page
from .views import Views


@dataclass(frozen=True)
class FeedLink:
    label: str
    url: str  # the feed's page in the site (/volgen/...)
    count: int  # the actions (or actions and stories) it follows


@dataclass(frozen=True)
class FeedGroup:
    slug: str  # for the heading's id
    title: str
    feeds: list[FeedLink]


def feed_links(listing: FacetListing, terms: list[TermCount]) -> list[FeedLink]:
    return [
        FeedLink(label=t.label, url=feed_page_url(listing.name, t.value), count=t.count)
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
        url=feed_page_url(),
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


def feed_pages(views: Views, feeds: list[Feed]) -> list[Page]:
    """A page for each feed: what it follows, its address, how to subscribe, its newest
    entries."""
    site_url = views.catalogue.project.site_url
    return [
        Page(
            src_uri=listing_source(feed.page_url),
            url=feed.page_url,
            title=feed.heading,
            description=f"{feed.description} Zo volgt u ze met een feedlezer of per e-mail.",
            template="feed_page.html",
            searchable=False,
            date=feed.updated[:10],
            context={
                "feed": feed,
                "address": absolute(site_url, feed.path),
                "site_feed": feed.path == SITE_FEED,
            },
        )
        for feed in feeds
    ]
