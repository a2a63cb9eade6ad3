"""The catalogue as data: the JSON and CSV exports under /api/.

Exports hold every front-matter field in the schema's order plus `slug` and `url`, so a
reuser needs no knowledge of the site. They are plain functions of the validated
catalogue: the site build and `actiebank export` produce the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from ..content.catalogue import Catalogue, Entry
from ..content.schema import load_schema
from ..routes import absolute, action_url, api_url, case_url


def field_order(kind: str, schema_dir: Path) -> list[str]:
    return list(load_schema(kind, schema_dir).get("properties", {}))


def entry_record(entry: Entry, order: list[str], url: str) -> dict[str, Any]:
    record = {"slug": entry.slug, "url": url}
    for name in order:
        if name in entry.data:
            record[name] = entry.data[name]
    for name in sorted(entry.data):  # a field the schema gains later is still exported
        if name not in record:
            record[name] = entry.data[name]
    return record


def action_records(catalogue: Catalogue, site_url: str) -> list[dict[str, Any]]:
    order = field_order("action", catalogue.project.schema_dir)
    return [
        entry_record(a, order, absolute(site_url, action_url(a.slug)))
        for a in catalogue.actions.values()
    ]


def case_records(catalogue: Catalogue, site_url: str) -> list[dict[str, Any]]:
    order = field_order("case", catalogue.project.schema_dir)
    return [
        entry_record(c, order, absolute(site_url, case_url(c.slug)))
        for c in catalogue.cases.values()
    ]


def to_json(records: list[dict[str, Any]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n"


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV
# Injection"); a quote in front makes it text. Excel holds at most 32,767 characters in
# a cell; longer text is cut there with a pointer to the JSON export, which has it whole.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL = 32_000
CUT_NOTE = " … (ingekort; de volledige tekst staat in actions.json)"


def spreadsheet_text(text: str) -> str:
    """Text that a spreadsheet shows as text: no formula, no cell beyond Excel's limit."""
    if text.startswith(FORMULA_START):
        text = "'" + text
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - len(CUT_NOTE)] + CUT_NOTE
    return text


def csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return spreadsheet_text("; ".join(str(v) for v in value))
    if isinstance(value, (list, dict)):
        return spreadsheet_text(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str))
    return spreadsheet_text(str(value))


def to_csv(records: list[dict[str, Any]], columns: list[str]) -> str:
    out = io.StringIO()
    # The byte-order mark makes spreadsheet programs read 'ë' as UTF-8.
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([csv_cell(record.get(c)) for c in columns])
    return out.getvalue()


def export_files(catalogue: Catalogue, *, site_url: str) -> dict[str, bytes]:
    actions = action_records(catalogue, site_url)
    columns = ["slug", "url", *field_order("action", catalogue.project.schema_dir)]
    for record in actions:
        columns += [k for k in record if k not in columns]
    return {
        api_url("actions.json"): to_json(actions).encode("utf-8"),
        api_url("actions.csv"): to_csv(actions, columns).encode("utf-8"),
        api_url("cases.json"): to_json(case_records(catalogue, site_url)).encode("utf-8"),
    }
