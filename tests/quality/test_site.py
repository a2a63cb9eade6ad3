"""The quality gates over the project's real site, built once per session."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import pytest

from actiebank.vocabulary import load_vocabularies
from support import SCHEMA_DIR
from support.gates import axe_violations, broken_links, html_errors, policy_breaches
from support.sitemap import page_kind, pages_to_audit, sitemap_pages

# The catalogue's filters, from the one registry in the vocabularies file.
FACET_PATHS = tuple(f.path for f in load_vocabularies(SCHEMA_DIR / "vocabularies.yaml").facets)


@pytest.mark.browser
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_axe_finds_no_violation_on_any_kind_of_page(built_site, pages_server, audit_page, viewport):
    """axe-core (WCAG 2.2 A/AA and best practices) passes every kind of page in the
    sitemap and the 404 page, with no request to another host and no console error on the
    way. Of each kind (each page of its own, the actions, the stories, each facet's value
    pages...) the pages that between them show every part of its template that any page
    shows (support/sitemap.py, `pages_to_audit`), at both widths; on a phone, per template."""
    server = pages_server(built_site)
    audit = audit_page(server.origin, viewport)
    paths = pages_to_audit(built_site, FACET_PATHS)[viewport]
    assert paths, "the sitemap lists no pages"
    violations = [line for path in paths for line in axe_violations(audit.page, server.root + path)]
    missing = server.root + "deze-pagina-bestaat-niet/"
    violations += axe_violations(audit.page, missing, status=404)
    assert not violations, f"{len(violations)} axe violations:\n" + "\n".join(violations)
    assert not audit.foreign_requests, f"requests to other hosts: {audit.foreign_requests}"
    # Chromium logs the 404 status of the missing address itself; that one is intended.
    intended = f"{missing}: Failed to load resource: the server responded with a status of 404"
    errors = [e for e in audit.console_errors if not e.startswith(intended)]
    assert not errors, f"console errors: {errors}"


def test_every_kind_of_page_is_audited_and_not_every_page(built_site):
    """The axe audit's choice of pages: every page of its own (home, catalogue, compare,
    plan, each editorial page, data, follow...), at least one action, one story and one
    value page of each facet on a desktop, each template on a phone; and far fewer pages
    than the sitemap has, or the audit grows with the content again."""
    every = sitemap_pages(built_site)
    chosen = pages_to_audit(built_site, FACET_PATHS)
    kinds = {path: page_kind(path, FACET_PATHS) for path in every}
    for viewport, templates_only in (("desktop", False), ("phone", True)):
        audited = {kinds[path][0] if templates_only else kinds[path] for path in chosen[viewport]}
        wanted = {kind[0] if templates_only else kind for kind in kinds.values()}
        assert audited == wanted, (viewport, wanted - audited)
        assert set(chosen[viewport]) <= set(every)
        assert {"", "acties/", "acties/vergelijk/", "acties/mijn-plan/", "data/", "volgen/"} <= set(
            chosen[viewport]
        )
    assert sum(kind == ("action", "") for kind in kinds.values()) > 10
    audited_kinds = {kinds[path] for path in chosen["desktop"]}
    assert {("action", ""), ("story", ""), ("facet value", "regio")} <= audited_kinds
    assert len(chosen["desktop"]) < len(every) / 2


def test_every_page_has_a_strict_policy_and_nothing_it_blocks(built_site):
    """Read from the files: every page the build writes (the sitemap's, the 404 page,
    embeds, old addresses) carries a Content-Security-Policy that allows the site itself
    and nothing else, and holds nothing it would block: no inline script without its hash,
    no inline style or handler, nothing fetched from another host. test_security.py runs
    every kind of page in Chromium."""
    every = sorted(
        path.relative_to(built_site).as_posix()
        for path in built_site.rglob("*.html")
        # Decap's editor has a policy of its own (csp.ADMIN_POLICY); test_web_form runs it.
        if path.relative_to(built_site).parts[0] != "admin"
    )
    assert len(every) > len(sitemap_pages(built_site)), "the sitemap's pages and more"
    found = policy_breaches(built_site, every)
    assert not found, f"{len(found)} policy breaches:\n" + "\n".join(found[:200])


@pytest.mark.slow  # the Nu Html Checker over the whole site
def test_every_html_file_is_valid(built_site):
    """The Nu Html Checker, unfiltered, finds no error anywhere in the built site."""
    errors = html_errors(built_site)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors[:200])


def test_no_internal_link_or_anchor_is_broken(built_site):
    """Every internal link and #anchor in every built file (raw HTML included) resolves."""
    assert (built_site / "sitemap.xml").is_file()
    problems = broken_links(built_site)
    assert not problems, f"{len(problems)} broken links:\n" + "\n".join(problems[:200])


def test_every_feed_and_export_is_well_formed(built_site):
    """Every XML file parses and every JSON file is strict JSON (no NaN or Infinity)."""

    def refuse(constant):
        raise ValueError(f"{constant} is not JSON")

    xml_files = sorted(built_site.rglob("*.xml"))
    json_files = sorted(built_site.rglob("*.json"))
    assert len(xml_files) > 20 and json_files
    for path in xml_files:
        ElementTree.parse(path)
    for path in json_files:
        json.loads(path.read_text(encoding="utf-8"), parse_constant=refuse)


def test_build_output_is_only_real_messages(built_site):
    """A build of the project's own content prints what it did and nothing else: no
    theme banner, no plugin chatter, no warning about pages left out of the navigation on
    purpose. A real warning would show (and fail the strict build)."""
    output = (built_site.parent / "build-output.txt").read_text(encoding="utf-8")
    lines = [line for line in output.splitlines() if line.strip()]
    expected = (
        "INFO    -  Cleaning site directory",
        "INFO    -  Building documentation to directory: ",
        "INFO    -  actiebank: search index of ",
        "INFO    -  Documentation built in ",
    )
    assert lines and all(line.startswith(expected) for line in lines), output
