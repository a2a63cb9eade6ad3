"""Same content, same site: two builds in two folders, on two different days, in two time
zones and seconds apart, write byte-identical files. Dates come from the content or the
commit, never from the clock or the day of the build; nothing depends on the folder, the
time zone or set order."""

from __future__ import annotations

import re
import time

import pytest

from actiebank.site.images import POOL_THRESHOLD
from support import ROOT, build_site, copy_project
from support.gates import differences

pytestmark = pytest.mark.slow  # every test builds the site twice

# Two local clocks 14 hours apart: from 10:00 UTC on, the builds' local dates differ, so
# output that carries "today" shows up; at any hour the builds are seconds apart, so
# output that carries the time shows up. (Neither zone is behind UTC: content dated
# today by UTC would be "in the future" for a validator running on an earlier date.)
EAST, UTC = "Etc/GMT-14", "UTC"
# Two days of the build as MkDocs reads them (it dates pages by SOURCE_DATE_EPOCH, or by
# today without it): a Monday and the Thursday after, 2025-12-01 and 2025-12-04.
MONDAY, THURSDAY = "1764547200", "1764806400"

CLOCK_HOOK = '''\
"""Planted fault: stamps the build time into every page."""
import datetime


def on_post_page(output, page, config):
    return output.replace("</body>", f"<!-- {datetime.datetime.now().isoformat()} --></body>")
'''


def build_twice(tmp_path, monkeypatch, plant=None):
    """Two builds of the project: on a Monday 14 hours east of UTC, then on a Thursday
    in UTC, at least a second apart."""
    sites = []
    for name, zone, day in (("maandag", EAST, MONDAY), ("donderdag", UTC, THURSDAY)):
        copy = copy_project(tmp_path / name)
        if plant:
            plant(copy)
        monkeypatch.setenv("TZ", zone)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", day)
        started = time.monotonic()
        build_site(copy)
        # A gzip header or a timestamp from the clock has one-second resolution.
        time.sleep(max(0.0, 1.1 - (time.monotonic() - started)))
        sites.append(copy / "site")
    return sites


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path, monkeypatch):
    # Each build is told its own day: a date taken from the day of the build, from
    # MkDocs or from the clock, shows up as a difference.
    first, second = build_twice(tmp_path, monkeypatch)
    found = differences(first, second)
    assert not found, f"{len(found)} files differ between two builds:\n" + "\n".join(found[:50])
    # The sitemap dates a page by its content, not by either day of the build.
    entry = re.search(
        r"<loc>[^<]*/acties/flexpertise-zorg-apeldoorn/</loc>\s*<lastmod>([^<]+)</lastmod>",
        (first / "sitemap.xml").read_text(encoding="utf-8"),
    )
    written = re.search(
        r"^updated: (\S+)$",
        (ROOT / "content" / "actions" / "flexpertise-zorg-apeldoorn.md").read_text(
            encoding="utf-8"
        ),
        re.M,
    )
    assert entry and written and entry.group(1) == written.group(1)


def test_a_cold_build_drawn_by_the_image_pool_equals_one_drawn_in_one_process(tmp_path):
    # Each build starts with an empty image cache of its own, so every card and variant
    # is drawn: by the process pool in one build, by the building process in the other.
    sites = []
    for name, workers in (("pool", "2"), ("one-process", "1")):
        copy = copy_project(tmp_path / name)
        cache = tmp_path / f"cache-{name}"
        build_site(copy, env={"ACTIEBANK_CACHE": str(cache), "ACTIEBANK_IMAGE_WORKERS": workers})
        cards = list((cache / "og").glob("*.png"))
        assert len(cards) > POOL_THRESHOLD, "too few cards for the pool to start"
        sites.append(copy / "site")
    found = differences(*sites)
    assert not found, f"{len(found)} files differ between pool and one process:\n" + "\n".join(
        found[:50]
    )


def test_the_determinism_gate_reports_a_clock_planted_in_the_build(tmp_path, monkeypatch):
    def plant(copy):
        (copy / "hooks" / "planted_clock.py").write_text(CLOCK_HOOK, encoding="utf-8")
        config = copy / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "\nhooks:\n" in text
        config.write_text(
            text.replace("\nhooks:\n", "\nhooks:\n  - hooks/planted_clock.py\n", 1),
            encoding="utf-8",
        )

    first, second = build_twice(tmp_path, monkeypatch, plant)
    found = differences(first, second)
    assert found, "two builds with a clock in every page came out identical"
    assert "differs at byte" in found[0] and "<!-- " in found[0], found[0]
    assert any(line.startswith("index.html: differs") for line in found), found
