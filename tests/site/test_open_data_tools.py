"""The open data as the tools people use read it (issue 24, items 8, 9 and 13): the workbook
in openpyxl (what LibreOffice and Excel see), the CSV files as Excel opens them, the
description for data portals in pyshacl with the DCAT-AP 3 shapes, and the schema.org
descriptions search engines read. All on the project's own content, built once."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime
from html import unescape
from pathlib import Path

import openpyxl
import pytest
from pyshacl import validate
from rdflib import Graph

from actiebank.content.catalogue import load_catalogue
from actiebank.project import read_project
from actiebank.site.linked_data import case_jsonld, data_jsonld

SHAPES = Path(__file__).resolve().parents[1] / "fixtures" / "dcat-ap-3" / "dcat-ap-3.0.1-shapes.ttl"


@pytest.fixture(scope="module")
def workbook(built_site):
    return openpyxl.load_workbook(built_site / "data" / "actiebank.xlsx")


@pytest.fixture(scope="module")
def catalogue(built_site):
    """The content the site was built from, as the site read it."""
    project = built_site.parent
    return load_catalogue(read_project(project))


def columns(sheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[1]}


def column_cells(sheet, header: str) -> list:
    number = columns(sheet)[header]
    return [row[number - 1] for row in sheet.iter_rows(min_row=2)]


# ----------------------------------------------------------------------- 8. the workbook


@pytest.mark.parametrize(
    ("sheet", "header", "formats"),
    [
        ("Acties", "Laatst bijgewerkt", {"yyyy-mm-dd"}),
        ("Acties", "Gestart", {"yyyy", "yyyy-mm"}),
        ("Acties", "Geëindigd", {"yyyy", "yyyy-mm"}),
        ("Resultaten", "Periode van", {"yyyy"}),
        ("Resultaten", "Periode tot", {"yyyy"}),
        ("Verhalen", "Datum", {"yyyy-mm-dd"}),
    ],
)
def test_every_date_is_a_date_cell_showing_what_is_known(workbook, sheet, header, formats):
    cells = [c for c in column_cells(workbook[sheet], header) if c.value is not None]
    assert cells, f"the content has no {header} to check"
    for cell in cells:
        assert cell.is_date and isinstance(cell.value, datetime), (header, cell.value)
        assert cell.number_format in formats, (header, cell.value, cell.number_format)
        if cell.number_format == "yyyy":
            # A year stands as its first day: 2022 sorts before 2022-03 in the same column.
            assert (cell.value.month, cell.value.day) == (1, 1)
        if cell.number_format == "yyyy-mm":
            assert cell.value.day == 1


def test_year_only_and_month_values_keep_their_precision(workbook, catalogue):
    """`started: 2022` shows as 2022, `started: 2022-03` as 2022-03: each row's date is the
    entry's own value, to the precision the entry gave."""
    actions = workbook["Acties"]
    by_address = {c.value: c.row for c in column_cells(actions, "Adres")}
    started = columns(actions)["Gestart"]
    checked = 0
    for action in catalogue.actions.values():
        value = action.data.get("started")
        if value is None:
            continue
        row = next(r for address, r in by_address.items() if address.endswith(f"/{action.slug}/"))
        cell = actions.cell(row, started)
        text = str(value)
        shown = cell.value.strftime("%Y") if len(text) == 4 else cell.value.strftime("%Y-%m")
        assert shown == text and cell.number_format == ("yyyy" if len(text) == 4 else "yyyy-mm")
        checked += 1
    assert checked


def test_the_evidence_column_sorts_by_the_ladder(workbook, catalogue):
    actions = workbook["Acties"]
    labels = [c.value for c in column_cells(actions, "Bewijs")]
    steps = [c.value for c in column_cells(actions, "Bewijstrede")]
    assert columns(actions)["Bewijstrede"] == columns(actions)["Bewijs"] + 1, "beside the label"
    assert all(isinstance(s, int) for s in steps)
    ladder = catalogue.vocabularies["evidence_level"]
    expected = {ladder.label(slug): number for number, slug in enumerate(ladder.slugs, start=1)}
    expected[catalogue.vocabularies.missing_label("evidence_level")] = 0
    assert all(step == expected[label] for label, step in zip(labels, steps, strict=True))
    # Sorted on the number, the labels follow the ladder, not the alphabet.
    ordered = [label for _, label in sorted(zip(steps, labels, strict=True))]
    assert ordered == sorted(labels, key=expected.__getitem__)
    assert sorted(set(labels)) != sorted(set(labels), key=expected.__getitem__)


def test_contact_keeps_people_and_organisations_apart(workbook, catalogue):
    actions = workbook["Acties"]
    where = columns(actions)
    organisations = {
        " ".join(o["name"].split()).casefold()
        for entry in [*catalogue.actions.values(), *catalogue.cases.values()]
        for o in entry.data["organisations"]
    }
    rows = {
        actions.cell(r, where["Adres"]).value.rstrip("/").rsplit("/", 1)[-1]: r
        for r in range(2, actions.max_row + 1)
    }
    organisation_contacts = 0
    for action in catalogue.actions.values():
        contact = action.data.get("contact")
        if not contact:
            continue
        row = rows[action.slug]
        person = actions.cell(row, where["Contactpersoon"]).value
        organisation = actions.cell(row, where["Organisatie contact"]).value
        name = " ".join(contact["name"].split()).casefold()
        if name in organisations or name == str(contact.get("organisation", "")).casefold():
            organisation_contacts += 1
            assert person is None, f"{action.slug}: an organisation is no contact person"
            assert organisation == (contact.get("organisation") or contact["name"])
        else:
            assert person == contact["name"]
            assert organisation == contact.get("organisation")
    assert organisation_contacts, "the content has contacts that are organisations"


def test_the_dutch_csv_writes_dates_as_the_content_does(built_site, catalogue):
    text = (built_site / "data" / "acties.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    by_slug = {r["Adres"].rstrip("/").rsplit("/", 1)[-1]: r for r in rows}
    for action in catalogue.actions.values():
        row = by_slug[action.slug]
        assert row["Gestart"] == str(action.data.get("started") or "")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}|", row["Laatst bijgewerkt"])
        assert row["Bewijstrede"].isdigit()


# ----------------------------------------------------------------------- 9. the CSV files


def test_the_data_page_says_how_the_api_csv_writes_lists(built_site):
    """The programs' CSV writes a list of values as the values with '; ' between them, and
    a list of objects (organisations, outcomes) as JSON: the data page says so."""
    rows = list(
        csv.DictReader(
            io.StringIO((built_site / "api/actions.csv").read_text(encoding="utf-8-sig"))
        )
    )
    records = json.loads((built_site / "api/actions.json").read_text(encoding="utf-8"))
    joined = [
        name
        for name, value in records[0].items()
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value)
    ]
    assert joined, "the first action has lists of values"
    for name in joined:
        assert rows[0][name] == "; ".join(records[0][name])
    assert json.loads(rows[0]["organisations"]) == records[0]["organisations"]
    page = unescape(re.sub(r"<[^>]+>", " ", (built_site / "data" / "index.html").read_text()))
    page = " ".join(page.split())
    assert "Lijsten staan als JSON in een cel" not in page, "the page says what the file is"
    assert "gescheiden door een puntkomma en een spatie" in page
    assert "als JSON" in page


def test_every_csv_download_the_build_writes_starts_with_a_byte_order_mark(built_site):
    """Excel reads a CSV without a byte-order mark as Windows-1252: 'ë' becomes 'Ã«'."""
    found = sorted(built_site.rglob("*.csv"))
    assert {p.relative_to(built_site).as_posix() for p in found} >= {
        "api/actions.csv",
        "data/acties.csv",
    }
    for path in found:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), path


# ----------------------------------------------------------------------- 13. DCAT and schema.org


def shacl(description: dict) -> tuple[bool, str]:
    data = Graph().parse(data=json.dumps(description), format="json-ld")
    shapes = Graph().parse(SHAPES, format="turtle")
    conforms, _, report = validate(data, shacl_graph=shapes, inference="none")
    return bool(conforms), report


def test_the_dcat_description_passes_the_dcat_ap_3_shapes(built_site, catalogue):
    description = json.loads((built_site / "data" / "catalogus.jsonld").read_text())
    conforms, report = shacl(description)
    assert conforms, report
    profiles = description["dct:conformsTo"]
    assert {p["@type"] for p in profiles} == {"dct:Standard"}
    assert any("DCAT-AP" in p["@id"] for p in profiles)
    api = [
        d
        for dataset in description["dcat:dataset"]
        for d in dataset["dcat:distribution"]
        if d["dcat:downloadURL"]["@id"].endswith(".json")
    ]
    assert api and all(d["dct:conformsTo"]["@type"] == "dct:Standard" for d in api)
    for d in api:
        schema = d["dct:conformsTo"]["@id"].removeprefix(catalogue.project.site_url)
        assert (built_site / schema).is_file(), f"{schema} is published"


def untyped(node: object, address: str) -> object:
    """The description with the thing at `address` no longer saying what it is, wherever
    it appears (in RDF a type said once holds everywhere)."""
    if isinstance(node, dict):
        return {
            k: untyped(v, address)
            for k, v in node.items()
            if not (k == "@type" and node.get("@id") == address)
        }
    if isinstance(node, list):
        return [untyped(v, address) for v in node]
    return node


@pytest.mark.parametrize(
    "address",
    [
        "http://creativecommons.org/licenses/by/4.0/",
        "http://publications.europa.eu/resource/authority/language/NLD",
        "http://publications.europa.eu/resource/authority/data-theme/HEAL",
        "https://www.iana.org/assignments/media-types/text/csv",
        "http://publications.europa.eu/resource/authority/country/NLD",
    ],
)
def test_the_shapes_refuse_an_untyped_value(built_site, address):
    """The check has teeth: without its type, one value fails the shapes."""
    description = json.loads((built_site / "data" / "catalogus.jsonld").read_text())
    assert address in json.dumps(description)
    conforms, report = shacl(untyped(description, address))
    assert not conforms and "Value does not have class" in report


def test_the_shapes_refuse_a_contact_point_of_no_kind(built_site):
    description = json.loads((built_site / "data" / "catalogus.jsonld").read_text())
    for dataset in description["dcat:dataset"]:
        dataset["dcat:contactPoint"]["@type"] = "vcard:Organization"
    conforms, report = shacl(description)
    assert not conforms and "vcard:Kind" in report


def jsonld_of(html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found
    return json.loads(found.group(1))


def test_a_story_names_its_author_with_an_address(built_site, catalogue):
    for case in catalogue.cases.values():
        html = (built_site / "verhalen" / case.slug / "index.html").read_text(encoding="utf-8")
        article = jsonld_of(html)
        if case.data.get("author"):
            author = article["author"]
            assert author["name"] == case.data["author"]
            if author["@type"] == "Organization":
                assert author["url"].startswith("https://"), case.slug


def test_a_story_page_gives_its_picture_to_search_engines(built_site, catalogue):
    with_picture = [c for c in catalogue.cases.values() if c.data.get("image")]
    assert with_picture
    for case in with_picture:
        html = (built_site / "verhalen" / case.slug / "index.html").read_text(encoding="utf-8")
        shared = re.search(r'<meta property="og:image" content="([^"]+)"', html)
        assert shared, f"{case.slug} shares its picture"
        assert jsonld_of(html).get("image") == shared.group(1), f"{case.slug}: its picture"


def test_a_story_article_carries_its_image(catalogue):
    case = next(iter(catalogue.cases.values()))
    site = catalogue.project.site_url
    image = f"{site}assets/images/verhaal.jpg"
    article = case_jsonld(case, catalogue, site_url=site, image=image)
    assert article["image"] == image
    assert "image" not in case_jsonld(case, catalogue, site_url=site)


def test_the_data_page_describes_the_data_as_a_schema_org_dataset(built_site, catalogue):
    site = catalogue.project.site_url
    dataset = data_jsonld(catalogue, site_url=site, modified="2026-12-01")
    assert dataset["@type"] == "Dataset" and dataset["license"].startswith("https://")
    downloads = {d["contentUrl"].removeprefix(site) for d in dataset["distribution"]}
    assert {"data/actiebank.xlsx", "data/acties.csv", "api/actions.json"} <= downloads
    for path in downloads:
        assert (built_site / path).is_file(), path
    html = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    on_page = jsonld_of(html)
    assert on_page["@type"] == "Dataset" and on_page["url"] == f"{site}data/"
