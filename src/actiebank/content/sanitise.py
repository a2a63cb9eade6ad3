"""The one allow-list for contributor HTML: what the validator accepts in a body and what
the renderer lets through after Markdown.

The validator refuses anything outside this list with a message (so nothing is lost
silently); the renderer cleans the HTML that Markdown made with nh3 (Rust's ammonia)
against the same list, as a second line: a maintained allow-list sanitiser is safer
than any regular expression we would write.
"""

from __future__ import annotations

import re

import nh3

SAFE_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
    }
)
SAFE_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "alt",
        "title",
        "width",
        "height",
        "colspan",
        "rowspan",
        "lang",
        "cite",
        "datetime",
        "start",
        "reversed",
        "scope",
        "open",
        "id",
    }
)
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Classes Markdown itself writes (admonitions); a contributor cannot set others.
SAFE_CLASSES = {
    "div": {
        "admonition",
        "note",
        "abstract",
        "info",
        "tip",
        "success",
        "question",
        "warning",
        "failure",
        "danger",
        "bug",
        "example",
        "quote",
    },
    "p": {"admonition-title"},
}
# Names the theme and the site's own parts use: `__config` holds Material's settings (a body
# id with that name stops every script on the page), `md-` and `ab-` the theme's and ours.
_RESERVED_ID = re.compile(r"(__|md-|ab-)")
_PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
# The other ids the page templates write (overrides/, site/templates/): the skip link's
# target `hoofdinhoud` first (a body element with that id would take the link), then the
# fixed headings of pages with editorial text, and the beginnings of the ids the templates
# make from a name (the proposal form's `p-action-title`, the field reference's
# `veld-action-title`, ...). tests/core/test_hardening_two.py reads every id in the
# templates and fails when one is not here.
PAGE_IDS = frozenset(
    {
        "hoofdinhoud",
        "adres",
        "alles",
        "nieuwste",
        "pagina-niet-gevonden",
        "voor-mensen",
        "voor-programmas",
        "zo-volgt-u",
    }
)
PAGE_ID_PREFIXES = ("p-", "per-", "veld-", "waarden-", "kolommen-")


def page_id(value: str) -> bool:
    """Whether an id is one the page templates themselves write (or begin so)."""
    return value.lower() in PAGE_IDS or value.lower().startswith(PAGE_ID_PREFIXES)


def reserved_id(value: str) -> bool:
    """Whether an id could take a name the theme's or the site's own markup relies on."""
    return bool(_RESERVED_ID.match(value)) or page_id(value) or not _PLAIN_ID.fullmatch(value)


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    if name == "id" and reserved_id(value):
        return None
    return value


def sanitise(html: str) -> str:
    """Contributor HTML after Markdown, reduced to the allow-list."""
    return nh3.clean(
        html,
        tags=set(SAFE_TAGS),
        attributes={"*": set(SAFE_ATTRIBUTES)},
        allowed_classes={tag: set(classes) for tag, classes in SAFE_CLASSES.items()},
        attribute_filter=_keep_attribute,
        url_schemes=set(SAFE_SCHEMES),
        link_rel="noopener",
    )
