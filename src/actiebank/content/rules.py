"""Rules the schema words badly or cannot hold: the rules across fields, and dates.

The rules across fields (why a stopped action stopped, the evidence level and cost level
the rest of the entry must bear out) are also in the schema, as subschemas marked
`x-rule`, so an editor that reads the published schema judges a file as the validator
does; here they are worded at the field a contributor has to change. Dates are checked
against today, which no schema knows.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..problems import Problem
from .frontmatter import Source


def cost_level_for(amount: float) -> str:
    """The cost level of an amount a year: under 10,000 low, up to 100,000 medium."""
    if amount < 10_000:
        return "low"
    return "medium" if amount <= 100_000 else "high"


def usable_outcomes(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Outcomes that count as a measurement: a value, a source and a verdict."""
    outcomes = data.get("outcomes")
    return (
        [
            o
            for o in outcomes
            if isinstance(o, dict)
            and "value" in o
            and "source" in o
            and o.get("result") not in (None, "pending")
        ]
        if isinstance(outcomes, list)
        else []
    )


def replicated_measures(data: dict[str, Any]) -> list[str]:
    """The measures with at least two usable outcomes."""
    counts: dict[str, int] = {}
    for outcome in usable_outcomes(data):
        measure = outcome.get("measure")
        if isinstance(measure, str):
            counts[measure] = counts.get(measure, 0) + 1
    return sorted(m for m, n in counts.items() if n >= 2)


def _euro(amount: float) -> str:
    return f"€ {amount:,.0f}".replace(",", ".")


def check_rules(source: Source, kind: str) -> list[Problem]:
    """The content model's rules across fields: why a stopped action stopped, and the
    evidence level and cost level that the rest of the entry must bear out."""
    if kind != "action" or not isinstance(source.data, dict):
        return []
    return [
        problem
        for rule in (_stopped_because, _evidence_level, _cost_level)
        if (problem := rule(source, source.data)) is not None
    ]


def _stopped_because(source: Source, data: dict[str, Any]) -> Problem | None:
    if data.get("status") != "stopped" or "stopped_because" in data:
        return None
    # Reported at the status, the line that makes the field required.
    line, column = source.position(("status",))
    return Problem(
        source.display,
        line,
        column,
        "stopped_because",
        "De status is 'stopped' (Gestopt), dus het veld 'stopped_because' is verplicht. "
        "Schrijf daar in één of twee zinnen (10 tot 300 tekens) waarom de actie stopte.",
    )


def _evidence_level(source: Source, data: dict[str, Any]) -> Problem | None:
    status = data.get("status")
    evidence = data.get("evidence")
    level = evidence.get("level") if isinstance(evidence, dict) else None
    if level == "idea" and status != "idea":
        message = (
            f"Het niveau 'idea' past alleen bij de status 'idea', en deze actie heeft de status "
            f"{status!r}. Kies 'described' of een hoger niveau, of zet de status op 'idea'."
        )
    elif status == "idea" and isinstance(level, str) and level != "idea":
        message = (
            "De status is 'idea', dus de actie is nog niet uitgevoerd. Kies het niveau 'idea' "
            f"in plaats van {level!r}."
        )
    elif level == "measured" and not usable_outcomes(data):
        message = (
            "Het niveau is 'measured' (Gemeten), maar geen enkel resultaat heeft een waarde, "
            "een bron en een uitkomst anders dan 'pending'. Vul die drie aan bij een resultaat, "
            "of kies 'experiences'."
        )
    elif level == "replicated" and not replicated_measures(data):
        lower = "measured" if usable_outcomes(data) else "experiences"
        message = (
            "Het niveau is 'replicated' (Herhaald gemeten), maar er zijn geen twee resultaten "
            "van dezelfde maat met elk een waarde, een bron en een uitkomst anders dan "
            f"'pending'. Voeg de tweede meting toe, of kies '{lower}'."
        )
    elif level == "evaluated" and isinstance(evidence, dict) and "source" not in evidence:
        message = (
            "Het niveau is 'evaluated' (Onderzocht), maar 'evidence.source' ontbreekt. Noem "
            "daar het onderzoek (een webadres of een korte bronvermelding), of kies een lager "
            "niveau."
        )
    else:
        return None
    return source.problem(("evidence", "level"), message)


def _cost_level(source: Source, data: dict[str, Any]) -> Problem | None:
    costs = data.get("costs")
    if not isinstance(costs, dict) or costs.get("per") != "year":
        return None
    amount, stated = costs.get("amount_eur"), costs.get("level")
    if not isinstance(amount, (int, float)) or isinstance(amount, bool):
        return None
    expected = cost_level_for(amount)
    if stated == expected or stated not in ("low", "medium", "high"):
        return None
    return source.problem(
        ("costs", "level"),
        f"{stated!r} past niet bij {_euro(amount)} per jaar; dat is {expected!r} (low: minder "
        "dan € 10.000, medium: € 10.000 tot en met € 100.000, high: meer). "
        f"Kies '{expected}'.",
    )


# --------------------------------------------------------------------------- dates


def check_dates(source: Source, kind: str, today: date) -> list[Problem]:
    data = source.data or {}
    problems = []
    this_month = f"{today.year:04d}-{today.month:02d}"
    for name in ("started", "ended"):
        value = data.get(name)
        if (
            isinstance(value, str)
            and re.fullmatch(r"\d{4}(-\d{2})?", value)
            and value > this_month[: len(value)]
        ):
            problems.append(
                source.problem(
                    (name,),
                    f"'{value}' ligt in de toekomst. Vul een maand in tot en met {this_month}.",
                )
            )
    started, ended = data.get("started"), data.get("ended")
    if isinstance(started, str) and isinstance(ended, str):
        length = min(len(started), len(ended))
        if ended[:length] < started[:length]:
            problems.append(
                source.problem(
                    ("ended",),
                    f"'{ended}' ligt vóór de start, '{started}'. Verwissel de twee, of verbeter "
                    "het jaar.",
                )
            )
    for name in ("updated", "date"):
        value = data.get(name)
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                day = date.fromisoformat(value)
            except ValueError:
                problems.append(
                    source.problem(
                        (name,),
                        f"'{value}' bestaat niet als datum. Controleer de dag en de maand.",
                    )
                )
                continue
            if day > today:
                problems.append(
                    source.problem(
                        (name,),
                        f"'{value}' ligt in de toekomst. Vul een datum in tot en met "
                        f"{today.isoformat()}.",
                    )
                )
    return problems
