"""The project depends on Material's own markup, pinned to the exact version in
pyproject.toml: hooks/theme_fixes.py rewrites two pieces of Material's HTML. When an
upgrade changes them, these tests fail and say what to look at, instead of a fix
silently matching nothing. The site's own header (overrides/partials/header.html)
always holds the site search."""

from __future__ import annotations

import re
from pathlib import Path

import material

from support import ROOT
from support.hooks import load_hook

MATERIAL = Path(material.__file__).resolve().parent / "templates"


def without_leading_comment(template: str) -> str:
    return re.sub(r"\A\{#-.*?-#\}\n", "", template, flags=re.S)


# The site search in the header: always there, opened on a phone by a real button.
OURS = """    <button type="button" class="md-header__button md-icon ab-search-open" \
aria-label="Zoeken" title="Zoeken" data-ab-search-open>
      {% set icon = config.theme.icon.search or "material/magnify" %}
      {% include ".icons/" ~ icon ~ ".svg" %}
    </button>
    {% include "partials/search.html" %}
"""


def test_the_header_always_holds_the_site_search_and_no_repository_link():
    ours = without_leading_comment(
        (ROOT / "overrides" / "partials" / "header.html").read_text("utf-8")
    )
    assert OURS in ours, "the header lost the site search or its button"
    # Neither Material's search plugin (the index is Pagefind's) nor the repository link.
    assert "material/search" not in ours
    assert "source.html" not in ours and "repo_url" not in ours


def test_the_search_partial_does_not_start_materials_search():
    # data-md-component="search" makes Material's script fetch search/search_index.json.
    ours = without_leading_comment(
        (ROOT / "overrides" / "partials" / "search.html").read_text("utf-8")
    )
    assert "data-md-component" not in ours
    assert 'class="md-search__input"' in ours and 'for="__search"' in ours


def test_the_theme_fixes_still_find_materials_markup():
    fixes = load_hook("theme_fixes")
    base = (MATERIAL / "base.html").read_text("utf-8")
    toggles = fixes._TOGGLE.findall(base)
    assert len(toggles) == 2 and all('autocomplete="off"' in t for t in toggles), (
        "Material's drawer and search toggles changed: check hooks/theme_fixes.py"
    )
    assert fixes._TOC_LABEL in (MATERIAL / "partials" / "toc.html").read_text("utf-8"), (
        "Material's table of contents label changed: check hooks/theme_fixes.py"
    )
    fixed = fixes.fixed(base)
    assert 'id="__drawer" autocomplete' not in fixed and 'id="__search" autocomplete' not in fixed
