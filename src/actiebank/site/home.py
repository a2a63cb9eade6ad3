"""What the home page shows, drawn from the catalogue at build time: the three success
factors as tiles, a map of the Netherlands with the actions per province, the national
actions apart from it, the figures, the newest actions and the featured stories.

Editors place each part on content/index.md with a macro (hooks/macros.py, which calls
editorial.py); this module only works out what each part says. The map is an SVG made
from the province outlines in assets/provinces.json (Natural Earth, public domain; see
assets/README.md): nothing is fetched, and the same catalogue gives the same drawing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..content.catalogue import Catalogue, Entry
from ..routes import cases_url, catalogue_url
from .facets import Facet, FacetIndex, measured_actions, measured_url

OUTLINES = Path(__file__).parent / "assets" / "provinces.json"
# The filters the home page draws, by vocabulary (their path names are the registry's).
FACTORS = "success_factor"
REGIONS = "region"
# The outlines are in RD New metres (x east, y north); the map is drawn in hectometres
# from the north-west corner (x right, y down), as SVG wants it.
WEST, NORTH, UNIT = 13_000, 620_000, 100
# Room around the country for the names that stand in the sea (Noord- and Zuid-Holland).
VIEW_BOX = "-120 -60 2840 3240"
SHADES = 4
# Where a province's name and count stand, in RD New metres, and how the text is
# anchored. Inside the province where the text fits; in the sea or the IJsselmeer beside
# it where it does not, so no two labels touch at any width.
LABEL_PLACES: dict[str, tuple[int, int, str]] = {
    "groningen": (249_000, 587_000, "middle"),
    "fryslan": (189_000, 568_000, "middle"),
    "drenthe": (246_000, 534_000, "middle"),
    "overijssel": (237_000, 494_000, "middle"),
    "flevoland": (142_000, 507_000, "middle"),
    "gelderland": (213_000, 456_000, "middle"),
    "utrecht": (140_000, 457_000, "middle"),
    "noord-holland": (91_000, 520_000, "end"),
    "zuid-holland": (75_000, 464_000, "end"),
    "zeeland": (43_000, 381_000, "middle"),
    "noord-brabant": (148_000, 397_000, "middle"),
    "limburg": (199_000, 358_000, "middle"),
}

Ring = list[tuple[int, int]]


@dataclass(frozen=True)
class Tile:
    """A success factor as a large link on the home page."""

    label: str
    description: str
    count: int
    url: str


@dataclass(frozen=True)
class Province:
    """A province on the map: its outline as an SVG path, its label and its actions."""

    slug: str
    label: str
    count: int
    url: str  # its facet page, '' when no action is there (no page exists then)
    outline: str
    x: float
    y: float
    anchor: str
    shade: int  # 0 for none, then 1 to SHADES: the darker, the more actions


@dataclass(frozen=True)
class ProvinceMap:
    view_box: str
    provinces: list[Province]

    @property
    def empty(self) -> str:
        """The provinces without an action yet: 'Fryslân, Flevoland en Zeeland', or ''."""
        return dutch_list([p.label for p in self.provinces if not p.count])


@dataclass(frozen=True)
class Place:
    """A region value that is no province, such as Landelijk, with its actions."""

    label: str
    description: str
    count: int
    url: str


@dataclass(frozen=True)
class Figure:
    count: int
    label: str
    url: str  # '' when no page lists them


def dutch_list(words: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    return ", ".join(words[:-1]) + f" en {words[-1]}" if len(words) > 1 else "".join(words)


@cache
def read_outlines(path: Path = OUTLINES) -> dict[str, list[Ring]]:
    """Each province's rings, largest first, in RD New metres."""
    provinces = json.loads(path.read_text(encoding="utf-8"))["provinces"]
    return {
        slug: [[(int(x), int(y)) for x, y in ring] for ring in rings]
        for slug, rings in provinces.items()
    }


def map_point(x: float, y: float) -> tuple[float, float]:
    """RD New metres to the map's hectometres, y pointing down."""
    return (x - WEST) / UNIT, (NORTH - y) / UNIT


def svg_outline(rings: list[Ring]) -> str:
    """The rings as one SVG path: 'M x,y L x,y ... Z' for each."""
    parts = []
    for ring in rings:
        points = ("{:g},{:g}".format(*map_point(x, y)) for x, y in ring)
        parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


def centroid(ring: Ring) -> tuple[float, float]:
    """The centre of mass of a ring: where a label goes when no place is set for it."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not area:
        return float(ring[0][0]), float(ring[0][1])
    return cx / (3 * area), cy / (3 * area)


def shade(count: int, most: int) -> int:
    """0 for no action; else 1 to SHADES, in proportion to the province with the most."""
    if count <= 0 or most <= 0:
        return 0
    return min(SHADES, -(-SHADES * count // most))


def is_province(facet: Facet, slug: str, outlines: dict[str, list[Ring]]) -> bool:
    term = facet.vocabulary.by_slug.get(slug)
    return term is not None and term.parent is None and slug in outlines


def province_map(facet: Facet, outlines: dict[str, list[Ring]] | None = None) -> ProvinceMap:
    """Every province of the region vocabulary that has an outline, with its actions."""
    outlines = read_outlines() if outlines is None else outlines
    terms = [t for t in facet.vocabulary.terms if is_province(facet, t.slug, outlines)]
    most = max((facet.count(t.slug) for t in terms), default=0)
    provinces = []
    for term in terms:
        rings = outlines[term.slug]
        x, y, anchor = LABEL_PLACES.get(term.slug, (*centroid(rings[0]), "middle"))
        left, top = map_point(x, y)
        count = facet.count(term.slug)
        provinces.append(
            Province(
                slug=term.slug,
                label=term.nl,
                count=count,
                url=facet.link_to(term),
                outline=svg_outline(rings),
                x=left,
                y=top,
                anchor=anchor,
                shade=shade(count, most),
            )
        )
    return ProvinceMap(view_box=VIEW_BOX, provinces=provinces)


def places_beyond_provinces(
    facet: Facet, outlines: dict[str, list[Ring]] | None = None
) -> list[Place]:
    """The top-level region values that are no province (Landelijk), with their actions."""
    outlines = read_outlines() if outlines is None else outlines
    return [
        Place(
            label=term.nl,
            description=term.description,
            count=facet.count(term.slug),
            url=facet.link_to(term),
        )
        for term in facet.vocabulary.terms
        if term.parent is None and term.slug not in outlines
    ]


def factor_tiles(facet: Facet) -> list[Tile]:
    """Each success factor with its explanation and number of actions."""
    return [
        Tile(
            label=term.nl,
            description=term.description,
            count=facet.count(term.slug),
            url=facet.link_to(term),
        )
        for term in facet.vocabulary.terms
    ]


def organisation_names(entries: list[Entry]) -> set[str]:
    """The organisations the entries name, counted once however they are written."""
    return {
        " ".join(str(org["name"]).split()).casefold()
        for entry in entries
        for org in entry.data.get("organisations") or []
        if isinstance(org, dict) and org.get("name")
    }


def figures(catalogue: Catalogue, index: FacetIndex) -> list[Figure]:
    """The catalogue in four numbers: actions, stories, organisations, measured results."""
    entries = list(catalogue.actions.values()) + list(catalogue.cases.values())
    actions, cases = len(catalogue.actions), len(catalogue.cases)
    measured = len(measured_actions(index))
    return [
        Figure(actions, "actie" if actions == 1 else "acties", catalogue_url()),
        Figure(cases, "verhaal" if cases == 1 else "verhalen", cases_url()),
        Figure(len(organisation_names(entries)), "organisaties", ""),
        Figure(
            measured,
            "actie met een gemeten resultaat"
            if measured == 1
            else "acties met een gemeten resultaat",
            measured_url(index),
        ),
    ]
