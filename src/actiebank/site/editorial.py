"""The parts of the editorial pages that come from the catalogue: tables, figures and
lists that editors place in their Markdown with a macro (hooks/macros.py), so the words
stay theirs and the facts stay current. Each part is rendered by a template in
templates/editorial/ with autoescaping; no contributor text is ever a template.

The home page's parts (success factors, province map, figures, newest actions, featured
stories) are worked out in home.py and rendered here."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from ..content.catalogue import Entry
from ..routes import (
    absolute,
    api_url,
    catalogue_url,
    csv_nl_url,
    dcat_url,
    embed_url,
    facet_url,
    schema_url,
    workbook_url,
)
from . import home
from .facets import FacetIndex
from .linked_data import data_jsonld, jsonld_script
from .opendata import COLUMNS
from .render import Renderer
from .views import Views


@dataclass(frozen=True)
class LevelRow:
    """One value of a graded facet (a step on the evidence ladder, a cost level)."""

    number: int
    label: str
    explanation: str
    count: int
    url: str  # the facet value's page, '' when no action carries it


@dataclass
class Editorial:
    index: FacetIndex
    renderer: Renderer
    # For the home page's lists: the actions newest first (slugs) and the stories newest
    # first. Without views the lists are empty.
    views: Views | None = None
    newest: list[str] = field(default_factory=list)
    cases: list[Entry] = field(default_factory=list)
    # For the data page: the newest date in the content, and the site's address.
    modified: str = ""
    site_url: str = ""

    def levels(self, vocabulary: str) -> list[LevelRow]:
        """Every value of a filter in order, with its explanation and number of actions."""
        chosen = self.index.of(vocabulary)
        return [
            LevelRow(
                number=number,
                label=term.nl,
                explanation=term.description,
                count=chosen.count(term.slug),
                url=chosen.link_to(term),
            )
            for number, term in enumerate(chosen.terms, start=1)
        ]

    def evidence_ladder(self, root: str) -> Markup:
        return self.renderer.render(
            "editorial/levels.html",
            root=root,
            caption="De bewijsladder",
            first="Trede",
            rows=self.levels("evidence_level"),
        )

    def cost_levels(self, root: str) -> Markup:
        return self.renderer.render(
            "editorial/levels.html",
            root=root,
            caption="De kostenniveaus",
            first="Niveau",
            rows=self.levels("cost_level"),
        )

    # The home page ---------------------------------------------------------------

    def search_field(self, root: str) -> Markup:
        """A search field that opens the catalogue filtered on the words typed."""
        return self.renderer.render("editorial/search.html", root=root, catalogue=catalogue_url())

    def factor_tiles(self, root: str) -> Markup:
        return self.renderer.render(
            "editorial/factors.html",
            root=root,
            tiles=home.factor_tiles(self.index.of(home.FACTORS)),
        )

    def province_map(self, root: str) -> Markup:
        regions = self.index.of(home.REGIONS)
        return self.renderer.render(
            "editorial/map.html",
            root=root,
            map=home.province_map(regions),
            regions_url=facet_url(regions.name),
        )

    def national(self, root: str) -> Markup:
        """The region values that are no province (Landelijk), apart from the map."""
        return self.renderer.render(
            "editorial/national.html",
            root=root,
            places=home.places_beyond_provinces(self.index.of(home.REGIONS)),
        )

    def figures(self, root: str) -> Markup:
        if self.views is None:
            return Markup("")
        return self.renderer.render(
            "editorial/figures.html",
            root=root,
            figures=home.figures(self.views.catalogue, self.index),
        )

    def newest_actions(self, root: str, count: int) -> Markup:
        if self.views is None or not self.newest:
            return Markup("")
        actions = self.views.catalogue.actions
        return self.renderer.render(
            "editorial/newest_actions.html",
            root=root,
            card_html=self.views.card_html,
            cards=[self.views.card(actions[slug]) for slug in self.newest[:count]],
            total=len(actions),
        )

    def featured_stories(self, root: str, count: int) -> Markup:
        """The stories marked `featured`, newest first; nothing when none is."""
        featured = [c for c in self.cases if c.data.get("featured")][:count]
        if self.views is None or not featured:
            return Markup("")
        return self.renderer.render(
            "editorial/stories.html",
            root=root,
            title="Uitgelichte verhalen",
            id="ab-featured",
            cards=[self.views.case_card(c) for c in featured],
            total=len(self.cases),
        )

    def newest_stories(self, root: str, count: int) -> Markup:
        """The newest stories that are not featured: beside featured_stories, each once."""
        if self.views is None:
            return Markup("")
        others = [c for c in self.cases if not c.data.get("featured")][:count]
        if not others:
            return Markup("")
        return self.renderer.render(
            "editorial/stories.html",
            root=root,
            title="Nieuwste verhalen",
            id="ab-new-cases",
            cards=[self.views.case_card(c) for c in others],
            total=len(self.cases),
        )

    # The data page --------------------------------------------------------------

    def downloads(self, root: str) -> Markup:
        """Every download: the files for people, then the stable ones for programs."""
        return self.renderer.render(
            "editorial/downloads.html",
            root=root,
            modified=self.modified,
            people=[
                Download("Alles in één spreadsheet", workbook_url(), "XLSX, voor Excel", PEOPLE[0]),
                Download(
                    "De acties als CSV voor Excel", csv_nl_url(), "CSV met puntkomma's", PEOPLE[1]
                ),
            ],
            programs=[
                Download("Acties", api_url("actions.json"), "JSON", PROGRAMS[0]),
                Download("Acties", api_url("actions.csv"), "CSV met komma's", PROGRAMS[1]),
                Download("Verhalen", api_url("cases.json"), "JSON", PROGRAMS[2]),
                Download(
                    "Schema van een actie",
                    schema_url("action.schema.json"),
                    "JSON Schema",
                    PROGRAMS[3],
                ),
                Download(
                    "Beschrijving voor dataportalen",
                    dcat_url(),
                    "JSON-LD, DCAT-AP-NL",
                    PROGRAMS[4],
                ),
            ],
        )

    def dataset(self) -> Markup:
        """The open data as a schema.org `Dataset` (JSON-LD), for dataset search engines."""
        if self.views is None:
            return Markup("")
        return jsonld_script(
            data_jsonld(self.views.catalogue, site_url=self.site_url, modified=self.modified)
        )

    def columns(self) -> Markup:
        """Every column of the spreadsheet and the Dutch CSV, sheet by sheet."""
        return self.renderer.render("editorial/columns.html", sheets=COLUMNS)

    def embed_example(self, root: str) -> Markup:
        """The code a programme copies to show a list on its own site, and the list itself.
        The example is the region with the most actions."""
        regions = self.index.of(home.REGIONS)
        used = sorted(regions.used_terms(), key=lambda t: (-regions.count(t.slug), t.nl))
        if not used:
            return Markup("")
        term = used[0]
        path = embed_url(regions.name, term.address)
        return self.renderer.render(
            "editorial/embed.html",
            root=root,
            label=term.nl,
            count=regions.count(term.slug),
            path=path,
            address=absolute(self.site_url, path),
            pattern=absolute(self.site_url, embed_url("<filter>", "<waarde>")),
        )


@dataclass(frozen=True)
class Download:
    title: str
    url: str
    format: str
    description: str


PEOPLE = (
    "Drie tabbladen: Acties, Resultaten en Verhalen. Met Nederlandse kolomnamen, namen in "
    "plaats van codes, en de provincie bij elke regio.",
    "Het tabblad Acties als tekstbestand. De kolommen zijn gescheiden door een puntkomma, "
    "zodat Excel met Nederlandse instellingen het meteen goed opent (UTF-8 met BOM).",
)
PROGRAMS = (
    "Elke actie met alle velden, met Engelse veldnamen en codes zoals in de bestanden.",
    "Hetzelfde als een tabel, gescheiden door komma's. Een lijst van waarden staat in één "
    "cel, gescheiden door een puntkomma en een spatie; een veld met onderdelen (zoals "
    "organisations en outcomes) staat als JSON in een cel.",
    "Elk verhaal met alle velden.",
    "De regels waaraan een actie voldoet: welke velden er zijn en welke waarden mogen.",
    "De gegevensverzameling beschreven volgens DCAT-AP-NL, voor data.overheid.nl.",
)
