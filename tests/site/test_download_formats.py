"""The data page names each download's format in one pair of brackets: a reader sees
"(XLSX, voor Excel)", never "(XLSX (Excel))"."""

from __future__ import annotations

import re


def test_each_download_format_stands_in_one_pair_of_brackets(built_site):
    page = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    formats = re.findall(r'<span class="ab-downloads__format">\((.*?)\)</span>', page)
    assert len(formats) >= 5, formats
    assert not [f for f in formats if "(" in f or ")" in f], formats
