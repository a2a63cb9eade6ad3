"""The web form for real: Decap CMS from the built site, in Chromium, saving through
decap-server into a git checkout. With the editorial workflow a saved action becomes a
branch (on GitHub: a pull request), and the file on that branch must pass the validator."""

from __future__ import annotations

import io
import json
import os
import subprocess
import tarfile
import time
from urllib.parse import urlsplit

import pytest

from actiebank.cli import main
from actiebank.contribute.scaffold import new_entry
from actiebank.contribute.webform import decap_config
from support import SCHEMA_DIR, build_site, catalogue_of, copy_project
from support.browser import save_screenshot

# What the page's Content-Security-Policy blocks, recorded from the page's first script on.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push(
    `${e.violatedDirective} blocked ${e.blockedURI || "inline"}`));
"""


def git(repo, *args: str, binary: bool = False):
    result = subprocess.run(
        ["git", *args],
        cwd=repo,
        capture_output=True,
        timeout=60,
        env={**os.environ, "GIT_PAGER": "cat"},
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout if binary else result.stdout.decode()


TITLE = "Oriëntatiebaan – zij-instromers in de wijkzorg"
SLUG = "orientatiebaan-zij-instromers-in-de-wijkzorg"
BRANCH = f"cms/acties/{SLUG}"


def choose(page, field: str, label: str) -> None:
    """Pick a value in a Decap select (react-select) by typing its Dutch label."""
    box = page.locator(f'input[id^="{field}-field-"]')
    box.click()
    box.fill(label)
    page.get_by_role("option", name=label, exact=True).click()


def _committed(repo, branch: str, path: str) -> bool:
    result = subprocess.run(
        ["git", "ls-tree", "--name-only", branch, path],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result.returncode == 0 and result.stdout.strip() == path


def save_through_the_form(page, admin_url, form_repo, tmp_path):
    """Fill in and save a new action in Decap; assert the branch's file is valid."""
    elsewhere, errors = [], []

    def only_here(route):
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            elsewhere.append(url)
            route.abort()

    page.route("**/*", only_here)
    page.add_init_script(CSP_RECORDER)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    failed = []
    page.on(
        "response",
        lambda r: (
            failed.append((r.status, r.request.post_data or r.url)) if r.status >= 400 else None
        ),
    )

    page.goto(admin_url)
    page.get_by_role("button", name="Inloggen").click()
    page.locator('a[href$="/collections/acties/new"]').click()
    page.locator('[id^="title-field-"]').fill(TITLE)
    page.locator('[id^="summary-field-"]').fill(
        "Zij-instromers lopen drie maanden betaald mee in een wijkteam voordat ze aan de "
        "opleiding tot verzorgende beginnen."
    )
    organisations = page.locator('div[id^="organisations-field-"]')
    organisations.get_by_role("button", name="Voeg organisatie toe").click()
    organisations.locator('input[id^="name-field-"]').fill("Zorggroep Testland")
    choose(page, "regions", "Haaglanden")
    choose(page, "regions", "Rijn Gouwe")
    choose(page, "sectors", "Verpleging, verzorging en thuiszorg")
    choose(page, "success_factors", "Onboarding")
    choose(page, "interventions", "Oriëntatiebaan")
    choose(page, "status", "Pilot")
    page.get_by_role("button", name="Opslaan").click()

    deadline = time.monotonic() + 30
    while not _committed(form_repo, BRANCH, f"content/actions/{SLUG}.md"):
        assert time.monotonic() < deadline, (
            "saving made no commit on " + BRANCH + "; " + page.inner_text("body")[:500]
        )
        page.wait_for_timeout(250)
    on_main = git(form_repo, "ls-tree", "-r", "--name-only", "main", "content/actions")
    assert f"content/actions/{SLUG}.md" not in on_main, (
        "the editorial workflow must not write to main"
    )

    # The branch as a reviewer would check it out: read from git, not from the work tree
    # decap-server is using.
    checkout = tmp_path / "branch"
    archive = git(form_repo, "archive", "--format=tar", BRANCH, "content", binary=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(checkout, filter="data")
    path = checkout / "content" / "actions" / f"{SLUG}.md"
    assert main(["validate", str(path)]) == 0, path.read_text(encoding="utf-8")
    entry = catalogue_of(checkout / "content").actions[SLUG]
    assert entry.title == TITLE
    assert entry.data["organisations"] == [{"name": "Zorggroep Testland"}]
    assert entry.data["regions"] == ["haaglanden", "rijn-gouwe"]
    assert entry.data["sectors"] == ["vvt"]
    assert entry.data["success_factors"] == ["onboarding"]
    assert entry.data["interventions"] == ["orientation-job"]
    assert entry.data["status"] == "pilot"
    assert not elsewhere, f"the form asked other hosts: {elsewhere}"
    # /admin/ has a policy of its own (Decap needs eval and inline styles), and Decap works
    # under it: nothing blocked while logging in, filling in and saving.
    policy = page.evaluate(
        "document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content"
    )
    assert "script-src 'self' 'unsafe-eval';" in policy, policy
    assert page.evaluate("window.__cspViolations") == []
    # Before saving, Decap asks whether the slug already has an unpublished entry; "none"
    # is a 404, as it is from GitHub. The browser logs each 404 as a console error.
    lookups = [f for f in failed if f[0] == 404 and '"action":"unpublishedEntry"' in f[1]]
    assert failed == lookups, f"failed requests: {failed}"
    unexplained = [e for e in errors if "status of 404" not in e]
    assert not unexplained and len(errors) <= len(lookups), f"console errors: {errors}"


@pytest.mark.browser
def test_web_form_and_file_both_reach_the_catalogue(
    page, admin_url, form_repo, tmp_path, fill_action
):
    """As a new contributor: one action saved through the web form (a valid file on a new
    branch, nothing on main), one written with `actiebank new`; both validate, build and
    are listed in the catalogue."""
    save_through_the_form(page, admin_url, form_repo, tmp_path)
    project = copy_project(tmp_path / "project", with_content=False)
    archive = git(form_repo, "archive", "--format=tar", BRANCH, "content", binary=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(project, filter="data")
    by_file = new_entry(
        "action", "Buddy voor nieuwe collega's", project / "content", schema_dir=SCHEMA_DIR
    )
    by_file.write_text(fill_action(by_file.read_text(encoding="utf-8")), encoding="utf-8")
    assert main(["validate", str(project / "content")]) == 0

    build_site(project)
    site = project / "site"
    # The catalogue page carries its first 48 cards; its card data holds every action.
    cards = json.loads((site / "acties" / "kaarten.json").read_text(encoding="utf-8"))
    listed = {card["slug"] for card in cards["cards"]}
    for slug, _title in (
        (SLUG, TITLE),
        ("buddy-voor-nieuwe-collegas", "Buddy voor nieuwe collega's"),
    ):
        assert (site / "acties" / slug / "index.html").is_file(), slug
        assert slug in listed, f"{slug} is not listed in the catalogue"


# --------------------------------------------------------------------------- on a phone


def _open_new_action(page, admin_url) -> None:
    page.goto(admin_url)
    page.get_by_role("button", name="Inloggen").click()
    page.locator('a[href$="/collections/acties/new"]').click()
    page.locator('[id^="title-field-"]').wait_for()


def _flagged_fields(page) -> dict[str, str]:
    """Label -> message of every field Decap marks as wrong."""
    return page.evaluate(
        """() => Object.fromEntries(
            Array.from(document.querySelectorAll('[class*="-ControlTopbar"]'))
              .filter(bar => bar.querySelector('li'))
              .map(bar => [bar.querySelector('label').textContent.trim(),
                           bar.querySelector('li').textContent.trim()]))"""
    )


@pytest.mark.browser
def test_on_a_phone_the_form_fits_and_saving_empty_flags_every_required_field(page, admin_url):
    """390 x 844, as on a phone: nothing wider than the screen, "Opslaan" wholly in view,
    and saving an empty action marks each required field (organisations too) beside it."""
    page.set_viewport_size({"width": 390, "height": 844})
    _open_new_action(page, admin_url)
    save_screenshot(page, "admin-phone-new")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    too_wide = page.evaluate(
        """() => Array.from(document.querySelectorAll('body *'))
              .filter(e => e.getBoundingClientRect().width > 0
                        && e.getBoundingClientRect().right > innerWidth + 1)
              .map(e => e.tagName + '.' + String(e.className).slice(0, 60))"""
    )
    assert not too_wide, f"wider than the screen: {too_wide[:5]}"
    save = page.get_by_role("button", name="Opslaan").bounding_box()
    assert save and save["x"] >= 0 and save["y"] >= 0
    assert save["x"] + save["width"] <= 390 and save["y"] + save["height"] <= 844

    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Dit veld is verplicht.").first.wait_for()
    flagged = _flagged_fields(page)
    save_screenshot(page, "admin-phone-saved-empty")
    config = decap_config(repo=None, schema_dir=SCHEMA_DIR)
    acties = next(c for c in config["collections"] if c["name"] == "acties")
    required = {f["label"] for f in acties["fields"] if f["required"]}
    assert "Organisaties (verplicht)" in required
    assert set(flagged) == required, flagged
    assert set(flagged.values()) == {"Dit veld is verplicht."}


@pytest.mark.browser
def test_the_preview_uses_the_sites_own_stylesheets(page, admin_url):
    """The preview beside the form loads the site's stylesheets from the site itself and
    shows the action as its page does: title, lead, "In het kort" with Dutch labels."""
    page.set_viewport_size({"width": 1280, "height": 900})
    _open_new_action(page, admin_url)
    page.locator('[id^="title-field-"]').fill(TITLE)
    choose(page, "regions", "Haaglanden")
    frame = page.frame_locator("iframe")
    frame.locator(".ab-preview h1").filter(has_text=TITLE).wait_for()
    save_screenshot(page, "admin-preview")
    preview = next(f for f in page.frames if f.query_selector(".ab-preview"))
    sheets = preview.evaluate(
        "() => Array.from(document.styleSheets).map(s => [s.href, s.cssRules.length])"
    )
    hrefs = [href or "" for href, _rules in sheets]
    origin = admin_url.split("/admin/")[0]
    for name in ("main.", "palette.", "actiebank.css", "preview.css"):
        assert any(name in h and h.startswith(origin) for h in hrefs), (name, hrefs)
    assert all(rules > 0 for _href, rules in sheets), sheets
    # Material's palette applies: the site's teal, not the browser's default.
    primary = preview.evaluate(
        """() => getComputedStyle(document.querySelector('.ab-preview'))
                   .getPropertyValue('--md-primary-fg-color').trim()"""
    )
    assert primary, "the theme's colours do not reach the preview"
    facts = preview.inner_text(".ab-facts")
    assert "In het kort" in facts and "Haaglanden" in facts and "(verplicht)" not in facts
