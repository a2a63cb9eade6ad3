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

from ..problems import FieldPath, Problem
from .frontmatter import Source


def cost_level_for(amount: float) -> str:
    """The cost level of an amount a year: under 10,000 low, up to 100,000 medium."""
    if amount < 10_000:
        return "low"
    return "medium" if amount <= 100_000 else "high"


def _euro(amount: float) -> str:
    return f"€ {amount:,.0f}".replace(",", ".")


def check_rules(source: Source, kind: str) -> list[Problem]:
    """The content model's rules across fields: why a stopped action stopped, the evidence
    level and cost level that the rest of the entry must bear out, and which action a
    story's outcome measures. 'measured' and 'replicated' count the outcomes of stories
    too, so crossfile.py checks them."""
    if not isinstance(source.data, dict):
        return []
    if kind == "case":
        return _outcomes_name_their_action(source, source.data)
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


def _outcomes_name_their_action(source: Source, data: dict[str, Any]) -> list[Problem]:
    """Each outcome of a story names one of the story's actions, and must when the story
    names more than one."""
    named = data.get("actions")
    actions = [a for a in named if isinstance(a, str)] if isinstance(named, list) else []
    outcomes = data.get("outcomes")
    problems = []
    for i, outcome in enumerate(outcomes if isinstance(outcomes, list) else []):
        if not isinstance(outcome, dict):
            continue
        action = outcome.get("action")
        if action is None and len(actions) > 1:
            problems.append(
                source.problem(
                    ("outcomes", i),
                    "Dit verhaal noemt meer dan één actie. Zet bij dit resultaat welke actie "
                    f"het meet: 'action: {actions[0]}' (kies uit: {', '.join(actions)}).",
                )
            )
        elif isinstance(action, str) and action not in actions:
            problems.append(
                source.problem(
                    ("outcomes", i, "action"),
                    f"'{action}' staat niet bij 'actions' van dit verhaal. Kies uit: "
                    f"{', '.join(actions)}, of voeg '{action}' toe aan 'actions'.",
                )
            )
    return problems


# --------------------------------------------------------------------------- dates


def check_dates(source: Source, kind: str, today: date) -> list[Problem]:
    data = source.data or {}
    problems = []
    this_month = f"{today.year:04d}-{today.month:02d}"
    for month in ("started", "ended"):
        value = data.get(month)
        if (
            isinstance(value, str)
            and re.fullmatch(r"\d{4}(-\d{2})?", value)
            and value > this_month[: len(value)]
        ):
            problems.append(
                source.problem(
                    (month,),
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
    review = data.get("review")
    days: list[tuple[FieldPath, object]] = [(("updated",), data.get("updated"))]
    days.append((("date",), data.get("date")))
    days.append((("review", "date"), review.get("date") if isinstance(review, dict) else None))
    for at, value in days:
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                day = date.fromisoformat(value)
            except ValueError:
                problems.append(
                    source.problem(
                        at,
                        f"'{value}' bestaat niet als datum. Controleer de dag en de maand.",
                    )
                )
                continue
            if day > today:
                problems.append(
                    source.problem(
                        at,
                        f"'{value}' ligt in de toekomst. Vul een datum in tot en met "
                        f"{today.isoformat()}.",
                    )
                )
    periods: list[tuple[FieldPath, object]] = [(("period",), data.get("period"))]
    outcomes = data.get("outcomes")
    for i, outcome in enumerate(outcomes if isinstance(outcomes, list) else []):
        if isinstance(outcome, dict):
            periods.append((("outcomes", i, "period"), outcome.get("period")))
    for parts, value in periods:
        span = re.fullmatch(r"(\d{4})-(\d{4})", value) if isinstance(value, str) else None
        if span and span.group(2) < span.group(1):
            problems.append(
                source.problem(
                    parts,
                    f"'{value}' eindigt vóór het begint. Schrijf het eerste jaar eerst: "
                    f"'{span.group(2)}-{span.group(1)}'.",
                )
            )
    return problems
