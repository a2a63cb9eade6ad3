"""What a page in the browser did that a visitor must never see."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 A and AA (axe files 2.0/2.1 criteria under their own tags) plus best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SCREENSHOTS = ROOT / "test-results" / "screenshots"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def stay_local(origin: str, foreign: list[str]):
    """A Playwright route handler: requests to origin's host (and data:/blob: addresses)
    go through; any other is aborted and its address appended to `foreign`."""
    local = urlsplit(origin).netloc

    def route(route):
        url = route.request.url
        if urlsplit(url).netloc == local or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    return route


class PageWatch:
    """Requests to other hosts (aborted) and console errors of one browser page."""

    def __init__(self):
        self.foreign_requests: list[str] = []
        self.console_errors: list[str] = []

    def attach(self, page, origin: str) -> PageWatch:
        """Abort and record requests that leave origin's host; record console errors."""
        page.route("**/*", stay_local(origin, self.foreign_requests))
        page.on(
            "console",
            lambda m: (
                self.console_errors.append(f"{page.url}: {m.text}") if m.type == "error" else None
            ),
        )
        page.on("pageerror", lambda e: self.console_errors.append(f"{page.url}: {e}"))
        return self

    def assert_clean(self):
        assert not self.foreign_requests, f"requests to other hosts: {self.foreign_requests}"
        assert not self.console_errors, f"console errors: {self.console_errors}"


def axe_now(page, label: str = "") -> list[str]:
    """axe-core's violations on the page as it is now (after clicks and typing), one line
    per rule with the elements it hit."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated by the browser's debugging protocol, which the page's
        # Content-Security-Policy does not govern (a <script> tag it would refuse).
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    # From the top of the page: scrolled down, a control half under the sticky header
    # counts as a too-small target, which says where the test scrolled, not how the
    # page is built.
    page.evaluate("window.scrollTo(0, 0)")
    # Colours are judged once transitions (a focus ring, a hover colour) have ended:
    # mid-transition a colour is neither the old nor the new one.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    violations = page.evaluate(
        """tags => axe.run(document, {
               runOnly: {type: "tag", values: tags},
               resultTypes: ["violations"],
           }).then(r => r.violations.map(v => ({
               id: v.id, impact: v.impact, help: v.help,
               targets: v.nodes.map(n => n.target.join(" ")),
           })))""",
        AXE_TAGS,
    )
    where = label or page.url
    return [
        f"{where}: {v['id']} ({v['impact']}): {v['help']}: {', '.join(v['targets'][:5])}"
        + (f" and {len(v['targets']) - 5} more" if len(v["targets"]) > 5 else "")
        for v in violations
    ]


def save_screenshot(page, name: str, *, full_page: bool = False) -> Path:
    """A screenshot for people to review, in test-results/screenshots/ (CI keeps it)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
