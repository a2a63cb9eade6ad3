"""`actiebank new`: file names from titles, every field present, and a template that
cannot be published until it is filled in."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from actiebank.cli import main
from actiebank.contribute.scaffold import make_slug, new_entry
from actiebank.routes import STORY_PAGES, reserved_action_slugs
from actiebank.vocabulary import load_vocabularies
from support import SCHEMA_DIR, catalogue_of

RESERVED_ACTION_SLUGS = sorted(
    reserved_action_slugs(
        f.path for f in load_vocabularies(SCHEMA_DIR / "vocabularies.yaml").facets
    )
)

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Oriëntatiebaan – zij-instromers", "orientatiebaan-zij-instromers"),
        ("Fryslân: één team, vijf café's", "fryslan-een-team-vijf-cafes"),
        ("Buddy voor nieuwe collega's", "buddy-voor-nieuwe-collegas"),
        ("  Zuid  Holland!!  ", "zuid-holland"),
    ],
)
def test_slug_folds_dutch_diacritics_and_punctuation(title, slug):
    assert make_slug(title) == slug


def test_slug_is_unique_by_numbering():
    taken = {"buddy", "buddy-2"}
    assert make_slug("Buddy", taken) == "buddy-3"
    assert make_slug("Buddy", {"buddy"}) == "buddy-2"


@pytest.mark.parametrize("reserved", RESERVED_ACTION_SLUGS)
def test_an_action_never_gets_a_facet_name(reserved):
    slug = make_slug(reserved, reserved=frozenset(RESERVED_ACTION_SLUGS))
    assert slug != reserved and slug.startswith(reserved)
    story = make_slug(reserved, kind="case", reserved=frozenset(RESERVED_ACTION_SLUGS))
    # Stories do not share /acties/; only the names of the stories' own pages are theirs too.
    assert story == (f"{reserved}-verhaal" if reserved in STORY_PAGES else reserved)


def test_long_titles_are_cut_at_a_word_to_80_characters_even_with_a_number():
    title = "Een heel lang programma " * 8
    first = make_slug(title)
    second = make_slug(title, {first})
    for slug in (first, second):
        assert len(slug) <= 80 and SLUG.match(slug)
    assert second.endswith("-2") and second != first
    assert not first.endswith(("-een", "-he"))  # whole words, cut between words


def _yaml_keys(text: str) -> set[str]:
    """Field names written as YAML in the template (commented out or not), not as prose."""
    return set(re.findall(r'^\s*(?:#\s+)?(?:- )?([a-z_]+):(?: ""| \[\]| ".+")?$', text, re.M))


@pytest.mark.parametrize("kind", ["action", "case"])
def test_template_has_every_schema_field(content, kind, schema_paths):
    path = new_entry(kind, "Een titel voor de test", content, schema_dir=SCHEMA_DIR)
    text = path.read_text(encoding="utf-8")
    names = {p.replace("[]", "").rsplit(".", 1)[-1] for p in schema_paths(kind)}
    assert names <= _yaml_keys(text), names - _yaml_keys(text)
    # Allowed values come from the vocabularies file, with their Dutch labels.
    prose = " ".join(" ".join(re.sub(r"^\s*#+", "", line) for line in text.splitlines()).split())
    for term in load_vocabularies(SCHEMA_DIR / "vocabularies.yaml")["region"].terms:
        assert f"{term.slug} = {term.nl}" in prose, term.slug


def test_unfilled_action_fails_validation_naming_every_required_field(content):
    new_entry("action", "Oriëntatiebaan – zij-instromers", content, schema_dir=SCHEMA_DIR)
    catalogue = catalogue_of(content)
    assert not catalogue.actions, "an unfilled template must never be published"
    fields = {p.field for p in catalogue.errors}
    assert fields == {
        "summary",
        "organisations[0].name",
        "regions",
        "sectors",
        "success_factors",
        "interventions",
        "status",
    }
    messages = {p.field: p.message for p in catalogue.errors}
    assert messages["summary"] == "De tekst is 0 tekens lang. Schrijf 30 tot 400 tekens."
    assert messages["regions"].startswith("De lijst is leeg. Geef minstens 1 waarde. Kies uit: ")
    assert messages["status"] == (
        "Dit veld is leeg. Kies een status uit: idea (Idee), pilot, running (Loopt), "
        "completed (Afgerond), stopped (Gestopt)."
    )
    assert all(p.line > 1 for p in catalogue.errors), "each message points at its line"


def test_filled_in_action_passes(content, fill_action):
    path = new_entry("action", "Buddy voor nieuwe collega's", content, schema_dir=SCHEMA_DIR)
    path.write_text(fill_action(path.read_text(encoding="utf-8")), encoding="utf-8")
    catalogue = catalogue_of(content)
    assert catalogue.errors == []
    entry = catalogue.actions["buddy-voor-nieuwe-collegas"]
    assert entry.title == "Buddy voor nieuwe collega's"
    assert entry.data["regions"] == ["haaglanden"]
    assert "## Aanpak" in entry.body


def test_removing_the_hash_from_an_optional_field_is_all_it_takes(
    content, schema_paths, fill_action
):
    path = new_entry("action", "Buddy voor nieuwe collega's", content, schema_dir=SCHEMA_DIR)
    text = fill_action(path.read_text(encoding="utf-8"))
    lines = text.split("\n")
    # Uncomment the YAML (not the explanations) of every optional field.
    on = [
        re.sub(r"^(\s*)# ", r"\1", line)
        if re.match(r'^\s*#\s+(?:- )?[a-z_]+:(?: ""| \[\])?$', line)
        else line
        for line in lines
    ]
    front = "\n".join(on).split("---")[1]
    data = yaml.safe_load(front)
    assert set(data) == set(schema_paths("action")) & set(data)
    assert {"outcomes", "contact", "image", "links", "costs", "funding"} <= set(data)
    assert isinstance(data["outcomes"], list) and set(data["outcomes"][0]) >= {"measure", "unit"}
    assert set(data["contact"]) == {"name", "role", "organisation", "email", "url"}


def test_unfilled_case_fails_and_filled_case_passes(content, fill_action):
    action = new_entry("action", "Buddy voor nieuwe collega's", content, schema_dir=SCHEMA_DIR)
    action.write_text(fill_action(action.read_text(encoding="utf-8")), encoding="utf-8")
    path = new_entry(
        "case", "Zo houdt Zorggroep Testland starters vast", content, schema_dir=SCHEMA_DIR
    )
    failing = {p.field for p in catalogue_of(content).errors}
    assert {"date", "summary", "regions", "actions"} <= failing
    text = (
        path.read_text(encoding="utf-8")
        .replace('date: ""', "date: '2025-05-01'")
        .replace(
            'summary: ""',
            "summary: Hoe een buddy in het eerste jaar het verschil maakt voor nieuwe collega's.",
        )
        .replace('- name: ""', "- name: Zorggroep Testland")
        .replace("regions: []", "regions: [haaglanden]")
        .replace("actions: []", "actions: [buddy-voor-nieuwe-collegas]")
    )
    path.write_text(text, encoding="utf-8")
    catalogue = catalogue_of(content)
    assert catalogue.errors == []
    assert "zo-houdt-zorggroep-testland-starters-vast" in catalogue.cases


def test_command_prints_the_path_and_never_overwrites(content, capsys):
    assert main(["new", "action", "Vitaliteitscoach", "--content", str(content)]) == 0
    assert main(["new", "action", "Vitaliteitscoach", "--content", str(content)]) == 0
    out = capsys.readouterr().out.split()
    assert [Path(p).name for p in out] == ["vitaliteitscoach.md", "vitaliteitscoach-2.md"]
    assert all(Path(p).is_file() for p in out)


def test_command_refuses_a_title_without_letters(content, capsys):
    assert main(["new", "action", "–!?", "--content", str(content)]) == 2
    assert capsys.readouterr().err == (
        "Geef een titel met letters of cijfers, bijvoorbeeld: "
        'actiebank new action "Buddy voor nieuwe collega\'s"\n'
    )
    assert list((content / "actions").iterdir()) == []
