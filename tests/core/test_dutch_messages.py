"""Every message a contributor or editor reads from the checks is Dutch: the validator's
problems and warnings, its summary, its pull-request annotations and the import report.

The bad files of the other tests (every rule, every refused file in the folder) and a few
more mistakes of each kind of schema error are checked in one run; a message that still
holds English words fails, whichever rule wrote it.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest

from actiebank.contribute.importer import import_command
from actiebank.project import read_project
from actiebank.vocabulary import load_vocabularies
from support import SCHEMA_DIR, copy_project, run_cli
from support.bad_content import BAD, CASES, PLANTED, plant_images

# English words that a Dutch message has no use for. Values and field names stay as
# files write them (in quotes, or in a list after "Kies uit:"); none of them is here (a
# test below checks).
ENGLISH = frozenset(
    re.findall(
        r"\w+",
        """the not must should expected allowed please does cannot can with without only
        your you this that which field fields file folder write add remove use missing
        required character characters instead already between least most than and or but
        for from problem problems warning error wrote valid invalid nothing published mean
        are got found""",
    )
)
# A value or a name in quotes ('brabant', 'stopped_because'), what stands in code marks,
# and a path (content/actions/x.md); an apostrophe inside a Dutch word (zo'n, regio's) is
# not a quote.
_QUOTED = re.compile(r"(?<!\w)'[^'\n]*?'(?!\w)|`[^`\n]*`|\"[^\"\n]*\"|<[^>\n]*>|\S*/\S*")
_WHERE = re.compile(r"^(::(error|warning) [^:]*(::)?)|^[^ ]+:\d+:\d+: ")


def english_in(text: str) -> list[str]:
    """The English words in a message, outside its quoted values."""
    plain = _QUOTED.sub(" ", text)
    return [w for w in re.findall(r"[a-z]+", plain.lower()) if w in ENGLISH]


def field_names(node: object) -> set[str]:
    """Every name under `properties` in a schema, at any depth."""
    if isinstance(node, list):
        return {name for item in node for name in field_names(item)}
    if not isinstance(node, dict):
        return set()
    names = set(node.get("properties", {}))
    return names | {name for value in node.values() for name in field_names(value)}


def words_of_the_files() -> set[str]:
    """Every word a value, a field name or a page setting may hold, as files write them."""
    names = {"title", "description", "template", "hide", "search"}  # page settings
    for vocabulary in load_vocabularies(SCHEMA_DIR / "vocabularies.yaml").values():
        names.update(vocabulary.slugs)
    for kind in ("action", "case"):
        names |= field_names(json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text("utf-8")))
    return {word for name in names for word in re.findall(r"[a-z]+", name)}


def test_no_word_of_the_list_is_a_value_or_a_field_name():
    assert not ENGLISH & words_of_the_files()


@pytest.mark.parametrize(
    "message",
    [
        "'brabant' is not a region (did you mean 'noord-brabant'?)",
        "the required field 'regions' is missing; add it",
        "is 13 characters long; write 30 to 400 characters",
        "5 problems in 5 files; nothing is published until all are fixed.",
        "content/actions/x.md:1:1: warning: likely a duplicate of content/actions/y.md",
        "the front matter must be fields ('name: value' lines), not a list",
        "expected a number, got '12 %'",
    ],
)
def test_the_check_finds_english(message):
    assert english_in(message)


@pytest.mark.parametrize(
    "message",
    [
        "'brabant' is geen regio. Bedoelt u 'noord-brabant'?",
        "Op plaats 6 staat het onzichtbare teken U+001B. Verwijder het; zo'n teken komt vaak "
        "mee bij het kopiëren uit een pdf of een tekstverwerker.",
        "Een pagina kan macro's niet zelf aanzetten.",
        "Hier hoort tekst, maar er staat true. In dit bestand betekenen yes, no, on en off: "
        "true of false. Zet de tekst tussen aanhalingstekens.",
    ],
)
def test_the_check_passes_dutch(message):
    assert english_in(message) == []


# More mistakes, one per kind of schema error the bad files do not all show.
MORE_MISTAKES = [
    "costs: {}",
    "regions: zuid-holland",
    "title: yes",
    "summary: 12",
    "outcomes: [{measure: outflow, result: improved, value: '12 %', unit: percent}]",
    "started: 1800",
    "frobnicate: 1",
    "sectors: []",
    "regions: [utrecht, utrecht]",
    "started: true",
    "costs: {amount_eur: -5, per: year}",
    "organisations: [{url: 'https://example.org'}]",
    "contact: {name: ''}",
    "image: {src: /foto.png, alt: Een foto van het team}",
    "image: {src: ../../foto.png, alt: Een foto van het team}",
    "image: {src: ../images/buddy.pgn, alt: Een foto van het team}",
    "links: [{title: Meer, url: 'https://example.org', extra: 1}]",
    "related: [Flexpool]",
    "status: null",
    "status: ''",
    "status: stopped",
    "evidence: {level: measured}",
]
# A valid action that earns every review warning: old, without evidence, a value without
# a baseline, and a title like the fixture's buddy action.
WARNED = """\
---
title: Buddy voor starters in de wijkverpleging (nieuw)
summary: Een nieuwe wijkverpleegkundige krijgt het eerste halfjaar een vaste collega als buddy.
organisations: [{name: Zorggroep Oud}]
regions: [twente]
sectors: [vvt]
success_factors: [onboarding]
interventions: [buddy]
status: running
outcomes: [{measure: outflow, result: improved, value: 9, unit: percent}]
updated: 2020-01-10
---
"""


def more_mistakes(content: Path) -> None:
    """A copy of a valid action per mistake: the field's line replaced, or added."""
    lines = (content / "actions" / "flexpool-regio.md").read_text(encoding="utf-8").split("\n")
    closing = lines.index("---", 1)
    for number, mistake in enumerate(MORE_MISTAKES, start=1):
        field = mistake.split(":", 1)[0]
        front = [line for line in lines[1:closing] if not line.startswith(f"{field}:")]
        front = [
            f"title: Een actie met nog een fout, nummer {number}"
            if line.startswith("title:")
            else line
            for line in front
        ]
        text = "\n".join(["---", *front, mistake, *lines[closing:]])
        (content / "actions" / f"nog-een-fout-{number}.md").write_text(text, encoding="utf-8")
    (content / "actions" / "oud-en-zonder-bewijs.md").write_text(WARNED, encoding="utf-8")


@pytest.fixture
def bad_content(content: Path) -> Path:
    for name, *_ in CASES:
        shutil.copy(BAD / name, content / name)
    plant_images(content / "images")
    for name, text, _message in PLANTED:
        path = content.parent / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    more_mistakes(content)
    return content


def english_lines(output: str) -> list[tuple[str, list[str]]]:
    found = []
    for line in output.splitlines():
        # Where and which field stay as the file has them: only the wording is judged.
        wording = _WHERE.sub("", line)
        wording = re.sub(r"^[\w.\[\]]+: ", "", wording)
        if english_in(wording):
            found.append((line, english_in(wording)))
    return found


def test_every_message_of_validate_is_dutch(bad_content):
    result = run_cli("validate", "--warnings", cwd=bad_content.parent)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) > len(CASES) + len(PLANTED) + len(MORE_MISTAKES), result.stdout
    assert any(": waarschuwing: " in line for line in lines), "the warnings are checked too"
    assert english_lines(result.stdout + result.stderr) == []


def test_every_annotation_is_dutch(bad_content):
    result = run_cli("validate", "--warnings", "--format", "github", cwd=bad_content.parent)
    titles = re.findall(r",title=([^:]*)::", result.stdout)
    assert titles and all(t.startswith(("Fout in ", "Waarschuwing in ")) for t in titles)
    assert english_lines(result.stdout) == []


def test_the_import_report_is_dutch(tmp_path):
    project = copy_project(tmp_path / "project")
    broken = tmp_path / "voorstel.md"
    broken.write_text(
        "---\ntitle: Een voorstel met fouten\nsummary: Te kort.\nregions: [brabant]\n---\n",
        encoding="utf-8",
    )
    empty = tmp_path / "leeg.txt"
    empty.write_text("Beste redactie, hierbij mijn voorstel.\n", encoding="utf-8")
    half = tmp_path / "half.txt"
    half.write_text("---\ntitle: Een half voorstel\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    status = import_command(
        [broken, empty, half, tmp_path / "weg.eml"],
        read_project(project),
        display_base=project,
        out=out,
        err=err,
    )
    assert status == 2
    assert len(err.getvalue().splitlines()) == 4
    assert english_lines(out.getvalue() + err.getvalue()) == []
