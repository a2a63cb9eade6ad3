"""Which pages and files the site has, their URLs, and what each page shows.

plan_site(catalogue, ...) is a plain function of the validated catalogue: it decides every
generated page (action, case, catalogue, facet values, story list) and every generated
file (exports, feeds, schemas, images) once per build. The MkDocs hook only hands these
to MkDocs; a page's generated parts are rendered by `Page.render` around the body that
MkDocs made from the contributor's Markdown.

URLs are a contract (see the issue): /acties/<slug>/, /verhalen/<slug>/, /acties/,
/acties/<facet>/<value>/ (+ <n>/ for further pages, feed.xml), /verhalen/, /api/...,
/feed.xml, /schema/*.schema.json.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from . import export
from .catalogue import Catalogue, Entry
from .facets import Facet, FacetIndex, build_facet_index
from .images import OG_SIZE, ImageStore, ResponsiveImage
from .render import render

FACET_PAGE_SIZE = 48
FEED_SIZE = 20
HOME_LIST_SIZE = 6
RELATED_SIZE = 4
BRAND = "Actiebank"


@dataclass
class Page:
    """A generated page: its source URI for MkDocs, its URL, and what it shows."""

    src_uri: str
    url: str
    title: str
    description: str
    template: str
    context: dict = field(default_factory=dict)
    # The contributor's Markdown body, for action and case pages; None for pages made
    # entirely from templates.
    markdown: str | None = None
    searchable: bool = True
    hide: tuple[str, ...] = ()
    edit_url: str | None = None
    og_image: str | None = None
    og_size: tuple[int, int] | None = None
    # When what the page shows last changed (YYYY-MM-DD), from the content, never the
    # clock: the sitemap's <lastmod>, so builds on two days give the same files.
    date: str = ""

    @property
    def root(self) -> str:
        """The relative way back to the site root: pages work under any base path."""
        return "../" * self.url.count("/")

    def source(self) -> str:
        # Material and MkDocs print title and description unescaped in the theme; they get
        # HTML-escaped text so a '<' in a title stays text.
        meta: dict = {"title": html.escape(self.title, quote=True),
                      "description": html.escape(self.description, quote=True)}
        if not self.searchable:
            meta["search"] = {"exclude": True}
        if self.hide:
            meta["hide"] = list(self.hide)

        # JSON is YAML, and json.dumps is many times faster than yaml.safe_dump.
        front = json.dumps(meta, ensure_ascii=False, sort_keys=True)
        return f"---\n{front}\n---\n\n{self.markdown or ''}"

    def render(self, body: Markup | str = "") -> Markup:
        return render(self.template, page=self, root=self.root, body=Markup(body),
                      **self.context)


@dataclass
class Site:
    pages: dict[str, Page]
    files: dict[str, bytes | Path]
    home: Markup
    # Last commit date of each content file (resolved path -> YYYY-MM-DD), for the dates
    # of the editorial pages.
    content_dir: Path | None = None
    dates: dict[Path, str] = field(default_factory=dict)

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


def action_url(slug: str) -> str:
    return f"acties/{slug}/"


def case_url(slug: str) -> str:
    return f"verhalen/{slug}/"


def facet_url(facet: str, value: str, number: int = 1) -> str:
    return f"acties/{facet}/{value}/" + (f"{number}/" if number > 1 else "")


_SOURCE_LINK = re.compile(r"\]\(\s*((?:\.\./)*)(actions|cases)/([a-z0-9-]+\.md(?:#[^)\s]*)?)")
_PUBLISHED_FOLDER = {"actions": "acties", "cases": "verhalen"}


def link_to_published_pages(markdown: str) -> str:
    """Point Markdown links at entry source files (`../actions/x.md`, what a contributor
    sees in the repository) to the pages made from them (`../acties/x.md`): the source
    files themselves are not published."""
    return _SOURCE_LINK.sub(
        lambda m: f"]({m.group(1)}{_PUBLISHED_FOLDER[m.group(2)]}/{m.group(3)}", markdown)


def month_date(value: str | None) -> str:
    """'2022' or '2022-03' as a sortable full date; '' when absent."""
    if not value:
        return ""
    parts = str(value).split("-")
    parts += ["01"] * (3 - len(parts))
    return "-".join(parts[:3])


class Views:
    """Turns entries into the plain data the templates show (labels, URLs, dates)."""

    def __init__(self, catalogue: Catalogue, index: FacetIndex, dates: dict[Path, str],
                 images: ImageStore, edit_base: str | None):
        self.catalogue = catalogue
        self.vocabularies = catalogue.vocabularies
        self.index = index
        self.dates = dates
        self.images = images
        self.edit_base = edit_base
        self._cards: dict[str, dict] = {}
        self._card_html: dict[tuple[str, str, int], Markup] = {}
        self._case_cards: dict[str, dict] = {}

    def label(self, vocabulary: str, slug: str) -> str:
        return self.vocabularies[vocabulary].label(slug)

    def committed(self, entry: Entry) -> str:
        return self.dates.get(entry.path.resolve(), "")

    def updated(self, entry: Entry) -> str:
        """When the entry last changed: its `updated` field, else its last commit."""
        return str(entry.data.get("updated") or "") or self.committed(entry)

    def action_date(self, action: Entry) -> str:
        return self.updated(action) or month_date(action.data.get("started"))

    def case_date(self, case: Entry) -> str:
        return str(case.data.get("date") or "")

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

    def card(self, action: Entry) -> dict:
        if action.slug not in self._cards:
            carried = self.index.carried.get(action.slug, {})
            self._cards[action.slug] = {
                "slug": action.slug,
                "url": action_url(action.slug),
                "title": action.title,
                "summary": action.summary,
                "organisations": [o["name"] for o in action.data["organisations"]],
                "factors": [self.label("success_factor", s) for s in action.data["success_factors"]],
                "status": self.label("status", action.data["status"]),
                "date": self.action_date(action),
                "filters": {name: " ".join(values) for name, values in carried.items()},
            }
        return self._cards[action.slug]

    def card_html(self, card: dict, root: str, level: int = 2) -> Markup:
        key = (card["slug"], root, level)
        if key not in self._card_html:
            self._card_html[key] = render("card.html", card=card, root=root, level=level)
        return self._card_html[key]

    def case_card(self, case: Entry) -> dict:
        if case.slug not in self._case_cards:
            self._case_cards[case.slug] = {
                "slug": case.slug,
                "url": case_url(case.slug),
                "title": case.title,
                "summary": case.summary,
                "organisations": [o["name"] for o in case.data["organisations"]],
                "date": self.case_date(case),
                "featured": bool(case.data.get("featured")),
                "image": self.image(case),
            }
        return self._case_cards[case.slug]

    def terms(self, vocabulary: str, slugs: list[str], facet: str | None = None) -> list[dict]:
        return [{"text": self.label(vocabulary, s),
                 "url": facet_url(facet, s) if facet else None} for s in slugs]

    def facts(self, action: Entry) -> list[dict]:
        data = action.data
        rows = [{"label": "Organisaties", "terms": [
            {"text": o["name"], "url": None, "external": o.get("url")} for o in data["organisations"]]}]
        for vocabulary, name in (("region", "regions"), ("sector", "sectors"),
                                 ("success_factor", "success_factors"),
                                 ("intervention", "interventions"),
                                 ("target_group", "target_groups"),
                                 ("career_pillar", "career_pillars")):
            slugs = data.get(name) or []
            if slugs:
                facet = self.vocabularies[vocabulary].facet
                rows.append({"label": self.vocabularies[vocabulary].nl,
                             "terms": self.terms(vocabulary, slugs, facet)})
        rows.append({"label": self.vocabularies["status"].nl,
                     "terms": self.terms("status", [data["status"]], "status")})
        return rows

    def outcomes(self, action: Entry) -> list[dict]:
        shown = []
        for outcome in action.data.get("outcomes") or []:
            unit = outcome.get("unit")
            unit_label = self.label("outcome_unit", unit) if unit else ""
            source = outcome.get("source") or ""
            shown.append({
                "measure": self.label("outcome_measure", outcome["measure"]),
                "measure_url": facet_url("resultaat", outcome["measure"]),
                "result": outcome["result"],
                "result_label": self.label("outcome_result", outcome["result"]),
                "value": outcome.get("value"),
                "baseline": outcome.get("baseline"),
                "unit": unit_label,
                "period": str(outcome.get("period") or ""),
                "source": source,
                "source_is_link": source.startswith(("http://", "https://")),
                "note": outcome.get("note") or "",
                "bar": _bar(outcome.get("baseline"), outcome.get("value")),
            })
        return shown


def _bar(baseline, value) -> dict | None:
    """Widths (percent of the larger) for drawing baseline and value side by side."""
    if not isinstance(baseline, (int, float)) or not isinstance(value, (int, float)):
        return None
    top = max(abs(baseline), abs(value))
    if top == 0:
        return None
    return {"baseline": round(abs(baseline) * 100 / top), "value": round(abs(value) * 100 / top)}


def reverse_related(catalogue: Catalogue) -> dict[str, list[str]]:
    """slug -> the actions that name it in their `related` list, in slug order."""
    named_by: dict[str, list[str]] = {}
    for other in catalogue.actions.values():
        for slug in other.data.get("related") or []:
            named_by.setdefault(slug, []).append(other.slug)
    return named_by


def related_actions(action: Entry, catalogue: Catalogue, index: FacetIndex,
                    named_by: dict[str, list[str]]) -> list[str]:
    """Named `related` first, then actions naming this one, then the closest by shared
    interventions and success factors (from a bounded candidate list: linear, not quadratic)."""
    chosen: list[str] = [s for s in action.data.get("related") or [] if s in catalogue.actions]
    chosen += [s for s in named_by.get(action.slug, []) if s not in chosen]
    if len(chosen) >= RELATED_SIZE:
        return chosen[:RELATED_SIZE]
    mine = {f: set(v) for f, v in index.carried.get(action.slug, {}).items()}
    candidates: set[str] = set()
    for intervention in sorted(mine.get("interventie", ())):
        candidates.update(index["interventie"].actions.get(intervention, [])[:20])
    scored = []
    for slug in candidates:
        if slug == action.slug or slug in chosen:
            continue
        theirs = index.carried[slug]
        score = sum(len(mine.get(f, set()).intersection(theirs.get(f, ())))
                    for f in ("interventie", "succesfactor", "sector", "doelgroep"))
        scored.append((-score, slug))
    chosen.extend(slug for _, slug in sorted(scored)[:RELATED_SIZE - len(chosen)])
    return chosen


def action_page(action: Entry, views: Views, related: list[str], cases: list[Entry]) -> Page:
    card = views.card(action)
    return Page(
        src_uri=f"acties/{action.slug}.md", url=action_url(action.slug),
        title=action.title, description=action.summary, template="action.html",
        markdown=action.body, edit_url=views.edit_url(action),
        og_image=views.images.open_graph(action.slug, action.title, card["factors"], BRAND),
        og_size=OG_SIZE, date=views.action_date(action),
        context={
            "action": action.data, "card": card, "facts": views.facts(action),
            "outcomes": views.outcomes(action), "image": views.image(action),
            "cost_level": views.label("cost_level", (action.data.get("costs") or {}).get("level", "")),
            "cost_per": views.label("cost_per", (action.data.get("costs") or {}).get("per", "")),
            "updated": views.updated(action),
            "cases": [views.case_card(c) for c in cases],
            "related": [views.card(views.catalogue.actions[s]) for s in related],
        },
    )


def case_page(case: Entry, views: Views) -> Page:
    actions = views.catalogue.actions
    card = views.case_card(case)
    return Page(
        src_uri=f"verhalen/{case.slug}.md", url=case_url(case.slug), title=case.title,
        description=case.summary, template="case.html", markdown=case.body,
        date=str(case.data.get("updated") or case.data["date"]),
        edit_url=views.edit_url(case),
        # A story shares its own picture when it has one.
        og_image=card["image"].src if card["image"] else None,
        og_size=(card["image"].fallback[-1].width, card["image"].fallback[-1].height)
        if card["image"] else None,
        context={
            "case": case.data, "card": card, "image": card["image"],
            "updated": views.updated(case),
            "regions": views.terms("region", case.data["regions"], "regio"),
            "sectors": views.terms("sector", case.data.get("sectors") or [], "sector"),
            "actions": [views.card(actions[s]) for s in case.data["actions"] if s in actions],
        },
    )


def facet_listings(index: FacetIndex) -> list[dict]:
    """Each facet with its values in use, their counts and static pages."""
    listings = []
    for facet in index:
        terms = [{"slug": t.slug, "label": t.nl, "count": facet.count(t.slug),
                  "url": facet_url(facet.name, t.slug), "child": bool(t.parent)}
                 for t in facet.used_terms()]
        listings.append({"name": facet.name, "label": facet.label, "terms": terms,
                         "url": f"acties/{facet.name}/"})
    return listings


def facet_value_pages(facet: Facet, listing: dict, term_view: dict, ordered: list[str],
                      views: Views) -> list[Page]:
    """A facet value's static pages: its actions newest first, FACET_PAGE_SIZE a page."""
    term = facet.vocabulary.by_slug[term_view["slug"]]
    chunks = [ordered[i:i + FACET_PAGE_SIZE]
              for i in range(0, len(ordered), FACET_PAGE_SIZE)] or [[]]
    parent = facet.vocabulary.by_slug.get(term.parent) if term.parent else None
    children = [{"label": c.nl, "url": facet_url(facet.name, c.slug)}
                for c in facet.vocabulary.children(term.slug) if facet.count(c.slug)]
    heading = f"{facet.label}: {term.nl}"
    numbers = [{"number": n, "url": facet_url(facet.name, term.slug, n)}
               for n in range(1, len(chunks) + 1)]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        url = facet_url(facet.name, term.slug, number)
        pages.append(Page(
            src_uri=f"{url}index.md", url=url,
            title=heading + (f" (pagina {number})" if number > 1 else ""),
            description=f"{len(ordered)} acties met {facet.label.lower()} {term.nl} in de "
                        "Actiebank, het open overzicht van wat zorg- en "
                        "welzijnsorganisaties doen om medewerkers te behouden.",
            template="facet_value.html", searchable=False, hide=("toc",),
            date=newest_date(views, chunk),
            context={
                "facet": listing, "term": term_view, "heading": heading,
                "count": len(ordered), "number": number, "pages": numbers,
                "cards": [views.card(views.catalogue.actions[s]) for s in chunk],
                "parent": ({"label": parent.nl, "url": facet_url(facet.name, parent.slug)}
                           if parent else None),
                "children": children,
                "feed": f"{facet_url(facet.name, term.slug)}feed.xml",
            },
        ))
    return pages


def plan_site(catalogue: Catalogue, *, site_url: str, edit_base: str | None,
              dates: dict[Path, str], images: ImageStore,
              schema_files: dict[str, Path] | None = None) -> Site:
    index = build_facet_index(catalogue)
    views = Views(catalogue, index, dates, images, edit_base)
    pages: dict[str, Page] = {}
    files: dict[str, bytes | Path] = {}
    actions = catalogue.actions

    newest_actions = sorted(actions.values(), key=lambda a: (views.action_date(a), a.slug),
                            reverse=True)
    newest_cases = sorted(catalogue.cases.values(), key=lambda c: (views.case_date(c), c.slug),
                          reverse=True)
    named_by = reverse_related(catalogue)
    cases_by_action: dict[str, list[Entry]] = {}
    for case in newest_cases:
        for slug in case.data["actions"]:
            cases_by_action.setdefault(slug, []).append(case)

    def add(page: Page) -> None:
        pages[page.src_uri] = page

    for action in actions.values():
        add(action_page(action, views, related_actions(action, catalogue, index, named_by),
                        cases_by_action.get(action.slug, [])))
    for case in catalogue.cases.values():
        add(case_page(case, views))

    listings = facet_listings(index)
    add(Page(
        src_uri="acties/index.md", url="acties/", title="Acties",
        description=f"Alle {len(actions)} acties om medewerkers in zorg en welzijn te behouden, "
                    "te filteren op succesfactor, regio, resultaat, sector, doelgroep, "
                    "interventie en status.",
        template="catalogue.html", searchable=False, hide=("toc",),
        date=newest_date(views, [a.slug for a in newest_actions]),
        context={"cards": [views.card(a) for a in newest_actions], "facets": listings},
    ))
    for facet, listing in zip(index, listings):
        add(Page(
            src_uri=f"acties/{facet.name}/index.md", url=f"acties/{facet.name}/",
            title=f"Acties per {facet.label.lower()}",
            description=f"Acties in de Actiebank, geordend per {facet.label.lower()}.",
            template="facet.html", searchable=False, hide=("toc",),
            date=newest_date(views, [s for t in listing["terms"] for s in facet.actions[t["slug"]]]),
            context={"facet": listing},
        ))
        for term_view in listing["terms"]:
            matching = set(facet.actions[term_view["slug"]])
            ordered = [a.slug for a in newest_actions if a.slug in matching]
            for page in facet_value_pages(facet, listing, term_view, ordered, views):
                add(page)
            path = facet_url(facet.name, term_view["slug"])
            files[f"{path}feed.xml"] = export.atom_feed(
                title=f"{BRAND} – {facet.label}: {term_view['label']}", site_url=site_url,
                feed_path=f"{path}feed.xml", page_path=path,
                entries=[action_feed_entry(views, actions[s], site_url)
                         for s in ordered[:FEED_SIZE]],
            ).encode("utf-8")
    add(Page(
        src_uri="verhalen/index.md", url="verhalen/", title="Verhalen",
        description="Praktijkverhalen van zorg- en welzijnsorganisaties over wat hun "
                    "medewerkers behoudt.",
        template="cases.html", searchable=False, hide=("toc",),
        date=max((str(c.data.get("updated") or c.data["date"]) for c in newest_cases), default=""),
        context={"cases": [views.case_card(c) for c in newest_cases]},
    ))
    for page in pages.values():
        page.context["card_html"] = views.card_html

    featured = [c for c in newest_cases if c.data.get("featured")][:HOME_LIST_SIZE]
    home = render(
        "home_parts.html", root="", card_html=views.card_html,
        facets={listing["name"]: listing for listing in listings},
        featured=[views.case_card(c) for c in featured],
        # The newest stories besides the featured ones: the home page shows each once.
        cases=[views.case_card(c) for c in newest_cases if c not in featured][:HOME_LIST_SIZE],
        actions=[views.card(a) for a in newest_actions[:HOME_LIST_SIZE]],
        total=len(actions), total_cases=len(newest_cases))

    files.update(export.export_files(catalogue, site_url=site_url))
    feed_entries = sorted(
        [action_feed_entry(views, a, site_url) for a in newest_actions[:FEED_SIZE]]
        + [case_feed_entry(c, site_url) for c in newest_cases[:FEED_SIZE]],
        key=lambda e: (e["updated"], e["id"]), reverse=True)[:FEED_SIZE]
    files["feed.xml"] = export.atom_feed(title=f"{BRAND}: nieuwe acties en verhalen",
                                         site_url=site_url, feed_path="feed.xml", page_path="",
                                         entries=feed_entries).encode("utf-8")
    for name, path in (schema_files or {}).items():
        files[f"schema/{name}"] = path
    files.update(images.files)
    return Site(pages=pages, files=dict(sorted(files.items())), home=home,
                content_dir=catalogue.content_dir.resolve(), dates=dates)


def newest_date(views: "Views", slugs: list[str]) -> str:
    """The latest date among some actions: when a list of them last changed."""
    return max((views.action_date(views.catalogue.actions[s]) for s in slugs), default="")


def action_feed_entry(views: Views, action: Entry, site_url: str) -> dict:
    return {"title": action.title, "summary": action.summary,
            "id": export.absolute(site_url, action_url(action.slug)),
            "updated": views.action_date(action), "kind": "Actie"}


def case_feed_entry(case: Entry, site_url: str) -> dict:
    return {"title": case.title, "summary": case.summary,
            "id": export.absolute(site_url, case_url(case.slug)),
            "updated": str(case.data.get("updated") or case.data["date"]), "kind": "Verhaal"}
