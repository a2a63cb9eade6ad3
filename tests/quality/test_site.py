"""The quality gates over the project's real site, built once per session."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import pytest

from gates import axe_violations, broken_links, html_errors
from support.sitemap import sitemap_pages


@pytest.mark.browser
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_axe_finds_no_violation_on_any_page(built_site, pages_server, audit_page, viewport):
    """axe-core (WCAG 2.2 A/AA and best practices) passes every page in the sitemap and
    the 404 page, with no request to another host and no console error on the way."""
    server = pages_server(built_site)
    audit = audit_page(server.origin, viewport)
    urls = [server.root + path for path in sitemap_pages(built_site)]
    assert urls, "the sitemap lists no pages"
    violations = [line for url in urls for line in axe_violations(audit.page, url)]
    missing = server.root + "deze-pagina-bestaat-niet/"
    violations += axe_violations(audit.page, missing, status=404)
    assert not violations, f"{len(violations)} axe violations:\n" + "\n".join(violations)
    assert not audit.foreign_requests, f"requests to other hosts: {audit.foreign_requests}"
    # Chromium logs the 404 status of the missing address itself; that one is intended.
    intended = f"{missing}: Failed to load resource: the server responded with a status of 404"
    errors = [e for e in audit.console_errors if not e.startswith(intended)]
    assert not errors, f"console errors: {errors}"


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
