"""What the catalogue's script needs to filter, sort and draw every card: one compact JSON
file, fetched only when a visitor starts to filter, sort or asks for more cards.

The catalogue page itself carries the first cards (in the default order) and the filter
values with their counts, so it is light and complete without JavaScript; every action
stays reachable without JavaScript through the facet pages. The file holds, per action,
the card's texts (already in Dutch, escaped by the script when drawn) and the address
names of the filter values it carries, plus each order of ordering.py as a list of card
numbers.
"""

from __future__ import annotations

import json
from typing import Any

from .cards import Card
from .ordering import sort_orders

# Raised when the file's layout changes, so a cached copy is never misread.
FORMAT = 1


def card_record(card: Card, facets: list[str]) -> dict[str, Any]:
    """One card as the script draws it (see `drawCard` in actiebank.js)."""
    facts = card.indicators
    return {
        "slug": card.slug,
        "title": card.title,
        "summary": card.summary,
        "organisations": card.organisations,
        "regions": card.regions,
        "sectors": card.sectors,
        "status": card.status,
        "period": card.period,
        "stopped": card.stopped_because,
        "factors": card.factors,
        "evidence": [facts.evidence, facts.evidence_step],
        "costs": facts.costs + (f", {facts.costs_detail}" if facts.costs_detail else ""),
        "results": facts.results,
        "values": [card.filters.get(name, []) for name in facets],
    }


def catalogue_data(cards: list[Card], facets: list[str], evidence_steps: int) -> bytes:
    """The catalogue's data file: the cards in the default order and the other orders."""
    orders = sort_orders(cards)
    by_slug = {card.slug: card for card in cards}
    ranked = [by_slug[slug] for slug in orders["bewijs"]]
    number = {card.slug: i for i, card in enumerate(ranked)}
    data = {
        "format": FORMAT,
        "facets": facets,
        "evidenceSteps": evidence_steps,
        "cards": [card_record(card, facets) for card in ranked],
        "orders": {name: [number[s] for s in slugs] for name, slugs in orders.items()},
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
