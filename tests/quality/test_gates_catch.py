"""Each gate, shown to fail: a fault is planted in a temporary copy of the built site
(or of the project) and the very gate function the real test uses must report it.
A gate that cannot fail guards nothing."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from support.gates import (
    axe_violations,
    broken_links,
    differences,
    html_errors,
    policy_breaches,
)


def plant(page: Path, html: str) -> None:
    """Put `html` at the end of the page's main content (raw HTML, as a contributor's
    body or a template could)."""
    text = page.read_text(encoding="utf-8")
    marker = "</article>" if "</article>" in text else "</main>"
    assert marker in text, f"{page} has no <article> or <main> to plant into"
    page.write_text(text.replace(marker, html + marker, 1), encoding="utf-8")


@pytest.mark.browser
def test_axe_gate_reports_an_image_without_alt_and_unreadable_text(
    site_copy, pages_server, audit_page
):
    site = site_copy()
    plant(
        site / "index.html",
        '<img src="assets/images/favicon.png" width="32" height="32">'
        # A presentational attribute, not a style attribute: the pages' Content-Security-
        # Policy blocks inline styles, and the fault must still reach the screen.
        '<p><font color="#c8c8c8">Bijna onleesbare grijze tekst</font></p>',
    )
    server = pages_server(site)
    found = axe_violations(audit_page(server.origin).page, server.root)
    rules = {re.search(r": ([a-z-]+) \(", line).group(1) for line in found}
    assert {"image-alt", "color-contrast"} <= rules, found


@pytest.mark.browser
def test_axe_gate_reports_a_page_that_does_not_answer(site_copy, pages_server, audit_page):
    site = site_copy()
    server = pages_server(site)
    found = axe_violations(audit_page(server.origin).page, server.root + "verdwenen/")
    assert found and "HTTP 404" in found[0]


@pytest.mark.slow  # the Nu Html Checker over a whole site
def test_html_gate_reports_a_duplicate_id_and_materials_own_autocomplete(site_copy, tmp_path):
    site = site_copy()
    folder = tmp_path / "site"
    folder.mkdir()
    page = folder / "index.html"
    shutil.copy2(site / "index.html", page)
    assert not html_errors(folder), "the unplanted home page should be valid"
    plant(page, '<p id="dubbel">een</p><p id="dubbel">twee</p>')
    # Undo theme_fixes.py on the drawer toggle: the checker runs without a filter.
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace('id="__drawer"', 'id="__drawer" autocomplete="off"', 1), encoding="utf-8"
    )
    errors = html_errors(folder)
    assert any("index.html" in e and "Duplicate ID “dubbel”" in e for e in errors), errors
    assert any("autocomplete" in e for e in errors), errors


@pytest.mark.slow  # a copy of the whole built site
def test_link_gate_reports_broken_links_and_anchors_in_raw_html(site_copy):
    site = site_copy()
    # Only what the planting adds counts here; the real site's links are test_site's.
    before = set(broken_links(site))
    plant(
        site / "index.html",
        '<a href="acties/bestaat-niet/">weg</a>'
        '<a href="#geen-anker">weg anker</a>'
        '<a href="404.html#nergens">ander bestand, weg anker</a>'
        '<img src="images/weg.png" alt="weg">'
        '<a href="https://example.org/extern">buiten de site: niet gecontroleerd</a>',
    )
    (site / "assets" / "stylesheets" / "geplant.css").write_text(
        ".x { background: url('../images/weg.svg') }", encoding="utf-8"
    )
    found = [line for line in broken_links(site) if line not in before]
    text = "\n".join(found)
    assert "index.html" in text
    assert "acties/bestaat-niet/: no such file" in text
    assert "#geen-anker: no element with id 'geen-anker' in index.html" in text
    assert "404.html#nergens: no element with id 'nergens' in 404.html" in text
    assert "images/weg.png: no such file" in text
    assert "geplant.css:1: ../images/weg.svg: no such file" in text
    assert "example.org" not in text
    assert len(found) == 5, found


@pytest.mark.slow  # two copies of the whole built site
def test_determinism_gate_reports_the_first_differing_byte(site_copy):
    first, second = site_copy(), site_copy()
    assert differences(first, second) == []
    page = second / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "</body>", "<!-- gebouwd om 09:41:07 -->\n</body>", 1
        ),
        encoding="utf-8",
    )
    (second / "extra.txt").write_text("alleen in de tweede", encoding="utf-8")
    found = differences(first, second)
    assert found[0].startswith("index.html: differs at byte")
    assert "09:41:07" in found[0]
    assert "extra.txt: only in the second build" in found


@pytest.mark.browser
def test_watch_catches_a_request_to_another_host_and_a_console_error(page, watch, base_url):
    """The browser tests' `watch` fixture fails a test on a foreign request or a console
    error; shown here on a planted page, then cleared so this test itself passes."""
    planted = (
        "<!doctype html><html lang='nl'><head><title>geplant</title>"
        "<link rel='stylesheet' href='https://fonts.googleapis.com/css?family=Roboto'>"
        "</head><body><img src='https://cdn.example.com/pixel.png' alt='pixel'>"
        "<script>console.error('geplante fout')</script></body></html>"
    )
    page.route(
        f"{base_url}geplant/",
        lambda route: route.fulfill(status=200, content_type="text/html", body=planted),
    )
    page.goto(f"{base_url}geplant/")
    page.wait_for_load_state("load")
    assert any("fonts.googleapis.com" in url for url in watch.foreign_requests)
    assert any("cdn.example.com" in url for url in watch.foreign_requests)
    assert any("geplante fout" in text for text in watch.console_errors)
    with pytest.raises(AssertionError, match="requests to other hosts"):
        watch.assert_clean()
    watch.foreign_requests.clear()
    watch.console_errors.clear()


STRICT = (
    "default-src 'self'; script-src 'self' 'sha256-{hash}'; style-src 'self'; "
    "img-src 'self' data:; frame-src 'self'; object-src 'none'; form-action 'self'"
)
HASHED_SCRIPT = "document.documentElement.classList.add('js')"


def page_with(body: str, policy: str | None = STRICT) -> str:
    digest = base64.b64encode(hashlib.sha256(HASHED_SCRIPT.encode()).digest()).decode()
    meta = (
        ""
        if policy is None
        else f'<meta http-equiv="Content-Security-Policy" content="{policy.format(hash=digest)}">'
    )
    return (
        f"<!doctype html><html><head>{meta}<script>{HASHED_SCRIPT}</script>"
        '<link rel="stylesheet" href="assets/site.css"></head>'
        f'<body><img src="data:image/png;base64,AAAA" alt="">{body}</body></html>'
    )


@pytest.mark.parametrize(
    "body, policy, reported",
    [
        ("<p>Alles van de site zelf.</p>", STRICT, None),
        ("<script>alert(1)</script>", STRICT, "an inline script the policy has no hash for"),
        ('<p style="color:red">x</p>', STRICT, 'style-src blocks <p style="color:red">'),
        ("<style>p{}</style>", STRICT, "style-src blocks <style>"),
        ('<button onclick="go()">x</button>', STRICT, "script-src blocks <button onclick=...>"),
        ('<a href="javascript:go()">x</a>', STRICT, "script-src blocks <a href=...>"),
        ('<img src="https://elders.example/x.png" alt="">', STRICT, "img-src blocks https://"),
        (
            '<img srcset="a.png 1x, //elders.example/b.png 2x" alt="">',
            STRICT,
            "img-src blocks //elders.example/b.png",
        ),
        ('<iframe src="https://elders.example/"></iframe>', STRICT, "frame-src blocks"),
        ('<object data="x.swf"></object>', STRICT, "object-src blocks x.swf"),
        ('<form action="https://elders.example/"></form>', STRICT, "form-action blocks"),
        ("<p>x</p>", None, "no Content-Security-Policy"),
        ("<p>x</p>", STRICT.replace("style-src 'self'", "style-src *"), "allows more"),
    ],
    ids=[
        "clean",
        "inline-script",
        "style-attribute",
        "style-element",
        "handler",
        "javascript-link",
        "foreign-image",
        "foreign-srcset",
        "foreign-frame",
        "object",
        "foreign-form",
        "no-policy",
        "loose-policy",
    ],
)
def test_policy_gate_reports_what_the_policy_would_block(tmp_path, body, policy, reported):
    (tmp_path / "pagina").mkdir()
    (tmp_path / "pagina" / "index.html").write_text(page_with(body, policy), encoding="utf-8")

    found = policy_breaches(tmp_path, ["pagina/"])

    if reported is None:
        assert found == []
    else:
        assert len(found) == 1 and reported in found[0], found
        assert found[0].startswith("pagina/index.html")
