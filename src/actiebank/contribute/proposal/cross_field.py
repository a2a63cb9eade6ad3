"""The rules across an action's fields (the schema's `x-rule`s) as the proposal form's
script checks them: the validator's rules (content/rules.py), with its messages in Dutch,
at the same field. One browser check may cover several rules of the schema."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...content.rules import cost_level_for
from ...content.sources import SOURCE, SOURCE_MAX, SOURCE_MIN
from ...vocabulary import Vocabularies
from .field_spec import ecma_pattern, schema_node

BrowserCheck = Callable[[dict[str, Any], Vocabularies], dict[str, Any]]


def _stopped_because(schema: dict[str, Any], vocabularies: Vocabularies) -> dict[str, Any]:
    """A stopped action says why it stopped."""
    status = vocabularies["status"]
    return {
        "rule": "required-when",
        "field": "stopped_because",
        "when": "status",
        "equals": "stopped",
        "message": (
            f"De status is ‘{status.label('stopped')}’: vul in waarom de actie stopte, "
            "in één of twee zinnen (10 tot 300 tekens)."
        ),
    }


def _evidence(schema: dict[str, Any], vocabularies: Vocabularies) -> dict[str, Any]:
    """The evidence level agrees with the status, the outcomes and the source."""
    levels = vocabularies["evidence_level"]
    status = vocabularies["status"]
    usable = schema["$defs"].get("usable_outcome", {})
    excluded = usable.get("properties", {}).get("result", {}).get("not", {}).get("const")
    return {
        "rule": "evidence",
        "level": "evidence.level",
        "status": "status",
        "outcomes": "outcomes",
        "source": "evidence.source",
        "usable": {
            "required": usable.get("required", []),
            "not_result": excluded,
            "source": ecma_pattern(SOURCE),
            "source_min": SOURCE_MIN,
            "source_max": SOURCE_MAX,
        },
        "idea": "idea",
        "measured": "measured",
        "replicated": "replicated",
        "evaluated": "evaluated",
        "labels": {t.slug: t.nl for t in levels.terms},
        "status_labels": {t.slug: t.nl for t in status.terms},
        "messages": _evidence_messages(vocabularies),
    }


def _evidence_messages(vocabularies: Vocabularies) -> dict[str, str]:
    levels = vocabularies["evidence_level"]
    status = vocabularies["status"]
    return {
        "idea-not-idea": (
            f"‘{levels.label('idea')}’ past alleen bij de status "
            f"‘{status.label('idea')}’, en deze actie heeft de status ‘{{status}}’. "
            f"Kies ‘{levels.label('described')}’ of hoger, of zet de status op "
            f"‘{status.label('idea')}’."
        ),
        "status-idea": (
            f"De status is ‘{status.label('idea')}’, dus de actie is nog niet "
            f"uitgevoerd: kies ‘{levels.label('idea')}’ in plaats van ‘{{level}}’."
        ),
        "measured": (
            f"‘{levels.label('measured')}’ vraagt een resultaat met een waarde, een "
            "bron en een uitkomst die niet ‘Nog niet bekend’ is. Vul zo’n resultaat "
            f"in, of kies ‘{levels.label('experiences')}’."
        ),
        "replicated": (
            f"‘{levels.label('replicated')}’ vraagt twee metingen van dezelfde maat "
            "in verschillende perioden, elk met een waarde, een bron en een uitkomst die "
            "niet ‘Nog niet bekend’ is. Vul de tweede meting in met haar eigen periode, "
            "of kies ‘{lower}’."
        ),
        "evaluated": (
            f"‘{levels.label('evaluated')}’ vraagt de bron van de evaluatie: vul de "
            "bron van het bewijs in (een webadres of een korte bronvermelding), of "
            "kies een lager niveau."
        ),
    }


def _cost_bands(schema: dict[str, Any]) -> tuple[float, float]:
    """The cost bands, read from the rule's branches (exclusiveMaximum of the lowest,
    maximum of the middle one), checked against rules.cost_level_for."""
    branches = schema_node(schema, "costs")["allOf"][0]["then"]["anyOf"]
    low_below = branches[0]["properties"]["amount_eur"]["exclusiveMaximum"]
    medium_up_to = branches[1]["properties"]["amount_eur"]["maximum"]
    if (
        cost_level_for(low_below - 0.01) != "low"
        or cost_level_for(low_below) != "medium"
        or cost_level_for(medium_up_to) != "medium"
        or cost_level_for(medium_up_to + 0.01) != "high"
    ):
        raise ValueError("the schema's cost bands differ from rules.cost_level_for")
    return low_below, medium_up_to


def _cost_level(schema: dict[str, Any], vocabularies: Vocabularies) -> dict[str, Any]:
    """The cost level agrees with a yearly amount."""
    low_below, medium_up_to = _cost_bands(schema)
    return {
        "rule": "cost-level",
        "level": "costs.level",
        "amount": "costs.amount_eur",
        "per": "costs.per",
        "per_value": "year",
        "low_below": low_below,
        "medium_up_to": medium_up_to,
        "levels": ["low", "medium", "high"],
        "labels": {t.slug: t.nl for t in vocabularies["cost_level"].terms},
        "message": (
            "‘{stated}’ past niet bij {amount} per jaar: dat is ‘{expected}’. Laag is "
            f"minder dan € {_dutch(low_below)}, midden € {_dutch(low_below)} tot "
            f"€ {_dutch(medium_up_to)} en hoog meer dan € {_dutch(medium_up_to)} per jaar."
        ),
    }


def _dutch(amount: float) -> str:
    return f"{amount:,.0f}".replace(",", ".")


def _outcome_action(schema: dict[str, Any], vocabularies: Vocabularies) -> dict[str, Any]:
    """A story's outcome names one of the story's actions, and must when it names more."""
    return {
        "rule": "outcome-action",
        "outcomes": "outcomes",
        "actions": "actions",
        "messages": {
            "missing": (
                "Dit verhaal noemt meer dan één actie: kies bij dit resultaat welke actie het "
                "meet ({choices})."
            ),
            "unknown": (
                "De actie ‘{action}’ staat niet bij de acties van dit verhaal: kies uit "
                "{choices}, of voeg de actie toe."
            ),
        },
    }


# Each rule of the schema and the browser check that covers it, in the order the checks
# stand in the form's description.
BROWSER_CHECKS: dict[str, BrowserCheck] = {
    "stopped-because": _stopped_because,
    "idea-only-with-idea": _evidence,
    "idea-status-idea-level": _evidence,
    "measured-needs-an-outcome": _evidence,
    "replicated-needs-two-outcomes": _evidence,
    "evaluated-needs-a-source": _evidence,
    "cost-level-agrees-with-amount": _cost_level,
    "outcome-names-its-action": _outcome_action,
}


def schema_rule_names(schema: dict[str, Any]) -> set[str]:
    """The `x-rule`s of a schema, of the entry and of its costs."""
    names = {r["x-rule"] for r in schema.get("allOf", []) if "x-rule" in r}
    if "costs" in schema.get("properties", {}):
        costs = schema_node(schema, "costs").get("allOf", [])
        names |= {r["x-rule"] for r in costs if "x-rule" in r}
    return names


def browser_rules(schema: dict[str, Any], vocabularies: Vocabularies) -> list[dict[str, Any]]:
    """The rules across fields, for the browser; each schema rule (`x-rule`) has one."""
    names = schema_rule_names(schema)
    unknown = names - BROWSER_CHECKS.keys()
    if unknown:
        raise ValueError(f"the form has no browser check for the rule(s) {sorted(unknown)}")
    checks: list[BrowserCheck] = []
    for name, check in BROWSER_CHECKS.items():
        if name in names and check not in checks:
            checks.append(check)
    return [check(schema, vocabularies) for check in checks]
