"""MkDocs adapter: hands MkDocs the pages and files the Actiebank core planned.

Everything with meaning lives in `actiebank` (importable without MkDocs); this file only
translates MkDocs events into calls of it. State is reset in on_config because
`mkdocs serve` keeps hook modules loaded between builds.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from actiebank.catalogue import KIND_FOLDERS, load_catalogue
from actiebank.history import last_commit_dates
from actiebank.images import ImageStore
from actiebank.paths import SCHEMA_DIR
from actiebank.project import settings_pages
from actiebank.sanitise import sanitise
from actiebank.site import Site, link_to_published_pages, plan_site

log = get_plugin_logger("actiebank")

_state: dict = {}

# Pages named in the navigation; every other generated page stays out of it so the
# sidebar (rendered into every page) does not grow with the catalogue.
IN_NAV = {"acties/index.md", "verhalen/index.md"}

def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Runs before MkDocs empties site/: a refused build leaves the last good site intact.
    _state.clear()
    project = Path(config.config_file_path).parent
    catalogue = load_catalogue(Path(config.docs_dir), pages=settings_pages(config.extra),
                               display_base=project)
    for problem in catalogue.problems:
        if problem.severity == "error":
            log.warning(str(problem))
        else:
            log.info(str(problem))
    errors = len(catalogue.errors)
    if errors:
        raise PluginError(f"{errors} problem{'s' if errors != 1 else ''} in content; "
                          "nothing was built")
    _state["catalogue"] = catalogue
    _state["project"] = project
    return config


def _edit_base(config: MkDocsConfig) -> str | None:
    if not config.repo_url or not config.edit_uri:
        return None
    repo = config.repo_url if config.repo_url.endswith("/") else config.repo_url + "/"
    edit = config.edit_uri if config.edit_uri.endswith("/") else config.edit_uri + "/"
    return repo + edit.lstrip("/")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    catalogue = _state["catalogue"]
    site = plan_site(
        catalogue,
        site_url=config.site_url or "",
        edit_base=_edit_base(config),
        dates=last_commit_dates(Path(config.docs_dir)),
        images=ImageStore(_state["project"] / ".cache" / "actiebank"),
        schema_files={p.name: p for p in sorted(SCHEMA_DIR.glob("*.schema.json"))},
    )
    _state["site"] = site
    sources = tuple(f"{folder}/" for folder in KIND_FOLDERS.values())
    for file in list(files):
        # The raw entries become generated pages; a stray file at a generated path loses.
        if (file.src_uri.startswith(sources) and file.src_uri.endswith(".md")) \
                or file.src_uri in site.pages or file.src_uri in site.files:
            files.remove(file)
    for uri, page in site.pages.items():
        inclusion = InclusionLevel.UNDEFINED if uri in IN_NAV else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, uri, content=page.source(), inclusion=inclusion))
    for uri, data in site.files.items():
        if isinstance(data, Path):
            files.append(File.generated(config, uri, abs_src_path=str(data)))
        else:
            files.append(File.generated(config, uri, content=data))
    return files


# Before mkdocs-macros (priority 0) reads page.meta: a page never switches macros on itself
# (layout.py refuses the setting; this removes it should a page slip through).
@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    page.meta.pop("render_macros", None)
    site: Site | None = _state.get("site")
    # The sitemap's <lastmod>: the content's own date, not the day of the build.
    page.update_date = site.date_for(page.file.src_uri) if site else ""
    return link_to_published_pages(markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site: Site | None = _state.get("site")
    planned = site.page_for(page.file.src_uri) if site else None
    if planned is None:
        return html
    page.edit_url = planned.edit_url
    if planned.og_image:
        page.meta["og_image"] = (config.site_url or "") + planned.og_image
        page.meta["og_image_size"] = planned.og_size
    if planned.markdown is None:
        return str(planned.render())
    body = Markup(sanitise(html))
    _state.setdefault("bodies", {})[page.file.src_uri] = body
    # Until on_page_context the page holds only what search should index: the summary and
    # the contributor's text, not the fact panel or the cards of related actions.
    return str(Markup("<p>{}</p>\n{}").format(planned.description, body))


# After the search plugin (priority 0) has indexed the body, and after any other plugin
# that reads page.content: the page then gets its generated parts around the body.
@event_priority(-50)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    site: Site | None = _state.get("site")
    if site is None:
        return context
    if page.file.src_uri == "index.md":
        context["actiebank_home"] = site.home
    body = _state.get("bodies", {}).pop(page.file.src_uri, None)
    planned = site.page_for(page.file.src_uri)
    if planned is not None and body is not None:
        page.content = str(planned.render(body))
    return context
