"""The orders the catalogue offers, decided once at build time.

"Meeste bewijs" (the default) puts the strongest evidence first and, on one step of the
ladder, the most recently changed action; "Laatst gewijzigd" goes by the last commit of an
action's file; "Titel" by title as a Dutch reader sorts it. The catalogue's script gets
these orders ready-made (card_data.py), so the page and the script never disagree about
where a card belongs. Relevance, while a text query is typed, is the one order the script
computes itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .cards import Card

DEFAULT_SORT = "bewijs"
# name in the address (?sort=...) -> what the sort menu says
SORTS = {
    "bewijs": "Meeste bewijs",
    "gewijzigd": "Laatst gewijzigd",
    "titel": "Titel (A–Z)",
}
RELEVANCE = "relevantie"
RELEVANCE_LABEL = "Beste match"
# Sort names of older addresses.
SORT_ALIASES = {"newest": "gewijzigd", "title": "titel"}

_NUMBER = re.compile(r"(\d+)")


def title_key(title: str) -> tuple[tuple[int, str | int], ...]:
    """How a Dutch reader orders titles: accents and case ignored, 'Fase 2' before
    'Fase 10', a leading quote or bracket ignored."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().casefold()
    plain = plain.lstrip(" '\"‘’“”([")
    return tuple(
        (1, int(part)) if part.isdigit() else (0, part) for part in _NUMBER.split(plain) if part
    )


def sort_orders(cards: Iterable[Card]) -> dict[str, list[str]]:
    """Sort name -> every action's slug in that order."""
    cards = list(cards)
    by_title = sorted(cards, key=lambda c: (title_key(c.title), c.slug))
    title_rank = {card.slug: rank for rank, card in enumerate(by_title)}
    by_change = sorted(cards, key=lambda c: title_rank[c.slug])
    by_change.sort(key=lambda c: c.changed, reverse=True)
    by_evidence = sorted(by_change, key=lambda c: c.indicators.evidence_step, reverse=True)
    return {
        "bewijs": [c.slug for c in by_evidence],
        "gewijzigd": [c.slug for c in by_change],
        "titel": [c.slug for c in by_title],
    }
