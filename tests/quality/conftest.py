"""Fixtures for the quality gates: copies of the built site to plant faults in, and one
browser page per viewport that visits every page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.browser import PageWatch
from support.gates import audit_context

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="session")
def site_copy(built_site, tmp_path_factory):
    """A fresh copy of the built site to plant a fault in (the original stays clean)."""

    def copy() -> Path:
        destination = tmp_path_factory.mktemp("planted") / "site"
        shutil.copytree(built_site, destination)
        return destination

    return copy


class AuditPage:
    """One browser page that records requests to other hosts (aborted) and console
    errors while it visits page after page."""

    def __init__(self, page, watch: PageWatch):
        self.page = page
        self.foreign_requests = watch.foreign_requests
        self.console_errors = watch.console_errors


@pytest.fixture
def audit_page(browser):
    """Open AuditPage(origin, viewport) browser pages; each context closes after the test."""
    contexts = []

    def open_page(origin: str, viewport: str = "desktop") -> AuditPage:
        context = audit_context(
            browser,
            VIEWPORTS[viewport],
            locale="nl-NL",
            is_mobile=viewport == "phone",
            has_touch=viewport == "phone",
        )
        contexts.append(context)
        page = context.new_page()
        return AuditPage(page, PageWatch().attach(page, origin))

    yield open_page
    for context in contexts:
        context.close()
