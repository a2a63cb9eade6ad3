"""The pages of a built site, read from its sitemap.xml: every page that exists now or
lands later is walked by the tests that read it."""

from __future__ import annotations

import os
from pathlib import Path
from xml.etree import ElementTree

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
