"""Lists another site can show in an <iframe>: a facet value's actions (every action of
`zuid-holland`, of `onboarding`), most evidence first, without the site's header, menu or
scripts, each linking back to the Actiebank.

A page is a plain HTML file written with the site (not a MkDocs page): no script, no
cookie, its own Content-Security-Policy, one small stylesheet. EMBED_SIZE actions at most,
and a link to the facet value's page for the rest, so an embed stays light at any size.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..routes import embed_url, facet_url, root_of
from .cards import Card
from .facets import FacetIndex
from .render import Renderer

EMBED_SIZE = 20
EMBED_STYLESHEET = "assets/stylesheets/embed.css"


@dataclass(frozen=True)
class EmbedList:
    """One embeddable list: its heading, its actions and where the whole list is."""

    url: str
    heading: str
    total: int
    cards: list[Card]
    more_url: str  # the facet value's page on the site


def embed_lists(index: FacetIndex, cards: dict[str, Card], ranked: list[str]) -> list[EmbedList]:
    """An embeddable list for every facet value at least one action carries."""
    lists = []
    for facet in index:
        for term in facet.used_terms():
            matching = set(facet.actions[term.slug])
            ordered = [slug for slug in ranked if slug in matching]
            lists.append(
                EmbedList(
                    url=embed_url(facet.name, term.address),
                    heading=f"{facet.label}: {term.nl}",
                    total=len(ordered),
                    cards=[cards[slug] for slug in ordered[:EMBED_SIZE]],
                    more_url=facet_url(facet.name, term.address),
                )
            )
    return lists


def embed_files(lists: list[EmbedList], renderer: Renderer) -> dict[str, bytes]:
    """Each list as `insluiten/<facet>/<value>/index.html`. Links are relative, so they
    lead to the site the list is served from, and open in the whole window."""
    files = {}
    for embed in lists:
        html = renderer.render(
            "embed.html",
            embed=embed,
            root=root_of(embed.url),
            stylesheet=EMBED_STYLESHEET,
        )
        files[embed.url + "index.html"] = (str(html).strip() + "\n").encode("utf-8")
    return files
