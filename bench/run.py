"""The benchmark: how the site's cost grows with the catalogue, against mkdocs-material's floor.

    .venv/bin/python bench/run.py [--sizes 100,1000,5000] [--runs 3] [--large-runs 2]

For each size it generates a synthetic catalogue (bench/generate.py) and its floor (the
same titles and bodies as plain pages of a plain mkdocs-material site), then measures:

- full `mkdocs build` time of both, alternating floor and Actiebank, median of the runs,
  with peak memory (the child's maximum resident set, from wait4);
- `actiebank validate` time, start-up included, as a subprocess;
- rebuild time under `mkdocs serve` after one action changes: from writing the file until
  the served page shows the change (the server holds requests until a rebuild is done);
- output size, an action page's size, the search index;
- in Chromium (Playwright): what the catalogue page transfers, gzip-compressed, and the
  time from a filter click to the updated list, median of many clicks.

Everything lands in bench/results/report.json and bench/results/report.md. Generated
projects live in bench/work/ (git-ignored). Nothing is fetched from the network.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import json
import os
import platform
import pstats
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import yaml

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / "work"
RESULTS = BENCH / "results"
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402

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
# Theme files every page of any mkdocs-material site loads (cached after the first page);
# everything else a page loads is the catalogue's own.
THEME_ASSET = re.compile(
    r"/assets/(stylesheets/(main|palette)\.[0-9a-f]+\.min\.css|"
    r"javascripts/(bundle\.[0-9a-f]+\.min\.js|lunr/|workers/))"
)

TARGETS = {
    "build_ratio_1000": "build at 1,000 actions at most 1.25x the floor",
    "build_linear": "5,000 actions build in at most 5.5x the 1,000 time",
    "validate_1000": "validate 1,000 actions (+100 cases) in under 1 s, start-up included",
    "action_page": "one action page under 60 KB (largest page, uncompressed)",
    "catalogue_1000": "catalogue page under 150 KB transferred (gzip) at 1,000 actions",
    "click_1000": "filter click to updated list under 50 ms at 1,000 actions",
    "click_5000": "filter click to updated list under 150 ms at 5,000 actions",
}


# --------------------------------------------------------------------------- helpers


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def gz(data: bytes) -> int:
    # Level 6 is what nginx, Apache and GitHub Pages' CDN serve by default.
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def mkdocs_env(project: Path) -> dict:
    # NO_MKDOCS_2_WARNING silences mkdocs-material's end-of-life banner on every start.
    return {
        **os.environ,
        "ACTIEBANK_ROOT": str(Path(project).resolve()),
        "NO_COLOR": "1",
        "NO_MKDOCS_2_WARNING": "1",
    }


def mount_path(project: Path) -> str:
    site_url = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8")).get("site_url")
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_child(command: list[str], cwd: Path, env: dict, timeout: float = 1800) -> dict:
    """Run a command; wall time, CPU time and peak memory of that child process."""
    load_before = load()
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    output: list[bytes] = []
    reader = threading.Thread(target=lambda: output.append(process.stdout.read()), daemon=True)
    reader.start()
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
            pid, status, usage = os.wait4(process.pid, 0)
            break
        time.sleep(0.005)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    reader.join()
    text = re.sub(r"\x1b\[[0-9;]*m", "", b"".join(output).decode("utf-8", "replace"))
    return {
        "wall_s": round(wall, 3),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
        "max_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "returncode": process.returncode,
        "load_before": load_before,
        "load_after": load(),
        "output": text,
    }


# --------------------------------------------------------------------------- builds


def build(project: Path, cold: bool = True) -> dict:
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    if cold:
        # A full build from a fresh clone has no image cache (CI starts clean).
        shutil.rmtree(project / ".cache", ignore_errors=True)
    result = run_child(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        project,
        mkdocs_env(project),
    )
    built = re.search(r"Documentation built in ([0-9.]+) seconds", result["output"])
    result["mkdocs_s"] = float(built.group(1)) if built else None
    if result["returncode"] != 0:
        result["error"] = result["output"][-3000:]
    del result["output"]
    return result


def validate(project: Path) -> dict:
    command = (
        [str(Path(sys.executable).parent / "actiebank")]
        if (Path(sys.executable).parent / "actiebank").exists()
        else [sys.executable, "-m", "actiebank.cli"]
    )
    result = run_child([*command, "validate", "content"], project, mkdocs_env(project))
    result["summary"] = result.pop("output").strip().splitlines()[-1:] or [""]
    return result


def page_file(site: Path, slug: str, folders=("acties", "actions")) -> Path | None:
    for folder in folders:
        for candidate in (site / folder / slug / "index.html", site / folder / f"{slug}.html"):
            if candidate.is_file():
                return candidate
    return None


def output_sizes(site: Path, slugs: list[str]) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [page_file(site, slug) for slug in slugs]
    pages = [p for p in pages if p is not None]
    sizes = sorted(p.stat().st_size for p in pages)
    largest = max(pages, key=lambda p: p.stat().st_size) if pages else None
    index = site / "search" / "search_index.json"
    index_bytes = index.read_bytes() if index.is_file() else b""
    return {
        **_search_alternative(index_bytes),
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
        "action_pages": len(pages),
        "action_page_median_bytes": int(statistics.median(sizes)) if sizes else None,
        "action_page_max_bytes": sizes[-1] if sizes else None,
        "action_page_max_gzip_bytes": gz(largest.read_bytes()) if largest else None,
        "action_page_largest": largest.relative_to(site).as_posix() if largest else None,
        "search_index_bytes": len(index_bytes) or None,
        "search_index_gzip_bytes": gz(index_bytes) if index_bytes else None,
    }


def _search_alternative(index_bytes: bytes) -> dict:
    """What the index would weigh with one record per page (title and the first 300
    characters of its text) instead of one record per section with the full text: the
    cost of giving up full-text search in the stories' bodies."""
    if not index_bytes:
        return {}
    index = json.loads(index_bytes)
    pages = [
        {**doc, "text": re.sub(r"<[^>]+>", "", doc.get("text", ""))[:300]}
        for doc in index.get("docs", [])
        if "#" not in doc.get("location", "")
    ]
    small = json.dumps({**index, "docs": pages}, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )
    return {
        "search_index_records": len(index.get("docs", [])),
        "search_index_pages_only_bytes": len(small),
        "search_index_pages_only_gzip_bytes": gz(small),
    }


# --------------------------------------------------------------------------- serve


def serve_rebuild(project: Path, slug: str, changes: int, folder: str, page: str) -> dict:
    """Start `mkdocs serve`, change one action `changes` times, time each until it is served."""
    port = free_port()
    env = mkdocs_env(project)
    log_path = project / "serve.log"
    source = project / ("content/actions" if folder == "actions" else "docs/acties") / f"{slug}.md"
    original = source.read_text(encoding="utf-8")
    base = f"http://127.0.0.1:{port}{mount_path(project)}"
    url = base + page
    result: dict = {"url_path": urlsplit(url).path, "rebuild_s": [], "log_built_s": []}
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        started = time.perf_counter()
        if not _wait_for(url, lambda body: True, started + 1800, process):
            result["error"] = "serve never answered: " + log_path.read_text()[-2000:]
            return result
        result["first_build_s"] = round(time.perf_counter() - started, 3)
        for number in range(changes):
            marker = f"benchmarkmarker{number}x{port}"
            # The change a contributor makes: one sentence added to the story.
            changed = original.replace("## Aanpak\n\n", f"## Aanpak\n\n{marker} ", 1)
            if marker not in changed:
                changed = original + f"\n\n{marker}\n"
            time.sleep(1.0)  # let the watcher settle after the previous build
            # Written beside the project and moved in: one file event, as an editor's
            # atomic save gives. Writing in place gives several, and on a busy machine the
            # watcher can then see them on either side of a build and build twice.
            staged = project / f".{slug}.md.bench"
            staged.write_text(changed, encoding="utf-8")
            begin = time.perf_counter()
            os.replace(staged, source)
            if not _wait_for(url, lambda body, m=marker: m in body, begin + 1200, process):
                result["error"] = "the change never showed: " + log_path.read_text()[-2000:]
                break
            result["rebuild_s"].append(round(time.perf_counter() - begin, 3))
        built = re.findall(r"Documentation built in ([0-9.]+) seconds", log_path.read_text())
        result["log_built_s"] = [float(x) for x in built[1:]]
    finally:
        source.write_text(original, encoding="utf-8")
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 15)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
    result["rebuild_median_s"] = median(result["rebuild_s"])
    return result


def _wait_for(url: str, accept, deadline: float, process: subprocess.Popen) -> bool:
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=600) as response:
                if accept(response.read().decode("utf-8", "replace")):
                    return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.02)
    return False


# --------------------------------------------------------------------------- browser


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def static_server(site: Path):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# The measurement runs inside the page: performance.now() just before the click is
# dispatched, until the result region or list mutates, then one animation frame and a
# task after it, so the style, layout and paint of that frame are included.
CLICK_SCRIPT = """
async ({control, observe, clicks, settle}) => {
  const controls = [...document.querySelectorAll(control)];
  const roots = observe.flatMap(s => [...document.querySelectorAll(s)]);
  if (!controls.length || !roots.length) {
    return {error: `controls: ${controls.length}, observed regions: ${roots.length}`};
  }
  const status = document.querySelector('[role=status], [aria-live]');
  const picks = [];
  const distinct = Math.max(1, Math.min(controls.length, Math.ceil(clicks / 2)));
  for (let i = 0; picks.length < clicks; i++) {
    const c = controls[Math.floor(i / 2) % distinct];
    picks.push(c);
  }
  const times = [], counts = [];
  for (const c of picks) {
    const t = await new Promise(resolve => {
      let done = false;
      const finish = value => {
        if (!done) { done = true; observer.disconnect(); resolve(value); }
      };
      const observer = new MutationObserver(() => {
        observer.disconnect();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => finish(performance.now() - t0);
          channel.port2.postMessage(0);
        });
      });
      for (const r of roots) {
        observer.observe(r, {subtree: true, childList: true, characterData: true,
                             attributes: true});
      }
      const t0 = performance.now();
      c.click();
      setTimeout(() => finish(null), 5000);
    });
    times.push(t);
    counts.push(status ? status.textContent.trim().slice(0, 80) : null);
    await new Promise(r => setTimeout(r, settle));
  }
  return {times, counts, controls: controls.length};
}
"""


def browser_measurements(
    site: Path, clicks: int, control: str, observe: list[str], throttle: float
) -> dict:
    from playwright.sync_api import sync_playwright

    catalogue = site / "acties" / "index.html"
    if not catalogue.is_file():
        return {"error": "no acties/index.html in the built site"}
    result: dict = {}
    with static_server(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=VIEWPORT, locale="nl-NL")
            page = context.new_page()
            responses: list = []
            foreign: list[str] = []
            local = urlsplit(base).netloc

            def route(route):
                if urlsplit(route.request.url).netloc in (local, ""):
                    route.continue_()
                else:
                    foreign.append(route.request.url)
                    route.abort()

            context.route("**/*", route)
            page.on("response", lambda response: responses.append(response))
            page.goto(base + "acties/", wait_until="networkidle")
            page.wait_for_timeout(500)
            result["transfer"] = _transfer(responses, base)
            result["foreign_requests"] = foreign
            result["click"] = _clicks(page, clicks, control, observe)
            if throttle and throttle > 1:
                session = context.new_cdp_session(page)
                session.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
                page.reload(wait_until="networkidle")
                page.wait_for_timeout(500)
                result["click_throttled"] = _clicks(page, clicks, control, observe)
                result["click_throttled"]["rate"] = throttle
            context.close()
        finally:
            browser.close()
    return result


def _transfer(responses, base: str) -> dict:
    groups: dict[str, list] = {
        "html": [],
        "catalogue": [],
        "theme": [],
        "images": [],
        "search_index": [],
        "sitemap": [],
        "other": [],
    }
    for response in responses:
        url = response.url
        if not url.startswith(base) or response.status >= 400:
            continue
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 -- a response without a body (a redirect) costs nothing
            continue
        path = urlsplit(url).path
        kind = response.request.resource_type
        if path.endswith("/search/search_index.json"):
            group = "search_index"
        elif path.endswith("/sitemap.xml"):
            # navigation.instant fetches it on the first page of a visit to tell internal
            # links from external ones; it grows with the catalogue.
            group = "sitemap"
        elif kind == "document":
            group = "html"
        elif kind == "image" or re.search(r"\.(jpe?g|png|webp|avif|svg|ico)$", path):
            group = "images"
        elif THEME_ASSET.search(path):
            group = "theme"
        elif kind in ("stylesheet", "script", "fetch", "xhr") or path.endswith(
            (".js", ".css", ".json")
        ):
            group = "catalogue"
        else:
            group = "other"
        compressible = group != "images"
        groups[group].append(
            {
                "path": path,
                "bytes": len(body),
                "gzip_bytes": gz(body) if compressible else len(body),
            }
        )
    summary = {
        name: {
            "files": [i["path"] for i in items],
            "bytes": sum(i["bytes"] for i in items),
            "gzip_bytes": sum(i["gzip_bytes"] for i in items),
        }
        for name, items in groups.items()
    }
    summary["catalogue_specific_gzip_bytes"] = (
        summary["html"]["gzip_bytes"] + summary["catalogue"]["gzip_bytes"]
    )
    summary["first_visit_gzip_bytes"] = sum(summary[g]["gzip_bytes"] for g in groups)
    return summary


def _clicks(page, clicks: int, control: str, observe: list[str]) -> dict:
    measured = page.evaluate(
        CLICK_SCRIPT, {"control": control, "observe": observe, "clicks": clicks, "settle": 60}
    )
    if "error" in measured:
        return measured
    times = [t for t in measured["times"] if t is not None]
    return {
        "clicks": len(measured["times"]),
        "answered": len(times),
        "median_ms": round(statistics.median(times), 1) if times else None,
        "p90_ms": round(sorted(times)[int(0.9 * (len(times) - 1))], 1) if times else None,
        "max_ms": round(max(times), 1) if times else None,
        "times_ms": [round(t, 1) if t is not None else None for t in measured["times"]],
        "counts": measured["counts"][:6],
        "controls": measured["controls"],
    }


# --------------------------------------------------------------------------- profile


def profile_build(project: Path, out: Path, top: int = 45) -> dict:
    """One cProfile'd build in this process's child; the costliest functions by own time
    and by cumulative time, restricted to what the project and MkDocs run."""
    out, project = out.resolve(), project.resolve()
    stats_file = out.with_suffix(".prof")
    site = project / "site-profile"
    shutil.rmtree(site, ignore_errors=True)
    result = run_child(
        [
            sys.executable,
            "-m",
            "cProfile",
            "-o",
            str(stats_file),
            "-m",
            "mkdocs",
            "build",
            "--site-dir",
            str(site),
        ],
        project,
        mkdocs_env(project),
    )
    shutil.rmtree(site, ignore_errors=True)
    if result["returncode"] != 0 or not stats_file.is_file():
        return {"error": result["output"][-2000:]}
    import io

    text = io.StringIO()
    stats = pstats.Stats(str(stats_file), stream=text)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    out.write_text(text.getvalue(), encoding="utf-8")
    stats_file.unlink()
    return {"file": _shown(out), "wall_s": result["wall_s"]}


def profile_validate(project: Path, out: Path, top: int = 35) -> dict:
    out, project = out.resolve(), project.resolve()
    stats_file = out.with_suffix(".prof")
    result = run_child(
        [
            sys.executable,
            "-m",
            "cProfile",
            "-o",
            str(stats_file),
            "-m",
            "actiebank.cli",
            "validate",
            "content",
        ],
        project,
        mkdocs_env(project),
    )
    if not stats_file.is_file():
        return {"error": result["output"][-2000:]}
    import io

    text = io.StringIO()
    stats = pstats.Stats(str(stats_file), stream=text)
    stats.sort_stats("cumulative").print_stats(top)
    out.write_text(text.getvalue(), encoding="utf-8")
    stats_file.unlink()
    return {"file": _shown(out)}


def _shown(path: Path) -> str:
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------- one size


@dataclass
class SizeResult:
    actions: int
    cases: int = 0
    images: int = 0
    generate_s: float = 0.0
    runs: int = 0
    builds: dict = field(default_factory=lambda: {"floor": [], "actiebank": [], "warm": []})
    build: dict = field(default_factory=dict)
    validate: dict = field(default_factory=dict)
    output: dict = field(default_factory=dict)
    serve: dict = field(default_factory=dict)
    browser: dict = field(default_factory=dict)
    load: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)


def measure_size(size: int, args) -> SizeResult:
    runs = args.runs if size < 5000 else min(args.runs, args.large_runs)
    result = SizeResult(actions=size, runs=runs)
    result.load["start"] = load()
    project = WORK / f"n{size}"
    floor = WORK / f"n{size}-floor"
    log(f"[{size}] generating")
    started = time.perf_counter()
    shutil.rmtree(project, ignore_errors=True)
    generated = generate.generate(project, size, seed=args.seed)
    generate.write_floor(project, floor)
    result.generate_s = round(time.perf_counter() - started, 2)
    result.cases, result.images = len(generated.cases), len(generated.images)

    log(f"[{size}] validate x{runs}")
    checks = [validate(project) for _ in range(runs)]
    result.validate = {
        "runs": checks,
        "median_s": median(c["wall_s"] for c in checks),
        "returncode": checks[-1]["returncode"],
        "summary": checks[-1]["summary"],
    }
    if checks[-1]["returncode"] != 0:
        result.errors.append(
            f"actiebank validate failed on the synthetic catalogue: {checks[-1]['summary']}"
        )

    # Alternating, so a burst of load from other processes hits both sides alike. "warm"
    # is the site rebuilt with the image cache of the build before it (a developer's
    # second build, or CI that keeps .cache/).
    for number in range(runs):
        order = (
            ("floor", "actiebank", "warm") if number % 2 == 0 else ("warm", "actiebank", "floor")
        )
        for name in order:
            log(f"[{size}] build {name} run {number + 1}/{runs}")
            result.builds[name].append(
                build(floor if name == "floor" else project, cold=name != "warm")
            )
    for name in ("floor", "actiebank", "warm"):
        ok = [b for b in result.builds[name] if b["returncode"] == 0]
        if len(ok) < len(result.builds[name]):
            result.errors.append(
                f"{name} build failed: "
                + next(b["error"] for b in result.builds[name] if b["returncode"] != 0)[-1500:]
            )
        result.build[name] = {
            "median_s": median(b["wall_s"] for b in ok),
            "mkdocs_median_s": median(b["mkdocs_s"] for b in ok),
            # CPU seconds barely change when other processes compete for the cores, so
            # they are the steadier figure on a shared machine.
            "cpu_median_s": median(b["cpu_s"] for b in ok),
            "max_rss_mb": max((b["max_rss_mb"] for b in ok), default=None),
            "cpu_over_wall": median(b["cpu_s"] / b["wall_s"] for b in ok) if ok else None,
        }
    floor_s, site_s = result.build["floor"]["median_s"], result.build["actiebank"]["median_s"]
    result.build["ratio"] = round(site_s / floor_s, 3) if floor_s and site_s else None
    floor_c, site_c = (
        result.build["floor"]["cpu_median_s"],
        result.build["actiebank"]["cpu_median_s"],
    )
    warm_c = result.build["warm"]["cpu_median_s"]
    result.build["ratio_cpu"] = round(site_c / floor_c, 3) if floor_c and site_c else None
    result.build["ratio_cpu_warm"] = round(warm_c / floor_c, 3) if floor_c and warm_c else None
    warm_s = result.build["warm"]["median_s"]
    result.build["ratio_warm"] = round(warm_s / floor_s, 3) if floor_s and warm_s else None
    floor_m = result.build["floor"]["mkdocs_median_s"]
    site_m = result.build["actiebank"]["mkdocs_median_s"]
    result.build["ratio_mkdocs_reported"] = (
        round(site_m / floor_m, 3) if floor_m and site_m else None
    )

    site_ok = (
        (project / "site").is_dir()
        and result.builds["actiebank"]
        and result.builds["actiebank"][-1]["returncode"] == 0
        and (not result.builds["warm"] or result.builds["warm"][-1]["returncode"] == 0)
    )
    result.output = {"floor": output_sizes(floor / "site", generated.actions)}
    if site_ok:
        result.output["actiebank"] = output_sizes(project / "site", generated.actions)
        if not args.skip_browser:
            log(f"[{size}] browser")
            try:
                result.browser = browser_measurements(
                    project / "site", args.clicks, args.filter_control, args.observe, args.throttle
                )
            except Exception as exc:  # noqa: BLE001 -- the report names it; the rest still counts
                result.browser = {"error": f"{type(exc).__name__}: {exc}"}
    # A sample action in the middle of the catalogue: neither the first nor the last file.
    slug = generated.actions[len(generated.actions) // 2]
    pages = {"floor": f"acties/{slug}/", "actiebank": None}
    if site_ok:
        built = page_file(project / "site", slug)
        if built is not None:
            rel = built.relative_to(project / "site").as_posix()
            pages["actiebank"] = rel.removesuffix("index.html")
    if not args.skip_serve:
        changes = max(2, runs)
        order = (("floor", floor, "floor"), ("actiebank", project, "actions"))
        for name, folder_project, kind in order:
            if pages[name] is None:
                continue
            log(f"[{size}] serve {name}: {changes} changes")
            result.serve[name] = serve_rebuild(folder_project, slug, changes, kind, pages[name])
    f, a = result.serve.get("floor", {}), result.serve.get("actiebank", {})
    if f.get("rebuild_median_s") and a.get("rebuild_median_s"):
        result.serve["ratio"] = round(a["rebuild_median_s"] / f["rebuild_median_s"], 3)
    result.load["end"] = load()
    if not args.keep_sites:
        for folder in (project / "site", floor / "site"):
            shutil.rmtree(folder, ignore_errors=True)
    return result


def log(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", flush=True)


# --------------------------------------------------------------------------- report


def verdicts(sizes: dict[int, SizeResult]) -> dict:
    out: dict = {}

    def put(key, holds, value, note=""):
        out[key] = {"target": TARGETS[key], "holds": holds, "value": value, "note": note}

    r1000, r5000 = sizes.get(1000), sizes.get(5000)
    if r1000:
        ratio = r1000.build.get("ratio")
        warm = r1000.build.get("ratio_warm")
        put(
            "build_ratio_1000",
            None if ratio is None else ratio <= 1.25,
            ratio,
            f"wall time, cold build (fresh clone); warm image cache {warm}x; CPU seconds "
            f"cold {r1000.build.get('ratio_cpu')}x, warm {r1000.build.get('ratio_cpu_warm')}x",
        )
        v = r1000.validate.get("median_s")
        put("validate_1000", None if v is None else v < 1.0, v)
        t = (r1000.browser.get("transfer") or {}).get("catalogue_specific_gzip_bytes")
        put("catalogue_1000", None if t is None else t < 150 * 1024, t)
        c = (r1000.browser.get("click") or {}).get("median_ms")
        put("click_1000", None if c is None else c < 50, c)
    if r1000 and r5000:
        a, b = r1000.build["actiebank"].get("median_s"), r5000.build["actiebank"].get("median_s")
        growth = round(b / a, 2) if a and b else None
        wa, wb = r1000.build["warm"].get("median_s"), r5000.build["warm"].get("median_s")
        fa, fb = r1000.build["floor"].get("median_s"), r5000.build["floor"].get("median_s")
        note = ", ".join(
            part
            for part in (
                f"warm {wb / wa:.2f}x" if wa and wb else "",
                f"floor {fb / fa:.2f}x" if fa and fb else "",
            )
            if part
        )
        put("build_linear", None if growth is None else growth <= 5.5, growth, note)
    if r5000:
        c = (r5000.browser.get("click") or {}).get("median_ms")
        put("click_5000", None if c is None else c < 150, c)
    pages = [r.output.get("actiebank", {}).get("action_page_max_bytes") for r in sizes.values()]
    pages = [p for p in pages if p]
    if pages:
        put("action_page", max(pages) < 60 * 1024, max(pages))
    return out


def kb(value) -> str:
    return "–" if value is None else f"{value / 1024:,.1f} KB"


def mb(value) -> str:
    return "–" if value is None else f"{value / 1048576:,.1f} MB"


def sec(value) -> str:
    return "–" if value is None else f"{value:,.2f} s"


def ms(value) -> str:
    return "–" if value is None else f"{value:,.1f} ms"


def ratio(value) -> str:
    return "–" if value is None else f"{value:.2f}x"


def render_markdown(report: dict, sizes: dict[int, SizeResult]) -> str:
    cols = sorted(sizes)
    head = "| | " + " | ".join(f"{n:,} actions" for n in cols) + " |"
    rule = "| --- |" + " ---: |" * len(cols)

    def row(label, get):
        cells = []
        for n in cols:
            try:
                cells.append(get(sizes[n]))
            except (KeyError, TypeError, AttributeError):
                cells.append("–")
        return f"| {label} | " + " | ".join(cells) + " |"

    b = lambda r, who, k: r.build[who][k]  # noqa: E731
    o = lambda r, who, k: r.output[who][k]  # noqa: E731
    lines = [
        "# Benchmark report",
        "",
        f"Run {report['finished']} on {report['machine']['cpus']} CPUs "
        f"({report['machine']['cpu_model']}), Python {report['machine']['python']}, "
        f"MkDocs {report['machine']['mkdocs']}, mkdocs-material {report['machine']['material']}, "
        f"commit `{report['machine']['commit']}`. "
        f"Load average (1, 5, 15 min) at the start {report['load_start']}, at the end "
        f"{report['load_end']}; the machine is shared, so the floor is built in the same run, "
        "alternating with the site, and ratios are of medians.",
        "",
        f"Runs per size: {', '.join(f'{n:,}: {sizes[n].runs}' for n in cols)} "
        f"(builds and validations; rebuilds under serve: max(2, runs)).",
        "",
        "## Figures",
        "",
        head,
        rule,
        row("cases / images", lambda r: f"{r.cases} / {r.images}"),
        row(
            "**full build, Actiebank**, cold: no image cache (median wall)",
            lambda r: sec(b(r, "actiebank", "median_s")),
        ),
        row("full build, floor (median wall)", lambda r: sec(b(r, "floor", "median_s"))),
        row("**ratio to the floor** (cold)", lambda r: ratio(r.build["ratio"])),
        row(
            "ratio, MkDocs' own 'built in' time", lambda r: ratio(r.build["ratio_mkdocs_reported"])
        ),
        row(
            "full build, Actiebank, warm image cache (median wall)",
            lambda r: sec(b(r, "warm", "median_s")),
        ),
        row("ratio to the floor, warm image cache", lambda r: ratio(r.build["ratio_warm"])),
        row(
            "CPU seconds of the build, Actiebank cold / warm / floor",
            lambda r: (
                f"{b(r, 'actiebank', 'cpu_median_s'):,.1f} / {b(r, 'warm', 'cpu_median_s'):,.1f}"
                f" / {b(r, 'floor', 'cpu_median_s'):,.1f} s"
            ),
        ),
        row(
            "ratio of CPU seconds to the floor, cold / warm",
            lambda r: f"{ratio(r.build['ratio_cpu'])} / {ratio(r.build['ratio_cpu_warm'])}",
        ),
        row(
            "peak memory, Actiebank / floor",
            lambda r: (
                f"{b(r, 'actiebank', 'max_rss_mb'):,.0f} / {b(r, 'floor', 'max_rss_mb'):,.0f} MB"
            ),
        ),
        row(
            "CPU / wall during builds, Actiebank / floor (1.0: had a core to itself)",
            lambda r: (
                f"{b(r, 'actiebank', 'cpu_over_wall'):.2f} / {b(r, 'floor', 'cpu_over_wall'):.2f}"
            ),
        ),
        row("**`actiebank validate`** (start-up included)", lambda r: sec(r.validate["median_s"])),
        row(
            "**rebuild under `mkdocs serve`**, Actiebank",
            lambda r: sec(r.serve["actiebank"]["rebuild_median_s"]),
        ),
        row(
            "rebuild under `mkdocs serve`, floor",
            lambda r: sec(r.serve["floor"]["rebuild_median_s"]),
        ),
        row(
            "**output size**, Actiebank / floor",
            lambda r: f"{mb(o(r, 'actiebank', 'bytes'))} / {mb(o(r, 'floor', 'bytes'))}",
        ),
        row(
            "output files, Actiebank / floor",
            lambda r: f"{o(r, 'actiebank', 'files'):,} / {o(r, 'floor', 'files'):,}",
        ),
        row(
            "**one action page** (median / largest)",
            lambda r: (
                f"{kb(o(r, 'actiebank', 'action_page_median_bytes'))}"
                f" / {kb(o(r, 'actiebank', 'action_page_max_bytes'))}"
            ),
        ),
        row(
            "one action page, floor (median)",
            lambda r: kb(o(r, "floor", "action_page_median_bytes")),
        ),
        row(
            "**catalogue page transferred** (gzip: HTML + its own CSS/JS/data)",
            lambda r: kb(r.browser["transfer"]["catalogue_specific_gzip_bytes"]),
        ),
        row(
            "catalogue page HTML, raw / gzip",
            lambda r: (
                f"{kb(r.browser['transfer']['html']['bytes'])} / "
                f"{kb(r.browser['transfer']['html']['gzip_bytes'])}"
            ),
        ),
        row(
            "catalogue first visit, everything (gzip; theme, images, search index)",
            lambda r: kb(r.browser["transfer"]["first_visit_gzip_bytes"]),
        ),
        row(
            "**filter click to updated list** (median of clicks)",
            lambda r: ms(r.browser["click"]["median_ms"]),
        ),
        row("filter click, 90th percentile", lambda r: ms(r.browser["click"]["p90_ms"])),
        row(
            "filter click, CPU slowed 4x (phone-like), median",
            lambda r: ms(r.browser["click_throttled"]["median_ms"]),
        ),
        row(
            "**search index**, raw / gzip",
            lambda r: (
                f"{mb(o(r, 'actiebank', 'search_index_bytes'))} / "
                f"{mb(o(r, 'actiebank', 'search_index_gzip_bytes'))}"
            ),
        ),
        row(
            "search index, floor, raw / gzip",
            lambda r: (
                f"{mb(o(r, 'floor', 'search_index_bytes'))} / "
                f"{mb(o(r, 'floor', 'search_index_gzip_bytes'))}"
            ),
        ),
        row(
            "search index if one short record per page (title + 300 chars), raw / gzip",
            lambda r: (
                f"{mb(o(r, 'actiebank', 'search_index_pages_only_bytes'))} / "
                f"{mb(o(r, 'actiebank', 'search_index_pages_only_gzip_bytes'))}"
            ),
        ),
        row(
            "sitemap.xml fetched on a first visit (navigation.instant), raw / gzip",
            lambda r: (
                f"{kb(r.browser['transfer']['sitemap']['bytes'])} / "
                f"{kb(r.browser['transfer']['sitemap']['gzip_bytes'])}"
            ),
        ),
        row(
            "search index fetched by the catalogue page",
            lambda r: "yes" if r.browser["transfer"]["search_index"]["files"] else "no",
        ),
        "",
        "## Targets",
        "",
        "| target | value | holds | note |",
        "| --- | ---: | --- | --- |",
    ]
    for key, verdict in report["targets"].items():
        value = verdict["value"]
        shown = {
            "build_ratio_1000": ratio,
            "build_linear": ratio,
            "validate_1000": sec,
            "action_page": kb,
            "catalogue_1000": kb,
            "click_1000": ms,
            "click_5000": ms,
        }[key](value)
        holds = {True: "yes", False: "**no**", None: "not measured"}[verdict["holds"]]
        lines.append(f"| {verdict['target']} | {shown} | {holds} | {verdict['note']} |")
    errors = [(n, e) for n in cols for e in sizes[n].errors]
    browser_errors = [
        (n, sizes[n].browser.get("error") or (sizes[n].browser.get("click") or {}).get("error"))
        for n in cols
    ]
    problems = errors + [(n, e) for n, e in browser_errors if e]
    if problems:
        lines += ["", "## Errors during the run", ""]
        lines += [f"- {n:,} actions: " + " ".join(str(e).split())[:600] for n, e in problems]
    lines += [
        "",
        "## What was counted",
        "",
        "- Build: wall time of `python -m mkdocs build --strict` as a child process, cold "
        "(no `site/`, no `.cache/`), start-up included; peak memory is that process's "
        "maximum resident set (wait4). The floor is the same titles and Markdown bodies as "
        "pages of a plain mkdocs-material site (theme material, `font: false`, search "
        "plugin, the same three Markdown extensions, no hooks, no macros, pages out of the "
        "navigation with `not_in_nav`), built alternately with the site.",
        "- Validate: wall time of `.venv/bin/actiebank validate content`, a new process each time.",
        "- Rebuild under serve: `mkdocs serve` on 127.0.0.1; one sentence is added to one "
        "action's body, and the time runs from writing the file until the served action page "
        "contains it (MkDocs holds requests while it rebuilds, so this is the whole rebuild "
        "as a contributor waits for it).",
        "- Catalogue transfer: every response the catalogue page loads in Chromium, each body "
        "gzip-compressed at level 6. The target counts the HTML plus the CSS, JS and data "
        "files that are not mkdocs-material's own bundle (the theme's main CSS, palette CSS, "
        "bundle JS and search worker are shared by every page of every Material site). "
        "Images and the search index are listed apart.",
        "- Filter click: in Chromium at a 412x915 window, inside the page, "
        "`performance.now()` just before `control.click()` until a MutationObserver on the "
        "result count region and the list fires, plus one `requestAnimationFrame` and the "
        "task after it (so the frame's style and layout are included). Controls are clicked "
        "on and off in turn; median of all clicks.",
        "- Search index: `search/search_index.json` as built, raw and gzip.",
        "",
    ]
    return "\n".join(lines)


def machine_info() -> dict:
    from importlib.metadata import version

    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "material": version("mkdocs-material"),
        "commit": commit,
        "platform": platform.platform(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="100,1000,5000", type=lambda s: [int(x) for x in s.split(",") if x]
    )
    parser.add_argument("--runs", type=int, default=3, help="builds and validations per size")
    parser.add_argument(
        "--large-runs", type=int, default=2, help="at most this many runs at 5,000 actions and more"
    )
    parser.add_argument("--clicks", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--throttle",
        type=float,
        default=4.0,
        help="also time clicks with the CPU slowed this many times (0: no)",
    )
    parser.add_argument(
        "--filter-control",
        default="[data-ab-facet] input[type=checkbox]",
        help="CSS selector of the catalogue's filter controls",
    )
    parser.add_argument(
        "--observe",
        default="[data-ab-count-text],[data-ab-results]",
        type=lambda s: [x.strip() for x in s.split(",") if x.strip()],
        help="CSS selectors of what a filter click updates",
    )
    parser.add_argument(
        "--profile",
        choices=["auto", "always", "never"],
        default="auto",
        help="cProfile a build and a validate at 1,000 when a target is missed",
    )
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--keep-sites", action="store_true")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    WORK.mkdir(parents=True, exist_ok=True)
    args.results.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    load_start = load()
    sizes: dict[int, SizeResult] = {}
    for size in args.sizes:
        sizes[size] = measure_size(size, args)
        log(f"[{size}] done")
    report = {
        "finished": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "duration_s": round(time.perf_counter() - started, 1),
        "machine": machine_info(),
        "load_start": load_start,
        "load_end": load(),
        "arguments": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "targets": {},
        "profiles": {},
        "sizes": {str(n): asdict(r) for n, r in sizes.items()},
    }
    report["targets"] = verdicts(sizes)
    missed = {k for k, v in report["targets"].items() if v["holds"] is False}
    profile_size = 1000 if 1000 in sizes else max(sizes)
    if args.profile == "always" or (
        args.profile == "auto" and missed & {"build_ratio_1000", "build_linear"}
    ):
        project = WORK / f"n{profile_size}"
        log(f"profiling a build at {profile_size}")
        report["profiles"]["build"] = profile_build(
            project, args.results / f"profile-build-{profile_size}.txt"
        )
    if args.profile == "always" or (args.profile == "auto" and "validate_1000" in missed):
        project = WORK / f"n{profile_size}"
        log(f"profiling validate at {profile_size}")
        report["profiles"]["validate"] = profile_validate(
            project, args.results / f"profile-validate-{profile_size}.txt"
        )
    (args.results / "report.json").write_text(
        json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (args.results / "report.md").write_text(render_markdown(report, sizes), encoding="utf-8")
    log(f"wrote {args.results / 'report.md'} and report.json in {report['duration_s']:.0f} s")
    for _key, verdict in report["targets"].items():
        log(
            f"  {'ok  ' if verdict['holds'] else 'MISS' if verdict['holds'] is False else '--  '}"
            f" {verdict['target']}: {verdict['value']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
