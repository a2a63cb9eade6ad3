"""The project depends on Material's own markup in two places, both pinned to the exact
version in pyproject.toml: overrides/partials/header.html is a copy of Material's with one
change (the site search is always in it), and hooks/theme_fixes.py rewrites two pieces of
Material's HTML. When an upgrade changes either, these tests fail and say what to look at,
instead of the copy going stale or a fix silently matching nothing."""

from __future__ import annotations

import re
from pathlib import Path

import material

from support import ROOT
from test_hooks import load_hook

MATERIAL = Path(material.__file__).resolve().parent / "templates"


def without_leading_comment(template: str) -> str:
    return re.sub(r"\A\{#-.*?-#\}\n", "", template, flags=re.S)


# Material's header shows its search field only with its own search plugin.
MATERIALS_SEARCH = """    {% if "material/search" in config.plugins %}
      {% set search = config.plugins["material/search"] | attr("config") %}
      {% if search.enabled %}
        <label class="md-header__button md-icon" for="__search">
          {% set icon = config.theme.icon.search or "material/magnify" %}
          {% include ".icons/" ~ icon ~ ".svg" %}
        </label>
        {% include "partials/search.html" %}
      {% endif %}
    {% endif %}
"""
OURS = """    <button type="button" class="md-header__button md-icon ab-search-open" \
aria-label="Zoeken" title="Zoeken" data-ab-search-open>
      {% set icon = config.theme.icon.search or "material/magnify" %}
      {% include ".icons/" ~ icon ~ ".svg" %}
    </button>
    {% include "partials/search.html" %}
"""


def test_the_header_is_materials_with_only_the_search_always_in_it():
    theirs = without_leading_comment((MATERIAL / "partials" / "header.html").read_text("utf-8"))
    ours = without_leading_comment(
        (ROOT / "overrides" / "partials" / "header.html").read_text("utf-8")
    )
    assert MATERIALS_SEARCH in theirs, (
        "Material's header.html changed: compare it with overrides/partials/header.html "
        "and carry the change over"
    )
    assert ours == theirs.replace(MATERIALS_SEARCH, OURS), (
        "overrides/partials/header.html differs from Material's own by more than the "
        "search: copy Material's file again and put the site search in it"
    )


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
