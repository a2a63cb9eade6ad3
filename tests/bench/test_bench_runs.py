"""The benchmark's measuring code runs on a tiny catalogue and reports every figure of
issue 17; the server it measures through answers as GitHub Pages does, with gzip.

No timing is judged here: the figures are whatever the machine gives, the test checks
that each is there and says what it measured.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from support.server import PagesServer

ROOT = Path(__file__).resolve().parents[2]


def fetch(url: str, **headers) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_the_server_compresses_text_with_gzip_when_asked_and_only_then(tmp_path):
    site = tmp_path / "site"
    (site / "acties").mkdir(parents=True)
    page = "<!doctype html><title>Acties</title>" + "<p>Een actie.</p>" * 200
    (site / "acties" / "index.html").write_text(page, encoding="utf-8")
    (site / "foto.png").write_bytes(b"\x89PNG not really")
    server = PagesServer(site, gzip=True)
    try:
        status, headers, body = fetch(server.root + "acties/", **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body).decode("utf-8") == page
        assert len(body) < len(page.encode()) / 5

        status, headers, body = fetch(server.root + "acties/")
        assert "Content-Encoding" not in headers and body.decode("utf-8") == page
        _, headers, body = fetch(server.root + "foto.png", **{"Accept-Encoding": "gzip"})
        assert "Content-Encoding" not in headers and body == b"\x89PNG not really"
    finally:
        server.close()


@pytest.fixture(scope="module")
def tiny_report(tmp_path_factory):
    # The benchmark runs as its own process, as people run it: inside a test worker,
    # pytest-playwright's session may already own an asyncio loop, and Playwright's
    # sync API refuses to start a second one in the same process.
    results = tmp_path_factory.mktemp("results")
    work = tmp_path_factory.mktemp("work")
    command = [
        sys.executable,
        str(ROOT / "bench" / "run.py"),
        *("--sizes", "24", "--runs", "1", "--clicks", "4", "--profile", "never"),
        *("--results", str(results), "--work", str(work)),
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report = json.loads((results / "report.json").read_text(encoding="utf-8"))
    return report, (results / "report.md").read_text(encoding="utf-8")


@pytest.mark.browser
@pytest.mark.slow  # the benchmark builds three times and drives Chromium
def test_a_tiny_run_measures_builds_output_and_the_browser_figures(tiny_report):
    report, markdown = tiny_report
    size = report["sizes"]["24"]
    assert not size["errors"], size["errors"]
    for name in ("floor", "cold", "warm"):
        assert size["build"][name]["median_s"] > 0 and size["build"][name]["cpu_median_s"] > 0
    assert size["build"]["identical_output"] is True
    assert size["speed"]["start"] > 0 and size["speed"]["end"] > 0
    output = size["output"]
    assert output["actiebank"]["Open Graph cards (PNG)"]["files"] == 24
    assert output["actiebank"]["action pages"]["files"] == 24
    assert output["floor"]["action pages"]["files"] == 24
    assert output["ratio"] > 1

    browser = size["browser"]
    assert "error" not in browser, browser["error"]
    first = browser["first_load"]
    assert first["compressed"], "the catalogue page must be served gzip-compressed"
    paths = [e["path"] for e in first["counted"]]
    assert any(path.endswith("/acties/") for path in paths), paths
    assert first["transferred_bytes"] == sum(e["transferred"] for e in first["counted"])
    assert not first["foreign_requests"]
    assert browser["click"]["answered"] >= 1 and browser["click"]["median_ms"] > 0
    search = browser["search"]
    if not search["measured"]:
        assert search["reason"]
    else:
        assert search["transferred_bytes"] > 0
        assert all("/pagefind/" in r["path"] for r in search["requests"])

    assert "## Targets" in markdown and "## Output per kind of file" in markdown
    assert f"per size: 24: {size['speed']['start']} → {size['speed']['end']}" in markdown
    assert "Reproduce: `.venv/bin/python bench/run.py --sizes 24" in markdown
