"""What a card shows: an action in a list (Card, with the three facts people choose by)
or a story (CaseCard), and the words a card uses for a period, results and an amount.
Views (views.py) makes each card once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..content.catalogue import Entry
from ..content.facts import ActionFacts
from ..vocabulary import Vocabularies
from .images import ResponsiveImage
from .render import MONTHS, dutch_number


@dataclass(frozen=True)
class Indicators:
    """The three facts people choose by, in words: how strong the evidence is, what the
    action costs, and what its results say."""

    evidence: str  # the step's label, e.g. 'Gemeten', or 'Niet opgegeven'
    evidence_step: int  # its place on the ladder (1 to 6), 0 when not given
    evidence_steps: int  # the number of steps on the ladder
    evidence_explained: str  # the step's one-line explanation
    costs: str  # the level's label, e.g. 'Midden', or 'Niet bekend'
    costs_detail: str  # e.g. '€ 12.500 per jaar', '' when no amount is known
    results: list[str]  # e.g. ['Uitstroom: lager'], or ['Nog geen resultaten']


@dataclass(frozen=True)
class Card:
    """An action in a list: the catalogue, a facet page, related actions."""

    slug: str
    url: str
    title: str
    summary: str
    organisations: list[str]
    factors: list[str]
    status: str
    date: str
    # facet path -> the values the action carries (their address names), for the
    # catalogue's filter data
    filters: dict[str, list[str]]
    indicators: Indicators
    stopped_because: str  # why a stopped action stopped, '' otherwise
    regions: list[str]  # the labels of the regions it names, e.g. ['Haaglanden']
    sectors: list[str]
    period: str  # 'sinds maart 2022', 'van 2021 tot juni 2023', '' when unknown
    changed: str  # when its file last changed (git, UTC timestamp), for sorting


@dataclass(frozen=True)
class CaseCard:
    slug: str
    url: str
    title: str
    summary: str
    organisations: list[str]
    date: str
    featured: bool
    image: ResponsiveImage | None


def month_date(value: str | None) -> str:
    """'2022' or '2022-03' as a sortable full date; '' when absent."""
    if not value:
        return ""
    parts = str(value).split("-")
    parts += ["01"] * (3 - len(parts))
    return "-".join(parts[:3])


def month_text(value: str) -> str:
    """'2022-03' -> 'maart 2022', '2022' -> '2022'."""
    year, _, month = value.partition("-")
    if month.isdigit() and 1 <= int(month) <= 12:
        return f"{MONTHS[int(month) - 1]} {year}"
    return year


def period_text(started: object, ended: object, status: str) -> str:
    """When an action ran, as a card says it: 'sinds maart 2022', 'van 2021 tot juni 2023',
    'begonnen in 2020' (finished, end unknown); '' when no start is given."""
    if not started:
        return f"tot {month_text(str(ended))}" if ended else ""
    start = month_text(str(started))
    if ended:
        return f"van {start} tot {month_text(str(ended))}"
    if status in ("completed", "stopped"):
        return f"begonnen in {start}"
    return f"sinds {start}"


# What a result says about its measure, by whether lower or higher is the improvement.
RESULT_WORDS = {
    ("improved", "lower"): "lager",
    ("improved", "higher"): "hoger",
    ("improved", ""): "positief",
    ("worsened", "lower"): "hoger",
    ("worsened", "higher"): "lager",
    ("worsened", ""): "negatief",
}
MAX_RESULTS_SHOWN = 3


def result_words(outcomes: list[dict[str, Any]], vocabularies: Vocabularies) -> list[str]:
    """'Uitstroom: lager', 'Behoud: nog niet bekend': each measure once, in order."""
    measures = vocabularies["outcome_measure"]
    said: dict[str, str] = {}
    for outcome in outcomes:
        measure = measures.by_slug.get(outcome.get("measure", ""))
        if measure is None or (measure.slug in said and outcome.get("result") == "pending"):
            continue
        result = outcome.get("result")
        if result == "no-change":
            word = "gelijk gebleven"
        elif result == "pending":
            word = "nog niet bekend"
        else:
            word = RESULT_WORDS.get((str(result), measure.better), "")
        if word:
            said[measure.slug] = f"{measure.nl}: {word}"
    return list(said.values())[:MAX_RESULTS_SHOWN]


def amount_text(amount: object, per: str) -> str:
    """'€ 12.500 per jaar' (a non-breaking space after the euro sign), or ''."""
    if not isinstance(amount, (int, float)) or isinstance(amount, bool):
        return ""
    return f"€\u00a0{dutch_number(amount)} {per}".strip()


def indicators(action: Entry, facts: ActionFacts, vocabularies: Vocabularies) -> Indicators:
    """The evidence, costs and results of an action, as its card and fact sheet say them."""
    ladder = vocabularies["evidence_level"]
    level = facts.evidence or ""
    step = ladder.slugs.index(level) + 1 if level in ladder.slugs else 0
    costs = action.data.get("costs") or {}
    amount = amount_text(
        costs.get("amount_eur"), vocabularies["cost_per"].label(costs.get("per", ""))
    )
    # The level the file gives, or the level of its amount a year (facts.py).
    cost_level = vocabularies["cost_level"].label(facts.cost_level) if facts.cost_level else ""
    return Indicators(
        evidence=ladder.label(level) if step else vocabularies.missing_label("evidence_level"),
        evidence_step=step,
        evidence_steps=len(ladder.slugs),
        evidence_explained=ladder.by_slug[level].description if step else "",
        # "Midden, € 12.500 per jaar"; an amount without a level is not "Niet bekend".
        costs=cost_level or amount or vocabularies.missing_label("cost_level"),
        costs_detail=amount if cost_level else "",
        results=result_words(action.data.get("outcomes") or [], vocabularies)
        or ["Nog geen resultaten"],
    )
