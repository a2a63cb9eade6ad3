"""What the templates show, as typed values: labels instead of slugs, addresses, dates.

`Views` turns a validated entry into its cards (made and drawn once) and into what every
page says about where it comes from: its dates, citation, history, edit link and image.
The cards are in cards.py, the rest of an entry's page (facts, outcomes, details) in
action_details.py. A template receives only these dataclasses (and plain strings and
numbers), so it never guesses at a field of the front matter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from ..content.catalogue import Catalogue, Entry
from ..content.history import Change
from ..routes import absolute, action_url, case_url
from .cards import Card, CaseCard, indicators, month_date, period_text
from .facets import FacetIndex
from .images import ImageStore, ResponsiveImage
from .render import Renderer

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
    """The newest changes of an entry's file (newest first) and where its whole history,
    with what each change was about, is in the repository."""

    changes: list[Change]
    url: str | None


# A review older than this many months is shown as due (the content model, "Review").
REVIEW_MONTHS = 18


@dataclass(frozen=True)
class Review:
    """When an editor last checked an entry against its sources, and whether a check is
    due: never checked, or longer than REVIEW_MONTHS before the newest content date (the
    build date would make the same content give other pages on another day)."""

    day: str  # YYYY-MM-DD, '' when never checked
    by: str
    due: bool


def months_between(earlier: str, later: str) -> int:
    """Whole months from one YYYY-MM-DD to another."""
    (y1, m1, d1), (y2, m2, d2) = (map(int, d.split("-")) for d in (earlier, later))
    return (y2 - y1) * 12 + (m2 - m1) - (1 if d2 < d1 else 0)


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
    # The newest date in the content (opendata.newest_content_date), for reviews that are due.
    as_of: str = ""
    _cards: dict[str, Card] = field(default_factory=dict)
    _card_html: dict[tuple[str, str, int], Markup] = field(default_factory=dict)
    _case_cards: dict[str, CaseCard] = field(default_factory=dict)

    def label(self, vocabulary: str, slug: str) -> str:
        return self.catalogue.vocabularies[vocabulary].label(slug)

    # ------------------------------------------------------------------- dates

    def committed(self, entry: Entry) -> str:
        return self.dates.get(entry.path.resolve(), "")

    def review(self, entry: Entry) -> Review:
        review = entry.data.get("review")
        if not isinstance(review, dict) or not review.get("date"):
            return Review(day="", by="", due=True)
        day = str(review["date"])
        due = bool(self.as_of) and months_between(day, self.as_of) >= REVIEW_MONTHS
        return Review(day=day, by=str(review.get("by") or ""), due=due)

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
                indicators=indicators(
                    action, self.catalogue.facts[action.slug], self.catalogue.vocabularies
                ),
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
