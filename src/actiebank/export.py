"""The catalogue as data: JSON and CSV exports, Atom feeds, `actiebank export`.

Exports hold every front-matter field in the schema's order plus `slug` and `url`, so a
reuser needs no knowledge of the site. They are plain functions of the validated
catalogue: the site build and the command produce the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from pathlib import Path

from .catalogue import Catalogue, Entry, load_catalogue
from .paths import SCHEMA_DIR
from .render import render


def absolute(site_url: str, path: str) -> str:
    """A site path as a full URL when the site's address is known, else root-relative."""
    base = site_url if site_url else "/"
    return base.rstrip("/") + "/" + path.lstrip("/")


def field_order(kind: str) -> list[str]:
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return list(schema.get("properties", {}))


def entry_record(entry: Entry, order: list[str], url: str) -> dict:
    record = {"slug": entry.slug, "url": url}
    for name in order:
        if name in entry.data:
            record[name] = entry.data[name]
    for name in sorted(entry.data):  # a field the schema gains later is still exported
        if name not in record:
            record[name] = entry.data[name]
    return record


def action_records(catalogue: Catalogue, site_url: str) -> list[dict]:
    order = field_order("action")
    return [entry_record(a, order, absolute(site_url, f"acties/{a.slug}/"))
            for a in catalogue.actions.values()]


def case_records(catalogue: Catalogue, site_url: str) -> list[dict]:
    order = field_order("case")
    return [entry_record(c, order, absolute(site_url, f"verhalen/{c.slug}/"))
            for c in catalogue.cases.values()]


def to_json(records: list[dict]) -> str:
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


def to_csv(records: list[dict], columns: list[str]) -> str:
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
    columns = ["slug", "url"] + field_order("action")
    for record in actions:
        columns += [k for k in record if k not in columns]
    return {
        "api/actions.json": to_json(actions).encode("utf-8"),
        "api/actions.csv": to_csv(actions, columns).encode("utf-8"),
        "api/cases.json": to_json(case_records(catalogue, site_url)).encode("utf-8"),
    }


def atom_feed(*, title: str, site_url: str, feed_path: str, page_path: str,
              entries: list[dict]) -> str:
    """An Atom feed; `updated` comes from the entries, never the clock."""
    dated = [e["updated"] for e in entries if e["updated"]]
    return str(render("feed.xml", title=title, feed_url=absolute(site_url, feed_path),
                      page_url=absolute(site_url, page_path),
                      updated=max(dated) if dated else "2000-01-01",
                      entries=entries))


def write_exports(content_dir: Path, out: Path, site_url: str) -> int:
    catalogue = load_catalogue(content_dir)
    for problem in catalogue.problems:
        print(problem, file=sys.stderr)
    if catalogue.errors:
        print(f"{len(catalogue.errors)} problems in content; nothing was exported",
              file=sys.stderr)
        return 1
    for name, data in export_files(catalogue, site_url=site_url).items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"wrote {target}")
    return 0


def configured_site_url(config: Path) -> str:
    """`site_url` from mkdocs.yml, read as text: the core does not load MkDocs, and the
    file may hold tags only MkDocs understands."""
    try:
        text = config.read_text(encoding="utf-8")
    except OSError:
        return ""
    match = re.search(r"^site_url:\s*['\"]?([^'\"\s#]+)", text, re.M)
    return match.group(1) if match else ""


def run_export(args: argparse.Namespace) -> int:
    content = Path(args.content)
    site_url = args.site_url
    if site_url is None:
        site_url = configured_site_url(content.resolve().parent / "mkdocs.yml")
    return write_exports(content, Path(args.out), site_url)


def register_command(subparsers) -> None:
    command = subparsers.add_parser("export", help="write the JSON and CSV exports "
                                    "(api/actions.json, api/actions.csv, api/cases.json)")
    command.add_argument("--out", default="export", help="folder to write into (default: export)")
    command.add_argument("--content", default="content", help="the content folder")
    command.add_argument("--site-url", default=None, help="the site's address, for the `url` "
                         "field (default: site_url from mkdocs.yml beside the content folder, "
                         "so the files equal the published ones)")
    command.set_defaults(run=run_export)
