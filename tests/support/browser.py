"""What a page in the browser did that a visitor must never see."""

from __future__ import annotations

from urllib.parse import urlsplit

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


class PageWatch:
    """Requests to other hosts (aborted) and console errors of one browser page."""

    def __init__(self):
        self.foreign_requests: list[str] = []
        self.console_errors: list[str] = []

    def attach(self, page, origin: str) -> PageWatch:
        """Abort and record requests that leave origin's host; record console errors."""
        local = urlsplit(origin).netloc

        def route(route):
            url = route.request.url
            if urlsplit(url).netloc == local or url.startswith(("data:", "blob:")):
                route.continue_()
            else:
                self.foreign_requests.append(url)
                route.abort()

        page.route("**/*", route)
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
