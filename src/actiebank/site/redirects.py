"""Old addresses keep arriving: a facet value's page under its English slug
(/acties/sector/hospitals/) became its Dutch name (/acties/sector/ziekenhuizen/). A static
host cannot answer with a redirect, so the build writes a small page at each old address
that sends the visitor on (a refresh, a canonical link and a visible link). The catalogue's
script maps old values in a query string (?sector=hospitals) the same way.

A feed reader follows a permanent move only when the server answers with one (HTTP 301),
and GitHub Pages serves static files as they are. So an old feed address holds a feed of
its own (its own id, not a copy of the new feed with the same id) with one entry: the
feed has moved, to this address, and here is its page. A subscriber sees that once in their
reader and can move; a missing file would make their reader go quiet without a word, and a
copy would show every action twice to whoever follows both."""

from __future__ import annotations

from dataclasses import dataclass

from ..routes import absolute, facet_feed_url, facet_url, root_of
from .csp import with_policy
from .facets import FacetIndex
from .feeds import Feed, FeedEntry, atom_feed
from .render import Renderer
from .script_facts import FACET_PAGE_SIZE

# When the filter values got their Dutch addresses: the date of the notice in an old feed.
MOVED_ON = "2026-12-01T12:56:48Z"


@dataclass(frozen=True)
class Move:
    old: str  # the old address, e.g. acties/sector/hospitals/
    new: str  # where it is now


def moves(index: FacetIndex) -> list[Move]:
    """Every old page address of a facet value whose address changed, with its new one."""
    found = []
    for facet in index:
        for term in facet.used_terms():
            if term.address == term.slug:
                continue
            pages = max(1, -(-facet.count(term.slug) // FACET_PAGE_SIZE))
            found += [
                Move(
                    facet_url(facet.name, term.slug, number),
                    facet_url(facet.name, term.address, number),
                )
                for number in range(1, pages + 1)
            ]
    return found


def moved_feed(old_path: str, feed: Feed, site_url: str) -> Feed:
    """The feed at an old address: one entry that says where the feed is now."""
    notice = FeedEntry(
        title="Deze feed heeft een nieuw adres",
        summary=f"U volgt de feed '{feed.label}' op een oud adres. Op dit adres komt niets "
        f"nieuws meer. Volg de feed voortaan op {absolute(site_url, feed.path)}. Op de "
        "pagina van de feed leest u hoe dat gaat.",
        id=absolute(site_url, feed.page_url),
        path=feed.page_url,
        updated=MOVED_ON,
        published=MOVED_ON,
        kind="Bericht",
    )
    return Feed(
        path=old_path,
        page_url=feed.page_url,
        list_url=feed.list_url,
        title=f"{feed.title} (oud adres)",
        label=feed.label,
        heading=feed.heading,
        description=f"Deze feed staat nu op {absolute(site_url, feed.path)}.",
        entries=(notice,),
    )


def redirect_files(
    index: FacetIndex, renderer: Renderer, site_url: str, feeds: list[Feed]
) -> dict[str, bytes]:
    """The redirect page at every old address, and at each old feed address a feed that
    says where the feed is now."""
    files: dict[str, bytes] = {}
    for move in moves(index):
        page = renderer.render(
            "redirect.html",
            new=root_of(move.old) + move.new,
            canonical=absolute(site_url, move.new),
        )
        files[f"{move.old}index.html"] = with_policy(str(page)).encode("utf-8")
    by_path = {feed.path: feed for feed in feeds}
    for facet in index:
        for term in facet.used_terms():
            new_feed = by_path.get(facet_feed_url(facet.name, term.address))
            if term.address != term.slug and new_feed is not None:
                old = facet_feed_url(facet.name, term.slug)
                files[old] = atom_feed(renderer, moved_feed(old, new_feed, site_url), site_url)
    return files
