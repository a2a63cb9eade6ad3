"""Every claim in the real catalogue can be traced (issue 26, "Content people can trust").

The rules, as the editorial guide (docs/redactie.md) states them:

- A figure (an outcome with a `value`, in an action or a story) carries its own `source`.
  A page's `links` are not enough: they do not say which page gave which number.
- A status that says an action ended (`completed`, `stopped`) rests on a source: the
  action's `evidence.source` or at least one web address in `links` (the content model
  allows both for an action). A stopped action also says why (`stopped_because`).
- An evidence level above "Beschreven" (`experiences`, `measured`, `replicated`,
  `evaluated`) names its source in `evidence.source`; "Gemeten" and "Herhaald gemeten"
  also need a sourced figure with a result other than "nog niet bekend".
- No editor's working note ("het deel dat wij konden lezen", "webadres niet
  teruggevonden", ...) stands in any text a visitor reads: title, summary, body and every
  note and text field of the front matter.
- Every entry carries `review.date`, the day an editor last checked it, not in the future.
- The reader is addressed as "u": no "je", "jij", "jou", "jouw", "jullie" as words in a
  title, summary, body or note. Quoted speech is allowed when it is marked: between
  quotation marks ("...", “...”, „...”, ‘...’, «...») or in a Markdown blockquote.
- An organisation's `url` is an https:// address (a check, not a warning).

Each check is a function that returns the problems it finds; the tests below run it over
the real catalogue, and over small bad examples to show that it does find them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from actiebank.content.sources import is_source, is_web_address
from support import ROOT, catalogue_of

CONTENT = ROOT / "content"

ABOVE_DESCRIBED = {"experiences", "measured", "replicated", "evaluated"}
NEEDS_A_FIGURE = {"measured", "replicated"}
ENDED = {"completed", "stopped"}

# Phrases that betray an editor's working note rather than a statement about the source.
# Lower case; matched against lower-cased text.
WORKING_NOTES = (
    "wij konden",
    "niet teruggevonden",
    "legt uit welk",
    "hebben wij niet",
    "wij vonden",
    "wij kennen alleen",
    "onze bronnen",
    "nog uitzoeken",
    "nog navragen",
    "nog aanvullen",
    "nog invullen",
    "nog checken",
    "nog controleren",
    "todo",
    "fixme",
    "[bron]",
    "bron?",
    "lorem ipsum",
)

# Informal address; "u" is the rule. Whole words only ("jeugd", "jezus" are fine).
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie|jezelf|jouzelf)\b", re.IGNORECASE)
# A quotation may run over a line break (bodies are wrapped), not over a blank line.
_INSIDE = r"(?:[^{close}\n]|\n(?![ \t]*\n)){{0,400}}"
QUOTED = re.compile(
    "|".join(
        f"{opening}{_INSIDE.format(close=closing)}[{closing}]"
        for opening, closing in (('"', '"'), ("“", "”"), ("„", "”“"), ("‘", "’"), ("«", "»"))
    )
)
BLOCKQUOTE = re.compile(r"^\s*>.*$", re.MULTILINE)
CODE = re.compile(r"`[^`]*`")
LINK_TARGET = re.compile(r"\]\([^)]*\)")

# Front-matter fields a visitor reads as the editors' own words (link titles and
# citations are the source's words, and quoted as such).
NOTE_FIELDS = (
    ("evidence", "note"),
    ("costs", "note"),
    ("review", "note"),
    ("image", "alt"),
)


@pytest.fixture(scope="module")
def entries():
    catalogue = catalogue_of(CONTENT)
    assert catalogue.errors == [], "\n".join(map(str, catalogue.errors))
    return [*catalogue.actions.values(), *catalogue.cases.values()]


def _reader_texts(data: dict[str, Any], body: str) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a visitor reads in the editors' own words."""
    yield "title", str(data.get("title", ""))
    yield "summary", str(data.get("summary", ""))
    yield "body", body
    if isinstance(data.get("stopped_because"), str):
        yield "stopped_because", data["stopped_because"]
    for parent, child in NOTE_FIELDS:
        value = (data.get(parent) or {}).get(child)
        if isinstance(value, str):
            yield f"{parent}.{child}", value
    for index, outcome in enumerate(data.get("outcomes") or []):
        if isinstance(outcome.get("note"), str):
            yield f"outcomes[{index}].note", outcome["note"]


def _all_strings(value: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """Every string in the front matter, with its field path."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _all_strings(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _all_strings(item, f"{where}[{index}]")


def figures_without_source(data: dict[str, Any]) -> list[str]:
    return [
        f"outcomes[{index}]: the figure {outcome['value']} has no source of its own"
        for index, outcome in enumerate(data.get("outcomes") or [])
        if "value" in outcome and not is_source(outcome.get("source"))
    ]


def ended_without_source(data: dict[str, Any]) -> list[str]:
    status = data.get("status")
    if status not in ENDED:
        return []
    problems = []
    evidence = data.get("evidence") or {}
    links = [link.get("url") for link in data.get("links") or []]
    if not is_source(evidence.get("source")) and not any(map(is_web_address, links)):
        problems.append(f"status {status!r} rests on no source (evidence.source or links)")
    if status == "stopped" and not data.get("stopped_because"):
        problems.append("status 'stopped' without stopped_because")
    return problems


def evidence_without_source(data: dict[str, Any]) -> list[str]:
    evidence = data.get("evidence") or {}
    level = evidence.get("level")
    if level not in ABOVE_DESCRIBED:
        return []
    problems = []
    if not is_source(evidence.get("source")):
        problems.append(f"evidence level {level!r} without evidence.source")
    if level in NEEDS_A_FIGURE and not any(
        "value" in outcome
        and is_source(outcome.get("source"))
        and outcome.get("result") not in (None, "pending")
        for outcome in data.get("outcomes") or []
    ):
        problems.append(f"evidence level {level!r} without a sourced, known figure")
    return problems


def working_notes(data: dict[str, Any], body: str) -> list[str]:
    found = []
    texts = [("body", body), *_all_strings(data)]
    for where, text in texts:
        folded = text.lower()
        found += [f"{where}: {phrase!r}" for phrase in WORKING_NOTES if phrase in folded]
    return found


def review_problems(data: dict[str, Any], today: date) -> list[str]:
    review = data.get("review")
    if not isinstance(review, dict) or not review.get("date"):
        return ["no review.date"]
    try:
        day = date.fromisoformat(str(review["date"]))
    except ValueError:
        return [f"review.date {review['date']!r} is not a date"]
    return [f"review.date {day} is in the future"] if day > today else []


def informal_address(data: dict[str, Any], body: str) -> list[str]:
    found = []
    for where, text in _reader_texts(data, body):
        plain = BLOCKQUOTE.sub(" ", text)
        plain = LINK_TARGET.sub(")", CODE.sub(" ", plain))
        plain = QUOTED.sub(" ", plain)
        found += [f"{where}: {match.group(0)!r}" for match in INFORMAL.finditer(plain)]
    return found


def organisation_urls(data: dict[str, Any]) -> list[str]:
    return [
        f"organisations[{index}].url {organisation['url']!r} is not an https:// address"
        for index, organisation in enumerate(data.get("organisations") or [])
        if "url" in organisation
        and not (
            str(organisation["url"]).startswith("https://") and is_web_address(organisation["url"])
        )
    ]


def _report(entries, check) -> str:
    lines = [f"{entry.display}: {problem}" for entry in entries for problem in check(entry)]
    return "\n".join(lines)


# The real catalogue.


def test_every_figure_names_its_own_source(entries):
    assert _report(entries, lambda e: figures_without_source(e.data)) == ""


def test_every_ended_action_rests_on_a_source(entries):
    assert _report(entries, lambda e: ended_without_source(e.data)) == ""


def test_every_evidence_level_above_described_names_its_source(entries):
    assert _report(entries, lambda e: evidence_without_source(e.data)) == ""


def test_no_working_note_reaches_a_page(entries):
    assert _report(entries, lambda e: working_notes(e.data, e.body)) == ""


def test_every_entry_says_when_it_was_checked(entries):
    today = date.today()
    assert _report(entries, lambda e: review_problems(e.data, today)) == ""


def test_the_reader_is_addressed_as_u(entries):
    assert _report(entries, lambda e: informal_address(e.data, e.body)) == ""


def test_every_organisation_url_is_https(entries):
    assert _report(entries, lambda e: organisation_urls(e.data)) == ""


# The checks find what they look for.


def test_the_checks_catch_untraceable_claims():
    bad = {
        "status": "stopped",
        "outcomes": [{"measure": "outflow", "result": "improved", "value": 8, "unit": "percent"}],
        "evidence": {"level": "measured", "note": "Eén cijfer."},
        "organisations": [{"name": "Zorggroep", "url": "http://zorggroep.example.nl/"}],
    }
    assert figures_without_source(bad) == ["outcomes[0]: the figure 8 has no source of its own"]
    assert ended_without_source(bad) == [
        "status 'stopped' rests on no source (evidence.source or links)",
        "status 'stopped' without stopped_because",
    ]
    assert evidence_without_source(bad) == [
        "evidence level 'measured' without evidence.source",
        "evidence level 'measured' without a sourced, known figure",
    ]
    assert organisation_urls(bad) == [
        "organisations[0].url 'http://zorggroep.example.nl/' is not an https:// address"
    ]
    # A pending figure does not make "Gemeten", and " " is no source.
    pending = {
        "evidence": {"level": "measured", "source": "https://example.nl/verslag"},
        "outcomes": [{"value": 3, "result": "pending", "source": " "}],
    }
    assert evidence_without_source(pending) == [
        "evidence level 'measured' without a sourced, known figure"
    ]
    assert figures_without_source(pending) == ["outcomes[0]: the figure 3 has no source of its own"]


def test_sourced_claims_pass():
    good = {
        "status": "completed",
        "links": [{"title": "Verslag", "url": "https://example.nl/verslag"}],
        "outcomes": [
            {
                "measure": "absenteeism",
                "result": "improved",
                "value": 2,
                "unit": "percent",
                "source": "IZZ, magazine Inzicht nr. 2 (juni 2017)",
            }
        ],
        "evidence": {"level": "measured", "source": "IZZ, magazine Inzicht nr. 2 (juni 2017)"},
        "organisations": [{"name": "IZZ", "url": "https://www.izz.example/"}, {"name": "LEF"}],
    }
    assert figures_without_source(good) == []
    assert ended_without_source(good) == []
    assert evidence_without_source(good) == []
    assert organisation_urls(good) == []


def test_working_notes_are_found_in_the_body_and_in_every_field():
    data = {
        "summary": "Een actie in Noord-Brabant.",
        "evidence": {"note": "Webadres niet teruggevonden."},
    }
    body = "## Resultaten\n\nIn het deel dat wij konden lezen, staat geen cijfer. TODO: bron"
    assert working_notes(data, body) == [
        "body: 'wij konden'",
        "body: 'todo'",
        "evidence.note: 'niet teruggevonden'",
    ]
    assert working_notes({"summary": "De bron noemt geen cijfers."}, "Geen cijfers.") == []


def test_review_date_is_required_and_not_in_the_future():
    today = date(2026, 12, 7)
    assert review_problems({}, today) == ["no review.date"]
    assert review_problems({"review": {"by": "Redactie"}}, today) == ["no review.date"]
    assert review_problems({"review": {"date": "2027-01-01"}}, today) == [
        "review.date 2027-01-01 is in the future"
    ]
    assert review_problems({"review": {"date": "2026-12-07"}}, today) == []


def test_informal_address_is_found_but_marked_quotes_are_allowed():
    data = {
        "title": "Een poster over je loopbaan",
        "summary": "Medewerkers kiezen zelf.",
        "evidence": {"note": "Jullie kunnen dit nalezen."},
    }
    body = (
        'Op de poster staat "Weet jij al welke stap je neemt?".\n\n'
        "> Je bent wakker wanneer je moet slapen.\n\n"
        'Het evenement heette "Hoe is\nhet met jou?".\n\n'
        "Kijk wat u kunt doen, en wat jouw team nodig heeft.\n\n"
        "Het [artikel](https://example.nl/je-loopbaan) over jeugdzorg."
    )
    assert informal_address(data, body) == [
        "title: 'je'",
        "body: 'jouw'",
        "evidence.note: 'Jullie'",
    ]
