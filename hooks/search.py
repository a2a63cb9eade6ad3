"""MkDocs adapter for site search: hands each searchable page to the index as it is made,
and writes the index into the build before hooks/publish.py swaps the build into site/.

What a page is found by lives in `actiebank.site.search`, how the index is written in
`actiebank.site.search_index`. `mkdocs build` writes the index into the partial build, so a
failed index fails the whole build and site/ keeps its last good state; `mkdocs serve`
writes it too, so search works while editing (each rebuild indexes again: under a second
for the project's own pages). The search field in the header is
overrides/partials/search.html with overrides/assets/javascripts/search.js; Material's own
search plugin is not used.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from actiebank.routes import search_index_url
from actiebank.site.search import SearchPlan
from actiebank.site.search_index import SearchIndexWriter

log = get_plugin_logger("actiebank.search")

# Reset per build: `mkdocs serve` keeps hook modules loaded between builds.
_state: dict[str, Any] = {}


def _stop() -> None:
    writer = _state.pop("writer", None)
    if writer is not None:
        writer.close()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _stop()
    _state.clear()
    return config


# After hooks/site.py (priority 0) has made an entry's page: summary and body only, before
# the fact panel and the cards of related actions are put around them.
@event_priority(-10)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    plan = SearchPlan(config.get("actiebank_site"))
    record = plan.record(page.file.src_uri, page.url, page.title or "", page.meta, html)
    if record is not None:
        if "writer" not in _state:
            _state["writer"] = SearchIndexWriter()
        _state["writer"].add(record.url, record.document(config.theme.get("language") or "nl"))
    return html


# Before hooks/publish.py (priority -100) moves the build into site/.
@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    writer = _state.pop("writer", None)
    if writer is None:
        return
    started = time.perf_counter()
    writer.write(Path(config.site_dir) / search_index_url())
    seconds = time.perf_counter() - started
    log.info(f"search index of {writer.pages} pages written in {seconds:.1f} s")


def on_build_error(error: Exception) -> None:
    _stop()
