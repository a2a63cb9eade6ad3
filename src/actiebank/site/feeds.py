"""Atom feeds: the site's newest actions and stories, and one per facet value.

Every feed has an HTML page under /volgen/ (follow.py) that people land on: what the feed
follows, its address, how to subscribe and its newest entries. The feed itself is plain
Atom for feed readers, with no stylesheet (browsers are dropping XSLT).

An entry's dates are its own, never the build's: `published` is when a commit added its
file, `updated` the later of its newest commit and the date its front matter names
(`updated`, a story's `date`). Git knows nothing of a file in a checkout without history
(history.py also leaves out what the boundary of a shallow clone seems to say); the entry
then has the dates of its front matter, and a story its `date` as its publication. A feed's
`updated` is its newest entry's, so the same content gives the same feed on any day.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..content.catalogue import Entry
from ..content.history import EntryTimes
from ..routes import (
    SITE_FEED,
    absolute,
    action_url,
    case_url,
    facet_feed_url,
    facet_url,
    follow_url,
    root_of,
)
from .facets import FacetIndex
from .listings import FacetListing
from .render import Renderer
from .views import Views

FEED_SIZE = 20
BRAND = "Actiebank"
Times = Mapping[Path, EntryTimes]
# Atom requires a date on every entry. One that nothing dates (no history, no `updated`,
# no `started`) gets a fixed old date: it claims nothing new.
NO_DATE = "2000-01-01"


def feed_page_url(facet: str | None = None, value: str = "") -> str:
    """A feed's HTML page: /volgen/alles/ for the site feed, /volgen/<facet>/<value>/."""
    return f"{follow_url()}alles/" if facet is None else f"{follow_url()}{facet}/{value}/"


def moment(day: str) -> str:
    """'2024-05-01' -> '2024-05-01T00:00:00Z'; a moment stays as it is; '' stays ''."""
    return f"{day[:10]}T00:00:00Z" if len(day) == 10 else day


@dataclass(frozen=True)
class FeedEntry:
    title: str
    summary: str
    id: str  # the entry's full address
    path: str  # the entry's page in the site
    updated: str  # YYYY-MM-DDTHH:MM:SSZ
    published: str  # YYYY-MM-DDTHH:MM:SSZ, '' when nothing tells
    kind: str  # 'Actie' or 'Verhaal'
    dated: bool = True  # False when `updated` is only NO_DATE: a page then shows no date

    @property
    def day(self) -> str:
        return self.updated[:10]


@dataclass(frozen=True)
class Feed:
    """One feed: its address, its HTML page, the page that lists the same items, and its
    newest entries, newest first."""

    path: str  # e.g. acties/regio/zuid-holland/feed.xml
    page_url: str  # e.g. volgen/regio/zuid-holland/
    list_url: str  # e.g. acties/regio/zuid-holland/; '' for the home page
    title: str  # the Atom title, e.g. 'Actiebank – Regio: Zuid-Holland'
    label: str  # what it follows, e.g. 'Regio: Zuid-Holland'
    heading: str  # its page's title, e.g. 'Feed: regio Zuid-Holland'
    description: str
    entries: tuple[FeedEntry, ...]

    @property
    def updated(self) -> str:
        return max((e.updated for e in self.entries), default=moment(NO_DATE))


def entry_dates(entry: Entry, times: Times, *, fields: list[str], fallback: str) -> tuple[str, str]:
    """(updated, published) of an entry: see the module's docstring."""
    own = times.get(entry.path.resolve(), EntryTimes("", ""))
    named = [moment(str(entry.data.get(name) or "")) for name in fields]
    updated = max([own.updated, *named, ""]) or moment(fallback)
    published = own.published
    if not published and "date" in fields:
        published = moment(str(entry.data.get("date") or ""))
    return updated, min(published, updated) if published else ""


def action_entry(views: Views, action: Entry, site_url: str, times: Times) -> FeedEntry:
    fallback = views.action_date(action)
    updated, published = entry_dates(
        action, times, fields=["updated"], fallback=fallback or NO_DATE
    )
    return FeedEntry(
        title=action.title,
        summary=action.summary,
        id=absolute(site_url, action_url(action.slug)),
        path=action_url(action.slug),
        updated=updated,
        published=published,
        kind="Actie",
        dated=updated != moment(NO_DATE),
    )


def case_entry(case: Entry, site_url: str, times: Times) -> FeedEntry:
    updated, published = entry_dates(case, times, fields=["updated", "date"], fallback=NO_DATE)
    return FeedEntry(
        title=case.title,
        summary=case.summary,
        id=absolute(site_url, case_url(case.slug)),
        path=case_url(case.slug),
        updated=updated,
        published=published,
        kind="Verhaal",
        dated=updated != moment(NO_DATE),
    )


def newest_first(entries: list[FeedEntry]) -> list[FeedEntry]:
    return sorted(entries, key=lambda e: (e.updated, e.id), reverse=True)[:FEED_SIZE]


def facet_feeds(
    views: Views,
    index: FacetIndex,
    listings: list[FacetListing],
    newest: list[str],
    site_url: str,
    times: Times,
) -> list[Feed]:
    """A feed of the newest actions of every facet value in use."""
    actions = views.catalogue.actions
    feeds = []
    for facet, listing in zip(index, listings, strict=True):
        for term in listing.terms:
            matching = set(facet.actions[term.slug])
            entries = [
                action_entry(views, actions[slug], site_url, times)
                for slug in newest
                if slug in matching
            ]
            label = f"{facet.label}: {term.label}"
            feeds.append(
                Feed(
                    path=facet_feed_url(facet.name, term.value),
                    page_url=feed_page_url(facet.name, term.value),
                    list_url=facet_url(facet.name, term.value),
                    title=f"{BRAND} – {label}",
                    label=label,
                    heading=f"Feed: {facet.label.lower()} {term.label}",
                    description=f"Nieuwe en bijgewerkte acties met {facet.label.lower()} "
                    f"{term.label}.",
                    entries=tuple(newest_first(entries)),
                )
            )
    return feeds


def site_feed(
    views: Views, newest: list[str], cases_newest_first: list[Entry], site_url: str, times: Times
) -> Feed:
    """The newest actions and stories together."""
    actions = views.catalogue.actions
    entries = [action_entry(views, actions[s], site_url, times) for s in newest]
    entries += [case_entry(c, site_url, times) for c in cases_newest_first]
    return Feed(
        path=SITE_FEED,
        page_url=feed_page_url(),
        list_url="",
        title=f"{BRAND}: nieuwe acties en verhalen",
        label="Alle nieuwe acties en verhalen",
        heading="Feed: alle nieuwe acties en verhalen",
        description="Nieuwe en bijgewerkte acties en verhalen uit de hele Actiebank.",
        entries=tuple(newest_first(entries)),
    )


def atom_feed(renderer: Renderer, feed: Feed, site_url: str) -> bytes:
    """The feed as Atom: its own address is its id, and it links to its HTML page."""
    return str(
        renderer.render(
            "feed.xml",
            feed=feed,
            feed_url=absolute(site_url, feed.path),
            page_url=absolute(site_url, feed.list_url),
            feed_page=root_of(feed.path) + feed.page_url,
            updated=feed.updated,
            entries=feed.entries,
        )
    ).encode("utf-8")


def feed_files(renderer: Renderer, feeds: list[Feed], site_url: str) -> dict[str, bytes]:
    return {feed.path: atom_feed(renderer, feed, site_url) for feed in feeds}
