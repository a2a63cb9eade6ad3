"""The pages that list actions and stories: the catalogue with its filters, a page per
facet and per facet value (paginated, with a feed each), the story list, and the parts
of the home page."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..content.catalogue import Entry
from ..routes import cases_url, catalogue_url, facet_feed_url, facet_url, listing_source
from .facets import Facet, FacetIndex, query_aliases
from .pages import Page
from .views import Card, Views

FACET_PAGE_SIZE = 48
HOME_LIST_SIZE = 6


@dataclass(frozen=True)
class TermCount:
    """A facet value with the number of actions carrying it and its page."""

    slug: str
    value: str  # as it stands in addresses and query strings: its Dutch name
    label: str
    count: int
    url: str
    child: bool


@dataclass(frozen=True)
class FacetListing:
    name: str
    label: str
    terms: list[TermCount]
    url: str


@dataclass(frozen=True)
class PageLink:
    """A link to a related page: a page number of a list, a province above a region."""

    label: str
    url: str
    number: int = 0


def facet_listings(index: FacetIndex) -> list[FacetListing]:
    """Each facet with its values in use, their counts and static pages."""
    return [
        FacetListing(
            name=facet.name,
            label=facet.label,
            url=facet_url(facet.name),
            terms=[
                TermCount(
                    slug=t.slug,
                    value=t.address,
                    label=t.nl,
                    count=facet.count(t.slug),
                    url=facet_url(facet.name, t.address),
                    child=bool(t.parent),
                )
                for t in facet.used_terms()
            ],
        )
        for facet in index
    ]


def filter_names(listings: list[FacetListing]) -> str:
    """'succesfactor, regio, ... en status': the catalogue's filters in words."""
    names = [listing.label.lower() for listing in listings]
    return ", ".join(names[:-1]) + f" en {names[-1]}" if len(names) > 1 else "".join(names)


def newest_date(views: Views, slugs: list[str]) -> str:
    """The latest date among some actions: when a list of them last changed."""
    return max((views.action_date(views.catalogue.actions[s]) for s in slugs), default="")


def catalogue_page(views: Views, newest: list[str], listings: list[FacetListing]) -> Page:
    actions = views.catalogue.actions
    return Page(
        src_uri=listing_source(catalogue_url()),
        url=catalogue_url(),
        title="Acties",
        description=f"Alle {len(actions)} acties om medewerkers in zorg en welzijn te "
        f"behouden, te filteren op {filter_names(listings)}.",
        template="catalogue.html",
        searchable=False,
        show_toc=False,
        date=newest_date(views, newest),
        context={
            "cards": [views.card(actions[s]) for s in newest],
            "facets": listings,
            "aliases": query_aliases(views.index),
        },
    )


def facet_page(facet: Facet, listing: FacetListing, views: Views) -> Page:
    return Page(
        src_uri=listing_source(listing.url),
        url=listing.url,
        title=f"Acties per {facet.label.lower()}",
        description=f"Acties in de Actiebank, geordend per {facet.label.lower()}.",
        template="facet.html",
        searchable=False,
        show_toc=False,
        date=newest_date(views, [s for t in listing.terms for s in facet.actions[t.slug]]),
        context={"facet": listing},
    )


def facet_value_pages(
    facet: Facet, listing: FacetListing, term_view: TermCount, ordered: list[str], views: Views
) -> list[Page]:
    """A facet value's static pages: its actions newest first, FACET_PAGE_SIZE a page."""
    term = facet.term(term_view.slug)
    chunks = [
        ordered[i : i + FACET_PAGE_SIZE] for i in range(0, len(ordered), FACET_PAGE_SIZE)
    ] or [[]]
    parent = facet.vocabulary.by_slug.get(term.parent) if term.parent else None
    children = [
        PageLink(label=c.nl, url=facet_url(facet.name, c.address))
        for c in facet.vocabulary.children(term.slug)
        if facet.count(c.slug)
    ]
    heading = f"{facet.label}: {term.nl}"
    numbers = [
        PageLink(label=str(n), url=facet_url(facet.name, term.address, n), number=n)
        for n in range(1, len(chunks) + 1)
    ]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        url = facet_url(facet.name, term.address, number)
        pages.append(
            Page(
                src_uri=listing_source(url),
                url=url,
                title=heading + (f" (pagina {number})" if number > 1 else ""),
                description=f"{len(ordered)} acties met {facet.label.lower()} {term.nl} in de "
                "Actiebank, het open overzicht van wat zorg- en "
                "welzijnsorganisaties doen om medewerkers te behouden.",
                template="facet_value.html",
                searchable=False,
                show_toc=False,
                date=newest_date(views, chunk),
                context={
                    "facet": listing,
                    "term": term_view,
                    "heading": heading,
                    "count": len(ordered),
                    "number": number,
                    "pages": numbers,
                    "cards": [views.card(views.catalogue.actions[s]) for s in chunk],
                    "parent": (
                        PageLink(label=parent.nl, url=facet_url(facet.name, parent.address))
                        if parent
                        else None
                    ),
                    "children": children,
                    "feed": facet_feed_url(facet.name, term.address),
                    "explanation": term.description,
                },
            )
        )
    return pages


def cases_page(views: Views, cases_newest_first: list[Entry]) -> Page:
    return Page(
        src_uri=listing_source(cases_url()),
        url=cases_url(),
        title="Verhalen",
        description="Praktijkverhalen van zorg- en welzijnsorganisaties over wat hun "
        "medewerkers behoudt.",
        template="cases.html",
        searchable=False,
        show_toc=False,
        date=max(
            (str(c.data.get("updated") or c.data["date"]) for c in cases_newest_first), default=""
        ),
        context={"cases": [views.case_card(c) for c in cases_newest_first]},
    )


def listing_pages(
    views: Views,
    index: FacetIndex,
    listings: list[FacetListing],
    newest: list[str],
    cases_newest_first: list[Entry],
) -> list[Page]:
    """The catalogue, then per facet its index and its values' pages, then the stories."""
    pages = [catalogue_page(views, newest, listings)]
    for facet, listing in zip(index, listings, strict=True):
        pages.append(facet_page(facet, listing, views))
        for term_view in listing.terms:
            matching = set(facet.actions[term_view.slug])
            ordered = [slug for slug in newest if slug in matching]
            pages += facet_value_pages(facet, listing, term_view, ordered, views)
    pages.append(cases_page(views, cases_newest_first))
    return pages


def home_parts(
    views: Views, listings: list[FacetListing], newest: list[str], cases_newest_first: list[Entry]
) -> Markup:
    """The generated parts of the home page: counts, featured and newest entries."""
    featured = [c for c in cases_newest_first if c.data.get("featured")][:HOME_LIST_SIZE]
    actions = views.catalogue.actions
    cards: list[Card] = [views.card(actions[s]) for s in newest[:HOME_LIST_SIZE]]
    return views.renderer.render(
        "home_parts.html",
        root="",
        card_html=views.card_html,
        facets={listing.name: listing for listing in listings},
        featured=[views.case_card(c) for c in featured],
        # The newest stories besides the featured ones: the home page shows each once.
        cases=[views.case_card(c) for c in cases_newest_first if c not in featured][
            :HOME_LIST_SIZE
        ],
        actions=cards,
        total=len(actions),
        total_cases=len(cases_newest_first),
    )
