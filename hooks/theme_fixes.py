"""Fixes to mkdocs-material's own markup where its templates give no block to override.

1. Material's base.html writes `autocomplete="off"` on the two hidden checkboxes that open
the navigation drawer and the search dialog. HTML allows `autocomplete` on text-like
inputs only, so the Nu Html Checker reports an error on every page. Material uses it to
stop Firefox from restoring an open drawer after "back"; a drawer that is open after
going back is a small price for valid HTML, and Chromium and WebKit ignore it anyway.

2. Material's table of contents has a `<label for="__toc">` whose checkbox Material
   writes only into the navigation entry of the current page. The catalogue's pages are
   kept out of the navigation (see TESTING.md on build time), so there the label points
   at nothing, which is invalid HTML; without `for` it is a plain heading again.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

# Exactly Material's two toggles (`id="__drawer"`, `id="__search"`); every other input,
# the search field included (where autocomplete="off" is valid), is left alone.
_TOGGLE = re.compile(r'<input\b[^>]*\bid="__(?:drawer|search)"[^>]*>')
_AUTOCOMPLETE = re.compile(r'\s+autocomplete="[^"]*"')


_TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def without_toggle_autocomplete(html: str) -> str:
    """The page with `autocomplete` removed from Material's drawer and search toggles."""
    return _TOGGLE.sub(lambda tag: _AUTOCOMPLETE.sub("", tag.group(0)), html)


def without_dangling_toc_label(html: str) -> str:
    """The page without a `for="__toc"` that points at no checkbox."""
    if 'id="__toc"' in html:
        return html
    return html.replace(_TOC_LABEL, '<label class="md-nav__title">')


def fixed(html: str) -> str:
    return without_dangling_toc_label(without_toggle_autocomplete(html))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return fixed(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is a theme template, not a page: on_post_page never sees it.
    if template_name.endswith(".html"):
        return fixed(output_content)
    return output_content
