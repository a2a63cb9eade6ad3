"""MkDocs adapter: hands MkDocs the pages and files the Actiebank core planned.

Everything with meaning lives in `actiebank` (importable without MkDocs); this file only
translates MkDocs events into calls of it, and writes what only Material understands (a
page's `search` and `hide` settings). State is reset in on_config because `mkdocs serve`
keeps hook modules loaded between builds.
"""

from __future__ import annotations

import html
import json
import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from actiebank.content.catalogue import KIND_FOLDERS, Catalogue, load_catalogue
from actiebank.content.history import file_histories
from actiebank.content.sanitise import sanitise
from actiebank.contribute.proposal import form_spec
from actiebank.project import Project, project_from_settings
from actiebank.routes import follow_url, link_to_published_pages
from actiebank.site import pages as core_pages
from actiebank.site.images import ImageStore
from actiebank.site.plan import plan_site
from actiebank.site.render import Renderer
from actiebank.site.script_facts import script_facts_json

log = get_plugin_logger("actiebank")

_state: dict[str, Any] = {}


def on_startup(command: str, dirty: bool) -> None:
    # mkdocs-macros reports its modules, variables and macros on every build: five lines of
    # INFO in front of every real message. Its warnings and errors still show.
    logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)


def project_of(config: MkDocsConfig) -> Project:
    return project_from_settings(Path(config.config_file_path).parent, config)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Runs before MkDocs empties site/: a refused build leaves the last good site intact.
    _state.clear()
    project = project_of(config)
    catalogue = load_catalogue(project)
    for problem in catalogue.problems:
        if problem.severity == "error":
            log.warning(str(problem))
        else:
            log.info(str(problem))
    errors = len(catalogue.errors)
    if errors:
        raise PluginError(
            f"{errors} {'fout' if errors == 1 else 'fouten'} in de inhoud; er is niets gebouwd. "
            "Los de fouten hierboven op en bouw de site opnieuw."
        )
    _state["catalogue"] = catalogue
    return config


def nav_sources(nav: object) -> set[str]:
    """The Markdown files mkdocs.yml's `nav` names: the only generated pages in the menu."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return {path for value in nav.values() for path in nav_sources(value)}
    if isinstance(nav, list):
        return {path for item in nav for path in nav_sources(item)}
    return set()


def front_matter(page: core_pages.Page) -> str:
    """The page as MkDocs reads it: Material's settings, then the contributor's Markdown.

    Material and MkDocs print title and description unescaped in the theme; they get
    HTML-escaped text so a '<' in a title stays text.
    """
    meta: dict[str, Any] = {
        "title": html.escape(page.title, quote=True),
        "description": html.escape(page.description, quote=True),
    }
    if not page.searchable:
        meta["search"] = {"exclude": True}
    # The main sections are tabs above the page, so no menu beside it; and no table of
    # contents beside the catalogue, an action or a story: they read from top to bottom.
    meta["hide"] = ["navigation", "toc"]
    # JSON is YAML, and json.dumps is many times faster than yaml.safe_dump.
    return (
        f"---\n{json.dumps(meta, ensure_ascii=False, sort_keys=True)}\n---\n\n{page.markdown or ''}"
    )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    catalogue: Catalogue = _state["catalogue"]
    # One git log for the whole content folder: each file's last change and its history.
    histories = file_histories(catalogue.content_dir)
    changed = {path: changes[0].moment for path, changes in histories.items()}
    site = plan_site(
        catalogue,
        dates={path: moment[:10] for path, moment in changed.items()},
        changed=changed,
        histories=histories,
        images=ImageStore(catalogue.project.cache_dir),
        renderer=Renderer.for_theme(config.theme.custom_dir),
        # The contribute stage describes the proposal form; the site puts it on its page.
        proposal_form=form_spec(catalogue.project.schema_dir, catalogue=catalogue),
        schema_files={
            p.name: p for p in sorted(catalogue.project.schema_dir.glob("*.schema.json"))
        },
    )
    _state["site"] = site
    # For the macros of the editorial pages (hooks/macros.py).
    config["actiebank_site"] = site
    sources = tuple(f"{folder}/" for folder in KIND_FOLDERS.values())
    for file in list(files):
        # The raw entries become generated pages; a stray file at a generated path loses.
        if (
            (file.src_uri.startswith(sources) and file.src_uri.endswith(".md"))
            or file.src_uri in site.pages
            or file.src_uri in site.files
        ):
            files.remove(file)
    in_nav = nav_sources(config.nav)
    for uri, page in site.pages.items():
        inclusion = InclusionLevel.UNDEFINED if uri in in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, uri, content=front_matter(page), inclusion=inclusion))
    for uri, data in site.files.items():
        if isinstance(data, Path):
            files.append(File.generated(config, uri, abs_src_path=str(data)))
        else:
            files.append(File.generated(config, uri, content=data))
    return files


# Before mkdocs-macros (priority 0) reads page.meta: a page never switches macros on itself
# (layout.py refuses the setting; this removes it should a page slip through).
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # What the page scripts need of the site (addresses, limits), on every page's content
    # as data-ab-site (overrides/main.html): decided in the core, never in the scripts.
    env.globals["actiebank_script_facts"] = script_facts_json()
    return env


@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    page.meta.pop("render_macros", None)
    site = _state.get("site")
    # The sitemap's <lastmod>: the content's own date, not the day of the build.
    page.update_date = site.date_for(page.file.src_uri) if site else ""
    return link_to_published_pages(markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = _state.get("site")
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
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    # Feed readers look for the site's feed on the home page and on /volgen/; main.html
    # announces it only there (see the comment in main.html).
    page.meta["site_feed_in_head"] = page.is_homepage or page.url == follow_url()
    site = _state.get("site")
    if site is None:
        return context
    body = _state.get("bodies", {}).pop(page.file.src_uri, None)
    planned = site.page_for(page.file.src_uri)
    if planned is not None and body is not None:
        page.content = str(planned.render(body))
    return context
