"""plan_site: every page and file of the site, planned once per build from the catalogue.

The order of pages is the order MkDocs receives them in (and the order of the search
index): actions, stories, then the catalogue's listing pages.
"""

from __future__ import annotations

from pathlib import Path

from ..content.catalogue import Catalogue
from ..routes import schema_url
from .editorial import Editorial
from .export import export_files
from .facets import build_facet_index
from .feeds import facet_feeds, site_feed
from .images import ImageStore
from .listings import facet_listings, home_parts, listing_pages
from .pages import Page, Site, entry_pages
from .redirects import redirect_files
from .render import Renderer
from .views import Views


def plan_site(
    catalogue: Catalogue,
    *,
    dates: dict[Path, str],
    images: ImageStore,
    renderer: Renderer,
    schema_files: dict[str, Path] | None = None,
) -> Site:
    project = catalogue.project
    index = build_facet_index(catalogue)
    views = Views(
        catalogue=catalogue,
        index=index,
        dates=dates,
        images=images,
        renderer=renderer,
        edit_base=project.edit_base,
    )
    newest = [
        a.slug
        for a in sorted(
            catalogue.actions.values(), key=lambda a: (views.action_date(a), a.slug), reverse=True
        )
    ]
    cases = sorted(
        catalogue.cases.values(), key=lambda c: (views.case_date(c), c.slug), reverse=True
    )
    listings = facet_listings(index)

    pages: dict[str, Page] = {}
    for page in entry_pages(catalogue, views, index, cases) + listing_pages(
        views, index, listings, newest, cases
    ):
        page.renderer = renderer
        page.context["card_html"] = views.card_html
        pages[page.src_uri] = page

    files: dict[str, bytes | Path] = {}
    feeds = facet_feeds(views, index, listings, newest, project.site_url)
    files.update(feeds)
    files.update(redirect_files(index, renderer, project.site_url, feeds))
    files.update(export_files(catalogue, site_url=project.site_url))
    files.update(site_feed(views, newest, cases, project.site_url))
    for name, path in (schema_files or {}).items():
        files[schema_url(name)] = path
    home = home_parts(views, listings, newest, cases)
    files.update(images.files)
    return Site(
        pages=pages,
        files=dict(sorted(files.items())),
        home=home,
        content_dir=catalogue.content_dir.resolve(),
        dates=dates,
        editorial=Editorial(index=index, renderer=renderer),
    )
