"""The benchmark: every figure of issue 17 at 100, 1,000 and 5,000 actions, against the floor.

    .venv/bin/python bench/run.py [--sizes 100,1000,5000] [--runs 3] [--large-runs 2]

For each size it generates a synthetic catalogue (bench/generate.py) and its floor (the
same titles and bodies as plain pages of a plain mkdocs-material site), then measures, in
one run:

- `mkdocs build` of the floor, of the site cold (no image cache, as CI without a cache)
  and of the site warm (the image cache of the build before it), alternating, median of
  the runs: wall and CPU seconds (the build's processes together, the image pool's
  included) and peak memory; whether every build of the site wrote the same bytes;
- output size per kind of file (bench/measure_output.py), the site's and the floor's;
- in Chromium, the site served gzip-compressed under its published path as GitHub Pages
  serves it (bench/measure_browser.py): the first load of /acties/ (the document and its
  data requests), the download of a site search (Pagefind's requests), and the time from
  a filter click to the updated result count;
- `actiebank validate` (start-up included) and, with --serve, the rebuild under
  `mkdocs serve` after one action changes.

When a target is missed, it says why: a cProfile of a cold and a warm build at 1,000
actions cut into phases (bench/measure_profile.py), the output per kind against the
floor's, the requests of a load or a search, Chromium's time per click.

Everything lands in bench/results/report.json and bench/results/report.md. Generated
projects live in bench/work/ (git-ignored). Nothing is fetched from the network. The
builds run this checkout's `src/` (PYTHONPATH), whatever the virtualenv points at.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / "work"
RESULTS = BENCH / "results"
sys.path[:0] = [str(BENCH), str(ROOT / "src")]

import generate  # noqa: E402
import measure_browser  # noqa: E402
import measure_output  # noqa: E402
import measure_profile  # noqa: E402

KB = 1024
TARGETS = {
    "cold_1000": "cold build (no image cache) at 1,000 actions at most 1.5x the floor",
    "warm_1000": "warm build (image cache filled) at 1,000 actions at most 1.25x the floor",
    "size_1000": "output at 1,000 actions at most 2x the floor's",
    "first_load_5000": "first load of /acties/ at 5,000 actions at most 150 KB gzip",
    "search_1000": "a site search downloads at most 200 KB at 1,000 actions",
    "search_growth": "a site search at 5,000 downloads at most the 1,000 figure plus 20%",
    "click_1000": "filter click to updated list within 50 ms at 1,000 actions",
    "click_5000": "filter click to updated list within 150 ms at 5,000 actions",
    # Kept from the first benchmark.
    "validate_1000": "validate 1,000 actions (+100 stories) in under 1 s, start-up included",
    "action_page": "one action page under 60 KB (largest page, uncompressed)",
}


# --------------------------------------------------------------------------- helpers


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def python_speed() -> float:
    """Seconds a fixed pure-Python loop takes (higher is slower): how fast this shared
    machine runs Python right now. Absolute figures such as `validate` move with it."""
    started = time.perf_counter()
    total = 0
    for i in range(3_000_000):
        total += i
    return round(time.perf_counter() - started, 3)


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def log(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", flush=True)


def mkdocs_env(project: Path) -> dict:
    """The environment of every child: this checkout's code, the project's own image cache
    (an ACTIEBANK_CACHE of the caller's would share it between sizes), no banner."""
    env = {
        **os.environ,
        "ACTIEBANK_ROOT": str(Path(project).resolve()),
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])
        ),
        "NO_COLOR": "1",
        # mkdocs-material's end-of-life banner on every start.
        "NO_MKDOCS_2_WARNING": "1",
    }
    env.pop("ACTIEBANK_CACHE", None)
    return env


def mount_path(project: Path) -> str:
    site_url = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8")).get("site_url")
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def free_port() -> int:
    import socket

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


def site_digest(site: Path) -> str:
    """One hash of every file's path and bytes: two builds wrote the same site or not."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        digest.update(path.relative_to(site).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def build(project: Path, *, cold: bool, digest: bool = False) -> dict:
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    if cold:
        # A build from a fresh clone has no image cache (CI without actions/cache).
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
    elif digest:
        result["site_digest"] = site_digest(site)
    del result["output"]
    return result


def summarise_builds(runs: list[dict]) -> dict:
    ok = [b for b in runs if b["returncode"] == 0]
    return {
        "runs": len(runs),
        "failed": len(runs) - len(ok),
        "median_s": median(b["wall_s"] for b in ok),
        "cpu_median_s": median(b["cpu_s"] for b in ok),
        "mkdocs_median_s": median(b["mkdocs_s"] for b in ok),
        "max_rss_mb": max((b["max_rss_mb"] for b in ok), default=None),
        # Above 1.0: the build used more than one core (the image pool).
        "cpu_over_wall": median(b["cpu_s"] / b["wall_s"] for b in ok) if ok else None,
    }


def validate(project: Path) -> dict:
    result = run_child(
        [sys.executable, "-m", "actiebank.cli", "validate", "content"],
        project,
        mkdocs_env(project),
    )
    result["summary"] = result.pop("output").strip().splitlines()[-1:] or [""]
    return result


def action_page_sizes(site: Path, slugs: list[str]) -> dict:
    sizes = sorted(
        p.stat().st_size
        for p in (site / "acties" / slug / "index.html" for slug in slugs)
        if p.is_file()
    )
    return {
        "action_pages": len(sizes),
        "action_page_median_bytes": int(statistics.median(sizes)) if sizes else None,
        "action_page_max_bytes": sizes[-1] if sizes else None,
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


# --------------------------------------------------------------------------- one size


@dataclass
class SizeResult:
    actions: int
    cases: int = 0
    images: int = 0
    generate_s: float = 0.0
    runs: int = 0
    builds: dict = field(default_factory=lambda: {"floor": [], "cold": [], "warm": []})
    build: dict = field(default_factory=dict)
    validate: dict = field(default_factory=dict)
    output: dict = field(default_factory=dict)
    serve: dict = field(default_factory=dict)
    browser: dict = field(default_factory=dict)
    load: dict = field(default_factory=dict)
    # python_speed() before validate and at the end of the size.
    speed: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)


def ratio_of(a, b):
    return round(a / b, 3) if a and b else None


def measure_builds(result: SizeResult, project: Path, floor: Path, runs: int) -> None:
    # Alternating, so a burst of load from other processes hits all three alike. "warm"
    # is the site rebuilt with the image cache of the build before it (a second build
    # on a laptop, or CI restoring .cache/ with actions/cache).
    for number in range(runs):
        order = ("floor", "cold", "warm") if number % 2 == 0 else ("warm", "cold", "floor")
        for name in order:
            log(f"[{result.actions}] build {name} run {number + 1}/{runs}")
            target = floor if name == "floor" else project
            result.builds[name].append(build(target, cold=name != "warm", digest=name != "floor"))
    for name in ("floor", "cold", "warm"):
        failed = [b for b in result.builds[name] if b["returncode"] != 0]
        if failed:
            result.errors.append(f"{name} build failed: {failed[0]['error'][-1500:]}")
        result.build[name] = summarise_builds(result.builds[name])
    floor_b, cold, warm = (result.build[n] for n in ("floor", "cold", "warm"))
    digests = {b.get("site_digest") for n in ("cold", "warm") for b in result.builds[n]}
    result.build.update(
        ratio_cold=ratio_of(cold["median_s"], floor_b["median_s"]),
        ratio_warm=ratio_of(warm["median_s"], floor_b["median_s"]),
        ratio_cold_cpu=ratio_of(cold["cpu_median_s"], floor_b["cpu_median_s"]),
        ratio_warm_cpu=ratio_of(warm["cpu_median_s"], floor_b["cpu_median_s"]),
        # Every cold (pool) and warm (cache) build of the site wrote the same bytes.
        identical_output=len(digests) == 1 and None not in digests,
    )


def measure_size(size: int, args) -> SizeResult:
    runs = args.runs if size < 5000 else min(args.runs, args.large_runs)
    result = SizeResult(actions=size, runs=runs)
    result.load["start"] = load()
    project, floor = WORK / f"n{size}", WORK / f"n{size}-floor"
    log(f"[{size}] generating")
    started = time.perf_counter()
    shutil.rmtree(project, ignore_errors=True)
    generated = generate.generate(project, size, seed=args.seed)
    generate.write_floor(project, floor)
    result.generate_s = round(time.perf_counter() - started, 2)
    result.cases, result.images = len(generated.cases), len(generated.images)

    result.speed["start"] = python_speed()
    log(f"[{size}] validate x{runs}")
    checks = [validate(project) for _ in range(runs)]
    result.validate = {
        "median_s": median(c["wall_s"] for c in checks),
        "returncode": checks[-1]["returncode"],
        "summary": checks[-1]["summary"],
    }
    if checks[-1]["returncode"] != 0:
        result.errors.append(f"actiebank validate failed: {checks[-1]['summary']}")

    measure_builds(result, project, floor, runs)
    facets = measure_output.facet_paths_of(project)
    result.output = {
        "floor": measure_output.sizes_by_kind(floor / "site", generated.actions, facets)
    }
    site_ok = (project / "site" / "index.html").is_file() and not result.build["cold"]["failed"]
    if site_ok:
        result.output["actiebank"] = measure_output.sizes_by_kind(
            project / "site", generated.actions, facets
        )
        result.output.update(action_page_sizes(project / "site", generated.actions))
        result.output["ratio"] = ratio_of(
            result.output["actiebank"]["total"]["bytes"], result.output["floor"]["total"]["bytes"]
        )
        if not args.skip_browser:
            log(f"[{size}] browser")
            try:
                result.browser = measure_browser.measure(project / "site", args.browser_options)
            except Exception as exc:  # noqa: BLE001 -- the report names it; the rest still counts
                result.browser = {"error": f"{type(exc).__name__}: {exc}"}
    if args.serve and site_ok:
        slug = generated.actions[len(generated.actions) // 2]
        for name, folder_project, kind in (
            ("floor", floor, "floor"),
            ("actiebank", project, "actions"),
        ):
            log(f"[{size}] serve {name}")
            result.serve[name] = serve_rebuild(
                folder_project, slug, max(2, runs), kind, f"acties/{slug}/"
            )
    result.load["end"] = load()
    result.speed["end"] = python_speed()
    if not args.keep_sites:
        for folder in (project / "site", floor / "site"):
            shutil.rmtree(folder, ignore_errors=True)
    return result


# --------------------------------------------------------------------------- verdicts


def get(mapping, *keys):
    for key in keys:
        if not isinstance(mapping, dict):
            return None
        mapping = mapping.get(key)
    return mapping


def search_bytes(result: SizeResult | None):
    search = get(result.browser, "search") if result else None
    return search.get("transferred_bytes") if search and search.get("measured") else None


def verdicts(sizes: dict[int, SizeResult]) -> dict:
    out: dict = {}

    def put(key, value, holds, note=""):
        out[key] = {"target": TARGETS[key], "value": value, "holds": holds, "note": note}

    r1, r5 = sizes.get(1000), sizes.get(5000)

    def at_most(value, limit):
        return None if value is None else value <= limit

    if r1:
        cold, warm = r1.build.get("ratio_cold"), r1.build.get("ratio_warm")
        cpu = (
            f"CPU seconds: cold {r1.build.get('ratio_cold_cpu')}x, "
            f"warm {r1.build.get('ratio_warm_cpu')}x"
        )
        put("cold_1000", cold, at_most(cold, 1.5), cpu)
        put("warm_1000", warm, at_most(warm, 1.25), cpu)
        put("size_1000", r1.output.get("ratio"), at_most(r1.output.get("ratio"), 2.0))
        s1 = search_bytes(r1)
        reason = get(r1.browser, "search", "reason") or ""
        put("search_1000", s1, at_most(s1, 200 * KB), reason)
        click = get(r1.browser, "click", "median_ms")
        put("click_1000", click, at_most(click, 50))
        v = r1.validate.get("median_s")
        put("validate_1000", v, None if v is None else v < 1.0)
    if r5:
        first = get(r5.browser, "first_load", "transferred_bytes")
        put("first_load_5000", first, at_most(first, 150 * KB))
        click = get(r5.browser, "click", "median_ms")
        put("click_5000", click, at_most(click, 150))
    if r1 and r5:
        s1, s5 = search_bytes(r1), search_bytes(r5)
        growth = ratio_of(s5, s1)
        put("search_growth", growth, at_most(growth, 1.2))
    pages = [r.output.get("action_page_max_bytes") for r in sizes.values()]
    pages = [p for p in pages if p]
    if pages:
        put("action_page", max(pages), max(pages) < 60 * KB)
    return {key: out[key] for key in TARGETS if key in out}


# --------------------------------------------------------------------------- report


def kb(value) -> str:
    return "–" if value is None else f"{value / KB:,.1f} KB"


def mb(value) -> str:
    return "–" if value is None else f"{value / KB / KB:,.1f} MB"


def sec(value) -> str:
    return "–" if value is None else f"{value:,.2f} s"


def ms(value) -> str:
    return "–" if value is None else f"{value:,.1f} ms"


def times(value) -> str:
    return "–" if value is None else f"{value:.2f}x"


SHOWN = {
    "cold_1000": times,
    "warm_1000": times,
    "size_1000": times,
    "first_load_5000": kb,
    "search_1000": kb,
    "search_growth": times,
    "click_1000": ms,
    "click_5000": ms,
    "validate_1000": sec,
    "action_page": kb,
}


def figure_rows(sizes: dict[int, SizeResult]) -> list[tuple[str, object]]:
    def build(r, name, key):
        return r.build[name][key]

    def both(r, name):
        return f"{sec(build(r, name, 'median_s'))} / {sec(build(r, 'floor', 'median_s'))}"

    def search(r):
        found = r.browser.get("search") or {}
        if found.get("measured"):
            return kb(found["transferred_bytes"])
        index = found.get("material_index_bytes")
        shown = f"; Material's index on every first page: {kb(index)}" if index else ""
        return f"not measured ({found.get('reason', 'no browser run')}{shown})"

    return [
        ("actions / stories / images", lambda r: f"{r.actions:,} / {r.cases:,} / {r.images:,}"),
        ("**cold build**, wall: site / floor (median)", lambda r: both(r, "cold")),
        (
            "**ratio to the floor, cold** (wall; CPU s)",
            lambda r: f"{times(r.build['ratio_cold'])}; {times(r.build['ratio_cold_cpu'])}",
        ),
        ("**warm build**, wall: site / floor (median)", lambda r: both(r, "warm")),
        (
            "**ratio to the floor, warm** (wall; CPU s)",
            lambda r: f"{times(r.build['ratio_warm'])}; {times(r.build['ratio_warm_cpu'])}",
        ),
        (
            "CPU s of a build: cold / warm / floor",
            lambda r: " / ".join(
                f"{build(r, n, 'cpu_median_s'):,.1f}" for n in ("cold", "warm", "floor")
            ),
        ),
        (
            "CPU / wall of a build: cold / warm / floor (above 1: more than one core)",
            lambda r: " / ".join(
                f"{build(r, n, 'cpu_over_wall'):.2f}" for n in ("cold", "warm", "floor")
            ),
        ),
        (
            "peak memory (largest process): cold / floor",
            lambda r: (
                f"{build(r, 'cold', 'max_rss_mb'):,.0f} / {build(r, 'floor', 'max_rss_mb'):,.0f} MB"
            ),
        ),
        (
            "every build of the site wrote the same bytes (cold and warm)",
            lambda r: "yes" if r.build["identical_output"] else "**no**",
        ),
        (
            "**output size**: site / floor",
            lambda r: (
                f"{mb(r.output['actiebank']['total']['bytes'])} / "
                f"{mb(r.output['floor']['total']['bytes'])}"
            ),
        ),
        ("**ratio of output size to the floor**", lambda r: times(r.output["ratio"])),
        (
            "**first load of /acties/**, gzip transferred (document + data requests)",
            lambda r: kb(r.browser["first_load"]["transferred_bytes"]),
        ),
        ("**site search download** (requests under /pagefind/)", search),
        (
            "**filter click to updated count**, median (90th percentile)",
            lambda r: f"{ms(r.browser['click']['median_ms'])} ({ms(r.browser['click']['p90_ms'])})",
        ),
        (
            "filter click: main thread per click, script / style / layout",
            lambda r: " / ".join(
                ms(r.browser["click"]["per_click_ms"][k])
                for k in ("script", "recalcstyle", "layout")
            ),
        ),
        ("`actiebank validate`, start-up included", lambda r: sec(r.validate["median_s"])),
        (
            "one action page, median / largest",
            lambda r: (
                f"{kb(r.output['action_page_median_bytes'])} / "
                f"{kb(r.output['action_page_max_bytes'])}"
            ),
        ),
        (
            "rebuild under `mkdocs serve` (--serve): site / floor",
            lambda r: (
                f"{sec(r.serve['actiebank']['rebuild_median_s'])} / "
                f"{sec(r.serve['floor']['rebuild_median_s'])}"
            ),
        ),
    ]


def table(sizes: dict[int, SizeResult], rows) -> list[str]:
    cols = sorted(sizes)
    lines = [
        "| | " + " | ".join(f"{n:,} actions" for n in cols) + " |",
        "| --- |" + " ---: |" * len(cols),
    ]
    for label, get_cell in rows:
        cells = []
        for n in cols:
            try:
                cells.append(str(get_cell(sizes[n])))
            except (KeyError, TypeError, AttributeError, ValueError):
                cells.append("–")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


def output_rows(sizes: dict[int, SizeResult]) -> list:
    kinds = [
        k
        for k in (*measure_output.KINDS, "total")
        if any(k in get(r.output, "actiebank") or {} for r in sizes.values())
    ]

    def cell(kind):
        def show(r):
            site = r.output["actiebank"].get(kind)
            floor = r.output["floor"].get(kind)
            text = f"{mb(site['bytes']) if site else '–'}"
            if floor:
                text += f" (floor {mb(floor['bytes'])})"
            return text

        return show

    return [(kind, cell(kind)) for kind in kinds]


def why_missed(report: dict, sizes: dict[int, SizeResult]) -> list[str]:
    """For each missed target, what the measurements say stops it."""
    missed = {k for k, v in report["targets"].items() if v["holds"] is False}
    lines: list[str] = []
    titles = {"build_cold": "Cold build", "build_warm": "Warm build", "validate": "validate"}
    for key, title in titles.items():
        found = report["profiles"].get(key)
        if not found or "phases" not in found:
            continue
        lines += [
            f"**{title}, profiled** "
            f"(`{found['file']}`, {found['total_s']:.1f} s under cProfile, "
            "which slows Python code about 1.5 to 2x):",
            "",
        ]
        for phase in found["phases"]:
            share = 100 * phase["seconds"] / found["total_s"]
            lines.append(
                f"{'  ' * phase['depth']}- {phase['seconds']:.1f} s ({share:.0f} %) "
                f"{phase['phase']}"
            )
        lines.append("")
    if "size_1000" in missed and 1000 in sizes:
        out = sizes[1000].output
        over = sorted(
            (
                (k, v["bytes"] - (out["floor"].get(k) or {}).get("bytes", 0))
                for k, v in out["actiebank"].items()
                if k != "total"
            ),
            key=lambda item: -item[1],
        )
        lines += [
            "**Output at 1,000 actions**, what the site has beyond the floor, largest first: "
            + "; ".join(f"{k} +{mb(extra)}" for k, extra in over[:8] if extra > 0)
            + ".",
            "",
        ]
    for size in sorted(sizes):
        first = get(sizes[size].browser, "first_load")
        if first and ("first_load_5000" in missed or size == 5000):
            parts = "; ".join(f"{e['path']} {kb(e['transferred'])}" for e in first["counted"][:6])
            lines += [
                f"**First load of /acties/ at {size:,}** "
                f"({kb(first['transferred_bytes'])}): {parts}.",
                "",
            ]
    if "search_growth" in missed:
        lines += search_parts(sizes)
    for size, key in ((1000, "click_1000"), (5000, "click_5000")):
        click = get(sizes.get(size), "browser", "click") if sizes.get(size) else None
        if key in missed and click and "per_click_ms" in click:
            per = click["per_click_ms"]
            lines += [
                f"**Filter click at {size:,}** ({ms(click['median_ms'])} median): Chromium's main "
                f"thread per click: {ms(per['task'])} of tasks, of which script "
                f"{ms(per['script'])}, "
                f"style recalculation {ms(per['recalcstyle'])}, layout {ms(per['layout'])}.",
                "",
            ]
    return lines


# What each Pagefind file of a search is, by its name.
SEARCH_PARTS = (
    (".pf_meta", "the page table (one entry per indexed page)"),
    (".pf_index", "the index chunks holding the words typed (each word's list of pages)"),
    (".pf_fragment", "the shown results (one fragment each)"),
    (".pagefind", "the search engine (WebAssembly)"),
    (".js", "the search script"),
)


def search_parts(sizes: dict[int, SizeResult]) -> list[str]:
    """A search's download per kind of Pagefind file, at each size: what grows."""
    rows: dict[str, dict[int, int]] = {}
    for size in sorted(sizes):
        for entry in get(sizes[size].browser, "search", "requests") or []:
            kind = next((name for end, name in SEARCH_PARTS if entry["path"].endswith(end)), "")
            if kind:
                rows.setdefault(kind, {}).setdefault(size, 0)
                rows[kind][size] += entry["transferred"]
    if not rows:
        return []
    lines = ["**A site search, per kind of Pagefind file** (gzip transferred):", ""]
    for kind, by_size in rows.items():
        figures = ", ".join(f"{kb(by_size.get(size, 0))} at {size:,}" for size in sorted(sizes))
        lines.append(f"- {kind}: {figures}")
    return [*lines, ""]


def render_markdown(report: dict, sizes: dict[int, SizeResult]) -> str:
    machine = report["machine"]
    lines = [
        "# Benchmark report",
        "",
        f"Run {report['finished']} on {machine['cpus']} CPUs ({machine['cpu_model']}), "
        f"Python {machine['python']}, MkDocs {machine['mkdocs']}, mkdocs-material "
        f"{machine['material']}, commit `{machine['commit']}`, in {report['duration_s'] / 60:.0f} "
        f"minutes. Load average (1, 5, 15 min) at the start {report['load_start']}, at the end "
        f"{report['load_end']}; per size: "
        + "; ".join(
            f"{n:,}: {sizes[n].load.get('start')} → {sizes[n].load.get('end')}"
            for n in sorted(sizes)
        )
        + ". Python speed check (a fixed loop, in seconds; higher is slower) before "
        "`validate` and at the end, per size: "
        + "; ".join(
            f"{n:,}: {sizes[n].speed.get('start')} → {sizes[n].speed.get('end')}"
            for n in sorted(sizes)
        )
        + ". The machine is shared: the floor is built in the same run, alternating with the "
        "site, and ratios are of medians; `validate` is absolute and moves with the speed "
        "check.",
        "",
        f"Reproduce: `{report['command']}`",
        "",
        "Runs per size (builds and validations): "
        + ", ".join(f"{n:,}: {sizes[n].runs}" for n in sorted(sizes))
        + ".",
        "",
        "## Targets",
        "",
        "| target | value | holds | note |",
        "| --- | ---: | --- | --- |",
    ]
    for key, verdict in report["targets"].items():
        holds = {True: "held", False: "**missed**", None: "not measured"}[verdict["holds"]]
        lines.append(
            f"| {verdict['target']} | {SHOWN[key](verdict['value'])} | {holds} "
            f"| {verdict['note']} |"
        )
    lines += ["", "## Figures", "", *table(sizes, figure_rows(sizes)), ""]
    why = why_missed(report, sizes)
    if why:
        lines += ["## What stops the missed targets", "", *why]
    lines += [
        "## Output per kind of file (site, and the floor's where it has that kind)",
        "",
        *table(sizes, output_rows(sizes)),
        "",
    ]
    problems = [(n, e) for n in sorted(sizes) for e in sizes[n].errors]
    problems += [
        (n, sizes[n].browser["error"]) for n in sorted(sizes) if sizes[n].browser.get("error")
    ]
    problems += [
        (n, sizes[n].browser["click"]["error"])
        for n in sorted(sizes)
        if (get(sizes[n].browser, "click") or {}).get("error")
    ]
    if problems:
        lines += ["## Errors during the run", ""]
        lines += [f"- {n:,} actions: " + " ".join(str(e).split())[:600] for n, e in problems]
        lines.append("")
    lines += [
        "## What was counted",
        "",
        "- Builds: wall time of `python -m mkdocs build --strict` as a child process, start-up "
        "included; CPU seconds are the build's and its image pool's (the operating system's "
        "accounting of the child and the processes it waited for). Cold: no `site/`, no "
        "`.cache/`; warm: `.cache/` of the build before. The floor is the same titles and "
        "Markdown bodies as pages of a plain mkdocs-material site (theme material, "
        "`font: false`, the search plugin, the same Markdown extensions, no hooks, pages out "
        "of the navigation with `not_in_nav`).",
        "- Output: every file of `site/`, by kind (bench/measure_output.py).",
        "- Browser (bench/measure_browser.py): Chromium at 412x915, a new context (empty "
        "cache) per measurement, the site served gzip-compressed (level 6) under its published "
        "path. Bytes are the response bodies as transferred (Playwright's `request.sizes()`). "
        "First load of /acties/: the document and every request of it that is not an image, "
        "a font, or a script or style that /over/ loads too (the theme's shared files); "
        "Material's search index and the sitemap its instant navigation fetches count. "
        "Search: requests under /pagefind/ from opening the home page until 1.5 s after the "
        "results of the query typed letter by letter into the header search field. Filter "
        "click: in the page, from `click()` on a filter checkbox until the text of "
        "`[data-ab-count-text]` changed, plus one animation frame and the task after it; "
        "controls spread over the filter groups, each clicked on and off, after the page has "
        "fetched its card data (as it does when a visitor reaches for the filters); median of "
        "the clicks.",
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


def parse_args(argv: list[str] | None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="100,1000,5000", type=lambda s: [int(x) for x in s.split(",") if x]
    )
    parser.add_argument("--runs", type=int, default=3, help="builds and validations per size")
    parser.add_argument("--large-runs", type=int, default=2, help="runs at 5,000 and more")
    parser.add_argument("--clicks", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--search-query", default=measure_browser.Options.search_query)
    parser.add_argument("--filter-control", default=measure_browser.Options.filter_control)
    parser.add_argument(
        "--profile",
        choices=["auto", "always", "never"],
        default="auto",
        help="cProfile a cold and a warm build at 1,000 when a build target is missed",
    )
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--serve", action="store_true", help="also time rebuilds under serve")
    parser.add_argument("--keep-sites", action="store_true")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument(
        "--work", type=Path, default=None, help="where generated projects go (bench/work)"
    )
    args = parser.parse_args(argv)
    args.browser_options = measure_browser.Options(
        clicks=args.clicks, search_query=args.search_query, filter_control=args.filter_control
    )
    return args


def profiles(report: dict, sizes: dict[int, SizeResult], args) -> None:
    missed = {k for k, v in report["targets"].items() if v["holds"] is False}
    size = 1000 if 1000 in sizes else max(sizes)
    if args.profile == "never":
        return
    project = WORK / f"n{size}"
    if args.profile == "always" or missed & {"cold_1000", "warm_1000"}:
        for name, cold in (("build_cold", True), ("build_warm", False)):
            log(f"profiling a {name.removeprefix('build_')} build at {size}")
            out = args.results / f"profile-{name.replace('_', '-')}-{size}.txt"
            report["profiles"][name] = measure_profile.profile_build(
                project, out, cold=cold, env=mkdocs_env(project)
            )
    if args.profile == "always" or "validate_1000" in missed:
        log(f"profiling actiebank validate at {size}")
        report["profiles"]["validate"] = measure_profile.profile_validate(
            project, args.results / f"profile-validate-{size}.txt", env=mkdocs_env(project)
        )


def main(argv: list[str] | None = None) -> int:
    global WORK
    args = parse_args(argv)
    if args.work is not None:
        WORK = args.work
    WORK.mkdir(parents=True, exist_ok=True)
    args.results.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    load_start = load()
    sizes: dict[int, SizeResult] = {}
    for size in args.sizes:
        sizes[size] = measure_size(size, args)
        log(f"[{size}] done")
    report = {
        "command": " ".join(
            [".venv/bin/python", "bench/run.py", *(argv if argv is not None else sys.argv[1:])]
        ),
        "machine": machine_info(),
        "load_start": load_start,
        "arguments": {
            k: (str(v) if isinstance(v, Path) else v)
            for k, v in vars(args).items()
            if k != "browser_options"
        },
        "targets": verdicts(sizes),
        "profiles": {},
        "sizes": {str(n): asdict(r) for n, r in sizes.items()},
    }
    profiles(report, sizes, args)
    report.update(
        finished=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        duration_s=round(time.perf_counter() - started, 1),
        load_end=load(),
    )
    (args.results / "report.json").write_text(
        json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (args.results / "report.md").write_text(render_markdown(report, sizes), encoding="utf-8")
    log(f"wrote {args.results / 'report.md'} and report.json in {report['duration_s']:.0f} s")
    for verdict in report["targets"].values():
        mark = {True: "held  ", False: "MISSED", None: "--    "}[verdict["holds"]]
        log(f"  {mark} {verdict['target']}: {verdict['value']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
