"""Old addresses keep arriving: a facet value's page under its English slug
(/acties/sector/hospitals/) became its Dutch name (/acties/sector/ziekenhuizen/). A static
host cannot answer with a redirect, so the build writes a small page at each old address
that sends the visitor on (a refresh, a canonical link and a visible link) and copies the
feed, which feed readers fetch without following pages. The catalogue's script maps old
values in a query string (?sector=hospitals) the same way."""

from __future__ import annotations

from dataclasses import dataclass

from ..routes import absolute, facet_feed_url, facet_url, root_of
from .csp import with_policy
from .facets import FacetIndex
from .listings import FACET_PAGE_SIZE
from .render import Renderer


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


def redirect_files(
    index: FacetIndex, renderer: Renderer, site_url: str, feeds: dict[str, bytes]
) -> dict[str, bytes]:
    """The redirect page at every old address, and each old feed as a copy of its new one."""
    files: dict[str, bytes] = {}
    for move in moves(index):
        page = renderer.render(
            "redirect.html",
            new=root_of(move.old) + move.new,
            canonical=absolute(site_url, move.new),
        )
        files[f"{move.old}index.html"] = with_policy(str(page)).encode("utf-8")
    for facet in index:
        for term in facet.used_terms():
            new_feed = facet_feed_url(facet.name, term.address)
            if term.address != term.slug and new_feed in feeds:
                files[facet_feed_url(facet.name, term.slug)] = feeds[new_feed]
    return files
