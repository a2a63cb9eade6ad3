"""Atom feeds: the site's newest actions and stories, and one per facet value.

A feed's `updated` comes from its entries, never the clock, so the same content gives the
same feed on any day. Every feed names the site's stylesheet (feed.xsl), so a browser
shows it as a Dutch page that explains feeds; the stylesheet and the /volgen/ page are
named by relative addresses, which work under any base path and on a local preview.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.catalogue import Entry
from ..routes import (
    SITE_FEED,
    absolute,
    action_url,
    case_url,
    facet_feed_url,
    facet_url,
    feed_stylesheet_url,
    follow_url,
    root_of,
)
from .facets import FacetIndex
from .listings import FacetListing
from .render import Renderer
from .views import Views

FEED_SIZE = 20
BRAND = "Actiebank"


@dataclass(frozen=True)
class FeedEntry:
    title: str
    summary: str
    id: str  # the entry's full address
    updated: str
    kind: str  # 'Actie' or 'Verhaal'


def atom_feed(
    renderer: Renderer,
    *,
    title: str,
    site_url: str,
    feed_path: str,
    page_path: str,
    entries: list[FeedEntry],
) -> bytes:
    dated = [e.updated for e in entries if e.updated]
    return str(
        renderer.render(
            "feed.xml",
            title=title,
            feed_url=absolute(site_url, feed_path),
            stylesheet_url=root_of(feed_path) + feed_stylesheet_url(),
            follow_url=root_of(feed_path) + follow_url(),
            page_url=absolute(site_url, page_path),
            updated=max(dated) if dated else "2000-01-01",
            entries=entries,
        )
    ).encode("utf-8")


def action_entry(views: Views, action: Entry, site_url: str) -> FeedEntry:
    return FeedEntry(
        title=action.title,
        summary=action.summary,
        id=absolute(site_url, action_url(action.slug)),
        updated=views.action_date(action),
        kind="Actie",
    )


def case_entry(case: Entry, site_url: str) -> FeedEntry:
    return FeedEntry(
        title=case.title,
        summary=case.summary,
        id=absolute(site_url, case_url(case.slug)),
        updated=str(case.data.get("updated") or case.data["date"]),
        kind="Verhaal",
    )


def facet_feeds(
    views: Views, index: FacetIndex, listings: list[FacetListing], newest: list[str], site_url: str
) -> dict[str, bytes]:
    """A feed of the newest actions of every facet value in use."""
    actions = views.catalogue.actions
    feeds = {}
    for facet, listing in zip(index, listings, strict=True):
        for term in listing.terms:
            matching = set(facet.actions[term.slug])
            ordered = [slug for slug in newest if slug in matching]
            path = facet_feed_url(facet.name, term.value)
            feeds[path] = atom_feed(
                views.renderer,
                title=f"{BRAND} – {facet.label}: {term.label}",
                site_url=site_url,
                feed_path=path,
                page_path=facet_url(facet.name, term.value),
                entries=[action_entry(views, actions[s], site_url) for s in ordered[:FEED_SIZE]],
            )
    return feeds


def site_feed(
    views: Views, newest: list[str], cases_newest_first: list[Entry], site_url: str
) -> dict[str, bytes]:
    """The newest actions and stories together."""
    actions = views.catalogue.actions
    entries = sorted(
        [action_entry(views, actions[s], site_url) for s in newest[:FEED_SIZE]]
        + [case_entry(c, site_url) for c in cases_newest_first[:FEED_SIZE]],
        key=lambda e: (e.updated, e.id),
        reverse=True,
    )[:FEED_SIZE]
    return {
        SITE_FEED: atom_feed(
            views.renderer,
            title=f"{BRAND}: nieuwe acties en verhalen",
            site_url=site_url,
            feed_path=SITE_FEED,
            page_path="",
            entries=entries,
        )
    }


def feed_stylesheet(renderer: Renderer) -> dict[str, bytes]:
    """The XSL stylesheet that turns any of the feeds into a readable page."""
    return {feed_stylesheet_url(): str(renderer.render("feed.xsl")).encode("utf-8")}
