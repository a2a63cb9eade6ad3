"""What site search knows about a page: its kind, summary, filters and the words it is
found by, written as a small HTML document that only the search indexer reads.

The published page is not changed for search. The indexer (Pagefind, see
`search_index.py`) gets its own copy of each searchable page: the title, the summary and
the contributor's text, plus, for actions and stories, the labels of every value the entry
carries and the Dutch synonyms of those values from the vocabularies file. So an action
filed under "Onboarding" is also found by "inwerken", while a screen reader on the page
hears exactly what it heard before. The filters are the catalogue's own facets (their
labels from the vocabularies file) and the kind of page (Actie, Verhaal, Pagina).

Editorial pages weigh less than actions and stories, so a word found in an action ranks
that action above the explanation pages; a page can set its own weight in its front
matter (`search: {boost: 0.1}`, Material's convention), or stay out (`search:
{exclude: true}`, which every generated listing page has).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from .action_details import Term as ViewTerm
from .facets import Facet, FacetIndex
from .pages import Page, PageKind, Site

# The kinds of page a result can be, shown on each result and offered as a filter.
KIND_FILTER = "Soort"
ACTION = "Actie"
CASE = "Verhaal"
EDITORIAL = "Pagina"

# The catalogue filters a search can be narrowed by, by vocabulary (their path names,
# labels and values come from the vocabularies file).
FILTER_FACETS = ("success_factor", "region", "sector", "evidence_level", "status")
# What an entry is shown with under its title: its success factors, regions and sectors.
TRAIT_FACETS = ("success_factor", "region", "sector")

ENTRY_WEIGHT = 1.0
# Low enough that a word an explanation page only uses as an example (the contribution
# page's sample file names) ranks below the actions and stories about it; a page's own
# title still finds it first.
EDITORIAL_WEIGHT = 0.3


@dataclass(frozen=True)
class SearchRecord:
    """One searchable page as the indexer sees it."""

    url: str  # from the site root, e.g. 'acties/brabant-flexpool/'; '' is the home page
    title: str
    kind: str
    summary: str
    content: str  # the page's searchable HTML: summary and body, not generated parts
    weight: float = ENTRY_WEIGHT
    traits: list[str] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)
    # Labels and synonyms of the entry's values: searched, never shown.
    words: list[str] = field(default_factory=list)

    def document(self, language: str) -> str:
        """The page for the indexer: metadata and filters, then the searchable text."""
        tags = [_tag("meta", "title", self.title), _tag("meta", "soort", self.kind)]
        if self.summary:
            tags.append(_tag("meta", "samenvatting", self.summary))
        if self.traits:
            tags.append(_tag("meta", "kenmerken", " · ".join(self.traits)))
        tags.append(_tag("filter", KIND_FILTER, self.kind))
        for name, values in self.filters.items():
            tags.extend(_tag("filter", name, value) for value in values)
        heading = "" if "<h1" in self.content else Markup("<h1>{}</h1>").format(self.title)
        return str(
            Markup(
                '<!DOCTYPE html><html lang="{}"><head><meta charset="utf-8"><title>{}</title>'
                "</head><body><main data-pagefind-body>"
                "<div data-pagefind-ignore>{}</div>{}"
                '<div data-pagefind-weight="{}">{}</div><p>{}</p>'
                "</main></body></html>"
            ).format(
                language,
                self.title,
                Markup("").join(tags),
                heading,
                f"{self.weight:g}",
                Markup(self.content),
                " ".join(self.words),
            )
        )


def _tag(kind: str, name: str, value: str) -> Markup:
    return Markup('<span data-pagefind-{}="{}">{}</span>').format(kind, name, value)


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _search_settings(meta: Mapping[str, Any]) -> dict[str, Any]:
    settings = meta.get("search")
    return settings if isinstance(settings, dict) else {}


@dataclass
class SearchPlan:
    """Turns the pages of one build into search records (None: not searchable)."""

    site: Site | None

    @property
    def index(self) -> FacetIndex | None:
        return self.site.editorial.index if self.site and self.site.editorial else None

    def record(
        self, src_uri: str, url: str, title: str, meta: Mapping[str, Any], content: str
    ) -> SearchRecord | None:
        settings = _search_settings(meta)
        if settings.get("exclude"):
            return None
        planned = self.site.page_for(src_uri) if self.site else None
        index = self.index
        if planned is not None and index is not None and planned.kind is PageKind.ACTION:
            return self.action(planned, index, content)
        if planned is not None and index is not None and planned.kind is PageKind.STORY:
            return self.case(planned, index, content)
        boost = settings.get("boost")
        return SearchRecord(
            url=url,
            title=title,
            kind=EDITORIAL,
            summary=str(meta.get("description") or ""),
            content=content,
            weight=float(boost) if isinstance(boost, (int, float)) else EDITORIAL_WEIGHT,
        )

    def action(self, page: Page, index: FacetIndex, content: str) -> SearchRecord:
        card = page.context["card"]
        carried = index.carried.get(card.slug, {})
        terms = {name: [index[name].term(s) for s in slugs] for name, slugs in carried.items()}
        return SearchRecord(
            url=page.url,
            title=page.title,
            kind=ACTION,
            summary=page.description,
            content=content,
            traits=_traits(index, terms),
            filters={
                index.of(vocabulary).label: [t.nl for t in terms.get(index.of(vocabulary).name, [])]
                for vocabulary in FILTER_FACETS
            },
            words=_words(index, terms),
        )

    def case(self, page: Page, index: FacetIndex, content: str) -> SearchRecord:
        named = {
            index.of(vocabulary).name: _named_terms(index.of(vocabulary), page.context[field])
            for vocabulary, field in (("region", "regions"), ("sector", "sectors"))
        }
        terms = {name: _with_parents(index[name], found) for name, found in named.items()}
        return SearchRecord(
            url=page.url,
            title=page.title,
            kind=CASE,
            summary=page.description,
            content=content,
            traits=_traits(index, terms),
            filters={index[name].label: [t.nl for t in found] for name, found in terms.items()},
            words=_words(index, terms),
        )


def _named_terms(facet: Facet, shown: list[ViewTerm]) -> list[Any]:
    """The vocabulary values a story's page names, by their labels (a value no action
    carries yet is named without a link, and still found by search)."""
    by_label = {t.nl: t for t in facet.vocabulary.terms}
    return [by_label[t.text] for t in shown if t.text in by_label]


def _with_parents(facet: Facet, terms: list[Any]) -> list[Any]:
    """The values and the values above them (a region's province), in vocabulary order."""
    slugs = {t.slug for t in terms}
    for term in terms:
        parent = term.parent
        while parent and parent not in slugs:
            slugs.add(parent)
            parent = facet.vocabulary.by_slug[parent].parent
    return [t for t in facet.terms if t.slug in slugs]


def _traits(index: FacetIndex, terms: Mapping[str, list[Any]]) -> list[str]:
    """The labels shown under a result: the most specific region, not also its province."""
    shown: list[str] = []
    for vocabulary in TRAIT_FACETS:
        found = terms.get(index.of(vocabulary).name, [])
        parents = {t.parent for t in found if t.parent}
        shown.extend(t.nl for t in found if t.slug not in parents)
    return _unique(shown)


def _words(index: FacetIndex, terms: Mapping[str, list[Any]]) -> list[str]:
    """Every value's label and Dutch synonyms; 'Niet opgegeven' and the like are left out."""
    words: list[str] = []
    for name, found in terms.items():
        missing = index[name].missing if name in index.facets else None
        for term in found:
            if missing is not None and term.slug == missing.slug:
                continue
            words.append(term.nl)
            words.extend(term.synonyms)
    return _unique(words)
