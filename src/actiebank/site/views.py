"""What the templates show, as typed values: labels instead of slugs, addresses, dates.

`Views` turns a validated entry into the cards, facts and outcomes its pages show. A
template receives only these dataclasses (and plain strings and numbers), so it never
guesses at a field of the front matter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..content.catalogue import Catalogue, Entry
from ..content.history import Change
from ..routes import absolute, action_url, case_url, facet_url
from ..vocabulary import Vocabularies
from .facets import FacetIndex
from .images import ImageStore, ResponsiveImage
from .render import MONTHS, Renderer, dutch_number

# The facets an action's facts list, as (vocabulary, front-matter field), in reading order.
FACT_FACETS = (
    ("region", "regions"),
    ("sector", "sectors"),
    ("success_factor", "success_factors"),
    ("intervention", "interventions"),
    ("target_group", "target_groups"),
    ("career_pillar", "career_pillars"),
)


@dataclass(frozen=True)
class Term:
    """A value as a visitor reads it, linking to its facet page or an outside site."""

    text: str
    url: str | None = None
    external: str | None = None


@dataclass(frozen=True)
class FactRow:
    label: str
    terms: list[Term]


@dataclass(frozen=True)
class Indicators:
    """The three facts people choose by, in words: how strong the evidence is, what the
    action costs, and what its results say."""

    evidence: str  # the step's label, e.g. 'Gemeten', or 'Niet opgegeven'
    evidence_step: int  # its place on the ladder (1 to 6), 0 when not given
    evidence_steps: int  # the number of steps on the ladder
    evidence_explained: str  # the step's one-line explanation
    costs: str  # the level's label, e.g. 'Midden', or 'Niet bekend'
    costs_detail: str  # e.g. '€ 12.500 per jaar', '' when no amount is known
    results: list[str]  # e.g. ['Uitstroom: lager'], or ['Nog geen resultaten']


@dataclass(frozen=True)
class Card:
    """An action in a list: the catalogue, a facet page, related actions."""

    slug: str
    url: str
    title: str
    summary: str
    organisations: list[str]
    factors: list[str]
    status: str
    date: str
    # facet path -> the values the action carries (their address names), for the
    # catalogue's filter data
    filters: dict[str, list[str]]
    indicators: Indicators
    stopped_because: str  # why a stopped action stopped, '' otherwise
    regions: list[str]  # the labels of the regions it names, e.g. ['Haaglanden']
    sectors: list[str]
    period: str  # 'sinds maart 2022', 'van 2021 tot juni 2023', '' when unknown
    changed: str  # when its file last changed (git, UTC timestamp), for sorting


@dataclass(frozen=True)
class CaseCard:
    slug: str
    url: str
    title: str
    summary: str
    organisations: list[str]
    date: str
    featured: bool
    image: ResponsiveImage | None


@dataclass(frozen=True)
class Bar:
    """Widths (percent of the larger) for drawing baseline and value side by side."""

    baseline: int
    value: int


@dataclass(frozen=True)
class Outcome:
    measure: str
    measure_url: str
    result: str
    result_label: str
    value: float | None
    baseline: float | None
    unit: str
    period: str
    source: str
    source_is_link: bool
    note: str
    bar: Bar | None


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Contact:
    name: str
    role: str | None
    organisation: str | None
    email: str | None
    url: str | None


@dataclass(frozen=True)
class Costs:
    level: str  # the level's label, '' when not given
    amount: float | None
    per: str  # 'per jaar', '' when not given
    note: str
    source: Link | None = None


@dataclass(frozen=True)
class Evidence:
    """What an action's evidence level rests on, as its contributor wrote it."""

    note: str
    source: Link | None


@dataclass(frozen=True)
class ActionDetails:
    """The parts of an action's front matter its page shows beside the facts panel."""

    started: str
    ended: str
    evidence: Evidence | None
    costs: Costs | None
    stopped_because: str
    funding: list[str]
    contact: Contact | None
    links: list[Link]


# The branch whose history the "Geschiedenis" link of a page shows.
HISTORY_BRANCH = "main"


@dataclass(frozen=True)
class Citation:
    """How to cite a page: its title, who made it, the site, its address and the date of
    the version (the entry's last commit, else the date the page shows)."""

    title: str
    organisations: str
    url: str
    version: str  # YYYY-MM-DD, '' when nothing dates it


@dataclass(frozen=True)
class History:
    """The newest changes of an entry's file (date and commit subject, newest first) and
    where its whole history is in the repository."""

    changes: list[Change]
    url: str | None


def month_date(value: str | None) -> str:
    """'2022' or '2022-03' as a sortable full date; '' when absent."""
    if not value:
        return ""
    parts = str(value).split("-")
    parts += ["01"] * (3 - len(parts))
    return "-".join(parts[:3])


def month_text(value: str) -> str:
    """'2022-03' -> 'maart 2022', '2022' -> '2022'."""
    year, _, month = value.partition("-")
    if month.isdigit() and 1 <= int(month) <= 12:
        return f"{MONTHS[int(month) - 1]} {year}"
    return year


def period_text(started: object, ended: object, status: str) -> str:
    """When an action ran, as a card says it: 'sinds maart 2022', 'van 2021 tot juni 2023',
    'begonnen in 2020' (finished, end unknown); '' when no start is given."""
    if not started:
        return f"tot {month_text(str(ended))}" if ended else ""
    start = month_text(str(started))
    if ended:
        return f"van {start} tot {month_text(str(ended))}"
    if status in ("completed", "stopped"):
        return f"begonnen in {start}"
    return f"sinds {start}"


def bar(baseline: object, value: object) -> Bar | None:
    if not isinstance(baseline, (int, float)) or not isinstance(value, (int, float)):
        return None
    top = max(abs(baseline), abs(value))
    if top == 0:
        return None
    return Bar(baseline=round(abs(baseline) * 100 / top), value=round(abs(value) * 100 / top))


# What a result says about its measure, by whether lower or higher is the improvement.
RESULT_WORDS = {
    ("improved", "lower"): "lager",
    ("improved", "higher"): "hoger",
    ("improved", ""): "positief",
    ("worsened", "lower"): "hoger",
    ("worsened", "higher"): "lager",
    ("worsened", ""): "negatief",
}
MAX_RESULTS_SHOWN = 3


def result_words(outcomes: list[dict[str, Any]], vocabularies: Vocabularies) -> list[str]:
    """'Uitstroom: lager', 'Behoud: nog niet bekend': each measure once, in order."""
    measures = vocabularies["outcome_measure"]
    said: dict[str, str] = {}
    for outcome in outcomes:
        measure = measures.by_slug.get(outcome.get("measure", ""))
        if measure is None or (measure.slug in said and outcome.get("result") == "pending"):
            continue
        result = outcome.get("result")
        if result == "no-change":
            word = "gelijk gebleven"
        elif result == "pending":
            word = "nog niet bekend"
        else:
            word = RESULT_WORDS.get((str(result), measure.better), "")
        if word:
            said[measure.slug] = f"{measure.nl}: {word}"
    return list(said.values())[:MAX_RESULTS_SHOWN]


def amount_text(amount: object, per: str) -> str:
    """'€ 12.500 per jaar' (a non-breaking space after the euro sign), or ''."""
    if not isinstance(amount, (int, float)) or isinstance(amount, bool):
        return ""
    return f"€\u00a0{dutch_number(amount)} {per}".strip()


def source_link(source: object) -> Link | None:
    """A source as a link: its own address, or a citation as text (url '')."""
    if not isinstance(source, str) or not source:
        return None
    is_address = source.startswith(("http://", "https://"))
    return Link(title="Bron" if is_address else source, url=source if is_address else "")


def links(entry: Entry) -> list[Link]:
    return [Link(title=link["title"], url=link["url"]) for link in entry.data.get("links") or []]


@dataclass
class Views:
    """Turns entries into what the templates show; each card is made and drawn once."""

    catalogue: Catalogue
    index: FacetIndex
    dates: dict[Path, str]
    images: ImageStore
    renderer: Renderer
    edit_base: str | None
    # Resolved path -> UTC timestamp of its last commit (finer than `dates`), for sorting.
    changed: dict[Path, str] = field(default_factory=dict)
    # Resolved path -> its newest changes in git (content/history.py), for the pages.
    histories: dict[Path, list[Change]] = field(default_factory=dict)
    _cards: dict[str, Card] = field(default_factory=dict)
    _card_html: dict[tuple[str, str, int], Markup] = field(default_factory=dict)
    _case_cards: dict[str, CaseCard] = field(default_factory=dict)

    def label(self, vocabulary: str, slug: str) -> str:
        return self.catalogue.vocabularies[vocabulary].label(slug)

    def facet_path(self, vocabulary: str) -> str | None:
        spec = self.catalogue.vocabularies.facet_of(vocabulary)
        return spec.path if spec else None

    # ------------------------------------------------------------------- dates

    def committed(self, entry: Entry) -> str:
        return self.dates.get(entry.path.resolve(), "")

    def updated(self, entry: Entry) -> str:
        """When the entry last changed: its `updated` field, else its last commit."""
        return str(entry.data.get("updated") or "") or self.committed(entry)

    def action_date(self, action: Entry) -> str:
        return self.updated(action) or month_date(action.data.get("started"))

    def case_date(self, case: Entry) -> str:
        return str(case.data.get("date") or "")

    def citation(self, entry: Entry, url: str, shown_date: str) -> Citation:
        """`url`: the page's address in the site; `shown_date`: the date the page shows."""
        return Citation(
            title=entry.title,
            organisations=", ".join(o["name"] for o in entry.data["organisations"]),
            url=absolute(self.catalogue.project.site_url, url),
            version=self.committed(entry) or shown_date,
        )

    def history(self, entry: Entry) -> History:
        project = self.catalogue.project
        url = None
        try:
            relative = entry.path.resolve().relative_to(project.root.resolve())
        except ValueError:
            relative = None
        if project.repo_url and relative is not None:
            url = f"{project.repo_url.rstrip('/')}/commits/{HISTORY_BRANCH}/{relative.as_posix()}"
        return History(changes=self.histories.get(entry.path.resolve(), []), url=url)

    def edit_url(self, entry: Entry) -> str | None:
        if not self.edit_base:
            return None
        try:
            relative = entry.path.resolve().relative_to(self.catalogue.content_dir.resolve())
        except ValueError:
            return None
        return self.edit_base + relative.as_posix()

    def image(self, entry: Entry) -> ResponsiveImage | None:
        image = entry.data.get("image")
        if not image:
            return None
        return self.images.responsive((entry.path.parent / image["src"]).resolve(), image["alt"])

    # ------------------------------------------------------------------- cards

    def card(self, action: Entry) -> Card:
        if action.slug not in self._cards:
            carried = self.index.carried.get(action.slug, {})
            self._cards[action.slug] = Card(
                slug=action.slug,
                url=action_url(action.slug),
                title=action.title,
                summary=action.summary,
                organisations=[o["name"] for o in action.data["organisations"]],
                factors=[self.label("success_factor", s) for s in action.data["success_factors"]],
                status=self.label("status", action.data["status"]),
                date=self.action_date(action),
                filters={
                    name: [self.index[name].term(v).address for v in values]
                    for name, values in carried.items()
                },
                indicators=self.indicators(action),
                stopped_because=str(action.data.get("stopped_because") or ""),
                regions=[self.label("region", r) for r in action.data["regions"]],
                sectors=[self.label("sector", s) for s in action.data.get("sectors") or []],
                period=period_text(
                    action.data.get("started"), action.data.get("ended"), action.data["status"]
                ),
                changed=self.changed.get(action.path.resolve(), "") or self.action_date(action),
            )
        return self._cards[action.slug]

    def card_html(self, card: Card, root: str, level: int = 2) -> Markup:
        key = (card.slug, root, level)
        if key not in self._card_html:
            self._card_html[key] = self.renderer.render(
                "card.html", card=card, root=root, level=level
            )
        return self._card_html[key]

    def case_card(self, case: Entry) -> CaseCard:
        if case.slug not in self._case_cards:
            self._case_cards[case.slug] = CaseCard(
                slug=case.slug,
                url=case_url(case.slug),
                title=case.title,
                summary=case.summary,
                organisations=[o["name"] for o in case.data["organisations"]],
                date=self.case_date(case),
                featured=bool(case.data.get("featured")),
                image=self.image(case),
            )
        return self._case_cards[case.slug]

    def indicators(self, action: Entry) -> Indicators:
        vocabularies = self.catalogue.vocabularies
        ladder = vocabularies["evidence_level"]
        level = str((action.data.get("evidence") or {}).get("level") or "")
        step = ladder.slugs.index(level) + 1 if level in ladder.slugs else 0
        costs = action.data.get("costs") or {}
        return Indicators(
            evidence=ladder.label(level) if step else "Niet opgegeven",
            evidence_step=step,
            evidence_steps=len(ladder.slugs),
            evidence_explained=ladder.by_slug[level].description if step else "",
            costs=self.label("cost_level", costs["level"]) if "level" in costs else "Niet bekend",
            costs_detail=amount_text(
                costs.get("amount_eur"), self.label("cost_per", costs.get("per", ""))
            ),
            results=result_words(action.data.get("outcomes") or [], vocabularies)
            or ["Nog geen resultaten"],
        )

    # ------------------------------------------------------------------- an action's page

    def terms(self, vocabulary: str, slugs: list[str]) -> list[Term]:
        facet = self.facet_path(vocabulary)
        terms = self.catalogue.vocabularies[vocabulary].by_slug
        return [
            Term(
                text=self.label(vocabulary, s),
                url=facet_url(facet, terms[s].address) if facet else None,
            )
            for s in slugs
        ]

    def facts(self, action: Entry) -> list[FactRow]:
        data = action.data
        rows = [
            FactRow(
                "Organisaties",
                [Term(text=o["name"], external=o.get("url")) for o in data["organisations"]],
            )
        ]
        for vocabulary, name in FACT_FACETS:
            if data.get(name):
                rows.append(
                    FactRow(
                        self.catalogue.vocabularies[vocabulary].nl,
                        self.terms(vocabulary, data[name]),
                    )
                )
        rows.append(
            FactRow(
                self.catalogue.vocabularies["status"].nl, self.terms("status", [data["status"]])
            )
        )
        return rows

    def outcomes(self, action: Entry) -> list[Outcome]:
        shown = []
        for outcome in action.data.get("outcomes") or []:
            unit = outcome.get("unit")
            source = outcome.get("source") or ""
            shown.append(
                Outcome(
                    measure=self.label("outcome_measure", outcome["measure"]),
                    measure_url=facet_url(
                        self.facet_path("outcome_measure") or "",
                        self.catalogue.vocabularies["outcome_measure"]
                        .by_slug[outcome["measure"]]
                        .address,
                    ),
                    result=outcome["result"],
                    result_label=self.label("outcome_result", outcome["result"]),
                    value=outcome.get("value"),
                    baseline=outcome.get("baseline"),
                    unit=self.label("outcome_unit", unit) if unit else "",
                    period=str(outcome.get("period") or ""),
                    source=source,
                    source_is_link=source.startswith(("http://", "https://")),
                    note=outcome.get("note") or "",
                    bar=bar(outcome.get("baseline"), outcome.get("value")),
                )
            )
        return shown

    def details(self, action: Entry) -> ActionDetails:
        data = action.data
        costs = data.get("costs")
        contact = data.get("contact")
        evidence = data.get("evidence")
        return ActionDetails(
            started=str(data.get("started") or ""),
            ended=str(data.get("ended") or ""),
            evidence=Evidence(
                note=evidence.get("note") or "", source=source_link(evidence.get("source"))
            )
            if evidence
            else None,
            costs=Costs(
                level=self.label("cost_level", costs["level"]) if "level" in costs else "",
                amount=costs.get("amount_eur"),
                per=self.label("cost_per", costs["per"]) if "per" in costs else "",
                note=costs.get("note") or "",
                source=source_link(costs.get("source")),
            )
            if costs
            else None,
            stopped_because=str(data.get("stopped_because") or ""),
            funding=list(data.get("funding") or []),
            contact=Contact(
                name=contact["name"],
                role=contact.get("role"),
                organisation=contact.get("organisation"),
                email=contact.get("email"),
                url=contact.get("url"),
            )
            if contact
            else None,
            links=links(action),
        )
