"""The content model's sources, reviews and implementations: what counts as a source and as
a web address, which action a story's outcome measures, and when an outcome is measured
again ('replicated'), across an action and the stories that implement it."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from actiebank.content.evidence import measurements, replicated_measures
from actiebank.content.sources import SOURCE, WEB_ADDRESS, is_source, is_web_address
from support import catalogue_of

TODAY = date(2030, 1, 15)

ACTION = """---
title: {title}
summary: Deze samenvatting is lang genoeg om geldig te zijn voor het schema.
organisations: [{{name: Voorbeeldzorg}}]
regions: [haaglanden]
sectors: [vvt]
success_factors: [onboarding]
interventions: [buddy]
status: running
{extra}
---
Tekst.
"""

STORY = """---
title: {title}
date: 2024-02-01
summary: Een verhaal over het eerste jaar van het buddyprogramma bij Voorbeeldzorg.
organisations: [{{name: Voorbeeldzorg}}]
regions: [haaglanden]
actions: {actions}
{extra}
---
Het verhaal.
"""


def write_action(content: Path, slug: str, extra: str) -> None:
    (content / "actions" / f"{slug}.md").write_text(
        ACTION.format(title=f"Actie {slug}", extra=extra), encoding="utf-8"
    )


def write_story(content: Path, slug: str, actions: str, extra: str) -> None:
    (content / "cases" / f"{slug}.md").write_text(
        STORY.format(title=f"Verhaal {slug}", actions=actions, extra=extra), encoding="utf-8"
    )


def errors_of(content: Path, path: str) -> list[tuple[str, str]]:
    catalogue = catalogue_of(content, today=TODAY)
    return [(p.field, p.message) for p in catalogue.errors if p.path == f"content/{path}"]


NOT_A_SOURCE = [
    "   ",
    "\u00a0" * 12,
    "\u200b" * 12,
    "...",
    ".............",
    "http://",
    "https://",
    "http://a",
    "javascript:alert(1)",
    "data:text/html,<b>hallo</b>",
    "https://www.rijksoverheid.nl@evil.example/login",
    "https://www.rijksoverheid.nl\\@evil.example/login",
    'https://example.org/a"b',
    "https://ex\u0430mple.org/rapport",  # a Cyrillic a
    "12345678901",
]
SOURCES = [
    "https://www.transvorm.nl/actieprogramma-behoud",
    "http://a.nl",
    "https://xn--bcher-kva.example/",
    "Jaarverslag Zorggroep Noord 2023, p. 12",
    "Bron: Transvorm, nieuwsbrief maart 2024",
]


@pytest.mark.parametrize("value", NOT_A_SOURCE)
def test_what_is_no_source(value):
    assert not is_source(value)


@pytest.mark.parametrize("value", SOURCES)
def test_what_is_a_source(value):
    assert is_source(value)


@pytest.mark.parametrize(
    "value",
    [
        "https://www.rijksoverheid.nl@evil.example/login",
        "https://www.rijksoverheid.nl\\@evil.example/login",
        "https://example.org/a'b",
        "http://a",
        "https://ex\u0430mple.org/",
        "Jaarverslag 2023 van de organisatie",
        "javascript:alert(1)",
    ],
)
def test_what_never_becomes_a_link(value):
    assert not is_web_address(value)


def test_the_schemas_hold_the_same_patterns_as_the_code():
    from actiebank.content.schema import load_schema
    from support import SCHEMA_DIR

    for kind in ("action", "case"):
        schema = load_schema(kind, SCHEMA_DIR)
        assert schema["$defs"]["url"]["pattern"] == WEB_ADDRESS
        assert schema["$defs"]["source"]["pattern"] == SOURCE


@pytest.mark.parametrize("pattern", [WEB_ADDRESS, SOURCE])
@pytest.mark.parametrize(
    "text",
    [
        "http://" + "a" * 100_000,
        "http://" + "a-" * 50_000,
        "http://" + "a." * 50_000 + "-",
        "https://a.nl/" + "x" * 100_000 + " ",
        "." * 100_000,
        "a:" * 50_000,
        "ab " * 33_000 + "\u200b",
    ],
)
def test_the_patterns_run_in_linear_time_on_100_kb(pattern, text):
    import re

    compiled = re.compile(pattern)
    started = time.perf_counter()
    compiled.fullmatch(text)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    "value",
    [
        "'   '",
        "'\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0'",
        "'...'",
        "'http://'",
        "'javascript:alert(1)'",
    ],
)
def test_evaluated_with_a_blank_or_fake_source_is_refused(content, value):
    write_action(content, "onderzocht", f"evidence: {{level: evaluated, source: {value}}}")
    errors = errors_of(content, "actions/onderzocht.md")
    assert any(field == "evidence.source" and "geen bron" in message for field, message in errors)


def test_measured_with_a_blank_outcome_source_is_refused(content):
    write_action(
        content,
        "gemeten",
        "outcomes:\n  - {measure: outflow, result: improved, value: 3, unit: percent, "
        "source: '   '}\nevidence: {level: measured}",
    )
    fields = [field for field, _ in errors_of(content, "actions/gemeten.md")]
    assert "outcomes[0].source" in fields
    assert "evidence.level" in fields


OUTFLOW = (
    "{{measure: outflow, result: improved, value: {value}, unit: percent, "
    "period: '{period}', source: '{source}'}}"
)


def outcome(value=3, period="2023", source="https://example.org/rapport", action=""):
    text = OUTFLOW.format(value=value, period=period, source=source)
    return text[:-1] + f", action: {action}}}" if action else text


def test_two_identical_outcomes_do_not_make_replicated(content):
    write_action(
        content,
        "dubbel",
        f"outcomes:\n  - {outcome()}\n  - {outcome()}\nevidence: {{level: replicated}}",
    )
    assert [f for f, _ in errors_of(content, "actions/dubbel.md")] == ["evidence.level"]


def test_two_outcomes_of_one_place_and_period_do_not_make_replicated(content):
    write_action(
        content,
        "een-periode",
        f"outcomes:\n  - {outcome(3)}\n  - {outcome(5)}\nevidence: {{level: replicated}}",
    )
    assert [f for f, _ in errors_of(content, "actions/een-periode.md")] == ["evidence.level"]


def test_two_periods_of_the_action_itself_make_replicated(content):
    write_action(
        content,
        "twee-perioden",
        f"outcomes:\n  - {outcome(3, '2022')}\n  - {outcome(5, '2023')}\n"
        "evidence: {level: replicated}",
    )
    assert errors_of(content, "actions/twee-perioden.md") == []


def test_a_story_that_measures_the_same_outcome_makes_its_action_replicated(content):
    write_action(
        content, "herhaald", f"outcomes:\n  - {outcome()}\nevidence: {{level: replicated}}"
    )
    assert [f for f, _ in errors_of(content, "actions/herhaald.md")] == ["evidence.level"]
    write_story(
        content,
        "ook-gedaan",
        "[herhaald]",
        f"period: 2024\noutcomes:\n  - {outcome(4, '2024', 'Jaarverslag Zorggroep Zuid 2024')}",
    )
    assert errors_of(content, "actions/herhaald.md") == []
    assert errors_of(content, "cases/ook-gedaan.md") == []


def test_a_story_whose_outcome_has_no_real_source_does_not_count(content):
    write_action(
        content, "herhaald", f"outcomes:\n  - {outcome()}\nevidence: {{level: replicated}}"
    )
    write_story(content, "zonder-bron", "[herhaald]", f"outcomes:\n  - {outcome(4, '2024', '...')}")
    assert [f for f, _ in errors_of(content, "actions/herhaald.md")] == ["evidence.level"]
    assert ("outcomes[0].source") in [f for f, _ in errors_of(content, "cases/zonder-bron.md")]


def test_a_story_that_names_two_actions_says_which_one_each_outcome_measures(content):
    write_action(content, "eerste", "")
    write_action(content, "tweede", "")
    write_story(content, "twee-acties", "[eerste, tweede]", f"outcomes:\n  - {outcome()}")
    [(field, message)] = errors_of(content, "cases/twee-acties.md")
    assert field == "outcomes[0]"
    assert "action: eerste" in message
    write_story(
        content, "twee-acties", "[eerste, tweede]", f"outcomes:\n  - {outcome(action='derde')}"
    )
    [(field, message)] = errors_of(content, "cases/twee-acties.md")
    assert field == "outcomes[0].action"
    assert "'derde' staat niet bij 'actions'" in message
    write_story(
        content, "twee-acties", "[eerste, tweede]", f"outcomes:\n  - {outcome(action='tweede')}"
    )
    assert errors_of(content, "cases/twee-acties.md") == []


def test_an_outcome_counts_for_the_action_it_names(content):
    stories = {
        "s": {
            "actions": ["eerste", "tweede"],
            "outcomes": [
                {
                    "measure": "outflow",
                    "result": "improved",
                    "value": 3,
                    "unit": "percent",
                    "source": "https://example.org/a",
                    "action": "tweede",
                }
            ],
        }
    }
    assert measurements("eerste", {}, stories) == []
    [found] = measurements("tweede", {}, stories)
    assert found.place == "s"
    assert replicated_measures([found]) == []


def test_review_and_period_rules(content):
    write_action(content, "nagekeken", "review: {date: 2031-01-01, by: Redactie}")
    assert [f for f, _ in errors_of(content, "actions/nagekeken.md")] == ["review.date"]
    write_action(
        content, "nagekeken", "review: {date: 2029-12-01, by: Redactie, note: Bron klopt.}"
    )
    assert errors_of(content, "actions/nagekeken.md") == []
    write_action(content, "nagekeken", "review: {by: Redactie}")
    assert [f for f, _ in errors_of(content, "actions/nagekeken.md")] == ["review.date"]
    write_story(content, "periode", "[buddy-voor-starters]", "period: 2024-2021")
    [(field, message)] = errors_of(content, "cases/periode.md")
    assert field == "period"
    assert "'2021-2024'" in message
    write_story(
        content, "periode", "[buddy-voor-starters]", "period: 2021\nreview: {date: 2029-01-02}"
    )
    assert errors_of(content, "cases/periode.md") == []


@pytest.mark.parametrize(
    "url",
    [
        "https://www.rijksoverheid.nl@evil.example/login",
        "'https://www.rijksoverheid.nl\\\\@evil.example/login'",
        "'https://example.org/a\"b'",
        "http://a",
        "https://ex\u0430mple.org/",
    ],
)
def test_an_organisation_url_that_hides_its_host_is_refused(content, url):
    (content / "actions" / "adres.md").write_text(
        ACTION.format(title="Actie adres", extra="").replace(
            "[{name: Voorbeeldzorg}]", f"[{{name: Voorbeeldzorg, url: {url}}}]"
        ),
        encoding="utf-8",
    )
    errors = errors_of(content, "actions/adres.md")
    assert [f for f, _ in errors] == ["organisations[0].url"], errors
