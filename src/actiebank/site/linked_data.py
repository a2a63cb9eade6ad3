"""The catalogue described for machines: DCAT-AP-NL for data portals, schema.org for
search engines.

`dcat_catalog` describes the open data (the workbook, the Dutch CSV and the /api/ files)
as a DCAT-AP-NL 3.0 catalogue in JSON-LD, for portals such as data.overheid.nl. Every
value that is a thing (a licence, a language, a file format, a theme, a contact point) says
what kind of thing it is (`@type`), as the DCAT-AP 3 shapes require of each property's
range: a portal that checks them refuses an untyped one. `data_jsonld` describes the same
data for search engines as a schema.org `Dataset` on the data page.
`action_jsonld` and `case_jsonld` describe a page in schema.org terms with only the facts
the page itself shows; `jsonld_script` puts one in a page so that no text can end it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any, NamedTuple

from markupsafe import Markup

from ..content.catalogue import Catalogue, Entry
from ..routes import (
    absolute,
    action_url,
    api_url,
    case_url,
    csv_nl_url,
    data_page_url,
    dcat_url,
    facet_url,
    schema_url,
    workbook_url,
)
from .export import RECORD_SUFFIX

JSON = dict[str, Any]
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
EU = "http://publications.europa.eu/resource/authority/"
IANA = "https://www.iana.org/assignments/media-types/"
LICENSE = "http://creativecommons.org/licenses/by/4.0/"
# The application profiles the description follows (dct:conformsTo of the catalogue).
PROFILES = (
    ("https://semiceu.github.io/DCAT-AP/releases/3.0.1/", "DCAT-AP 3.0.1"),
    ("https://docs.geostandaarden.nl/dcat/dcat-ap-nl30/", "DCAT-AP-NL 3.0"),
)
THEMES = f"{EU}data-theme"
HEALTH = (f"{THEMES}/HEAL", "Gezondheid", "Health")
CONTACT_EMAIL = "redactie@actiebank.example"
CATALOGUE_DESCRIPTION = (
    "Het open overzicht van wat zorg- en welzijnsorganisaties doen om hun medewerkers te "
    "behouden: acties, hun resultaten en verhalen erover."
)


class Distribution(NamedTuple):
    path: str  # the file's address on the site
    kind: str  # EU file type: XLSX, CSV, JSON
    media: str  # IANA media type
    title: str
    description: str
    schema: JSON | None = None  # the JSON Schema its records follow (dct:Standard)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WORKBOOK = "De werkmap met de werkbladen Acties, Resultaten en Verhalen, in het Nederlands."
API_JSON = "Alle velden zoals bijdragers ze schreven, met het adres van elke pagina (JSON)."
DATASETS: tuple[tuple[str, str, str, tuple[Distribution, ...]], ...] = (
    (
        "acties",
        "Acties",
        "Wat zorg- en welzijnsorganisaties doen om medewerkers te behouden, één actie per "
        "rij: organisaties, regio's, sectoren, succesfactoren, interventies, status, bewijs "
        "en kosten.",
        (
            Distribution(workbook_url(), "XLSX", XLSX, "Werkmap (Excel)", WORKBOOK),
            Distribution(
                csv_nl_url(),
                "CSV",
                "text/csv",
                "Acties als CSV voor Excel",
                "Het werkblad Acties: puntkomma tussen velden, komma als decimaalteken, UTF-8.",
            ),
            Distribution(api_url("actions.json"), "JSON", "application/json", "JSON", API_JSON),
            Distribution(
                api_url("actions.csv"),
                "CSV",
                "text/csv",
                "CSV met alle velden",
                "Elk veld van de acties als kolom, met veldnamen uit het schema (UTF-8).",
            ),
        ),
    ),
    (
        "resultaten",
        "Resultaten",
        "Wat de acties opleverden, één resultaat per rij: wat er gemeten is, de uitkomst, "
        "de waarde en de nulmeting, de periode en de bron.",
        (
            Distribution(workbook_url(), "XLSX", XLSX, "Werkmap (Excel)", WORKBOOK),
            Distribution(api_url("actions.json"), "JSON", "application/json", "JSON", API_JSON),
        ),
    ),
    (
        "verhalen",
        "Verhalen",
        "Verhalen over de acties uit de praktijk: titel, datum, samenvatting, organisaties, "
        "regio's en de acties waar ze over gaan.",
        (
            Distribution(workbook_url(), "XLSX", XLSX, "Werkmap (Excel)", WORKBOOK),
            Distribution(api_url("cases.json"), "JSON", "application/json", "JSON", API_JSON),
        ),
    ),
)


def nl(text: str) -> JSON:
    return {"@value": text, "@language": "nl"}


def ref(address: str) -> JSON:
    return {"@id": address}


def day(value: str) -> JSON:
    return {"@value": value, "@type": "xsd:date"}


def typed(address: str, kind: str, **more: Any) -> JSON:
    """A thing by its address, with what kind of thing it is."""
    return {"@id": address, "@type": kind, **more}


def standard(address: str, title: str) -> JSON:
    return typed(address, "dct:Standard", **{"dct:title": title})


def licence() -> JSON:
    return typed(LICENSE, "dct:LicenseDocument")


def language() -> JSON:
    return typed(f"{EU}language/NLD", "dct:LinguisticSystem")


def theme_scheme() -> JSON:
    return typed(
        THEMES, "skos:ConceptScheme", **{"dct:title": {"@value": "Data theme", "@language": "en"}}
    )


def theme() -> JSON:
    address, dutch, english = HEALTH
    labels = [nl(dutch), {"@value": english, "@language": "en"}]
    return typed(
        address, "skos:Concept", **{"skos:prefLabel": labels, "skos:inScheme": ref(THEMES)}
    )


def distribution(item: Distribution, dataset: str, site_url: str, modified: str) -> JSON:
    address = absolute(site_url, item.path)
    return {
        "@id": f"{dataset}-{PurePosixPath(item.path).name}",
        "@type": "dcat:Distribution",
        "dct:title": nl(item.title),
        "dct:description": nl(item.description),
        "dcat:accessURL": ref(address),
        "dcat:downloadURL": ref(address),
        "dct:format": typed(f"{EU}file-type/{item.kind}", "dct:MediaTypeOrExtent"),
        "dcat:mediaType": typed(IANA + item.media, "dct:MediaType"),
        "dct:license": licence(),
        "dct:language": language(),
        "dct:modified": day(modified),
        **({"dct:conformsTo": item.schema} if item.schema else {}),
    }


def shared(site_url: str, modified: str, contact_email: str) -> JSON:
    """What the catalogue and each dataset say alike: who, where, which language, since when."""
    publisher = {
        "@id": absolute(site_url, "") + "#actiebank",
        "@type": "foaf:Agent",
        "foaf:name": nl("Actiebank"),
    }
    return {
        "dct:publisher": publisher,
        "dcat:contactPoint": {
            "@type": ["vcard:Kind", "vcard:Organization"],
            "vcard:fn": "Redactie Actiebank",
            "vcard:hasEmail": ref(f"mailto:{contact_email}"),
        },
        "dct:license": licence(),
        "dct:spatial": typed(f"{EU}country/NLD", "dct:Location"),
        "dct:language": language(),
        "dct:modified": day(modified),
    }


def dcat_catalog(
    catalogue: Catalogue, *, site_url: str, modified: str, contact_email: str = CONTACT_EMAIL
) -> JSON:
    """The open data as a DCAT-AP-NL 3.0 `dcat:Catalog` (JSON-LD) of three datasets.

    `modified` is the newest content date (YYYY-MM-DD; `opendata.newest_content_date`).
    """
    catalog_id = absolute(site_url, dcat_url())
    common = shared(site_url, modified, contact_email)
    keywords = ["personeelsbehoud", "zorg", "welzijn", "arbeidsmarkt"]
    keywords += [t.nl for t in catalogue.vocabularies["success_factor"].terms]
    datasets = [
        {
            "@id": f"{catalog_id}#{key}",
            "@type": "dcat:Dataset",
            "dct:identifier": f"{catalog_id}#{key}",
            "dct:title": nl(title),
            "dct:description": nl(description),
            **common,
            "dct:creator": common["dct:publisher"],
            "dct:accessRights": typed(f"{EU}access-right/PUBLIC", "dct:RightsStatement"),
            "dcat:theme": theme(),
            "dcat:keyword": [nl(k) for k in keywords],
            "dcat:landingPage": typed(absolute(site_url, data_page_url()), "foaf:Document"),
            "dcat:distribution": [
                distribution(with_schema(d, site_url), f"{catalog_id}#{key}", site_url, modified)
                for d in files
            ],
        }
        for key, title, description, files in DATASETS
    ]
    return {
        "@context": CONTEXT,
        "@id": catalog_id,
        "@type": "dcat:Catalog",
        "dct:title": nl("Actiebank"),
        "dct:description": nl(CATALOGUE_DESCRIPTION),
        **common,
        "foaf:homepage": typed(absolute(site_url, ""), "foaf:Document"),
        "dcat:themeTaxonomy": theme_scheme(),
        "dct:conformsTo": [standard(address, title) for address, title in PROFILES],
        "dcat:dataset": datasets,
    }


def with_schema(item: Distribution, site_url: str) -> Distribution:
    """An /api/ JSON file with the record schema its records follow."""
    kinds = {api_url("actions.json"): "action", api_url("cases.json"): "case"}
    kind = kinds.get(item.path)
    if kind is None:
        return item
    address = absolute(site_url, schema_url(f"{kind}{RECORD_SUFFIX}"))
    return item._replace(schema=standard(address, f"JSON Schema: Actiebank {kind} record"))


# ----------------------------------------------------------------------- schema.org


def places(catalogue: Catalogue, slugs: list[str]) -> list[JSON]:
    """The regions as the page names them; 'Landelijk' is the Netherlands."""
    regions = catalogue.vocabularies["region"]
    names = ["Nederland" if s == "national" else regions.label(s) for s in slugs]
    return [{"@type": "Place", "name": name} for name in names]


def defined_terms(
    catalogue: Catalogue, site_url: str, vocabulary: str, slugs: list[str]
) -> list[JSON]:
    """Values as terms of their vocabulary, each with its page in the catalogue."""
    words = catalogue.vocabularies[vocabulary]
    spec = catalogue.vocabularies.facet_of(vocabulary)
    term_set: JSON = {"@type": "DefinedTermSet", "name": words.nl}
    if spec:
        term_set["url"] = absolute(site_url, facet_url(spec.path))
    terms = []
    for slug in slugs:
        term: JSON = {"@type": "DefinedTerm", "name": words.label(slug)}
        if spec:
            term["url"] = absolute(site_url, facet_url(spec.path, slug))
        terms.append({**term, "inDefinedTermSet": term_set})
    return terms


def labels(catalogue: Catalogue, vocabulary: str, slugs: object) -> list[str]:
    words = catalogue.vocabularies[vocabulary]
    return [words.label(s) for s in slugs] if isinstance(slugs, list) else []


def organisations(entry: Entry) -> list[JSON]:
    found = []
    for organisation in entry.data["organisations"]:
        item: JSON = {"@type": "Organization", "name": organisation["name"]}
        if organisation.get("url"):
            item["url"] = organisation["url"]
        found.append(item)
    return found


def action_entity(action: Entry, catalogue: Catalogue, site_url: str) -> JSON:
    data = action.data
    url = absolute(site_url, action_url(action.slug))
    about = defined_terms(catalogue, site_url, "success_factor", data["success_factors"])
    about += defined_terms(catalogue, site_url, "intervention", data["interventions"])
    keywords = labels(catalogue, "sector", data.get("sectors"))
    for vocabulary, name in (
        ("target_group", "target_groups"),
        ("career_pillar", "career_pillars"),
    ):
        keywords += labels(catalogue, vocabulary, data.get(name))
    keywords += [t["name"] for t in about]
    audience = labels(catalogue, "target_group", data.get("target_groups")) or labels(
        catalogue, "sector", data.get("sectors")
    )
    entity: JSON = {
        "@type": "CreativeWork",
        "@id": f"{url}#actie",
        "name": action.title,
        "description": action.summary,
        "url": url,
        "inLanguage": "nl",
        "about": about,
        "keywords": list(dict.fromkeys(keywords)),
        "spatialCoverage": places(catalogue, data["regions"]),
        "audience": [{"@type": "Audience", "audienceType": a} for a in audience],
        "creativeWorkStatus": catalogue.vocabularies["status"].label(data["status"]),
        "provider": organisations(action),
    }
    if data.get("started") or data.get("ended"):
        entity["temporalCoverage"] = f"{data.get('started') or '..'}/{data.get('ended') or '..'}"
    return entity


def action_jsonld(
    action: Entry, catalogue: Catalogue, *, site_url: str, modified: str = ""
) -> JSON:
    """schema.org for an action's page: a `WebPage` whose `mainEntity` is the action.

    `modified` is the date the page shows as "Laatst bijgewerkt" (its `updated` field by
    default; the site passes the last commit where there is none).
    """
    url = absolute(site_url, action_url(action.slug))
    modified = modified or str(action.data.get("updated") or "")
    entity = action_entity(action, catalogue, site_url)
    page: JSON = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "@id": url,
        "url": url,
        "name": action.title,
        "description": action.summary,
        "inLanguage": "nl",
        "mainEntity": entity,
    }
    if modified:
        page["dateModified"] = entity["dateModified"] = modified
    return page


# Who writes stories for the Actiebank itself; its page says who they are.
EDITORS = "Redactie Actiebank"
ABOUT_PAGE = "over/"


def author_entity(name: str, catalogue: Catalogue, site_url: str) -> JSON:
    """A story's author: the editors or an organisation the catalogue names (with its
    address) as an `Organization`, anyone else as a `Person`. The editors' `url` is the
    page about the Actiebank; a person has no page to link, so none is made up."""
    if " ".join(name.split()).casefold() == EDITORS.casefold():
        return {"@type": "Organization", "name": name, "url": absolute(site_url, ABOUT_PAGE)}
    entries = [*catalogue.actions.values(), *catalogue.cases.values()]
    for entry in entries:
        for organisation in entry.data["organisations"]:
            if str(organisation["name"]).casefold() == name.casefold():
                found: JSON = {"@type": "Organization", "name": name}
                if organisation.get("url"):
                    found["url"] = organisation["url"]
                return found
    return {"@type": "Person", "name": name}


def case_jsonld(
    case: Entry, catalogue: Catalogue, *, site_url: str, modified: str = "", image: str = ""
) -> JSON:
    """schema.org for a story's page: an `Article` about the actions it tells of.

    `image` is the full address of the picture the page shows (and shares), if any."""
    data = case.data
    url = absolute(site_url, case_url(case.slug))
    actions = [catalogue.actions[s] for s in data["actions"] if s in catalogue.actions]
    article: JSON = {
        "@context": "https://schema.org",
        "@type": "Article",
        "@id": f"{url}#verhaal",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": case.title,
        "description": case.summary,
        "datePublished": str(data["date"]),
        "inLanguage": "nl",
        "about": [
            {
                "@type": "CreativeWork",
                "@id": absolute(site_url, action_url(a.slug)) + "#actie",
                "name": a.title,
                "url": absolute(site_url, action_url(a.slug)),
            }
            for a in actions
        ],
        "spatialCoverage": places(catalogue, data["regions"]),
    }
    modified = modified or str(data.get("updated") or "")
    if modified:
        article["dateModified"] = modified
    if data.get("author"):
        article["author"] = author_entity(str(data["author"]), catalogue, site_url)
    if image:
        article["image"] = image
    return article


# Characters that could end the element or start markup inside it, as JSON escapes.
_SCRIPT_SAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}
_SCRIPT_SAFE |= {0x2028: "\\u2028", 0x2029: "\\u2029"}


def jsonld_script(data: Mapping[str, Any]) -> Markup:
    """The `<script type="application/ld+json">` element: no text can close it early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)
    return Markup(f'<script type="application/ld+json">{text}</script>')


# ----------------------------------------------------------------------- /data/


def data_jsonld(catalogue: Catalogue, *, site_url: str, modified: str) -> JSON:
    """schema.org for the data page: the open data as a `Dataset` with a `DataDownload` for
    each file, what search engines show in their dataset search. The same files and words
    as the DCAT description (`dcat_catalog`), which it names as `subjectOf`."""
    page = absolute(site_url, data_page_url())
    files = {d.path: d for _, _, _, group in DATASETS for d in group}
    keywords = ["personeelsbehoud", "zorg", "welzijn", "arbeidsmarkt"]
    keywords += [t.nl for t in catalogue.vocabularies["success_factor"].terms]
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "@id": f"{page}#dataset",
        "name": "Actiebank: acties voor het behoud van zorg- en welzijnsmedewerkers",
        "description": CATALOGUE_DESCRIPTION
        + " Per actie: organisaties, regio's, sectoren, succesfactoren, status, bewijs, "
        "kosten en resultaten.",
        "url": page,
        "inLanguage": "nl",
        "isAccessibleForFree": True,
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "creator": {
            "@type": "Organization",
            "name": "Actiebank",
            "url": absolute(site_url, ""),
        },
        "keywords": keywords,
        "spatialCoverage": {"@type": "Place", "name": "Nederland"},
        "dateModified": modified,
        "distribution": [
            {
                "@type": "DataDownload",
                "name": item.title,
                "description": item.description,
                "encodingFormat": item.media,
                "contentUrl": absolute(site_url, item.path),
            }
            for item in files.values()
        ],
        "subjectOf": {
            "@type": "CreativeWork",
            "name": "Beschrijving voor dataportalen (DCAT-AP-NL 3.0)",
            "encodingFormat": "application/ld+json",
            "url": absolute(site_url, dcat_url()),
        },
    }
