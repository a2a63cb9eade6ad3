"""The facet index: which actions carry each value of each catalogue filter.

A facet is a vocabulary with a `facet:` path name (succesfactor, regio, ...). An action
carries a value when it names it, with two rules from the content model: a province is
carried by every action tagged with one of its regions (so filtering on Zuid-Holland also
finds Haaglanden), and `resultaat` holds the outcome measures an action reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalogue import Catalogue, Entry
from .vocabulary import Term, Vocabularies, Vocabulary

# Which front-matter field feeds each faceted vocabulary.
FACET_FIELDS = {
    "success_factor": "success_factors",
    "region": "regions",
    "outcome_measure": "outcomes",
    "sector": "sectors",
    "target_group": "target_groups",
    "intervention": "interventions",
    "status": "status",
}

# The order filters appear in on the catalogue page: the order, most asked first.
FACET_ORDER = ("succesfactor", "regio", "resultaat", "sector", "doelgroep", "interventie",
               "status")


@dataclass
class Facet:
    """One catalogue filter, e.g. `regio`, and the actions carrying each of its values."""

    name: str
    vocabulary: Vocabulary
    actions: dict[str, list[str]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.vocabulary.nl

    def used_terms(self) -> list[Term]:
        """The values at least one action carries, in the vocabulary's order."""
        return [t for t in self.vocabulary.terms if self.actions.get(t.slug)]

    def count(self, slug: str) -> int:
        return len(self.actions.get(slug, ()))


def named_values(entry: Entry, vocabulary_name: str) -> list[str]:
    """The values an entry names itself for one faceted vocabulary."""
    value = entry.data.get(FACET_FIELDS[vocabulary_name])
    if value is None:
        return []
    if vocabulary_name == "outcome_measure":
        return [o["measure"] for o in value if isinstance(o, dict) and "measure" in o]
    if isinstance(value, str):
        return [value]
    return list(value)


def carried_values(entry: Entry, vocabulary: Vocabulary) -> list[str]:
    """Named values plus the provinces above named regions, deduplicated, in vocabulary order."""
    named = set(named_values(entry, vocabulary.name))
    carried = set(named)
    for slug in named:
        term = vocabulary.by_slug.get(slug)
        while term is not None and term.parent:
            carried.add(term.parent)
            term = vocabulary.by_slug.get(term.parent)
    return [t.slug for t in vocabulary.terms if t.slug in carried]


@dataclass
class FacetIndex:
    facets: dict[str, Facet]
    # slug -> facet name -> carried values; the catalogue script filters on these.
    carried: dict[str, dict[str, list[str]]]

    def __iter__(self):
        return iter(self.facets.values())

    def __getitem__(self, name: str) -> Facet:
        return self.facets[name]


def facet_vocabularies(vocabularies: Vocabularies) -> list[Vocabulary]:
    by_facet = {v.facet: v for v in vocabularies.facets if v.name in FACET_FIELDS}
    return [by_facet[name] for name in FACET_ORDER if name in by_facet]


def build_facet_index(catalogue: Catalogue) -> FacetIndex:
    facets = {v.facet: Facet(name=v.facet, vocabulary=v)
              for v in facet_vocabularies(catalogue.vocabularies)}
    carried: dict[str, dict[str, list[str]]] = {}
    for slug, action in catalogue.actions.items():  # sorted by slug, so lists are too
        carried[slug] = {}
        for facet in facets.values():
            values = carried_values(action, facet.vocabulary)
            carried[slug][facet.name] = values
            for value in values:
                facet.actions.setdefault(value, []).append(slug)
    return FacetIndex(facets=facets, carried=carried)
