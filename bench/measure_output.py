"""What a built site weighs, per kind of file: where the output size goes.

Used by bench/run.py for the Actiebank site and for the floor; runnable by itself on any
built site:

    .venv/bin/python bench/measure_output.py bench/work/n1000/site [--project bench/work/n1000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

# The kinds, in the order the report lists them.
KINDS = (
    "action pages",
    "story pages",
    "catalogue page (/acties/)",
    "facet value pages (/acties/<filter>/...)",
    "other pages",
    "Open Graph cards (PNG)",
    "image variants: WebP",
    "image variants: JPEG/PNG",
    "contributor images as uploaded",
    "catalogue data (JSON/JS for the list)",
    "feeds (RSS/Atom)",
    "exports (api/, data/, schema/)",
    "search: Material's lunr index and worker",
    "search: Pagefind",
    "web form (/admin/, Decap)",
    "theme and site scripts, styles, icons",
    "sitemap",
    "other files",
)


# A variant of a contributor image: <hash>-<width>.<format> (actiebank.site.images).
VARIANT = re.compile(r"[0-9a-f]{20}-[0-9]+\.(webp|jpg|png)")
LUNR = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


def gz(data: bytes) -> int:
    # Level 6 is what nginx, Apache and GitHub Pages' CDN serve by default.
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def kind_of(rel: str, action_slugs: set[str], facet_paths: set[str]) -> str:
    """The kind of one file of a built site, from its path relative to the site root."""
    parts = rel.split("/")
    top = parts[0]
    if rel.startswith("assets/og/"):
        return "Open Graph cards (PNG)"
    if rel.startswith("assets/images/") and VARIANT.fullmatch(parts[-1]):
        return "image variants: WebP" if rel.endswith(".webp") else "image variants: JPEG/PNG"
    if top == "images":
        return "contributor images as uploaded"
    if top == "pagefind" or "/pagefind/" in rel:
        return "search: Pagefind"
    if top == "search" or rel.startswith(
        ("assets/javascripts/lunr/", "assets/javascripts/workers/")
    ):
        return "search: Material's lunr index and worker"
    if top == "admin":
        return "web form (/admin/, Decap)"
    if top.startswith("sitemap.xml"):
        return "sitemap"
    if rel.endswith("feed.xml") or rel.endswith((".rss", ".atom")):
        return "feeds (RSS/Atom)"
    if top in ("api", "data", "schema"):
        return "exports (api/, data/, schema/)"
    if top == "assets":
        return "theme and site scripts, styles, icons"
    if top == "acties":
        return _catalogue_kind(parts, action_slugs, facet_paths)
    if top == "verhalen" and rel.endswith(".html"):
        return "story pages"
    if rel.endswith(".html"):
        return "other pages"
    return "other files"


def _catalogue_kind(parts: list[str], action_slugs: set[str], facet_paths: set[str]) -> str:
    if parts[1:] == ["index.html"]:
        return "catalogue page (/acties/)"
    if len(parts) == 3 and parts[2] == "index.html" and parts[1] in action_slugs:
        return "action pages"
    if parts[-1].endswith(".html") and parts[1] in facet_paths:
        return "facet value pages (/acties/<filter>/...)"
    if parts[-1].endswith(".html"):
        return "other pages"
    return "catalogue data (JSON/JS for the list)"


def sizes_by_kind(
    site: Path, action_slugs: Iterable[str], facet_paths: Iterable[str] = ()
) -> dict[str, dict[str, int]]:
    """For each kind: files, bytes and bytes gzip-compressed (text only; a PNG, JPEG or
    WebP counts as it is), plus a total."""
    slugs, facets = set(action_slugs), set(facet_paths)
    out: dict[str, dict[str, int]] = {}
    for path in sorted(p for p in Path(site).rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        kind = kind_of(rel, slugs, facets)
        data = path.read_bytes()
        entry = out.setdefault(kind, {"files": 0, "bytes": 0, "gzip_bytes": 0})
        entry["files"] += 1
        entry["bytes"] += len(data)
        compressed = path.suffix in (".png", ".jpg", ".jpeg", ".webp", ".avif", ".gz", ".woff2")
        entry["gzip_bytes"] += len(data) if compressed else gz(data)
    ordered = {kind: out[kind] for kind in KINDS if kind in out}
    ordered["total"] = {
        key: sum(entry[key] for entry in ordered.values())
        for key in ("files", "bytes", "gzip_bytes")
    }
    return ordered


def facet_paths_of(project: Path) -> set[str]:
    """The folders under /acties/ that are the catalogue's own (filters and their pages)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from actiebank.routes import reserved_action_slugs
    from actiebank.vocabulary import load_vocabularies

    vocabularies = load_vocabularies(project / "schema" / "vocabularies.yaml")
    return set(reserved_action_slugs(f.path for f in vocabularies.facets))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--project", type=Path, help="default: the site's parent folder")
    args = parser.parse_args(argv)
    project = args.project or args.site.resolve().parent
    slugs = [p.stem for p in (project / "content" / "actions").glob("*.md")]
    facets = facet_paths_of(project) if (project / "schema").is_dir() else set()
    print(json.dumps(sizes_by_kind(args.site, slugs, facets), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
