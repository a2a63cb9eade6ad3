"""Where a build's time goes: one `mkdocs build` under cProfile, cut into phases (and the
same for `actiebank validate`, with `profile_validate`).

    .venv/bin/python bench/measure_profile.py bench/work/n1000 [--cold] [--out FILE]

cProfile sees the building process only: with the image pool, the cards drawn by the
pool's processes show as the time `ImageStore.finish` waits for them. The phases are
the cumulative time of the named functions (MkDocs' own steps and the project's hooks);
each is measured once, so nested phases are listed under their parent.
"""

from __future__ import annotations

import argparse
import io
import os
import pstats
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (label, file name ending, function name, depth): depth 1 is a part of the build, 2 a part
# of the phase above it.
PHASES = (
    ("start-up: imports, configuration, plugins", "mkdocs/__main__.py", "<module>", 0),
    ("reading and checking the content (load_catalogue)", "catalogue.py", "load_catalogue", 1),
    ("checking entries: schema, rules, images", "catalogue.py", "check_entry", 2),
    ("reading front matter (YAML with positions)", "frontmatter.py", "read_source", 2),
    ("loading schema/vocabularies.yaml (every call)", "vocabulary.py", "load_vocabularies", 1),
    ("planning the site (plan_site)", "plan.py", "plan_site", 1),
    ("Open Graph cards drawn in this process", "images.py", "write_open_graph", 2),
    ("waiting for the image pool (ImageStore.finish)", "images.py", "finish", 2),
    ("image variants (WebP/JPEG)", "images.py", "_make_variants", 2),
    ("rendering cards (Views.card_html)", "views.py", "card_html", 2),
    ("Markdown to HTML for every page (_populate_page)", "build.py", "_populate_page", 1),
    ("theme templates and writing pages (_build_page)", "build.py", "_build_page", 1),
    ("the project's page templates (Page.render)", "pages.py", "render", 2),
    ("Material's base template", "material/templates/base.html", "root", 2),
    ("Content-Security-Policy on every page (with_policy)", "csp.py", "with_policy", 2),
    ("copying static files (images, assets)", "files.py", "copy_static_files", 1),
    ("after the build (search index, sitemap, publish)", "plugins.py", "on_post_build", 1),
)


# The same for `actiebank validate` over a project's content folder.
VALIDATE_PHASES = (
    ("actiebank validate, start-up included", "actiebank/cli.py", "<module>", 0),
    ("reading the files (load_catalogue)", "catalogue.py", "load_catalogue", 1),
    (
        "reading front matter: YAML, then a walk that records positions",
        "frontmatter.py",
        "_construct",
        2,
    ),
    ("checking each entry (check_entry)", "catalogue.py", "check_entry", 2),
    ("the schema (jsonschema)", "explain.py", "check_schema", 2),
    ("rules across fields", "rules.py", "check_rules", 2),
    ("images, decoded whole", "image_rules.py", "check_image", 2),
    ("the body: HTML, links, ids", "body.py", "check_body", 2),
    ("across files: titles, slugs, links", "crossfile.py", "check_catalogue", 2),
    ("loading schema/vocabularies.yaml", "vocabulary.py", "load_vocabularies", 1),
)


def phase_seconds(stats: pstats.Stats, phases=PHASES) -> list[tuple[str, int, float]]:
    """The cumulative seconds of each phase's function (the largest entry of that name)."""
    table = stats.stats  # type: ignore[attr-defined]
    out = []
    for label, ending, name, depth in phases:
        found = [
            value[3]
            for (filename, _line, function), value in table.items()
            if function == name and filename.endswith(ending)
        ]
        if found:
            out.append((label, depth, max(found)))
    return out


def profile_build(project: Path, out: Path, *, cold: bool, env: dict, top: int = 40) -> dict:
    """cProfile one build of `project` (cold: without its image cache); writes the listing
    (phases, then the costliest functions) to `out` and returns the phases."""
    project = Path(project).resolve()
    site = project / "site-profile"
    shutil.rmtree(site, ignore_errors=True)
    if cold:
        shutil.rmtree(project / ".cache", ignore_errors=True)
    try:
        return _profile(
            project,
            out,
            ["-m", "mkdocs", "build", "--site-dir", str(site)],
            env=env,
            phases=PHASES,
            title=f"build of {project.name} ({'cold' if cold else 'warm'} image cache)",
            top=top,
        )
    finally:
        shutil.rmtree(site, ignore_errors=True)


def profile_validate(project: Path, out: Path, *, env: dict, top: int = 40) -> dict:
    """cProfile `actiebank validate content` in `project`, as `profile_build` does a build."""
    project = Path(project).resolve()
    return _profile(
        project,
        out,
        ["-m", "actiebank.cli", "validate", "content"],
        env=env,
        phases=VALIDATE_PHASES,
        title=f"actiebank validate of {project.name}",
        top=top,
    )


def _profile(
    project: Path, out: Path, command: list[str], *, env: dict, phases, title: str, top: int
) -> dict:
    out = Path(out).resolve()
    stats_file = out.with_suffix(".prof")
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(stats_file), *command],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    wall = time.perf_counter() - started
    if done.returncode != 0 or not stats_file.is_file():
        return {"error": (done.stdout + done.stderr)[-2000:]}
    text = io.StringIO()
    stats = pstats.Stats(str(stats_file), stream=text)
    total = max(value[3] for value in stats.stats.values())  # type: ignore[attr-defined]
    found = phase_seconds(stats, phases)
    text.write(f"Profiled {title}, ")
    text.write(f"{wall:.1f} s wall under the profiler, load average {os.getloadavg()[0]:.1f}\n\n")
    for label, depth, seconds in found:
        text.write(f"{'  ' * depth}{seconds:8.2f} s  {100 * seconds / total:5.1f} %  {label}\n")
    text.write("\n")
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    out.write_text(text.getvalue(), encoding="utf-8")
    stats_file.unlink()
    return {
        "file": out.relative_to(ROOT).as_posix() if out.is_relative_to(ROOT) else str(out),
        "profiled_wall_s": round(wall, 1),
        "total_s": round(total, 2),
        "phases": [
            {"phase": label, "depth": depth, "seconds": round(seconds, 2)}
            for label, depth, seconds in found
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--cold", action="store_true", help="without the image cache")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    out = args.out or Path(f"/tmp/profile-{args.project.name}.txt")
    env = {
        **os.environ,
        "ACTIEBANK_ROOT": str(args.project.resolve()),
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])
        ),
        "NO_MKDOCS_2_WARNING": "1",
    }
    env.pop("ACTIEBANK_CACHE", None)
    result = profile_build(args.project, out, cold=args.cold, env=env)
    print(out.read_text(encoding="utf-8")[:3000] if "error" not in result else result["error"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
