"""The catalogue as open data for people: a workbook and a CSV file in Dutch.

The /api/ exports (export.py) hold the front matter as written, for programs. These hold
what a visitor reads: Dutch headers, labels instead of slugs, each region's province, full
addresses. `COLUMNS` names and explains every column once, for the data page too. The
same content gives the same bytes on any day: the workbook is dated by the newest date in
the content, and every member of its zip archive carries a fixed timestamp (1980-01-01).

Dates are date cells in the workbook (a spreadsheet sorts and filters them as dates) and
ISO text in the CSV. A value known to the year or the month only (`started: 2022`, a
period 2021-2023) is a date cell on the first day of that year or month, formatted to show
only what is known ("2022", "2022-03"). Why a date and not the number 2022: "Gestart" holds
years and months in one column, and only when every cell of a column is a date do sorting
and the date filter (which groups by year, then month) treat the column as one; a year as a
number would sort and filter apart from the months beside it. The format shows no day, the
column's explanation says a year stands for the whole year, and the CSV writes "2022".
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, NamedTuple

import xlsxwriter

from ..content.catalogue import Catalogue, Entry
from ..content.sources import is_web_address
from ..routes import absolute, action_url, case_url
from .export import spreadsheet_text


class When(NamedTuple):
    """A date as far as it is known: a year, a month or a day. `day` is its first day."""

    day: date
    precision: Literal["year", "month", "day"]

    def __str__(self) -> str:
        """As the content writes it: '2022', '2022-03' or '2022-03-14'."""
        size = {"year": 4, "month": 7, "day": 10}[self.precision]
        return self.day.isoformat()[:size]


# A cell: text as written (the writers neutralise it), a number, a date, or nothing.
Cell = str | int | float | When | None
Record = dict[str, Cell]  # a row by column header
Dates = Mapping[Path, str]  # an entry's resolved path -> the day of its last commit


class Column(NamedTuple):
    """A column as the data page explains it: its header and what it holds."""

    header: str
    explanation: str


ACTIONS_SHEET, OUTCOMES_SHEET, CASES_SHEET = "Acties", "Resultaten", "Verhalen"
_URL = "Het webadres van de actie in de Actiebank."
_PROVINCES = "De provincies waar de actie loopt; 'Landelijk' als ze in heel Nederland loopt."
_WHEN = " In de spreadsheet een datum: een jaar telt vanaf 1 januari, een maand vanaf de 1e."
_YEAR = " In de spreadsheet een datum op 1 januari van dat jaar."

COLUMNS: dict[str, tuple[Column, ...]] = {
    ACTIONS_SHEET: (
        Column("Titel", "De naam van de actie."),
        Column("Samenvatting", "Wat de actie is en wat ze oplevert, in een paar zinnen."),
        Column("Adres", _URL),
        Column("Organisaties", "De organisaties die de actie uitvoeren."),
        Column("Provincies", _PROVINCES),
        Column("Regio's", "De arbeidsmarktregio's van zorg en welzijn die de actie noemt."),
        Column("Sectoren", "De branches van zorg en welzijn waarin de actie loopt."),
        Column("Succesfactoren", "Aan welke succesfactoren voor behoud de actie bijdraagt."),
        Column("Interventies", "Wat voor soort maatregel de actie is."),
        Column("Doelgroepen", "Voor welke medewerkers de actie bedoeld is."),
        Column("Status", "Hoe ver de actie is: idee, pilot, loopt, afgerond of gestopt."),
        Column(
            "Gestart", "Wanneer de actie begon: een jaar (JJJJ) of een maand (JJJJ-MM)." + _WHEN
        ),
        Column(
            "Geëindigd", "Wanneer de actie stopte: een jaar (JJJJ) of een maand (JJJJ-MM)." + _WHEN
        ),
        Column("Bewijs", "Hoe sterk het bewijs is dat de actie werkt, van Idee tot Onderzocht."),
        Column(
            "Bewijstrede",
            "De trede van het bewijs als getal: 1 (Idee) tot 6 (Onderzocht), 0 als er geen "
            "bewijs is opgegeven. Sorteer op deze kolom om op bewijs te ordenen.",
        ),
        Column("Toelichting bewijs", "Wat de bron van het bewijs wel en niet laat zien."),
        Column("Kosten", "Wat de actie één organisatie per jaar kost: Laag, Midden of Hoog."),
        Column("Bedrag", "Het bedrag in euro, als getal."),
        Column("Bedrag per", "In totaal, per jaar, per deelnemer of per organisatie."),
        Column("Toelichting kosten", "Wat er in het bedrag zit, of waarom er geen bedrag is."),
        Column("Waarom gestopt", "Bij een gestopte actie: waarom ze stopte."),
        Column("Financiering", "Subsidies of fondsen die de actie betalen."),
        Column(
            "Contactpersoon",
            "De persoon die vragen over de actie kan beantwoorden. Leeg als het contact een "
            "organisatie is.",
        ),
        Column("Functie", "De functie van de contactpersoon."),
        Column(
            "Organisatie contact",
            "De organisatie van de contactpersoon, of de organisatie die zelf het contact is.",
        ),
        Column("E-mail", "Het e-mailadres van de contactpersoon."),
        Column("Webpagina contact", "Een webpagina met contactgegevens."),
        Column("Laatst bijgewerkt", "De dag waarop de gegevens voor het laatst zijn bijgewerkt."),
    ),
    OUTCOMES_SHEET: (
        Column("Actie", "De naam van de actie die het resultaat meldt."),
        Column("Adres", _URL),
        Column("Gemeten op", "Wat er gemeten is, zoals uitstroom, behoud of verzuim."),
        Column("Uitkomst", "Of het beter of slechter werd, of dat het nog niet bekend is."),
        Column("Waarde", "Het gemeten getal, als getal."),
        Column("Eenheid", "De eenheid van de waarde en de nulmeting, zoals procent of personen."),
        Column("Nulmeting", "Het getal vóór de actie, in dezelfde eenheid."),
        Column("Periode van", "Het eerste jaar waarover de meting gaat." + _YEAR),
        Column("Periode tot", "Het laatste jaar waarover de meting gaat." + _YEAR),
        Column("Bron", "Een webadres of een korte bronvermelding."),
        Column("Toelichting", "Een korte uitleg bij het resultaat."),
    ),
    CASES_SHEET: (
        Column("Titel", "De kop van het verhaal."),
        Column("Datum", "De dag waarop het verhaal verscheen (JJJJ-MM-DD)."),
        Column("Samenvatting", "Waar het verhaal over gaat, in een paar zinnen."),
        Column("Adres", "Het webadres van het verhaal in de Actiebank."),
        Column("Organisaties", "De organisaties waar het verhaal over gaat."),
        Column("Provincies", "De provincies van het verhaal; 'Landelijk' voor heel Nederland."),
        Column("Regio's", "De arbeidsmarktregio's van zorg en welzijn die het verhaal noemt."),
        Column("Sectoren", "De branches van zorg en welzijn waar het verhaal over gaat."),
        Column("Acties", "De acties in de Actiebank waar het verhaal over gaat."),
        Column("Auteur", "Wie het verhaal schreef."),
    ),
}
# Columns written as links when they hold a full web address, and as an amount in euro.
LINK_COLUMNS = frozenset({"Adres", "Webpagina contact"})
MONEY_COLUMNS = frozenset({"Bedrag"})
SEPARATOR = "; "
# The workbook's date when the content names none (XlsxWriter's own zip timestamp).
FALLBACK_DATE = "1980-01-01"


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class SheetData:
    """The three sheets, and the newest date in the content (YYYY-MM-DD)."""

    actions: Sheet
    outcomes: Sheet
    cases: Sheet
    modified: str

    @property
    def sheets(self) -> tuple[Sheet, Sheet, Sheet]:
        return (self.actions, self.outcomes, self.cases)


# ----------------------------------------------------------------------- the rows


def joined(values: Iterable[str]) -> str:
    return SEPARATOR.join(v for v in values if v)


def labels(catalogue: Catalogue, vocabulary: str, slugs: object) -> str:
    words = catalogue.vocabularies[vocabulary]
    return joined(words.label(s) for s in slugs) if isinstance(slugs, list) else ""


def places(catalogue: Catalogue, slugs: list[str]) -> Record:
    """The provinces (a province named directly among them; 'Landelijk' for national) and
    the labour-market regions of an entry's regions."""
    regions = catalogue.vocabularies["region"]
    terms = [t for t in (regions.by_slug.get(s) for s in slugs) if t]
    found = {t.parent or t.slug for t in terms}
    return {
        "Provincies": joined(regions.label(s) for s in regions.slugs if s in found),
        "Regio's": joined(t.nl for t in terms if t.parent),
    }


def number(value: object) -> int | float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value if math.isfinite(value) else None


def text(value: object) -> str:
    return "" if value is None else str(value)


def when(value: object) -> When | None:
    """2022, '2022', '2022-03' or '2022-03-14' as a date of that precision; None when empty
    or unreadable (the validator has checked the patterns already)."""
    raw = str(value).strip() if isinstance(value, (str, int)) else ""
    try:
        if len(raw) == 4:
            return When(date(int(raw), 1, 1), "year")
        if len(raw) == 7:
            return When(date(int(raw[:4]), int(raw[5:7]), 1), "month")
        if len(raw) >= 10:
            return When(date.fromisoformat(raw[:10]), "day")
    except ValueError:
        return None
    return None


def period(value: object) -> tuple[When | None, When | None]:
    """An outcome's period, 2022 or '2021-2023', as its first and last year."""
    first, _, last = str(value if value is not None else "").partition("-")
    start = when(first)
    return start, when(last) if last else start


def evidence_step(action: Entry, catalogue: Catalogue) -> int:
    """The evidence level's step on the ladder, 1 to 6; 0 when the action names none."""
    level = (action.data.get("evidence") or {}).get("level")
    ladder = catalogue.vocabularies["evidence_level"].slugs
    return ladder.index(level) + 1 if level in ladder else 0


def organisation_names(catalogue: Catalogue) -> frozenset[str]:
    """Every organisation the catalogue names, case and spacing ignored."""
    entries = [*catalogue.actions.values(), *catalogue.cases.values()]
    return frozenset(
        " ".join(str(o["name"]).split()).casefold()
        for entry in entries
        for o in entry.data.get("organisations") or []
    )


def contact_values(contact: Mapping[str, Any], organisations: frozenset[str]) -> Record:
    """A contact that is an organisation (its name is the contact's own organisation, or an
    organisation the catalogue names, as "Transvorm") goes under "Organisatie contact";
    "Contactpersoon" holds people only."""
    name, organisation = text(contact.get("name")), text(contact.get("organisation"))
    plain = " ".join(name.split()).casefold()
    is_organisation = bool(name) and (
        plain == " ".join(organisation.split()).casefold() or plain in organisations
    )
    return {
        "Contactpersoon": "" if is_organisation else name,
        "Functie": text(contact.get("role")),
        "Organisatie contact": organisation or (name if is_organisation else ""),
        "E-mail": text(contact.get("email")),
        "Webpagina contact": text(contact.get("url")),
    }


def entry_updated(entry: Entry, dates: Dates) -> str:
    """As the page says it: the `updated` field, else the entry's last commit."""
    return text(entry.data.get("updated")) or dates.get(entry.path.resolve(), "")


def evidence_and_costs(action: Entry, catalogue: Catalogue) -> Record:
    """'Niet opgegeven' without an evidence level, 'Niet bekend' without a cost level (the
    names the catalogue's filters give them); the cost level of an amount a year where the
    file gives none (facts.py); an amount has its own columns."""
    words = catalogue.vocabularies
    evidence, costs = action.data.get("evidence") or {}, action.data.get("costs") or {}
    facts = catalogue.facts[action.slug]
    level, cost, per = facts.evidence, facts.cost_level, costs.get("per")
    return {
        "Bewijs": words["evidence_level"].label(level)
        if level
        else words.missing_label("evidence_level"),
        "Bewijstrede": evidence_step(action, catalogue),
        "Toelichting bewijs": text(evidence.get("note")),
        "Kosten": words["cost_level"].label(cost) if cost else words.missing_label("cost_level"),
        "Bedrag": number(costs.get("amount_eur")),
        "Bedrag per": words["cost_per"].label(per) if per else "",
        "Toelichting kosten": text(costs.get("note")),
    }


def action_values(
    action: Entry,
    catalogue: Catalogue,
    site_url: str,
    dates: Dates,
    organisations: frozenset[str] = frozenset(),
) -> Record:
    data, contact = action.data, action.data.get("contact") or {}
    return {
        "Titel": action.title,
        "Samenvatting": action.summary,
        "Adres": absolute(site_url, action_url(action.slug)),
        "Organisaties": joined(o["name"] for o in data["organisations"]),
        **places(catalogue, data["regions"]),
        "Sectoren": labels(catalogue, "sector", data.get("sectors")),
        "Succesfactoren": labels(catalogue, "success_factor", data.get("success_factors")),
        "Interventies": labels(catalogue, "intervention", data.get("interventions")),
        "Doelgroepen": labels(catalogue, "target_group", data.get("target_groups")),
        "Status": catalogue.vocabularies["status"].label(data["status"]),
        "Gestart": when(data.get("started")),
        "Geëindigd": when(data.get("ended")),
        **evidence_and_costs(action, catalogue),
        "Waarom gestopt": text(data.get("stopped_because")),
        "Financiering": joined(str(f) for f in data.get("funding") or []),
        **contact_values(contact, organisations),
        "Laatst bijgewerkt": when(entry_updated(action, dates)),
    }


def outcome_values(
    action: Entry, outcome: dict[str, Any], catalogue: Catalogue, site_url: str
) -> Record:
    words, unit = catalogue.vocabularies, outcome.get("unit")
    first, last = period(outcome.get("period"))
    return {
        "Actie": action.title,
        "Adres": absolute(site_url, action_url(action.slug)),
        "Gemeten op": words["outcome_measure"].label(outcome["measure"]),
        "Uitkomst": words["outcome_result"].label(outcome["result"]),
        "Waarde": number(outcome.get("value")),
        "Eenheid": words["outcome_unit"].label(unit) if unit else "",
        "Nulmeting": number(outcome.get("baseline")),
        "Periode van": first,
        "Periode tot": last,
        "Bron": text(outcome.get("source")),
        "Toelichting": text(outcome.get("note")),
    }


def case_values(case: Entry, catalogue: Catalogue, site_url: str) -> Record:
    data, actions = case.data, catalogue.actions
    return {
        "Titel": case.title,
        "Datum": when(data.get("date")),
        "Samenvatting": case.summary,
        "Adres": absolute(site_url, case_url(case.slug)),
        "Organisaties": joined(o["name"] for o in data["organisations"]),
        **places(catalogue, data["regions"]),
        "Sectoren": labels(catalogue, "sector", data.get("sectors")),
        "Acties": joined(actions[s].title for s in data["actions"] if s in actions),
        "Auteur": text(data.get("author")),
    }


def sheet(name: str, records: Iterable[Record]) -> Sheet:
    """The records in the order of the sheet's columns (a missing one fails loudly)."""
    columns = COLUMNS[name]
    return Sheet(name, columns, tuple(tuple(r[c.header] for c in columns) for r in records))


def newest_content_date(catalogue: Catalogue, dates: Dates | None = None) -> str:
    """The newest `updated`, story `date` or last commit in the content (YYYY-MM-DD)."""
    dates = dates or {}
    found = [entry_updated(e, dates) for e in catalogue.actions.values()]
    for case in catalogue.cases.values():
        found += [entry_updated(case, dates), text(case.data.get("date"))]
    return max((d[:10] for d in found if d), default=FALLBACK_DATE)


def spreadsheet_rows(catalogue: Catalogue, *, dates: Dates | None = None) -> SheetData:
    """Every action, result and story in Dutch; text as written (the writers neutralise it).
    `dates` fills "Laatst bijgewerkt" where an entry has no `updated`, as the page does."""
    dates, site = dates or {}, catalogue.project.site_url
    actions, cases = list(catalogue.actions.values()), list(catalogue.cases.values())
    outcomes = [(a, o) for a in actions for o in a.data.get("outcomes") or []]
    organisations = organisation_names(catalogue)
    return SheetData(
        sheet(
            ACTIONS_SHEET,
            [action_values(a, catalogue, site, dates, organisations) for a in actions],
        ),
        sheet(OUTCOMES_SHEET, [outcome_values(a, o, catalogue, site) for a, o in outcomes]),
        sheet(CASES_SHEET, [case_values(c, catalogue, site) for c in cases]),
        newest_content_date(catalogue, dates),
    )


# ----------------------------------------------------------------------- the workbook

# In memory, XlsxWriter stamps every zip member 1980-01-01 00:00; text stays text.
WORKBOOK_OPTIONS = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
PROPERTIES = {"title": "Actiebank", "author": "Actiebank", "subject": "Open data"}
MIN_WIDTH, MAX_WIDTH = 10, 60


def write_cell(
    worksheet: Any, row: int, col: int, header: str, value: Cell, formats: Mapping[str, Any]
) -> None:
    if value is None or value == "":
        return
    if isinstance(value, When):
        worksheet.write_datetime(
            row, col, datetime.combine(value.day, datetime.min.time()), formats[value.precision]
        )
        return
    if isinstance(value, (int, float)):
        euro = formats["euro" if float(value).is_integer() else "cents"]
        worksheet.write_number(row, col, value, euro if header in MONEY_COLUMNS else None)
        return
    shown = spreadsheet_text(value)
    link = header in LINK_COLUMNS and is_web_address(value)
    # write_url refuses an address beyond Excel's limits; the cell then holds it as text.
    if not link or worksheet.write_url(row, col, value, string=shown) != 0:
        worksheet.write_string(row, col, shown)


def write_sheet(worksheet: Any, sheet: Sheet, formats: Mapping[str, Any]) -> None:
    for col, column in enumerate(sheet.columns):
        worksheet.write_string(0, col, spreadsheet_text(column.header), formats["header"])
        longest = max([len(column.header)] + [len(str(r[col])) for r in sheet.rows])
        worksheet.set_column(col, col, max(MIN_WIDTH, min(MAX_WIDTH, longest + 2)))
    for number_, row in enumerate(sheet.rows, start=1):
        for col, (column, value) in enumerate(zip(sheet.columns, row, strict=True)):
            write_cell(worksheet, number_, col, column.header, value, formats)
    worksheet.freeze_panes(1, 0)
    worksheet.autofilter(0, 0, len(sheet.rows), len(sheet.columns) - 1)


def workbook_xlsx(catalogue: Catalogue, *, dates: Dates | None = None) -> bytes:
    """The three sheets as an Excel workbook; the same bytes for the same content."""
    data = spreadsheet_rows(catalogue, dates=dates)
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, WORKBOOK_OPTIONS)
    workbook.set_properties({**PROPERTIES, "created": datetime.fromisoformat(data.modified)})
    formats = {
        "header": workbook.add_format({"bold": True}),
        "euro": workbook.add_format({"num_format": '"€" #,##0'}),
        "cents": workbook.add_format({"num_format": '"€" #,##0.00'}),
        # Dates show only what is known of them (see the module's docstring).
        "year": workbook.add_format({"num_format": "yyyy"}),
        "month": workbook.add_format({"num_format": "yyyy-mm"}),
        "day": workbook.add_format({"num_format": "yyyy-mm-dd"}),
    }
    for one in data.sheets:
        write_sheet(workbook.add_worksheet(one.name), one, formats)
    workbook.close()
    return output.getvalue()


# ----------------------------------------------------------------------- the Dutch CSV


def csv_nl_cell(value: Cell) -> str:
    """Text neutralised; 4.5 as '4,5' and 12500.0 as '12500' (no thousands, no exponent)."""
    if value is None or isinstance(value, str):
        return spreadsheet_text(value or "")
    if isinstance(value, When):
        return str(value)
    if isinstance(value, int) or value.is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f").replace(".", ",")


def actions_csv_nl(catalogue: Catalogue, *, dates: Dates | None = None) -> bytes:
    """The "Acties" sheet as a CSV file that Dutch Excel opens as it is: UTF-8 with a
    byte-order mark, ';' between fields, CRLF, a comma as the decimal separator."""
    actions = spreadsheet_rows(catalogue, dates=dates).actions
    out = io.StringIO()
    out.write("\ufeff")  # the byte-order mark: Excel reads 'ë' as UTF-8
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([spreadsheet_text(c.header) for c in actions.columns])
    writer.writerows([csv_nl_cell(v) for v in row] for row in actions.rows)
    return out.getvalue().encode("utf-8")
