"""The project depends on Material's own markup in two places, both pinned to the exact
version in pyproject.toml: overrides/partials/search.html is a copy of Material's with one
change, and hooks/theme_fixes.py rewrites two pieces of Material's HTML. When an upgrade
changes either, these tests fail and say what to look at, instead of the copy going stale
or a fix silently matching nothing."""

from __future__ import annotations

import re
from pathlib import Path

import material

from support import ROOT
from test_hooks import load_hook

MATERIAL = Path(material.__file__).resolve().parent / "templates"


def without_leading_comment(template: str) -> str:
    return re.sub(r"\A\{#-.*?-#\}\n", "", template, flags=re.S)


def test_the_search_partial_is_materials_with_only_the_dialog_named():
    theirs = without_leading_comment((MATERIAL / "partials" / "search.html").read_text("utf-8"))
    ours = without_leading_comment(
        (ROOT / "overrides" / "partials" / "search.html").read_text("utf-8")
    )
    dialog = '<div class="md-search" data-md-component="search" role="dialog">'
    assert dialog in theirs, (
        "Material's search.html changed: compare it with "
        "overrides/partials/search.html and carry the change over"
    )
    named = dialog.replace('role="dialog">', 'role="dialog" aria-label="{{ lang.t(\'search\') }}">')
    assert ours == theirs.replace(dialog, named), (
        "overrides/partials/search.html differs from Material's own by more than the "
        "dialog's name: copy Material's file again and name the dialog"
    )


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
