"""What an entry's page shows beside its card: the facts panel (a row per facet, each
value linking to its facet page), the outcomes with their bars, and the details of an
action's evidence, costs, funding, contact and links. Each is made from the entry and the
vocabularies alone."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.catalogue import Entry
from ..content.facts import ActionFacts
from ..content.sources import is_web_address
from ..routes import facet_url
from ..vocabulary import Vocabularies
from .facets import FacetIndex

# The facets an action's facts list, as (vocabulary, front-matter field), in reading order.
FACT_FACETS = (
    ("region", "regions"),
    ("sector", "sectors"),
    ("success_factor", "success_factors"),
    ("intervention", "interventions"),
    ("target_group", "target_groups"),
    ("career_pillar", "career_pillars"),
)


@dataclass(frozen=True)
class Term:
    """A value as a visitor reads it, linking to its facet page or an outside site."""

    text: str
    url: str | None = None
    external: str | None = None


@dataclass(frozen=True)
class FactRow:
    label: str
    terms: list[Term]


@dataclass(frozen=True)
class Bar:
    """Widths (percent of the larger) for drawing baseline and value side by side."""

    baseline: int
    value: int


@dataclass(frozen=True)
class Outcome:
    measure: str
    measure_url: str
    result: str
    result_label: str
    value: float | None
    baseline: float | None
    unit: str
    period: str
    source: str
    source_is_link: bool
    note: str
    bar: Bar | None


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Contact:
    name: str
    role: str | None
    organisation: str | None
    email: str | None
    url: str | None


@dataclass(frozen=True)
class Costs:
    level: str  # the level's label, '' when not given
    amount: float | None
    per: str  # 'per jaar', '' when not given
    note: str
    source: Link | None = None


@dataclass(frozen=True)
class Evidence:
    """What an action's evidence level rests on, as its contributor wrote it."""

    note: str
    source: Link | None


@dataclass(frozen=True)
class ActionDetails:
    """The parts of an action's front matter its page shows beside the facts panel."""

    started: str
    ended: str
    evidence: Evidence | None
    costs: Costs | None
    stopped_because: str
    funding: list[str]
    contact: Contact | None
    links: list[Link]


def bar(baseline: object, value: object) -> Bar | None:
    if not isinstance(baseline, (int, float)) or not isinstance(value, (int, float)):
        return None
    top = max(abs(baseline), abs(value))
    if top == 0:
        return None
    return Bar(baseline=round(abs(baseline) * 100 / top), value=round(abs(value) * 100 / top))


def source_link(source: object) -> Link | None:
    """A source as a link: its own address, or a citation as text (url '')."""
    if not isinstance(source, str) or not source:
        return None
    is_address = is_web_address(source)
    return Link(title="Bron" if is_address else source, url=source if is_address else "")


def links(entry: Entry) -> list[Link]:
    return [Link(title=link["title"], url=link["url"]) for link in entry.data.get("links") or []]


def _facet_path(vocabularies: Vocabularies, vocabulary: str) -> str | None:
    spec = vocabularies.facet_of(vocabulary)
    return spec.path if spec else None


def value_terms(
    vocabularies: Vocabularies,
    vocabulary: str,
    slugs: list[str],
    index: FacetIndex | None = None,
) -> list[Term]:
    """Values of a vocabulary by their labels, each linking to its facet page. With the
    facet index, a value no action carries (so it has no page) is plain text: a story may
    name a region that no action names yet."""
    facet = _facet_path(vocabularies, vocabulary)
    terms = vocabularies[vocabulary].by_slug

    def url(slug: str) -> str | None:
        if not facet:
            return None
        if index is not None:
            return index[facet].link_to(terms[slug]) or None
        return facet_url(facet, terms[slug].address)

    return [Term(text=vocabularies[vocabulary].label(s), url=url(s)) for s in slugs]


def facts_of(action: Entry, vocabularies: Vocabularies) -> list[FactRow]:
    """The facts panel: organisations, the facet values in reading order, the status."""
    data = action.data
    rows = [
        FactRow(
            "Organisaties",
            [Term(text=o["name"], external=o.get("url")) for o in data["organisations"]],
        )
    ]
    for vocabulary, name in FACT_FACETS:
        if data.get(name):
            rows.append(
                FactRow(
                    vocabularies[vocabulary].nl, value_terms(vocabularies, vocabulary, data[name])
                )
            )
    rows.append(
        FactRow(vocabularies["status"].nl, value_terms(vocabularies, "status", [data["status"]]))
    )
    return rows


def outcomes_of(action: Entry, vocabularies: Vocabularies) -> list[Outcome]:
    measures = vocabularies["outcome_measure"]
    shown = []
    for outcome in action.data.get("outcomes") or []:
        unit = outcome.get("unit")
        source = outcome.get("source") or ""
        shown.append(
            Outcome(
                measure=measures.label(outcome["measure"]),
                measure_url=facet_url(
                    _facet_path(vocabularies, "outcome_measure") or "",
                    measures.by_slug[outcome["measure"]].address,
                ),
                result=outcome["result"],
                result_label=vocabularies["outcome_result"].label(outcome["result"]),
                value=outcome.get("value"),
                baseline=outcome.get("baseline"),
                unit=vocabularies["outcome_unit"].label(unit) if unit else "",
                period=str(outcome.get("period") or ""),
                source=source,
                source_is_link=is_web_address(source),
                note=outcome.get("note") or "",
                bar=bar(outcome.get("baseline"), outcome.get("value")),
            )
        )
    return shown


def details_of(action: Entry, facts: ActionFacts, vocabularies: Vocabularies) -> ActionDetails:
    data = action.data
    costs = data.get("costs")
    contact = data.get("contact")
    evidence = data.get("evidence")
    return ActionDetails(
        started=str(data.get("started") or ""),
        ended=str(data.get("ended") or ""),
        evidence=Evidence(
            note=evidence.get("note") or "", source=source_link(evidence.get("source"))
        )
        if evidence
        else None,
        costs=Costs(
            level=vocabularies["cost_level"].label(facts.cost_level) if facts.cost_level else "",
            amount=costs.get("amount_eur"),
            per=vocabularies["cost_per"].label(costs["per"]) if "per" in costs else "",
            note=costs.get("note") or "",
            source=source_link(costs.get("source")),
        )
        if costs
        else None,
        stopped_because=str(data.get("stopped_because") or ""),
        funding=list(data.get("funding") or []),
        contact=Contact(
            name=contact["name"],
            role=contact.get("role"),
            organisation=contact.get("organisation"),
            email=contact.get("email"),
            url=contact.get("url"),
        )
        if contact
        else None,
        links=links(action),
    )
