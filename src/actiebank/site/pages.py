"""A generated page, the site as a whole, and the pages of actions and stories.

A page's generated parts are rendered by `Page.render` around the body that MkDocs made
from the contributor's Markdown (the listing pages are in listings.py; plan.py puts the
site together).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..content.catalogue import Catalogue, Entry
from ..routes import absolute, action_source, action_url, case_source, case_url, root_of
from .action_details import details_of, facts_of, links, outcomes_of, value_terms
from .editorial import Editorial
from .facets import FacetIndex
from .images import OG_SIZE
from .linked_data import action_jsonld, case_jsonld, jsonld_script
from .related import related_actions, reverse_related
from .render import Renderer
from .views import Views

BRAND = "Actiebank"


class PageKind(StrEnum):
    """What a generated page is: an entry's own page, or a page made from the catalogue
    (the catalogue, a filter value, the stories, compare, the plan, a feed page...)."""

    ACTION = "action"
    STORY = "story"
    LISTING = "listing"


@dataclass
class Page:
    """A generated page: its source path for MkDocs, its address, and what it shows."""

    src_uri: str
    url: str
    title: str
    description: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    # The contributor's Markdown body, for action and case pages; None for pages made
    # entirely from templates.
    markdown: str | None = None
    # Whether site search indexes the page. (No generated page has a table of contents
    # beside it: hooks/site.py hides Material's on every one.)
    searchable: bool = True
    edit_url: str | None = None
    og_image: str | None = None
    og_size: tuple[int, int] | None = None
    # When what the page shows last changed (YYYY-MM-DD), from the content, never the
    # clock: the sitemap's <lastmod>, so builds on two days give the same files.
    date: str = ""
    renderer: Renderer | None = None
    kind: PageKind = PageKind.LISTING

    @property
    def root(self) -> str:
        return root_of(self.url)

    def render(self, body: Markup | str = "") -> Markup:
        assert self.renderer is not None, "plan_site sets the renderer"
        return self.renderer.render(
            self.template, page=self, root=self.root, body=Markup(body), **self.context
        )


@dataclass
class Site:
    pages: dict[str, Page]
    files: dict[str, bytes | Path]
    # Last commit date of each content file (resolved path -> YYYY-MM-DD), for the dates
    # of the editorial pages.
    content_dir: Path | None = None
    dates: dict[Path, str] = field(default_factory=dict)
    # The catalogue's parts for editorial pages, placed there with macros.
    editorial: Editorial | None = None

    def page_for(self, src_uri: str) -> Page | None:
        return self.pages.get(src_uri)

    def date_for(self, src_uri: str) -> str:
        """When a page last changed: a generated page's own date, an editorial page's last
        commit, or '' when nothing says (the sitemap then leaves the date out)."""
        planned = self.pages.get(src_uri)
        if planned is not None:
            return planned.date
        if self.content_dir is None:
            return ""
        return self.dates.get((self.content_dir / src_uri).resolve(), "")


def action_page(action: Entry, views: Views, related: list[str], cases: list[Entry]) -> Page:
    card = views.card(action)
    date = views.action_date(action)
    site_url = views.catalogue.project.site_url
    linked = action_jsonld(action, views.catalogue, site_url=site_url, modified=date)
    return Page(
        src_uri=action_source(action.slug),
        url=action_url(action.slug),
        title=action.title,
        description=action.summary,
        template="action.html",
        kind=PageKind.ACTION,
        markdown=action.body,
        edit_url=views.edit_url(action),
        og_image=views.images.open_graph(action.slug, action.title, card.factors, BRAND),
        og_size=OG_SIZE,
        date=date,
        context={
            "details": details_of(
                action, views.catalogue.facts[action.slug], views.catalogue.vocabularies
            ),
            "card": card,
            "facts": facts_of(action, views.catalogue.vocabularies),
            "outcomes": outcomes_of(action, views.catalogue.vocabularies),
            "image": views.image(action),
            "updated": views.updated(action),
            "review": views.review(action),
            "cases": [views.case_card(c) for c in cases],
            "related": [views.card(views.catalogue.actions[s]) for s in related],
            "citation": views.citation(action, action_url(action.slug), date),
            "history": views.history(action),
            "jsonld": jsonld_script(linked),
        },
    )


def case_page(case: Entry, views: Views) -> Page:
    actions = views.catalogue.actions
    vocabularies = views.catalogue.vocabularies
    card = views.case_card(case)
    image = card.image
    date = str(case.data.get("updated") or case.data["date"])
    site_url = views.catalogue.project.site_url
    linked = case_jsonld(
        case,
        views.catalogue,
        site_url=site_url,
        modified=views.updated(case) or date,
        image=absolute(site_url, image.src) if image else "",
    )
    return Page(
        src_uri=case_source(case.slug),
        url=case_url(case.slug),
        title=case.title,
        description=case.summary,
        template="case.html",
        kind=PageKind.STORY,
        markdown=case.body,
        date=date,
        edit_url=views.edit_url(case),
        # A story shares its own picture when it has one.
        og_image=image.src if image else None,
        og_size=(image.fallback[-1].width, image.fallback[-1].height) if image else None,
        context={
            "card": card,
            "image": image,
            "author": case.data.get("author") or "",
            "links": links(case),
            "updated": views.updated(case),
            "review": views.review(case),
            "regions": value_terms(vocabularies, "region", case.data["regions"], views.index),
            "sectors": value_terms(vocabularies, "sector", case.data.get("sectors") or []),
            "actions": [views.card(actions[s]) for s in case.data["actions"] if s in actions],
            "citation": views.citation(case, case_url(case.slug), date),
            "history": views.history(case),
            "jsonld": jsonld_script(linked),
        },
    )


def entry_pages(
    catalogue: Catalogue, views: Views, index: FacetIndex, cases_newest_first: list[Entry]
) -> list[Page]:
    """A page for every action (with its related actions and stories) and every story."""
    named_by = reverse_related(catalogue)
    cases_by_action: dict[str, list[Entry]] = {}
    for case in cases_newest_first:
        for slug in case.data["actions"]:
            cases_by_action.setdefault(slug, []).append(case)
    pages = [
        action_page(
            action,
            views,
            related_actions(action, catalogue, index, named_by),
            cases_by_action.get(action.slug, []),
        )
        for action in catalogue.actions.values()
    ]
    return pages + [case_page(case, views) for case in catalogue.cases.values()]
