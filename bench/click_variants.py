"""What a filter click on the catalogue page costs, and what would make it cheaper.

    .venv/bin/python bench/click_variants.py bench/work/n1000/site [more built sites]

Runs the same in-page measurement as bench/run.py (bench/measure_browser.py) on a built
site, once as it is and once with each candidate change applied in the page (not in the
project's code), alternating, and prints the median per variant. Build the sites first, e.g. with
`bench/run.py --keep-sites` or `mkdocs build` in bench/work/n1000.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure_browser as run
from run import load

ARGS = {
    "control": run.Options.filter_control,
    "count": run.Options.count_text,
    "clicks": 20,
    "settle": 60,
}
VARIANTS = {
    "as built": "() => {}",
    "address updated after the frame (pushState deferred)": (
        "() => { const p = history.pushState.bind(history);"
        " history.pushState = (...a) => requestAnimationFrame(() => setTimeout(() => p(...a))); }"
    ),
    "no address update at all": "() => { history.pushState = () => {}; }",
    "cards content-visibility: auto": (
        "() => { const s = document.createElement('style'); s.textContent ="
        " '[data-ab-results] > li{content-visibility:auto;contain-intrinsic-size:auto 220px}';"
        " document.head.append(s); }"
    ),
    "only the first 48 cards laid out (a 'show more' list)": (
        "() => { const s = document.createElement('style'); s.textContent ="
        " '[data-ab-results] > li:nth-child(n+49){display:none}'; document.head.append(s); }"
    ),
}


def measure(site: Path, rounds: int = 2) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {name: [] for name in VARIANTS}
    server = run.PagesServer(site, gzip=True)
    base = server.root
    with sync_playwright() as playwright:
        browser = run.launch(playwright)
        try:
            for _ in range(rounds):
                for name, script in VARIANTS.items():
                    context = run.new_context(browser)
                    page = context.new_page()
                    page.goto(base + "acties/", wait_until="networkidle")
                    page.wait_for_timeout(300)
                    page.evaluate(script)
                    result = page.evaluate(run.CLICK_SCRIPT, ARGS)
                    times[name] += [t for t in result.get("times", []) if t is not None]
                    context.close()
        finally:
            browser.close()
            server.close()
    return {name: round(statistics.median(values), 1) for name, values in times.items() if values}


def main(argv: list[str]) -> int:
    for site in argv or ["bench/work/n1000/site"]:
        print(f"{site} (load average {load()})")
        for name, value in measure(Path(site)).items():
            print(f"  {value:8.1f} ms  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
