"""An action's facts as rows, for putting actions side by side and for "Mijn plan".

Each action gets a small JSON file beside its page (`acties/<slug>/feiten.json`): one row
per fact of its front matter, in a fixed order with fixed Dutch labels, so the compare page
lines up the rows of up to four actions by label, and marks the rows that differ. Values
are plain text or links (`[text, address]`); the script writes them as text and sets
addresses only as attributes, so nothing in them can become markup.

An outcome is a row per measure ("Resultaat: Uitstroom"): value, baseline, period and
source in one cell. A fact an action does not give is left out; the compare page says
"Niet opgegeven" where another action has it.
"""

from __future__ import annotations

import json
from typing import Any

from ..content.catalogue import Entry
from ..content.sources import is_web_address
from ..routes import action_url
from ..vocabulary import Vocabularies
from .action_details import FACT_FACETS
from .card_data import card_record
from .cards import amount_text, indicators, month_text
from .render import dutch_date, dutch_number
from .views import Views

Part = str | list[str]  # text, or [text, address] for a link
Row = list[Any]  # [group, label, [part, ...]]

ABOUT, EVIDENCE, RESULTS, CONTACT = "Over de actie", "Bewijs en kosten", "Resultaten", "Contact"


def source_parts(source: object) -> list[Part]:
    if not isinstance(source, str) or not source:
        return []
    if is_web_address(source):
        return [["Bron", source]]
    return [f"Bron: {source}"]


def about_rows(action: Entry, views: Views) -> list[Row]:
    data = action.data
    rows: list[Row] = [
        [
            ABOUT,
            "Organisaties",
            [[o["name"], o["url"]] if o.get("url") else o["name"] for o in data["organisations"]],
        ]
    ]
    for vocabulary, name in (*FACT_FACETS, ("status", "status")):
        values = data.get(name) or []
        values = [values] if isinstance(values, str) else values
        if values:
            label = views.catalogue.vocabularies[vocabulary].nl
            rows.append([ABOUT, label, [views.label(vocabulary, v) for v in values]])
    for label, name in (("Gestart", "started"), ("Geëindigd", "ended")):
        if data.get(name):
            rows.append([ABOUT, label, [month_text(str(data[name]))]])
    if data.get("stopped_because"):
        rows.append([ABOUT, "Waarom gestopt", [str(data["stopped_because"])]])
    return rows


def evidence_rows(action: Entry, views: Views) -> list[Row]:
    data = action.data
    facts = indicators(action, views.catalogue.facts[action.slug], views.catalogue.vocabularies)
    evidence = data.get("evidence") or {}
    step = (
        f" (stap {facts.evidence_step} van {facts.evidence_steps})" if facts.evidence_step else ""
    )
    rows: list[Row] = [[EVIDENCE, "Bewijs", [facts.evidence + step]]]
    if evidence.get("note") or evidence.get("source"):
        parts = [evidence["note"]] if evidence.get("note") else []
        rows.append(
            [EVIDENCE, "Waar het bewijs op rust", parts + source_parts(evidence.get("source"))]
        )
    costs = data.get("costs") or {}
    rows.append([EVIDENCE, "Kosten", [facts.costs]])
    amount = amount_text(costs.get("amount_eur"), views.label("cost_per", costs.get("per", "")))
    if amount:
        rows.append([EVIDENCE, "Bedrag", [amount]])
    if costs.get("note") or costs.get("source"):
        parts = [costs["note"]] if costs.get("note") else []
        rows.append([EVIDENCE, "Toelichting kosten", parts + source_parts(costs.get("source"))])
    if data.get("funding"):
        rows.append([EVIDENCE, "Financiering", list(data["funding"])])
    return rows


def outcome_text(outcome: dict[str, Any], vocabularies: Vocabularies) -> list[Part]:
    """'Verbeterd: 12 procent (nulmeting 18 procent), 2022-2023', then its source."""
    text = vocabularies["outcome_result"].label(outcome["result"])
    unit = vocabularies["outcome_unit"].label(outcome["unit"]) if outcome.get("unit") else ""
    if outcome.get("value") is not None:
        text += f": {dutch_number(outcome['value'])} {unit}".rstrip()
        if outcome.get("baseline") is not None:
            text += f" (nulmeting {dutch_number(outcome['baseline'])} {unit}".rstrip() + ")"
    if outcome.get("period"):
        text += f", periode {outcome['period']}"
    parts: list[Part] = [text]
    if outcome.get("note"):
        parts.append(str(outcome["note"]))
    return parts + source_parts(outcome.get("source"))


def result_rows(action: Entry, views: Views) -> list[Row]:
    vocabularies = views.catalogue.vocabularies
    by_measure: dict[str, list[Part]] = {}
    for outcome in action.data.get("outcomes") or []:
        measure = vocabularies["outcome_measure"].label(outcome["measure"])
        by_measure.setdefault(measure, []).extend(outcome_text(outcome, vocabularies))
    return [[RESULTS, f"Resultaat: {measure}", parts] for measure, parts in by_measure.items()]


def contact_rows(action: Entry, views: Views) -> list[Row]:
    data = action.data
    rows: list[Row] = []
    contact = data.get("contact")
    if contact:
        who = ", ".join(str(contact[k]) for k in ("name", "role", "organisation") if contact.get(k))
        parts: list[Part] = [who]
        if contact.get("email"):
            parts.append([contact["email"], f"mailto:{contact['email']}"])
        if contact.get("url"):
            parts.append([contact["url"], contact["url"]])
        rows.append([CONTACT, "Contactpersoon", parts])
    if data.get("links"):
        rows.append(
            [CONTACT, "Meer lezen", [[link["title"], link["url"]] for link in data["links"]]]
        )
    updated = views.updated(action)
    if updated:
        rows.append([CONTACT, "Laatst bijgewerkt", [dutch_date(updated)]])
    return rows


def fact_sheet(action: Entry, views: Views, facets: list[str]) -> dict[str, Any]:
    """Everything the compare page and "Mijn plan" show of one action."""
    data = action.data
    target_groups = views.catalogue.vocabularies["target_group"]
    return {
        "slug": action.slug,
        "url": action_url(action.slug),
        "card": card_record(views.card(action), facets),
        "targetGroups": [target_groups.label(t) for t in data.get("target_groups") or []],
        "measured": views.catalogue.facts[action.slug].measured,
        "rows": about_rows(action, views)
        + evidence_rows(action, views)
        + result_rows(action, views)
        + contact_rows(action, views),
    }


def fact_sheet_json(action: Entry, views: Views, facets: list[str]) -> bytes:
    sheet = fact_sheet(action, views, facets)
    return json.dumps(sheet, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
