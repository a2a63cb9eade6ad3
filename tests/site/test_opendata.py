"""The open data for people (workbook, Dutch CSV) and for machines (DCAT-AP-NL, schema.org
JSON-LD), from the sample catalogue, without MkDocs."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import shutil
import time
import zipfile
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter.core

from actiebank import routes
from actiebank.site.linked_data import action_jsonld, case_jsonld, dcat_catalog, jsonld_script
from actiebank.site.opendata import (
    COLUMNS,
    actions_csv_nl,
    newest_content_date,
    spreadsheet_rows,
    workbook_xlsx,
)
from support import catalogue_of
from support.sample_catalogue import ACTIONS, write_sample

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://example.org/ab/"

# Every cell that starts like a formula, and numbers with decimals, negative ones too.
FORMULAS = """\
---
title: '=HYPERLINK("https://example.org","klik")'
summary: "+Een samenvatting die met een plusteken begint, zoals een formule."
organisations:
  - name: "@SUM(1+1)"
  - name: "-2+3"
regions: [rijnmond, utrecht]
sectors: [vvt]
success_factors: [onboarding]
interventions: [buddy]
status: running
costs:
  amount_eur: 1234.5
  per: participant
outcomes:
  - measure: absenteeism
    result: improved
    value: -1.25
    unit: percentage-points
    baseline: 6.5
contact:
  name: "+31 20 1234567"
  email: "-anna@example.org"
---
Tekst.
"""
ESCAPE = """\
---
title: "Kijk </script><script>alert(1)</script> & <!-- hier"
summary: Een actie met een titel die een script-element zou kunnen sluiten als niemand oplet.
organisations: [{name: "Zorg </script> B.V."}]
regions: [national]
sectors: [hospitals]
success_factors: [onboarding]
interventions: [buddy]
status: running
---
Tekst.
"""


def sample(folder: Path, **actions: str):
    """The sample catalogue (with extra actions) as the site would read it, at SITE."""
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    write_sample(folder / "content", actions={**ACTIONS, **actions})
    catalogue = catalogue_of(folder / "content")
    assert not catalogue.errors, catalogue.errors
    catalogue.project = dataclasses.replace(catalogue.project, site_url=SITE)
    return catalogue


@pytest.fixture
def catalogue(tmp_path):
    return sample(tmp_path)


@pytest.fixture
def tricky(tmp_path):
    return sample(tmp_path, **{"formules": FORMULAS, "ontsnapping": ESCAPE})


def sheet_records(workbook, name):
    rows = list(workbook[name].iter_rows(values_only=True))
    assert list(rows[0]) == [c.header for c in COLUMNS[name]]
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def by(records, key):
    return {r[key]: r for r in records}


# ----------------------------------------------------------------------- the workbook


def test_workbook_holds_every_action_result_and_story_in_dutch(catalogue):
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_xlsx(catalogue)))
    assert workbook.sheetnames == ["Acties", "Resultaten", "Verhalen"]
    actions = by(sheet_records(workbook, "Acties"), "Titel")
    assert set(actions) == {a.title for a in catalogue.actions.values()}

    buddy = actions["Buddy's & <starters> in Haaglanden"]
    assert buddy["Adres"] == f"{SITE}acties/buddy-haaglanden/"
    assert buddy["Provincies"] == "Zuid-Holland" and buddy["Regio's"] == "Haaglanden"
    assert buddy["Sectoren"] == "Verpleging, verzorging en thuiszorg"
    assert buddy["Succesfactoren"] == "Onboarding"
    assert buddy["Interventies"] == "Buddysysteem; Begeleiding van starters"
    assert buddy["Doelgroepen"] == "Starters" and buddy["Status"] == "Loopt"
    # Dates are date cells (a year or month on its first day), not text.
    assert buddy["Gestart"] == datetime(2022, 3, 1) and buddy["Geëindigd"] is None
    assert buddy["Bewijs"] == "Gemeten" and buddy["Kosten"] == "Midden"
    assert buddy["Bedrag"] == 12500 and isinstance(buddy["Bedrag"], int | float)
    assert buddy["Bedrag per"] == "per jaar"
    assert buddy["Toelichting kosten"] == "vooral uren van de buddy's"
    assert buddy["Financiering"] == "IZA" and buddy["Contactpersoon"] == "Anna de Vries"
    assert buddy["E-mail"] == "anna@example.org"
    assert buddy["Laatst bijgewerkt"] == datetime(2024, 5, 1)

    flexpool = actions["Regionale flexpool in Twente"]
    assert flexpool["Provincies"] == "Overijssel" and flexpool["Regio's"] == "Twente"
    assert flexpool["Sectoren"] == "Gehandicaptenzorg; Verpleging, verzorging en thuiszorg"
    assert flexpool["Bewijs"] == "Niet opgegeven" and flexpool["Kosten"] == "Niet bekend"
    assert flexpool["Bedrag"] is None
    national = actions["Leerhuis voor het hele land"]
    assert national["Provincies"] == "Landelijk" and national["Regio's"] is None

    results = sheet_records(workbook, "Resultaten")
    assert [r["Actie"] for r in results] == [
        "Buddy's & <starters> in Haaglanden",
        "Leerhuis voor het hele land",
    ]
    assert results[0] | {"Adres": None} == {
        "Actie": "Buddy's & <starters> in Haaglanden",
        "Adres": None,
        "Gemeten op": "Uitstroom",
        "Uitkomst": "Verbeterd",
        "Waarde": 4,
        "Eenheid": "procentpunt",
        "Nulmeting": 12,
        "Periode van": datetime(2022, 1, 1),
        "Periode tot": datetime(2023, 1, 1),
        "Bron": "https://example.org/rapport",
        "Toelichting": None,
    }
    assert results[1]["Gemeten op"] == "Behoud" and results[1]["Waarde"] is None

    stories = by(sheet_records(workbook, "Verhalen"), "Titel")
    story = stories["Hoe de buddy starters hielp landen"]
    assert story["Datum"] == datetime(2024, 2, 1)
    assert story["Adres"] == f"{SITE}verhalen/verhaal-buddy/"
    assert story["Acties"] == "Buddy's & <starters> in Haaglanden"
    assert story["Provincies"] == "Zuid-Holland" and story["Regio's"] == "Haaglanden"
    assert stories["Invallen zonder gedoe in Twente"]["Acties"] == "Regionale flexpool in Twente"


def test_workbook_has_bold_frozen_filtered_headers_numbers_and_links(catalogue):
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_xlsx(catalogue)))
    for sheet in workbook:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}" + (
            str(sheet.max_row)
        )
        assert all(cell.font.b for cell in sheet[1])
        widths = [d.width for d in sheet.column_dimensions.values()]
        assert widths and all(10 <= w <= 61 for w in widths)
    actions = workbook["Acties"]
    amount = actions.cell(2, [c.header for c in COLUMNS["Acties"]].index("Bedrag") + 1)
    assert amount.data_type == "n" and "€" in amount.number_format
    assert actions["C2"].hyperlink.target == f"{SITE}acties/buddy-haaglanden/"
    assert workbook["Resultaten"]["E2"].data_type == "n"


def test_every_column_is_explained_once(catalogue):
    data = spreadsheet_rows(catalogue)
    assert [s.name for s in data.sheets] == list(COLUMNS)
    for sheet in data.sheets:
        headers = [c.header for c in sheet.columns]
        assert len(set(headers)) == len(headers)
        assert all(c.explanation.endswith(".") and "\n" not in c.explanation for c in sheet.columns)
        assert all(len(row) == len(headers) for row in sheet.rows)
    # (header, explanation) pairs, as the data page reads them
    header, explanation = COLUMNS["Acties"][0]
    assert (header, explanation) == ("Titel", "De naam van de actie.")


def test_formulas_are_text_in_the_workbook_and_the_csv(tricky):
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_xlsx(tricky)))
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert not [c for c in cells if c.data_type == "f"]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert not [t for t in texts if t.startswith(("=", "+", "-", "@", "\t", "\r"))]
    action = by(sheet_records(workbook, "Acties"), "Samenvatting")[
        "'+Een samenvatting die met een plusteken begint, zoals een formule."
    ]
    assert action["Titel"] == '\'=HYPERLINK("https://example.org","klik")'
    assert action["Organisaties"] == "'@SUM(1+1); -2+3"
    assert (
        action["Contactpersoon"] == "'+31 20 1234567" and action["E-mail"] == "'-anna@example.org"
    )
    outcome = by(sheet_records(workbook, "Resultaten"), "Gemeten op")["Verzuim"]
    assert outcome["Waarde"] == -1.25 and outcome["Nulmeting"] == 6.5  # numbers stay numbers

    rows = list(csv.reader(io.StringIO(actions_csv_nl(tricky).decode("utf-8-sig")), delimiter=";"))
    texts = [cell for row in rows for cell in row]
    assert not [t for t in texts if t.startswith(("=", "+", "-", "@", "\t", "\r"))]
    row = next(r for r in rows if r[0].startswith("'=HYPERLINK"))
    assert row[3] == "'@SUM(1+1); -2+3"


def test_dutch_csv_opens_in_dutch_excel(tricky):
    raw = actions_csv_nl(tricky)
    assert raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # the sample's texts hold no line breaks
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    headers = [c.header for c in COLUMNS["Acties"]]
    assert rows[0] == headers
    assert len(rows) == 1 + len(tricky.actions) and all(len(r) == len(headers) for r in rows)
    records = by([dict(zip(headers, r, strict=True)) for r in rows[1:]], "Titel")
    buddy = records["Buddy's & <starters> in Haaglanden"]
    assert buddy["Provincies"] == "Zuid-Holland" and buddy["Bedrag"] == "12500"
    assert buddy["Interventies"] == "Buddysysteem; Begeleiding van starters"
    # Dates as the content writes them: a date cell in the workbook, ISO text here.
    assert buddy["Gestart"] == "2022-03" and buddy["Laatst bijgewerkt"] == "2024-05-01"
    formulas = records['\'=HYPERLINK("https://example.org","klik")']
    assert formulas["Bedrag"] == "1234,5" and formulas["Bedrag per"] == "per deelnemer"
    assert formulas["Provincies"] == "Utrecht; Zuid-Holland" and formulas["Regio's"] == "Rijnmond"
    assert "Geëindigd" in raw.decode("utf-8-sig")


def test_the_workbook_is_the_same_on_any_day(catalogue, monkeypatch):
    first = workbook_xlsx(catalogue)

    class Clock(type):
        def __instancecheck__(cls, value):  # a date the workbook sets is still a datetime
            return isinstance(value, datetime)

    class Later(datetime, metaclass=Clock):
        @classmethod
        def now(cls, tz=None):
            return datetime(2031, 7, 4, 13, 37, 0, tzinfo=tz)

    later = time.time() + 400 * 86_400
    monkeypatch.setattr(xlsxwriter.core, "datetime", Later)
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(time, "localtime", lambda seconds=None: time.gmtime(seconds or later))
    second = workbook_xlsx(catalogue)
    assert first == second

    archive = zipfile.ZipFile(io.BytesIO(first))
    assert {member.date_time for member in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    core = archive.read("docProps/core.xml").decode()
    assert newest_content_date(catalogue) == "2025-02-02"
    assert "<dcterms:created" in core and "2025-02-02T00:00:00Z" in core and "2031" not in core


def test_last_commit_dates_fill_in_where_an_entry_names_none(catalogue):
    flexpool = catalogue.actions["flexpool-twente"]
    del flexpool.data["updated"]
    dates = {flexpool.path.resolve(): "2026-03-04"}
    actions = spreadsheet_rows(catalogue, dates=dates).actions
    column = [c.header for c in actions.columns].index("Laatst bijgewerkt")
    assert [str(row[column]) for row in actions.rows] == [
        "2024-05-01",
        "2026-03-04",
        "2025-02-02",
    ]
    assert newest_content_date(catalogue, dates) == "2026-03-04"
    assert newest_content_date(catalogue) == "2025-02-02"


# ----------------------------------------------------------------------- linked data


def test_dcat_catalogue_describes_three_datasets_and_their_files(catalogue):
    data = dcat_catalog(catalogue, site_url=SITE, modified=newest_content_date(catalogue))
    data = json.loads(json.dumps(data))  # plain JSON throughout
    assert {"dcat", "dct", "foaf", "vcard", "skos"} <= set(data["@context"])
    assert data["@type"] == "dcat:Catalog" and data["@id"] == f"{SITE}data/catalogus.jsonld"
    # Every value that is a thing says what kind of thing (the DCAT-AP 3 class constraints).
    assert data["foaf:homepage"] == {"@id": SITE, "@type": "foaf:Document"}
    datasets = data["dcat:dataset"]
    assert [d["dct:title"] for d in datasets] == [
        {"@value": title, "@language": "nl"} for title in ("Acties", "Resultaten", "Verhalen")
    ]
    eu = "http://publications.europa.eu/resource/authority/"
    for described in [data, *datasets]:
        assert described["dct:description"]["@language"] == "nl"
        assert described["dct:description"]["@value"]
        assert described["dct:publisher"]["@type"] == "foaf:Agent"
        assert described["dct:publisher"]["foaf:name"]["@value"] == "Actiebank"
        contact = described["dcat:contactPoint"]
        assert "vcard:Kind" in contact["@type"]
        assert contact["vcard:hasEmail"] == {"@id": "mailto:redactie@actiebank.example"}
        assert described["dct:license"] == {
            "@id": "http://creativecommons.org/licenses/by/4.0/",
            "@type": "dct:LicenseDocument",
        }
        assert described["dct:spatial"] == {"@id": f"{eu}country/NLD", "@type": "dct:Location"}
        assert described["dct:language"] == {
            "@id": f"{eu}language/NLD",
            "@type": "dct:LinguisticSystem",
        }
        assert described["dct:modified"] == {"@value": "2025-02-02", "@type": "xsd:date"}
    downloads = set()
    for dataset in datasets:
        assert dataset["@type"] == "dcat:Dataset" and dataset["dct:identifier"] == dataset["@id"]
        theme = dataset["dcat:theme"]
        assert theme["@id"] == f"{eu}data-theme/HEAL" and theme["@type"] == "skos:Concept"
        assert theme["skos:inScheme"] == {"@id": f"{eu}data-theme"}
        assert dataset["dct:accessRights"] == {
            "@id": f"{eu}access-right/PUBLIC",
            "@type": "dct:RightsStatement",
        }
        assert dataset["dct:creator"] == dataset["dct:publisher"]
        assert dataset["dcat:distribution"]
        for file in dataset["dcat:distribution"]:
            assert file["@type"] == "dcat:Distribution"
            assert file["dcat:accessURL"] == file["dcat:downloadURL"]
            assert file["dcat:downloadURL"]["@id"].startswith(SITE)
            assert file["dct:format"]["@id"].startswith(f"{eu}file-type/")
            assert file["dct:format"]["@type"] == "dct:MediaTypeOrExtent"
            assert file["dcat:mediaType"]["@id"].startswith("https://www.iana.org/assignments/")
            assert file["dcat:mediaType"]["@type"] == "dct:MediaType"
            assert file["dct:license"] == dataset["dct:license"]
            downloads.add(file["dcat:downloadURL"]["@id"])
        ids = [f["@id"] for f in dataset["dcat:distribution"]]
        assert len(set(ids)) == len(ids)
    assert downloads == {
        SITE + path
        for path in (
            routes.workbook_url(),
            routes.csv_nl_url(),
            "api/actions.json",
            "api/actions.csv",
            "api/cases.json",
        )
    }
    other = dcat_catalog(catalogue, site_url=SITE, modified="2025-02-02", contact_email="a@b.nl")
    assert other["dcat:contactPoint"]["vcard:hasEmail"] == {"@id": "mailto:a@b.nl"}


def test_the_new_addresses():
    assert routes.workbook_url() == "data/actiebank.xlsx"
    assert routes.csv_nl_url() == "data/acties.csv"
    assert routes.dcat_url() == "data/catalogus.jsonld"


def test_action_jsonld_says_what_the_page_shows(catalogue):
    for action in catalogue.actions.values():
        data = json.loads(json.dumps(action_jsonld(action, catalogue, site_url=SITE)))
        assert data["@context"] == "https://schema.org" and data["@type"] == "WebPage"
        entity = data["mainEntity"]
        required = ("name", "description", "url", "about", "keywords", "spatialCoverage")
        for name in (*required, "audience", "provider"):
            assert entity[name], (action.slug, name)
        assert entity["url"] == data["url"] == f"{SITE}acties/{action.slug}/"
        assert entity["name"] == action.title and entity["description"] == action.summary
        assert all(t["@type"] == "DefinedTerm" for t in entity["about"])

    buddy = action_jsonld(catalogue.actions["buddy-haaglanden"], catalogue, site_url=SITE)
    entity = buddy["mainEntity"]
    assert [t["name"] for t in entity["about"]] == [
        "Onboarding",
        "Buddysysteem",
        "Begeleiding van starters",
    ]
    assert entity["about"][0]["url"] == f"{SITE}acties/succesfactor/onboarding/"
    assert entity["about"][1]["inDefinedTermSet"]["name"] == "Interventie"
    assert "Verpleging, verzorging en thuiszorg" in entity["keywords"]
    assert entity["spatialCoverage"] == [{"@type": "Place", "name": "Haaglanden"}]
    assert entity["audience"] == [{"@type": "Audience", "audienceType": "Starters"}]
    assert entity["provider"] == [
        {
            "@type": "Organization",
            "name": "Voorbeeldzorg Haaglanden",
            "url": "https://example.org/voorbeeldzorg",
        }
    ]
    assert buddy["dateModified"] == entity["dateModified"] == "2024-05-01"
    assert entity["temporalCoverage"] == "2022-03/.."
    # Without target groups the audience is the sectors; national is the Netherlands.
    flexpool = action_jsonld(catalogue.actions["flexpool-twente"], catalogue, site_url=SITE)
    assert [a["audienceType"] for a in flexpool["mainEntity"]["audience"]] == [
        "Gehandicaptenzorg",
        "Verpleging, verzorging en thuiszorg",
    ]
    national = action_jsonld(catalogue.actions["leerhuis-landelijk"], catalogue, site_url=SITE)
    assert national["mainEntity"]["spatialCoverage"] == [{"@type": "Place", "name": "Nederland"}]
    # The date the page shows wins: its last commit where there is no `updated`.
    entry = catalogue.actions["flexpool-twente"]
    later = action_jsonld(entry, catalogue, site_url=SITE, modified="2026-01-02")
    assert later["dateModified"] == later["mainEntity"]["dateModified"] == "2026-01-02"


def test_case_jsonld_is_an_article_about_its_actions(catalogue):
    story = catalogue.cases["verhaal-buddy"]
    data = json.loads(json.dumps(case_jsonld(story, catalogue, site_url=SITE)))
    assert data["@context"] == "https://schema.org" and data["@type"] == "Article"
    assert data["headline"] == story.title and data["description"] == story.summary
    assert data["datePublished"] == "2024-02-01"
    assert data["url"] == data["mainEntityOfPage"]["@id"] == f"{SITE}verhalen/verhaal-buddy/"
    assert [a["url"] for a in data["about"]] == [f"{SITE}acties/buddy-haaglanden/"]
    action = action_jsonld(catalogue.actions["buddy-haaglanden"], catalogue, site_url=SITE)
    assert data["about"][0]["@id"] == action["mainEntity"]["@id"]
    assert "author" not in data  # the sample story names none
    story.data["author"] = "Redactie Actiebank"
    data = case_jsonld(story, catalogue, site_url=SITE)
    # The editors are an organisation with a page about them; anyone else is a person.
    assert data["author"] == {
        "@type": "Organization",
        "name": "Redactie Actiebank",
        "url": f"{SITE}over/",
    }
    story.data["author"] = "Anna de Vries"
    data = case_jsonld(story, catalogue, site_url=SITE)
    assert data["author"] == {"@type": "Person", "name": "Anna de Vries"}


class Scripts(HTMLParser):
    """Every <script> element of a page, with its text, as a browser splits them."""

    def __init__(self):
        super().__init__()
        self.scripts: list[tuple[dict, str]] = []
        self.inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append((dict(attrs), ""))
            self.inside = True

    def handle_endtag(self, tag):
        if tag == "script":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)


def test_no_title_can_break_out_of_the_script_element(tricky):
    action = tricky.actions["ontsnapping"]
    assert "</script>" in action.title
    data = action_jsonld(action, tricky, site_url=SITE)
    element = str(jsonld_script(data))
    assert element.startswith('<script type="application/ld+json">')
    assert element.endswith("</script>") and element.lower().count("</script") == 1
    assert "<" not in element[len('<script type="application/ld+json">') : -len("</script>")]
    assert "&" not in element and "<!--" not in element
    page = f"<html><body>{element}<p>na</p></body></html>"
    parser = Scripts()
    parser.feed(page)
    assert len(parser.scripts) == 1
    attrs, text = parser.scripts[0]
    assert attrs == {"type": "application/ld+json"}
    assert json.loads(text) == json.loads(json.dumps(data))
    assert json.loads(text)["mainEntity"]["provider"][0]["name"] == "Zorg </script> B.V."
    for story in tricky.cases.values():
        element = str(jsonld_script(case_jsonld(story, tricky, site_url=SITE)))
        parser = Scripts()
        parser.feed(element)
        assert json.loads(parser.scripts[0][1])["headline"] == story.title
