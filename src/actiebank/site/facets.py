"""The facet index: which actions carry each value of each catalogue filter.

The filters are the registry in the vocabularies file (`facets:`): a path name, a
vocabulary and the field that names its values. An action carries a value when it names
it, and a province when it names one of the province's regions (so filtering on
Zuid-Holland also finds Haaglanden).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from ..content.catalogue import Catalogue, Entry
from ..content.facts import MEASURED_VERDICTS, ActionFacts
from ..routes import catalogue_url, facet_url
from ..vocabulary import FacetSpec, Term, Vocabulary


@dataclass
class Facet:
    """One catalogue filter, e.g. `regio`, and the actions carrying each of its values."""

    name: str
    vocabulary: Vocabulary
    field_path: str  # the front-matter field, e.g. 'outcomes[].measure'
    label: str
    per: str  # the noun in "Acties per ...": "regio", "kostenniveau"
    derived: str = ""  # the ActionFacts field it reads, where it is a conclusion
    # The value of an action that names none of the vocabulary's ("Niet opgegeven").
    missing: Term | None = None
    actions: dict[str, list[str]] = dataclass_field(default_factory=dict)

    @property
    def terms(self) -> list[Term]:
        """Every value the filter offers, in order: the vocabulary's, then `missing`."""
        return self.vocabulary.terms + ([self.missing] if self.missing else [])

    def term(self, slug: str) -> Term:
        if self.missing and slug == self.missing.slug:
            return self.missing
        return self.vocabulary.by_slug[slug]

    def used_terms(self) -> list[Term]:
        """The values at least one action carries, in the vocabulary's order."""
        return [t for t in self.terms if self.actions.get(t.slug)]

    def count(self, slug: str) -> int:
        return len(self.actions.get(slug, ()))

    def link_to(self, term: Term) -> str:
        """The address of the value's page, '' when no action carries the value."""
        return facet_url(self.name, term.address) if self.count(term.slug) else ""


def field_values(data: dict[str, Any], path: str) -> list[str]:
    """The values at a field path: 'regions', 'status', 'outcomes[].measure'."""
    values: list[Any] = [data]
    for step in path.split("."):
        name, each = (step[:-2], True) if step.endswith("[]") else (step, False)
        found: list[Any] = []
        for value in values:
            inner = value.get(name) if isinstance(value, dict) else None
            if inner is None:
                continue
            found.extend(inner if each or isinstance(inner, list) else [inner])
        values = found
    return [v for v in values if isinstance(v, str)]


def carried_values(entry: Entry, facet: Facet, facts: ActionFacts | None = None) -> list[str]:
    """Named values plus the provinces above named regions, deduplicated, in vocabulary order.
    A derived filter reads what the site concludes (content/facts.py) instead of the field."""
    if facet.derived and facts is not None:
        named = set(field_values(facts.as_fields(), facet.derived))
    else:
        named = set(field_values(entry.data, facet.field_path))
    carried = set(named)
    for slug in named:
        term = facet.vocabulary.by_slug.get(slug)
        while term is not None and term.parent:
            carried.add(term.parent)
            term = facet.vocabulary.by_slug.get(term.parent)
    if not carried and facet.missing is not None:
        return [facet.missing.slug]
    return [t.slug for t in facet.vocabulary.terms if t.slug in carried]


@dataclass
class FacetIndex:
    facets: dict[str, Facet]
    # slug -> facet name -> carried values; the catalogue script filters on these.
    carried: dict[str, dict[str, list[str]]]

    def __iter__(self) -> Iterator[Facet]:
        return iter(self.facets.values())

    def __getitem__(self, name: str) -> Facet:
        return self.facets[name]

    def of(self, vocabulary: str) -> Facet:
        """The filter whose values are the vocabulary's: code names a filter by its
        vocabulary, and the registry (vocabularies.yaml) alone gives its path name."""
        found = [facet for facet in self.facets.values() if facet.vocabulary.name == vocabulary]
        if len(found) != 1:
            raise KeyError(f"the vocabularies file has no one filter for {vocabulary}")
        return found[0]


def make_facet(spec: FacetSpec, catalogue: Catalogue) -> Facet:
    vocabulary = catalogue.vocabularies[spec.vocabulary]
    label = spec.nl or vocabulary.nl
    return Facet(
        name=spec.path,
        vocabulary=vocabulary,
        field_path=spec.field,
        label=label,
        per=spec.per or label.lower(),
        missing=spec.missing,
        derived=spec.derived,
    )


def build_facet_index(catalogue: Catalogue) -> FacetIndex:
    facets = {spec.path: make_facet(spec, catalogue) for spec in catalogue.vocabularies.facets}
    carried: dict[str, dict[str, list[str]]] = {}
    for slug, action in catalogue.actions.items():  # sorted by slug, so lists are too
        carried[slug] = {}
        for facet in facets.values():
            values = carried_values(action, facet, catalogue.facts[slug])
            carried[slug][facet.name] = values
            for value in values:
                facet.actions.setdefault(value, []).append(slug)
    return FacetIndex(facets=facets, carried=carried)


def derived_facet(index: FacetIndex, derived: str) -> Facet:
    """The filter whose values are the facts field `derived` (the registry's line)."""
    found = [facet for facet in index if facet.derived == derived]
    assert len(found) == 1, f"the vocabularies file needs one filter derived from {derived}"
    return found[0]


def measured_actions(index: FacetIndex) -> list[str]:
    """The actions with a measured result (facts.py), as the effect filter finds them."""
    effect = derived_facet(index, "effects")
    return sorted(
        {slug for verdict in MEASURED_VERDICTS for slug in effect.actions.get(verdict, ())}
    )


def measured_url(index: FacetIndex) -> str:
    """The catalogue filtered on every verdict of a measured result: the actions with a
    measured result, and no others. Home figures and the plan's gap link here."""
    effect = derived_facet(index, "effects")
    query = "&".join(f"{effect.name}={effect.term(v).address}" for v in MEASURED_VERDICTS)
    return f"{catalogue_url()}?{query}"


def query_aliases(index: FacetIndex) -> dict[str, dict[str, str]]:
    """facet -> old value -> new value, for the catalogue's script (old query strings)."""
    return {
        facet.name: {t.slug: t.address for t in facet.terms if t.address != t.slug}
        for facet in index
    }
