"""The pages of a built site, read from its sitemap.xml: every page that exists now or
lands later is walked by the tests that read it, or stood for by one page of its kind
(`pages_to_audit`), with the kinds taken from the site's routes."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from xml.etree import ElementTree

from actiebank import routes

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_urls(site_dir: Path) -> list[str]:
    """Every `<loc>` in the built sitemap, in the sitemap's order."""
    tree = ElementTree.parse(site_dir / "sitemap.xml")
    return [loc.text.strip() for loc in tree.iter(f"{SITEMAP_NS}loc") if loc.text]


def site_root_url(site_dir: Path) -> str | None:
    """The published address of the site's home, e.g. https://host/actiebank/.

    Every page in the sitemap sits below it (the home page is the address itself), so it
    is the sitemap addresses' common beginning, up to and including its last '/'.
    """
    if not (site_dir / "sitemap.xml").is_file():
        return None
    urls = sitemap_urls(site_dir)
    if not urls:
        return None
    # The common beginning of the addresses, cut back to a whole folder ('/').
    common = os.path.commonprefix(urls)  # noqa: RUF071 -- characters, then cut at the last '/'
    return common[: common.rindex("/") + 1]


def sitemap_pages(site_dir: Path) -> list[str]:
    """Every page in the sitemap as a path relative to the site root ('' is the home)."""
    root = site_root_url(site_dir)
    pages = []
    for url in sitemap_urls(site_dir):
        if root is None or not url.startswith(root):
            raise AssertionError(f"sitemap.xml lists {url}, outside the site at {root}")
        pages.append(url[len(root) :])
    return pages


# --------------------------------------------------------------------------- kinds of page

# Stands for a route's parameter (a slug, a facet value) when a route function is asked
# for its address pattern.
_SLOT = "\x00"


class _AnyNumber(int):
    """A page number (greater than 1) that writes itself as a slot, so facet_url(...,
    number) shows where its number goes."""

    def __format__(self, spec: str) -> str:
        return _SLOT


def _pattern(address: str) -> re.Pattern[str]:
    """A route's address with _SLOT for each parameter, as a pattern over site paths."""
    return re.compile("([^/]+)".join(re.escape(part) for part in address.split(_SLOT)))


def page_kind(path: str, facet_paths: Iterable[str]) -> tuple[str, str]:
    """What builds the page at `path` (site path, '' is the home), as (template, variant).

    The kinds come from the route functions in actiebank.routes and the facet registry:
    every action page is ("action", ""), every story ("story", ""), a facet's value page
    ("facet value", facet), its further pages ("facet value, page 2 and on", facet), every
    facet's own page ("facet", ""). Any other page is a kind of its own: (path, "").
    A page kind added later without a route pattern here is audited page by page, never
    left out.
    """
    facets = tuple(facet_paths)
    reserved = routes.reserved_action_slugs(facets)
    found = _pattern(routes.action_url(_SLOT)).fullmatch(path)
    if found and found.group(1) not in reserved:
        return ("action", "")
    if _pattern(routes.case_url(_SLOT)).fullmatch(path):
        return ("story", "")
    for facet in facets:
        if path == routes.facet_url(facet):
            return ("facet", "")  # one template lists any facet's values
        if _pattern(routes.facet_url(facet, _SLOT)).fullmatch(path):
            return ("facet value", facet)
        if _pattern(routes.facet_url(facet, _SLOT, _AnyNumber(2))).fullmatch(path):
            return ("facet value, page 2 and on", facet)
        if _pattern(routes.embed_url(facet, _SLOT)).fullmatch(path):
            return ("embedded list", facet)
    return (path, "")


# A start tag and its attributes; a page is the site's own markup (contributors' text
# reaches it escaped), so a '>' inside an attribute value is not expected.
_START_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?>")
_CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def page_parts(site_dir: Path, path: str) -> frozenset[str]:
    """What the body of the page at site path `path` is built of: each tag, and each tag
    with each of its classes ('div', 'div.ab-facts', 'table', ...)."""
    html = (Path(site_dir) / path / "index.html").read_text(encoding="utf-8")
    body = re.search(r"<body\b", html)
    parts: set[str] = set()
    for tag in _START_TAG.finditer(html, body.start() if body else 0):
        name = tag.group(1).lower()
        parts.add(name)
        found = _CLASS.search(tag.group(2) or "")
        if found:
            classes = next(group for group in found.groups() if group is not None)
            parts.update(f"{name}.{word}" for word in classes.split())
    return frozenset(parts)


def _covering(paths: list[str], parts: dict[str, frozenset[str]]) -> list[str]:
    """Few of `paths` that hold between them every part any of them holds: each time the
    page with the most parts not yet held (the earlier one on a tie)."""
    missing = set().union(*(parts[path] for path in paths))
    chosen: list[str] = []
    while missing:
        best = max(paths, key=lambda path: (len(parts[path] & missing), -paths.index(path)))
        chosen.append(best)
        missing -= parts[best]
    return chosen or paths[:1]


def pages_to_audit(site_dir: Path, facet_paths: Iterable[str]) -> dict[str, list[str]]:
    """The sitemap's pages that stand for all others, by viewport, in the sitemap's order.

    Pages are grouped by `page_kind`. "desktop": of every kind and variant (the actions,
    the stories, each page of its own, each facet's value pages...), the fewest pages that
    between them show every part (tag, tag with class) any page of the group shows, so
    every branch of a template that any page takes is audited; "phone": the same per
    template (every facet's value pages together). What differs between two pages of one
    kind beyond that is their text, which the validator and the sanitiser govern.
    """
    facets = tuple(facet_paths)
    paths = sitemap_pages(site_dir)
    parts = {path: page_parts(site_dir, path) for path in paths}
    by_kind: dict[tuple[str, str], list[str]] = {}
    by_template: dict[str, list[str]] = {}
    for path in paths:
        template, variant = page_kind(path, facets)
        by_kind.setdefault((template, variant), []).append(path)
        by_template.setdefault(template, []).append(path)
    order = {path: index for index, path in enumerate(paths)}
    return {
        viewport: sorted(
            {path for group in groups for path in _covering(group, parts)}, key=order.__getitem__
        )
        for viewport, groups in (
            ("desktop", list(by_kind.values())),
            ("phone", list(by_template.values())),
        )
    }
