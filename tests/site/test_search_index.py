"""The site search's index of the sample catalogue: which pages are in it, what each is
found by and filtered on, and that its files come out the same on every build.

The browser tests (tests/browser/test_search.py) search the real site; here the index
itself is read back (tests/support/search.py)."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from actiebank.routes import search_index_url
from actiebank.site.search import SearchRecord
from actiebank.site.search_index import SIGNATURE, _decode, _encode, canonicalise
from actiebank.vocabulary import load_vocabularies
from support import SCHEMA_DIR
from support.search import indexed_pages


@pytest.fixture(scope="module")
def site(sample) -> Path:
    return sample / "site"


@pytest.fixture(scope="module")
def indexed(site) -> dict[str, dict]:
    return indexed_pages(site)


def page_text(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def test_actions_stories_and_editorial_pages_are_indexed_and_nothing_else(site, indexed):
    assert {"/acties/buddy-haaglanden/", "/acties/flexpool-twente/"} <= set(indexed)
    assert "/verhalen/verhaal-buddy/" in indexed
    kinds = {record["meta"]["soort"] for record in indexed.values()}
    assert kinds <= {"Actie", "Verhaal", "Pagina"}
    # Not the catalogue, its facet pages, the stories' list, redirects or the web form.
    for url in indexed:
        assert not url.startswith(("/acties/regio/", "/acties/sector/", "/admin")), url
    assert "/acties/" not in indexed and "/verhalen/" not in indexed


def test_an_action_carries_its_kind_summary_facets_and_traits(indexed):
    buddy = indexed["/acties/buddy-haaglanden/"]
    assert buddy["meta"]["soort"] == "Actie"
    assert buddy["meta"]["samenvatting"].startswith("Elke nieuwe wijkverpleegkundige")
    # The region's province too, with the labels of the vocabularies file.
    assert buddy["filters"]["Regio"] == ["Zuid-Holland", "Haaglanden"]
    assert buddy["filters"]["Succesfactor"] == ["Onboarding"]
    assert buddy["filters"]["Soort"] == ["Actie"]
    assert set(buddy["filters"]) == {"Soort", "Succesfactor", "Regio", "Sector", "Bewijs", "Status"}
    # Shown under the result: the most specific region, not also its province.
    traits = buddy["meta"]["kenmerken"].split(" · ")
    assert "Haaglanden" in traits and "Zuid-Holland" not in traits and "Onboarding" in traits


def test_an_action_is_found_by_the_synonyms_of_its_values_which_its_page_does_not_show(
    site, indexed
):
    buddy = indexed["/acties/buddy-haaglanden/"]["content"]
    page = page_text(site, "acties/buddy-haaglanden/").lower()
    # onboarding -> inwerkperiode, Haaglanden -> 's-Gravenhage, vvt -> wijkverpleging
    for synonym in ("inwerkperiode", "'s-gravenhage", "wijkverpleging"):
        assert synonym in buddy.lower(), synonym
        assert synonym not in page, f"{synonym} must not change what the page says"


def test_a_story_carries_its_regions_sectors_and_kind(indexed):
    story = indexed["/verhalen/verhaal-buddy/"]
    assert story["meta"]["soort"] == "Verhaal"
    assert story["filters"]["Soort"] == ["Verhaal"]
    assert "Haaglanden" in story["filters"]["Regio"] and "Zuid-Holland" in story["filters"]["Regio"]


def test_the_index_has_only_what_the_search_script_loads(site):
    folder = site / search_index_url()
    names = {p.name for p in folder.iterdir()}
    assert {"pagefind.js", "pagefind-entry.json", "wasm.nl.pagefind"} <= names
    assert not [n for n in names if "-ui." in n or "highlight" in n or "playground" in n]
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"nl"}  # Dutch stemming


def test_an_editorial_page_weighs_less_than_an_entry():
    page = SearchRecord(url="over/", title="Over", kind="Pagina", summary="", content="<p>x</p>")
    assert 'data-pagefind-weight="1"' in page.document("nl")
    lighter = SearchRecord(
        url="over/", title="Over", kind="Pagina", summary="", content="<p>x</p>", weight=0.1
    )
    assert 'data-pagefind-weight="0.1"' in lighter.document("nl")


def test_a_record_escapes_what_it_is_given():
    record = SearchRecord(
        url="acties/x/",
        title="A <b> & B",
        kind="Actie",
        summary='Met "aanhalingstekens"',
        content="<p>tekst</p>",
        words=["<script>"],
        filters={"Regio": ["Zuid-Holland"]},
    )
    document = record.document("nl")
    assert "<b>" not in document and "<script>" not in document
    assert "A &lt;b&gt; &amp; B" in document
    assert '<span data-pagefind-filter="Regio">Zuid-Holland</span>' in document


# ------------------------------------------------------------------ a fixed order


def pf_file(value) -> bytes:
    return gzip.compress(SIGNATURE + _encode(value), mtime=0)


def test_cbor_round_trip_of_what_pagefind_writes():
    value = ["1.5.2", [["nl_abc", 12], ["nl_def", 300]], [], [["Regio", "nl_1234567"]], -5, 70000]
    data = _encode(value)
    assert _decode(data, 0) == (value, len(data))


def test_filter_files_come_out_the_same_whatever_order_pagefind_wrote():
    values = [["Twente", [3, 1]], ["Haaglanden", [0]], ["Zuid-Holland", [0, 2]]]
    outputs = []
    for seed in range(4):
        shuffled = list(values)
        random.Random(seed).shuffle(shuffled)
        filters = [["Regio", "nl_aaaaaaa"], ["Soort", "nl_bbbbbbb"]]
        random.Random(seed).shuffle(filters)
        files = {
            "pagefind-entry.json": json.dumps(
                {"version": "1.5.2", "languages": {"nl": {"hash": "nl_0000000000"}}}
            ).encode(),
            "pagefind.nl_0000000000.pf_meta": pf_file(["1.5.2", [], [], filters, [], []]),
            "filter/nl_aaaaaaa.pf_filter": pf_file(["Regio", shuffled]),
            "filter/nl_bbbbbbb.pf_filter": pf_file(["Soort", [["Actie", [0, 1, 2, 3]]]]),
        }
        outputs.append(canonicalise(files))
    assert all(output == outputs[0] for output in outputs)
    entry = json.loads(outputs[0]["pagefind-entry.json"])
    meta_name = f"pagefind.{entry['languages']['nl']['hash']}.pf_meta"
    meta = _decode(gzip.decompress(outputs[0][meta_name]), len(SIGNATURE))[0]
    assert [name for name, _ in meta[3]] == ["Regio", "Soort"]
    regio = outputs[0][f"filter/{meta[3][0][1]}.pf_filter"]
    _, ordered = _decode(gzip.decompress(regio), len(SIGNATURE))[0]
    assert ordered == [["Haaglanden", [0]], ["Twente", [1, 3]], ["Zuid-Holland", [0, 2]]]


def test_a_file_in_another_format_is_refused():
    files = {
        "pagefind-entry.json": b'{"languages": {"nl": {"hash": "nl_0"}}}',
        # A map (CBOR major type 5): not in the format this version of Pagefind writes.
        "pagefind.nl_0.pf_meta": gzip.compress(SIGNATURE + b"\xa0", mtime=0),
    }
    with pytest.raises(ValueError):
        canonicalise(files)


def test_every_story_is_found_by_each_region_it_names(built_site):
    """Also a region no action names yet, which its page shows without a link."""
    vocabularies = load_vocabularies(SCHEMA_DIR / "vocabularies.yaml")
    pages = indexed_pages(built_site)
    cases = json.loads((built_site / "api" / "cases.json").read_text(encoding="utf-8"))
    for case in cases:
        record = pages[f"/verhalen/{case['slug']}/"]
        for region in case["regions"]:
            label = vocabularies["region"].label(region)
            assert label in record["filters"]["Regio"], (case["slug"], label)
