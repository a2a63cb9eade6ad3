"""Every action and story page says when an editor last checked it against its sources, and
says so plainly when that never happened or is more than eighteen months ago."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from actiebank.content.frontmatter import read_source
from actiebank.site.render import dutch_date
from actiebank.site.views import Views, months_between
from support import ROOT

NEVER = "De redactie heeft deze gegevens nog niet met de bronnen vergeleken."
DUE = "Dat is meer dan anderhalf jaar geleden"


def views_as_of(day: str) -> Views:
    return Views(
        catalogue=None,  # type: ignore[arg-type]
        index=None,  # type: ignore[arg-type]
        dates={},
        images=None,  # type: ignore[arg-type]
        renderer=None,  # type: ignore[arg-type]
        edit_base=None,
        as_of=day,
    )


def entry(data: dict) -> SimpleNamespace:
    return SimpleNamespace(data=data)


@pytest.mark.parametrize(
    "earlier, later, months",
    [
        ("2024-01-15", "2025-07-15", 18),
        ("2024-01-15", "2025-07-14", 17),
        ("2025-12-31", "2026-01-01", 0),
    ],
)
def test_months_between(earlier, later, months):
    assert months_between(earlier, later) == months


def test_a_review_is_due_after_eighteen_months_of_the_newest_content():
    views = views_as_of("2026-12-07")
    fresh = views.review(entry({"review": {"date": "2025-06-08", "by": "Redactie"}}))
    assert (fresh.day, fresh.by, fresh.due) == ("2025-06-08", "Redactie", False)
    assert views.review(entry({"review": {"date": "2025-06-07"}})).due
    never = views.review(entry({}))
    assert (never.day, never.due) == ("", True)


def test_every_entry_page_says_when_it_was_checked(built_site: Path):
    for kind, folder in (("acties", "actions"), ("verhalen", "cases")):
        for path in sorted((ROOT / "content" / folder).glob("*.md")):
            html = (built_site / kind / path.stem / "index.html").read_text(encoding="utf-8")
            review = (read_source(path).data or {}).get("review")
            if isinstance(review, dict) and review.get("date"):
                day = str(review["date"])
                assert f'Gecontroleerd met de bronnen op <time datetime="{day}">' in html, path
                assert dutch_date(day) in html, path
            else:
                assert NEVER in html, path
