"""The pages that list actions and stories: the catalogue with its filters, a page per
facet and per facet value (paginated, with a feed each), and the story list. The home
page's parts are in home.py."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..content.catalogue import Entry
from ..routes import (
    cases_url,
    catalogue_url,
    compare_url,
    facet_feed_url,
    facet_url,
    listing_source,
    plan_url,
)
from .facets import Facet, FacetIndex, measured_url, query_aliases
from .ordering import DEFAULT_SORT, RELEVANCE, RELEVANCE_LABEL, SORT_ALIASES, SORTS
from .pages import Page
from .render import dutch_count
from .script_facts import COMPARE_MOST, FACET_PAGE_SIZE, FIRST_CARDS
from .views import Views

# A filter group with more values than this shows its most used ones and "Toon alle N".
LONG_GROUP = 8
SHORT_GROUP = 6


@dataclass(frozen=True)
class TermCount:
    """A facet value with the number of actions carrying it and its page."""

    slug: str
    value: str  # as it stands in addresses and query strings: its Dutch name
    label: str
    count: int
    url: str
    child: bool
    # The words the catalogue's text filter finds it by: its label and its synonyms.
    words: str = ""
    # Its children in the group (a province's regions), and whether the group hides it
    # behind "Toon alle N" until opened.
    parent: str = ""  # the slug of its parent value, e.g. a region's province
    children: tuple[TermCount, ...] = ()
    extra: bool = False


@dataclass(frozen=True)
class FacetListing:
    name: str
    label: str
    per: str  # the noun in "Acties per ...": "regio", "kostenniveau"
    terms: list[TermCount]
    url: str

    def groups(self) -> list[TermCount]:
        """The group's top values, each with its children, the most used first shown
        and the rest marked `extra` when the group is long."""
        tops = [t for t in self.terms if not t.child]
        children: dict[str, list[TermCount]] = {}
        for term in self.terms:
            if term.child:
                children.setdefault(term.parent, []).append(term)
        shown = set()
        if len(tops) > LONG_GROUP:
            ranked = sorted(tops, key=lambda t: -t.count)  # stable: vocabulary order on ties
            shown = {t.slug for t in ranked[:SHORT_GROUP]}
        return [
            replace(
                t,
                children=tuple(children.get(t.slug, ())),
                extra=bool(shown) and t.slug not in shown,
            )
            for t in tops
        ]


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
            per=facet.per,
            url=facet_url(facet.name),
            terms=[
                TermCount(
                    slug=t.slug,
                    value=t.address,
                    label=t.nl,
                    count=facet.count(t.slug),
                    url=facet_url(facet.name, t.address),
                    child=bool(t.parent),
                    parent=t.parent or "",
                    words=" ".join([t.nl, *t.synonyms]),
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


def catalogue_page(views: Views, ranked: list[str], listings: list[FacetListing]) -> Page:
    """/acties/: the first cards in the default order, the filters with their counts; the
    script (catalogue.js) filters, sorts and draws the rest from card_data.py's file."""
    actions = views.catalogue.actions
    return Page(
        src_uri=listing_source(catalogue_url()),
        url=catalogue_url(),
        title="Acties",
        description=f"Alle {len(actions)} acties om medewerkers in zorg en welzijn te "
        f"behouden, te filteren op {filter_names(listings)}.",
        template="catalogue.html",
        searchable=False,
        date=newest_date(views, ranked),
        context={
            "cards": [views.card(actions[s]) for s in ranked[:FIRST_CARDS]],
            "total": len(actions),
            "facets": listings,
            "aliases": query_aliases(views.index),
            "sorts": SORTS,
            "default_sort": DEFAULT_SORT,
            "relevance": (RELEVANCE, RELEVANCE_LABEL),
            "sort_aliases": SORT_ALIASES,
        },
    )


def compare_page() -> Page:
    """/acties/vergelijk/: up to four actions side by side, drawn by compare.js."""
    return Page(
        src_uri=listing_source(compare_url()),
        url=compare_url(),
        title="Acties vergelijken",
        description=f"Zet tot {dutch_count(COMPARE_MOST)} acties naast elkaar: wat ze doen, "
        "voor wie, hoe sterk het bewijs is, wat ze kosten en wat ze opleverden.",
        template="compare.html",
        searchable=False,
        context={"most": dutch_count(COMPARE_MOST)},  # "tot vier acties"
    )


def plan_page(views: Views) -> Page:
    """/acties/mijn-plan/: the visitor's chosen actions, grouped, with the gaps named.
    plan.js draws it; the page gives the script the values to check against."""
    factors, groups = (views.index.of(name) for name in ("success_factor", "target_group"))
    return Page(
        src_uri=listing_source(plan_url()),
        url=plan_url(),
        title="Mijn plan",
        description="Uw eigen keuze van acties, geordend per succesfactor en doelgroep. "
        "Alleen in uw browser bewaard.",
        template="plan.html",
        searchable=False,
        context={
            # [label, address] of each value to check the plan against
            "factors": [
                [t.nl, facet_url(factors.name, t.address)] for t in factors.vocabulary.terms
            ],
            "checked_groups": [
                [t.nl, facet_url(groups.name, t.address)]
                for t in groups.vocabulary.terms
                if t.plan_check
            ],
            # The same actions as the home page's "met een gemeten resultaat" (facts.py).
            "measured_url": measured_url(views.index),
        },
    )


def facet_page(facet: Facet, listing: FacetListing, views: Views) -> Page:
    return Page(
        src_uri=listing_source(listing.url),
        url=listing.url,
        title=f"Acties per {facet.per}",
        description=f"Acties in de Actiebank, geordend per {facet.per}.",
        template="facet.html",
        searchable=False,
        date=newest_date(views, [s for t in listing.terms for s in facet.actions[t.slug]]),
        context={"facet": listing},
    )


def facet_value_pages(
    facet: Facet, listing: FacetListing, term_view: TermCount, ordered: list[str], views: Views
) -> list[Page]:
    """A facet value's static pages: its actions in the catalogue's default order (most
    evidence first), FACET_PAGE_SIZE a page."""
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
                description=f"{term.nl} ({facet.label.lower()}): {len(ordered)} acties in de "
                "Actiebank, het open overzicht van wat zorg- en "
                "welzijnsorganisaties doen om medewerkers te behouden.",
                template="facet_value.html",
                searchable=False,
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
        date=max(
            (str(c.data.get("updated") or c.data["date"]) for c in cases_newest_first), default=""
        ),
        context={"cases": [views.case_card(c) for c in cases_newest_first]},
    )


def listing_pages(
    views: Views,
    index: FacetIndex,
    listings: list[FacetListing],
    ranked: list[str],
    cases_newest_first: list[Entry],
) -> list[Page]:
    """The catalogue, compare and plan pages, then per facet its index and its values'
    pages (in the catalogue's default order), then the stories."""
    pages = [catalogue_page(views, ranked, listings), compare_page(), plan_page(views)]
    for facet, listing in zip(index, listings, strict=True):
        pages.append(facet_page(facet, listing, views))
        for term_view in listing.terms:
            matching = set(facet.actions[term_view.slug])
            ordered = [slug for slug in ranked if slug in matching]
            pages += facet_value_pages(facet, listing, term_view, ordered, views)
    pages.append(cases_page(views, cases_newest_first))
    return pages
