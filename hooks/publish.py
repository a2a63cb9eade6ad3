"""MkDocs adapter: how a build reaches site/. All or nothing, each page with its policy.

1. A build writes into a fresh folder beside site/ and replaces site/ only when the whole
   build succeeded: a build that fails for any reason (content, an image, a bug) leaves the
   last good site byte-identical. `mkdocs serve` builds into its own temporary folder and
   is left alone.
2. Every page gets the Content-Security-Policy of `actiebank.site.csp`.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from actiebank.site.csp import template_scripts, with_policy

# Kept across on_startup and the build: which command runs, and where it publishes.
_run: dict[str, Any] = {}


def on_startup(command: str, dirty: bool) -> None:
    _run.clear()
    _run["command"] = command


# Last of every on_config, so no plugin sees the final folder after it was swapped out.
@event_priority(-100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _run.pop("publish", None)
    _run.pop("scripts", None)  # the templates' inline scripts, read again for each build
    if _run.get("command") not in ("build", "gh-deploy"):
        return config
    final = Path(config.site_dir).resolve()
    partial = final.parent / f".{final.name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    _run["publish"] = (partial, final)
    config.site_dir = str(partial)  # MkDocs empties and fills this folder instead
    return config


# After every plugin has written its files (the search index, the sitemap, ours).
@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    publish = _run.pop("publish", None)
    if publish is None:
        return
    partial, final = publish
    previous = final.parent / f".{final.name}.previous"
    shutil.rmtree(previous, ignore_errors=True)
    if final.exists():
        final.rename(previous)
    partial.rename(final)
    shutil.rmtree(previous, ignore_errors=True)
    config.site_dir = str(final)  # gh-deploy publishes from here


def on_build_error(error: Exception) -> None:
    publish = _run.pop("publish", None)
    if publish is not None:
        shutil.rmtree(publish[0], ignore_errors=True)


def _scripts(config: MkDocsConfig) -> tuple[re.Pattern[str], ...]:
    """The inline scripts the theme's templates write: the only ones a policy allows."""
    if "scripts" not in _run:
        _run["scripts"] = template_scripts(config.theme.dirs)
    scripts: tuple[re.Pattern[str], ...] = _run["scripts"]
    return scripts


# After every other change to the page, so the hashes match the scripts as published.
@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_policy(output, _scripts(config))


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is a theme template, not a page: on_post_page never sees it.
    if template_name.endswith(".html"):
        return with_policy(output_content, _scripts(config))
    return output_content
