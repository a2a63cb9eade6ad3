"""The axe audit's choice of pages (support/sitemap.py): kinds of page from the site's
routes, and of each kind the pages that between them show every part any page shows. A
small site written here, so the choice is shown without a build or a browser."""

from __future__ import annotations

from pathlib import Path

from support.sitemap import page_kind, pages_to_audit

FACETS = ("regio", "sector")


def write_site(site: Path, pages: dict[str, str]) -> None:
    """A built site of `pages` (site path -> body HTML) with its sitemap, in that order."""
    locations = []
    for path, body in pages.items():
        folder = site / path
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(
            f"<!doctype html><html><head><title>x</title></head><body>{body}</body></html>",
            encoding="utf-8",
        )
        locations.append(f"<url><loc>https://example.org/actiebank/{path}</loc></url>")
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(locations)
        + "</urlset>",
        encoding="utf-8",
    )


def test_each_address_is_the_kind_its_route_makes():
    assert page_kind("acties/buddy-haaglanden/", FACETS) == ("action", "")
    assert page_kind("verhalen/verhaal-buddy/", FACETS) == ("story", "")
    assert page_kind("acties/regio/", FACETS) == ("facet", "")
    assert page_kind("acties/sector/vvt/", FACETS) == ("facet value", "sector")
    assert page_kind("acties/regio/haaglanden/3/", FACETS) == (
        "facet value, page 2 and on",
        "regio",
    )
    assert page_kind("insluiten/regio/haaglanden/", FACETS) == ("embedded list", "regio")
    # The catalogue's own pages under /acties/ are not actions: each is a kind of its own,
    # as is every editorial page and any page a route pattern does not cover.
    for path in ("", "acties/", "acties/vergelijk/", "acties/mijn-plan/", "over/", "data/"):
        assert page_kind(path, FACETS) == (path, "")


def test_of_each_kind_the_pages_with_every_part_are_chosen(tmp_path):
    write_site(
        tmp_path,
        {
            "": "<main class='home'>Home</main>",
            "over/": "<main><p>Over</p></main>",
            "acties/": "<main class='catalogue'><ul></ul></main>",
            "acties/a/": "<article class='ab-action'><p>a</p></article>",
            "acties/b/": "<article class='ab-action'><p>b</p></article>",
            # Only this action shows a table and why it stopped: it must be audited too.
            "acties/c/": "<article class='ab-action'><table></table>"
            "<div class='ab-stopped'></div></article>",
            "verhalen/v/": "<article class='ab-case'></article>",
            "acties/regio/": "<main class='facet'></main>",
            "acties/regio/noord/": "<main class='facet-value'></main>",
            "acties/regio/zuid/": "<main class='facet-value'></main>",
            "acties/sector/vvt/": "<main class='facet-value'><p class='ab-intro'></p></main>",
        },
    )
    chosen = pages_to_audit(tmp_path, FACETS)
    assert chosen["desktop"] == [
        "",
        "over/",
        "acties/",
        "acties/a/",
        "acties/c/",
        "verhalen/v/",
        "acties/regio/",
        "acties/regio/noord/",
        "acties/sector/vvt/",
    ]
    # On a phone, per template: the sector page shows every part a value page shows.
    assert chosen["phone"] == [
        "",
        "over/",
        "acties/",
        "acties/a/",
        "acties/c/",
        "verhalen/v/",
        "acties/regio/",
        "acties/sector/vvt/",
    ]
