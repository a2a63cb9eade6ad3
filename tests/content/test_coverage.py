"""The real catalogue meets the coverage the first release promises (issue 4): enough
actions and stories that every facet has something to show, every figure traceable to a
public source, and no contact details beyond what the sources published."""

from __future__ import annotations

import re

import pytest
import yaml
from PIL import Image

from actiebank.site.facets import build_facet_index, field_values
from actiebank.vocabulary import load_vocabularies
from support import ROOT, SCHEMA_DIR, catalogue_of

CONTENT = ROOT / "content"

# The only e-mail addresses the source pages published; anything else would be invented.
PUBLISHED_EMAILS = {"teddy@lefgroningen.nl", "j.nihof@zorgzijnwerkt.nl", "maartje@care2care.nl"}

NAMED_ACTIONS = {
    # The five Zuid-Holland Noord projects.
    "zhn-versneld-opleiden-niveau-2-naar-3",
    "zhn-orientatiebaan",
    "zhn-technologie-voor-werkplezier",
    "zhn-vitaliteitscoaches",
    "zhn-scholing-flexibele-medewerkers",
    # The Noord-Brabant programme's example actions.
    "brabant-buddysysteem",
    "brabant-flexpool",
    "brabant-functies-opknippen",
    "brabant-leerhuizen",
    "brabant-app-voor-starters",
    # Route map, Groningen idea, and the stopped action with its lessons.
    "regionale-routekaart-loopbaan-haaglanden-rijn-gouwe",
    "rebellen-met-rimpels",
    "flexpertise-zorg-apeldoorn",
}


@pytest.fixture(scope="module")
def catalogue():
    return catalogue_of(CONTENT)


@pytest.fixture(scope="module")
def vocabularies():
    return load_vocabularies(SCHEMA_DIR / "vocabularies.yaml")


def values(catalogue, field: str) -> set[str]:
    return {v for entry in catalogue.actions.values() for v in entry.data.get(field, [])}


def test_every_entry_is_valid(catalogue):
    assert catalogue.errors == [], "\n".join(map(str, catalogue.errors))
    on_disk_actions = sorted(p.stem for p in (CONTENT / "actions").glob("*.md"))
    on_disk_cases = sorted(p.stem for p in (CONTENT / "cases").glob("*.md"))
    assert sorted(catalogue.actions) == on_disk_actions
    assert sorted(catalogue.cases) == on_disk_cases


def test_at_least_twenty_actions_and_five_stories(catalogue):
    assert len(catalogue.actions) >= 20
    assert len(catalogue.cases) >= 5


def test_the_actions_named_in_the_issue_are_there(catalogue):
    assert NAMED_ACTIONS - set(catalogue.actions) == set()
    assert catalogue.actions["rebellen-met-rimpels"].data["status"] == "idea"
    assert catalogue.actions["flexpertise-zorg-apeldoorn"].data["status"] == "stopped"


def test_all_three_success_factors(catalogue, vocabularies):
    assert values(catalogue, "success_factors") == set(vocabularies["success_factor"].slugs)


def test_every_status_and_each_stopped_action_tells_its_lessons(catalogue, vocabularies):
    statuses = {e.data["status"] for e in catalogue.actions.values()}
    assert statuses == set(vocabularies["status"].slugs)
    for entry in catalogue.actions.values():
        if entry.data["status"] == "stopped":
            assert "## Lessen" in entry.body, entry.slug


def test_eight_regions_in_five_provinces(catalogue, vocabularies):
    region = vocabularies["region"]
    used = values(catalogue, "regions")
    labour_market_regions = {slug for slug in used if region.by_slug[slug].parent}
    provinces = {region.by_slug[slug].parent or slug for slug in used if slug != "national"}
    assert len(labour_market_regions) >= 8, sorted(labour_market_regions)
    assert len(provinces) >= 5, sorted(provinces)


def test_six_sectors_and_eight_interventions(catalogue):
    assert len(values(catalogue, "sectors")) >= 6
    assert len(values(catalogue, "interventions")) >= 8


def test_every_facet_has_entries(catalogue, vocabularies):
    # A filter with a value for "not given" (costs: "Niet bekend") counts that value: no
    # source yet gives what an action costs one organisation a year, and none is guessed.
    for facet in build_facet_index(catalogue):
        assert facet.used_terms(), f"the facet {facet.name} has no entries"
    for spec in vocabularies.facets:
        if spec.missing is None:
            used = {
                v
                for entry in catalogue.actions.values()
                for v in field_values(entry.data, spec.field)
            }
            assert used & set(vocabularies[spec.vocabulary].slugs), spec.path


def test_every_story_describes_existing_actions_and_has_an_image(catalogue):
    for case in catalogue.cases.values():
        assert set(case.data["actions"]) <= set(catalogue.actions), case.slug
        assert "image" in case.data, case.slug
    featured = [c for c in catalogue.cases.values() if c.data.get("featured")]
    assert 2 <= len(featured) <= 3


def test_every_figure_carries_its_source(catalogue):
    for entry in catalogue.actions.values():
        for outcome in entry.data.get("outcomes", []):
            if "value" in outcome:
                assert outcome.get("source") or entry.data.get("links"), entry.slug
            # A pending or qualitative outcome without a figure must say what is known.
            if "value" not in outcome:
                assert outcome.get("note"), entry.slug
    for entry in [*catalogue.actions.values(), *catalogue.cases.values()]:
        # A source page by its address or, where no address of it is known, a citation: an
        # action's evidence.source, a story's "Dit verhaal is gebaseerd op ..." in its text.
        cited = (entry.data.get("evidence") or {}).get("source") or re.search(
            r"Dit verhaal is gebaseerd op .*?\b(19|20)\d\d\b", entry.body, re.S
        )
        assert entry.data.get("links") or cited, f"{entry.slug} names no source"


def test_contact_details_are_only_those_the_sources_published(catalogue):
    for entry in [*catalogue.actions.values(), *catalogue.cases.values()]:
        found = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", entry.body))
        contact = entry.data.get("contact") or {}
        if contact.get("email"):
            found.add(contact["email"])
        assert found <= PUBLISHED_EMAILS, f"{entry.slug}: {found - PUBLISHED_EMAILS}"


def test_summaries_are_plain_text(catalogue):
    for entry in [*catalogue.actions.values(), *catalogue.cases.values()]:
        assert not re.search(r"[<>*_`\[\]#]", entry.data["summary"]), entry.slug


def test_story_images_are_light_illustrations(catalogue):
    for case in catalogue.cases.values():
        path = (case.path.parent / case.data["image"]["src"]).resolve()
        assert path.stat().st_size < 200_000, path.name
        with Image.open(path) as image:
            assert (image.format, image.size) == ("PNG", (1200, 675)), path.name


def test_home_page_front_matter_and_links():
    text = (CONTENT / "index.md").read_text(encoding="utf-8")
    front, body = text.split("---\n", 2)[1:]
    meta = yaml.safe_load(front)
    assert set(meta) == {"template", "title", "description", "hide"}
    assert meta["hide"] == ["navigation", "toc"]  # the home page is a way in, not a document
    assert (meta["template"], meta["title"]) == ("home.html", "Actiebank")
    assert "(acties/index.md)" in body and "(verhalen/index.md)" in body
    assert "190.000" in body and "prognosemodelzw.nl" in body


def test_about_page_states_the_licences():
    text = (CONTENT / "over.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in text and "EUPL-1.2" in text


def test_every_action_has_an_evidence_level_and_says_what_it_rests_on(catalogue):
    for entry in catalogue.actions.values():
        evidence = entry.data.get("evidence")
        assert evidence and evidence.get("level"), f"{entry.slug} has no evidence level"
        if evidence["level"] != "idea":
            assert evidence.get("note") or evidence.get("source"), entry.slug


def test_the_catalogue_has_grown_as_far_as_its_sources_allow(catalogue):
    # Issue 12: at least 35 actions and 8 stories, more than one of them about what did
    # not work, and figures beyond participant counts.
    assert len(catalogue.actions) >= 35 and len(catalogue.cases) >= 8
    stopped = [e for e in catalogue.actions.values() if e.data["status"] == "stopped"]
    assert all(e.data.get("stopped_because") for e in stopped)
    measures = {
        o["measure"]
        for e in catalogue.actions.values()
        for o in e.data.get("outcomes", [])
        if "value" in o
    }
    assert measures - {"participants"}, measures
