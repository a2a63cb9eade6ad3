"""What a visitor's browser downloads and waits for, measured in Chromium (Playwright).

The site is served as GitHub Pages serves it: under its published path, text compressed
with gzip (tests/support/server.py, `PagesServer(gzip=True)`). Sizes are what the
browser's network accounting says it received (`request.sizes()["responseBodySize"]`:
the body as transferred, so gzip bytes for text), each browser context starting with an
empty cache.

- first load of /acties/: the document and every request it makes while loading (card
  data, search index, the sitemap Material's instant navigation fetches), not the theme's
  shared scripts, styles, images and fonts (those another page, /over/, loads as well);
- a site search: every request under /pagefind/ from opening the home page to the
  results of a query typed into the header search field; "not measured" while the build
  has no Pagefind;
- a filter click: from the click on a filter checkbox until the result count
  (`[data-ab-count-text]`) has changed and the next frame is painted, once the page has
  fetched its card data (as it does when a visitor reaches for the filters).

    .venv/bin/python bench/measure_browser.py bench/work/n1000/site

With `--compare`, only filter clicks, on two or more built sites (the same generated
project built at two commits, say) in alternating rounds, so load from other work on the
machine weighs on each alike; it prints each site's median and its ratio to the first,
with Chromium's main-thread accounting per click (script, layout, style):

    .venv/bin/python bench/measure_browser.py --compare before/site after/site --rounds 4
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from support.browser import stay_local  # noqa: E402
from support.server import PagesServer  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
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
# A phone-sized window: the brief is "fast on a phone".
VIEWPORT = {"width": 412, "height": 915}
# Requests that carry a page's own data, never shared with other pages.
DATA_TYPES = {"document", "xhr", "fetch", "eventsource", "websocket"}
# Images and fonts are never the catalogue's data.
NOT_DATA = (".png", ".jpg", ".jpeg", ".webp", ".avif", ".svg", ".ico", ".gif", ".woff2", ".woff")


@dataclass
class Options:
    filter_control: str = "[data-ab-catalogue] input[type=checkbox]"
    count_text: str = "[data-ab-count-text]"
    clicks: int = 30
    search_toggle: str = 'label[for="__search"]'
    search_field: str = (
        "[data-ab-search] input, .pagefind-ui__search-input, input.md-search__input, "
        "header input[type=search]"
    )
    search_query: str = "begeleiding"
    # Milliseconds between two typed letters: a quick typist.
    typing_delay: int = 120
    extra: dict = field(default_factory=dict)


class NetworkLog:
    """Every finished request of a browser context, with the bytes it transferred."""

    def __init__(self, context, origin: str):
        self.origin = origin
        self.requests: list = []
        self.foreign: list[str] = []
        context.route("**/*", stay_local(origin, self.foreign))
        context.on("requestfinished", lambda request: self.requests.append(request))

    def mark(self) -> int:
        return len(self.requests)

    def entries(self, since: int = 0) -> list[dict]:
        out = []
        for request in self.requests[since:]:
            if not request.url.startswith(self.origin):
                continue
            try:
                sizes = request.sizes()
                response = request.response()
            except Exception:  # noqa: BLE001 -- a request the page dropped counts nothing
                continue
            out.append(
                {
                    "path": urlsplit(request.url).path,
                    "type": request.resource_type,
                    "status": response.status if response else None,
                    "transferred": sizes["responseBodySize"],
                    "encoding": (response.headers.get("content-encoding", "") if response else ""),
                }
            )
        return out


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def new_context(browser):
    return browser.new_context(viewport=VIEWPORT, locale="nl-NL")


def settle(page, extra_ms: int = 700) -> None:
    """Until the network has been quiet for 500 ms, and a little longer."""
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(extra_ms)


def shared_assets(browser, root: str) -> set[str]:
    """Scripts, styles, images and fonts a page other than the catalogue loads (what
    it fetches as data, such as the search index, excepted): the theme's and the
    site's shared files."""
    context = new_context(browser)
    log = NetworkLog(context, root)
    page = context.new_page()
    page.goto(root + "over/", wait_until="load")
    settle(page)
    shared = {e["path"] for e in log.entries() if e["type"] not in DATA_TYPES}
    context.close()
    return shared


def first_load(browser, root: str, shared: set[str]) -> dict:
    """The catalogue's first load with an empty cache: what it costs beyond shared files."""
    context = new_context(browser)
    log = NetworkLog(context, root)
    page = context.new_page()
    page.goto(root + "acties/", wait_until="load")
    settle(page, 1000)
    entries = log.entries()
    context.close()
    counted = [
        e
        for e in entries
        if not (e["type"] in ("image", "font", "media") or e["path"].endswith(NOT_DATA))
        and e["path"] not in shared
    ]
    return {
        "transferred_bytes": sum(e["transferred"] for e in counted),
        "counted": sorted(counted, key=lambda e: -e["transferred"]),
        "not_counted_bytes": sum(e["transferred"] for e in entries)
        - sum(e["transferred"] for e in counted),
        "requests": len(entries),
        "compressed": all(
            e["encoding"] == "gzip" for e in counted if e["path"].endswith((".html", "/"))
        ),
        "foreign_requests": log.foreign,
    }


def search_download(browser, root: str, site: Path, options: Options) -> dict:
    """Everything under /pagefind/ a visitor downloads for one search from the home page."""
    has_pagefind = (site / "pagefind").is_dir()
    context = new_context(browser)
    log = NetworkLog(context, root)
    page = context.new_page()
    result: dict = {"query": options.search_query, "measured": False}
    try:
        page.goto(root, wait_until="load")
        settle(page)
        before_typing = log.mark()
        toggle = page.locator(options.search_toggle)
        if toggle.count() and toggle.first.is_visible():
            toggle.first.click()
        fields = page.locator(options.search_field)
        visible = [fields.nth(i) for i in range(fields.count()) if fields.nth(i).is_visible()]
        if not visible:
            result["reason"] = f"no visible search field ({options.search_field})"
            return result
        visible[0].press_sequentially(options.search_query, delay=options.typing_delay)
        settle(page, 1500)
        entries = log.entries()
        typed = log.entries(before_typing)
        result["after_typing"] = [{k: e[k] for k in ("path", "type", "transferred")} for e in typed]
        result["after_typing_bytes"] = sum(e["transferred"] for e in typed)
        pagefind = [e for e in entries if "/pagefind/" in e["path"]]
        material_index = [e for e in entries if e["path"].endswith("/search/search_index.json")]
        result["material_index_bytes"] = sum(e["transferred"] for e in material_index) or None
        if not has_pagefind:
            result["reason"] = "the build has no Pagefind (no pagefind/ folder)"
        elif not pagefind:
            result["reason"] = "typing a query requested nothing under /pagefind/"
        else:
            result.update(
                measured=True,
                transferred_bytes=sum(e["transferred"] for e in pagefind),
                requests=sorted(
                    ({k: e[k] for k in ("path", "type", "transferred")} for e in pagefind),
                    key=lambda e: -e["transferred"],
                ),
            )
        return result
    finally:
        result["foreign_requests"] = log.foreign
        context.close()


# In the page: performance.now() just before the click, until the result count's text is
# no longer what it was, then one animation frame and the task after it, so the style,
# layout and paint of the updated list are included. A click that leaves the count as it
# was (a filter matching every action) times out and is left out.
CLICK_SCRIPT = """
async ({control, count, clicks, settle}) => {
  const status = document.querySelector(count);
  const controls = [...document.querySelectorAll(control)].filter(c => !c.disabled);
  if (!controls.length || !status) {
    return {error: `filter controls: ${controls.length}, count text: ${status ? 1 : 0}`};
  }
  // Spread over all filter groups: every nth control, each clicked on and then off.
  const distinct = Math.max(1, Math.min(controls.length, Math.ceil(clicks / 2)));
  const step = Math.max(1, Math.floor(controls.length / distinct));
  const picks = [];
  for (let i = 0; picks.length < clicks; i++) {
    picks.push(controls[(Math.floor(i / 2) * step) % controls.length]);
  }
  const times = [], texts = [];
  for (const c of picks) {
    const before = status.textContent;
    const t = await new Promise(resolve => {
      let done = false, t0 = 0;
      const finish = value => {
        if (!done) { done = true; observer.disconnect(); resolve(value); }
      };
      const painted = () => requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => finish(performance.now() - t0);
        channel.port2.postMessage(0);
      });
      const observer = new MutationObserver(() => {
        if (status.textContent !== before) { observer.disconnect(); painted(); }
      });
      observer.observe(status, {subtree: true, childList: true, characterData: true});
      t0 = performance.now();
      c.click();
      if (status.textContent !== before) { observer.disconnect(); painted(); }
      setTimeout(() => finish(null), 5000);
    });
    times.push(t);
    texts.push(status.textContent.trim().slice(0, 80));
    await new Promise(r => setTimeout(r, settle));
  }
  return {times, texts, controls: controls.length};
}
"""

# Chromium's own accounting while the clicks run: where a click's time goes.
CLICK_METRICS = ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")
# How many style recalculations and layouts ran: more than one of each per click means
# the script read geometry between writes (a forced synchronous layout).
PASS_COUNTS = ("RecalcStyleCount", "LayoutCount")


def _metrics(session, names: tuple[str, ...] = CLICK_METRICS) -> dict[str, float]:
    found = session.send("Performance.getMetrics")["metrics"]
    return {m["name"]: m["value"] for m in found if m["name"] in names}


def summarise_clicks(measured: dict, before: dict, after: dict) -> dict:
    times = [t for t in measured["times"] if t is not None]
    answered = max(1, len(measured["times"]))
    return {
        "clicks": len(measured["times"]),
        "answered": len(times),
        "first_ms": None if measured["times"][0] is None else round(measured["times"][0], 1),
        "median_ms": round(statistics.median(times), 1) if times else None,
        "p90_ms": round(sorted(times)[int(0.9 * (len(times) - 1))], 1) if times else None,
        "max_ms": round(max(times), 1) if times else None,
        "times_ms": [None if t is None else round(t, 1) for t in measured["times"]],
        "texts": measured["texts"][:4],
        "controls": measured["controls"],
        # Main-thread seconds per click (the settle pauses between clicks are idle).
        "per_click_ms": {
            name.removesuffix("Duration").lower(): round(
                (after.get(name, 0) - before.get(name, 0)) * 1000 / answered, 1
            )
            for name in CLICK_METRICS
        },
    }


def measure(site: Path, options: Options | None = None) -> dict:
    """First load, search download and filter clicks of one built site."""
    from playwright.sync_api import sync_playwright

    options = options or Options()
    site = Path(site)
    if not (site / "acties" / "index.html").is_file():
        return {"error": "no acties/index.html in the built site"}
    server = PagesServer(site, gzip=True)
    result: dict = {"root_path": urlsplit(server.root).path}
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                shared = shared_assets(browser, server.root)
                result["shared_files"] = sorted(shared)
                result["first_load"] = first_load(browser, server.root, shared)
                result["search"] = search_download(browser, server.root, site, options)
                result["click"] = filter_clicks(browser, server.root, options)
            finally:
                browser.close()
    finally:
        server.close()
    return result


def filter_clicks(browser, root: str, options: Options) -> dict:
    """Filter clicks on a page whose card data is already loaded, with the main thread's
    time per click, and how many style and layout passes each click took."""
    context = new_context(browser)
    NetworkLog(context, root)
    page = context.new_page()
    try:
        page.goto(root + "acties/", wait_until="load")
        # A visitor reaching for the filters: the page fetches the card data now.
        page.dispatch_event("[data-ab-catalogue]", "pointerover")
        settle(page, 300)
        session = context.new_cdp_session(page)
        session.send("Performance.enable")
        before = _metrics(session, CLICK_METRICS + PASS_COUNTS)
        measured = page.evaluate(
            CLICK_SCRIPT,
            {
                "control": options.filter_control,
                "count": options.count_text,
                "clicks": options.clicks,
                "settle": 80,
            },
        )
        after = _metrics(session, CLICK_METRICS + PASS_COUNTS)
    finally:
        context.close()
    if "error" in measured:
        return measured
    result = summarise_clicks(measured, before, after)
    clicks = max(1, len(measured["times"]))
    result["passes_per_click"] = {
        name.removesuffix("Count").lower(): round((after[name] - before[name]) / clicks, 1)
        for name in PASS_COUNTS
    }
    return result


def compare_clicks(sites: list[Path], options: Options, rounds: int) -> dict:
    """Filter clicks on each site in turn, `rounds` times, the order reversed every other
    round (A B, B A, ...), so a burst of load falls on the sites alike."""
    from playwright.sync_api import sync_playwright

    servers = [PagesServer(site, gzip=True) for site in sites]
    runs: dict[int, list[dict]] = {i: [] for i in range(len(sites))}
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                for turn in range(rounds):
                    order = list(range(len(sites)))
                    for i in order if turn % 2 == 0 else order[::-1]:
                        runs[i].append(filter_clicks(browser, servers[i].root, options))
            finally:
                browser.close()
    finally:
        for server in servers:
            server.close()
    return {"load_average": os.getloadavg(), "sites": _compared(sites, runs)}


def _compared(sites: list[Path], runs: dict[int, list[dict]]) -> list[dict]:
    out = []
    for i, site in enumerate(sites):
        good = [r for r in runs[i] if "error" not in r]
        times = [t for r in good for t in r["times_ms"] if t is not None]
        out.append(
            {
                "site": str(site),
                "clicks": len(times),
                "median_ms": round(statistics.median(times), 1) if times else None,
                "p90_ms": round(sorted(times)[int(0.9 * (len(times) - 1))], 1) if times else None,
                "round_medians_ms": [r["median_ms"] for r in good],
                "per_click_ms": _mean_of(good, "per_click_ms"),
                "passes_per_click": _mean_of(good, "passes_per_click"),
                "errors": [r["error"] for r in runs[i] if "error" in r],
            }
        )
    first = out[0]["median_ms"]
    for entry in out:
        if first and entry["median_ms"]:
            entry["ratio_to_first"] = round(entry["median_ms"] / first, 2)
    return out


def _mean_of(results: list[dict], key: str) -> dict[str, float]:
    names = results[0][key].keys() if results else []
    return {n: round(statistics.mean(r[key][n] for r in results), 1) for n in names}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, nargs="+")
    parser.add_argument("--clicks", type=int, default=30)
    parser.add_argument("--query", default=Options.search_query)
    parser.add_argument(
        "--compare", action="store_true", help="only filter clicks, sites in alternating rounds"
    )
    parser.add_argument("--rounds", type=int, default=4, help="with --compare")
    args = parser.parse_args(argv)
    options = Options(clicks=args.clicks, search_query=args.query)
    if args.compare:
        result = compare_clicks(args.site, options, args.rounds)
    elif len(args.site) == 1:
        result = measure(args.site[0], options)
    else:
        parser.error("one site, or several with --compare")
    print(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
