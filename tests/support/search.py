"""The site search's index as a test reads it: every indexed page with what Pagefind
stored for it (address, text, metadata, filters), from the fragments under /pagefind/."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from actiebank.routes import search_index_url

SIGNATURE = b"pagefind_dcd"


def indexed_pages(site_dir: Path) -> dict[str, dict]:
    """Site path (e.g. '/acties/buddy-haaglanden/') -> the page's stored record."""
    folder = Path(site_dir) / search_index_url() / "fragment"
    pages = {}
    for fragment in sorted(folder.glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(SIGNATURE), fragment
        record = json.loads(data[len(SIGNATURE) :])
        pages[record["url"]] = record
    return pages
