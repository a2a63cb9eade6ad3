"""Builds that change something: a new action, a long facet, a rebuild.

(A bad entry that stops the build: tests/core/test_build_refuses.py and
tests/quality/test_faults.py; two builds byte-identical: tests/quality/test_determinism.py.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from support import build_site
from support.sample_catalogue import ACTIONS as SAMPLE_ACTIONS
from support.search import indexed_pages

pytestmark = pytest.mark.slow  # builds and rebuilds projects of its own


def slugs_on(page: str) -> list[str]:
    return re.findall(r'<li class="ab-card" data-slug="([^"]+)"', page)


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


NEW_ACTION = """\
---
title: Oriëntatiebaan voor zij-instromers in Zuid-Limburg
summary: Zij-instromers werken drie maanden betaald mee voordat ze aan een opleiding beginnen.
organisations:
  - name: Zorg Zuid-Limburg
regions: [zuid-limburg]
sectors: [vvt]
success_factors: [onboarding]
interventions: [orientation-job]
status: running
target_groups: [career-switchers]
outcomes:
  - measure: inflow
    result: improved
updated: 2026-01-05
---
Nieuw.
"""


def test_a_new_action_appears_everywhere_a_visitor_looks(tmp_path, make_project):
    project = make_project(
        tmp_path / "p", actions={**SAMPLE_ACTIONS, "orientatiebaan-limburg": NEW_ACTION}
    )
    build_site(project)
    site = project / "site"
    slug = "orientatiebaan-limburg"
    assert (site / "acties" / slug / "index.html").is_file()
    assert slug in slugs_on(html(site, "acties"))
    cards = json.loads((site / "acties/kaarten.json").read_text(encoding="utf-8"))["cards"]
    assert slug in [card["slug"] for card in cards]
    assert (site / "acties" / slug / "feiten.json").is_file()
    for facet_page in (
        "regio/zuid-limburg",
        "regio/limburg",
        "succesfactor/onboarding",
        "resultaat/instroom",
        "sector/vvt",
        "doelgroep/zij-instromers",
        "interventie/orientatiebaan",
        "status/loopt",
    ):
        assert slug in slugs_on(html(site, f"acties/{facet_page}")), facet_page
        assert f"/acties/{slug}/" in (site / "acties" / facet_page / "feed.xml").read_text()
    home = html(site, ".")
    assert slugs_on(home[home.index('id="ab-new-actions"') :])[0] == slug
    assert 'href="acties/regio/limburg/"' in home
    assert f"/acties/{slug}/" in (site / "feed.xml").read_text(encoding="utf-8")
    assert f'"slug": "{slug}"' in (site / "api/actions.json").read_text(encoding="utf-8")
    assert f"\n{slug}," in (site / "api/actions.csv").read_text(encoding="utf-8-sig")
    assert f"/acties/{slug}/" in indexed_pages(site)


def test_a_rebuild_reuses_drawn_images(tmp_path, make_project):
    project = make_project(tmp_path / "p")
    cache = project / ".cache" / "actiebank"  # its own, not the one the test builds share

    def build(project):
        build_site(project, env={"ACTIEBANK_CACHE": str(cache)})

    build(project)
    drawn = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    assert any(p.suffix == ".webp" for p in drawn) and any(p.parent.name == "og" for p in drawn)
    build(project)
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()} == drawn
    # A changed title draws a new card; the unchanged ones stay.
    text = (project / "content/actions/flexpool-twente.md").read_text(encoding="utf-8")
    (project / "content/actions/flexpool-twente.md").write_text(
        text.replace("Regionale flexpool in Twente", "Regionale flexpool voor heel Twente"),
        encoding="utf-8",
    )
    build(project)
    after = {p for p in cache.rglob("*.png") if p.parent.name == "og"}
    assert len(after) == len([p for p in drawn if p.parent.name == "og"]) + 1


def test_long_facet_pages_are_paginated(tmp_path, make_project):
    template = (
        SAMPLE_ACTIONS["flexpool-twente"]
        .replace("related: [buddy-haaglanden]\n", "")
        .replace("[buddy in Haaglanden](../actions/buddy-haaglanden.md#aanpak)", "buddy")
    )
    actions = {}
    for number in range(1, 53):
        actions[f"flexpool-{number:02d}"] = template.replace(
            "Regionale flexpool in Twente", f"Regionale flexpool nummer {number}"
        ).replace("updated: 2023-01-10", f"updated: 2023-01-{(number % 28) + 1:02d}")
    project = make_project(tmp_path / "p", actions=actions, cases={})
    build_site(project)
    site = project / "site"
    first = html(site, "acties/regio/twente")
    second = html(site, "acties/regio/twente/2")
    assert len(slugs_on(first)) == 48 and len(slugs_on(second)) == 4
    assert set(slugs_on(first)) | set(slugs_on(second)) == set(actions)
    assert 'href="../../../acties/regio/twente/2/"' in first
    assert 'href="../../../../acties/regio/twente/"' in second
    assert '<span aria-current="page">2</span>' in second
    assert not (site / "acties/regio/twente/3").exists()
    # The catalogue page carries the first 48 cards and says where the rest are without
    # JavaScript; its card data holds every action for the filter script.
    catalogue = html(site, "acties")
    assert len(slugs_on(catalogue)) == 48
    assert "Hier staan de eerste 48 van de 52 acties." in catalogue
    assert "Toon 4 acties meer" in catalogue
    cards = json.loads((site / "acties/kaarten.json").read_text(encoding="utf-8"))["cards"]
    assert {card["slug"] for card in cards} == set(actions)
