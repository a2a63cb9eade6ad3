"""Lighthouse on home, the catalogue, an action and a story (slow: run with -m lighthouse).

scripts/lighthouse builds the site afresh, serves it on 127.0.0.1 and exits non-zero
when a target is missed: performance at least 0.98; accessibility, best practices and
SEO 1.00; no layout shift on the catalogue. Served gzip-compressed under /actiebank/. Its
summary lands in site-reports/lighthouse.json.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from support import ROOT


@pytest.mark.lighthouse
def test_lighthouse_targets_on_home_catalogue_an_action_and_a_story(tmp_path):
    report = tmp_path / "lighthouse.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "lighthouse"), "--report", str(report)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    print(result.stdout)
    summary = json.loads(report.read_text(encoding="utf-8"))
    assert set(summary["pages"]) == {"home", "catalogue", "action", "story"}
    assert result.returncode == 0 and summary["passed"], result.stdout + result.stderr[-2000:]
