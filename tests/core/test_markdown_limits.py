"""Bodies that would stall or crash Python-Markdown are refused before the build, with a
message that says what to do; bodies within the limits render quickly."""

from __future__ import annotations

import time

import markdown
import pytest

from actiebank.content.body import MAX_BRACKETS, MAX_EMPHASIS, MAX_NESTING, nesting
from support import catalogue_of

ENTRY = """---
title: Actie met een lange tekst
summary: Deze samenvatting is lang genoeg om geldig te zijn voor het schema.
organisations: [{{name: Voorbeeldzorg}}]
regions: [haaglanden]
sectors: [vvt]
success_factors: [onboarding]
interventions: [buddy]
status: running
---
{body}
"""


def body_errors(content, body: str) -> list[str]:
    (content / "actions" / "lange-tekst.md").write_text(ENTRY.format(body=body), "utf-8")
    catalogue = catalogue_of(content)
    return [p.message for p in catalogue.errors if p.path.endswith("lange-tekst.md")]


@pytest.mark.parametrize(
    "body, words",
    [
        ("[" * (MAX_BRACKETS + 1), "'['"),
        ("*a" * (MAX_EMPHASIS + 1), "'*' of '_'"),
        ("- " * (MAX_NESTING + 1) + "tekst", "lijsten of citaten"),
        ("> " * (MAX_NESTING + 1) + "tekst", "lijsten of citaten"),
        ("- " * 5000 + "tekst", "lijsten of citaten"),  # was a RecursionError in the build
    ],
)
def test_a_body_that_would_stall_the_build_is_refused(content, body, words):
    [message] = body_errors(content, body)
    assert words in message and "kan de site niet opbouwen" in message


def test_a_body_within_the_limits_is_accepted_and_renders_quickly(content):
    body = "\n".join(
        ["## Aanpak", "- Een lijst", "  - met een tweede niveau", "> Een citaat", "1.5 procent"]
        + ["Een [link](https://example.org) en **vet**."] * 40
    )
    assert body_errors(content, body) == []
    for worst in ("[" * MAX_BRACKETS, "*a" * (MAX_EMPHASIS // 2), "- " * MAX_NESTING + "x"):
        started = time.perf_counter()
        markdown.markdown(worst, extensions=["attr_list", "md_in_html", "tables"])
        assert time.perf_counter() - started < 2.0


def test_nesting_counts_markers_not_text():
    assert nesting("- > 1. tekst") == 3
    assert nesting("tekst - met een streepje") == 0
    assert nesting("1.5 procent") == 0
    assert nesting("-geen lijst") == 0
