"""Review warnings: a likely duplicate names the other file, an entry unchanged for two
years asks its contact to confirm it, the real catalogue raises neither, and warnings never
fail the check."""

from __future__ import annotations

import json
import os
import re
import subprocess
from datetime import date
from pathlib import Path

from actiebank.cli import main
from actiebank.content.review import review_catalogue
from support import ROOT, catalogue_of

TODAY = date(2026, 11, 23)


def _set(text: str, field: str, value: str) -> str:
    """The text with one top-level field (and its continuation lines) set to a string."""
    value = json.dumps(value.strip("'\""), ensure_ascii=False)
    new, count = re.subn(
        rf"^{field}:.*(?:\n[ \t]+\S.*)*$", lambda m: f"{field}: {value}", text, count=1, flags=re.M
    )
    assert count == 1, field
    return new


def _original(content: Path) -> Path:
    return sorted((content / "actions").glob("*vitaliteitscoaches*.md"))[0]


def test_real_content_gives_no_warnings():
    catalogue = catalogue_of(ROOT / "content")
    assert catalogue.actions, "the project has content"
    assert review_catalogue(catalogue, today=TODAY) == []


def test_a_reworded_title_is_a_likely_duplicate_naming_the_other_file(real_content_copy):
    original = _original(real_content_copy)
    title = catalogue_of(real_content_copy).actions[original.stem].title
    planted = real_content_copy / "actions" / "nieuw-ingestuurd.md"
    text = original.read_text(encoding="utf-8")
    planted.write_text(
        _set(
            _set(text, "title", f'"{title} in de regio"'),
            "summary",
            "Een heel andere samenvatting die met geen enkele andere actie "
            "woorden deelt: kwartels, zeppelins en marmelade.",
        ),
        encoding="utf-8",
    )
    catalogue = catalogue_of(real_content_copy)
    assert catalogue.errors == []
    warnings = review_catalogue(catalogue, today=TODAY, last_changed={})
    mine = [w for w in warnings if w.path.endswith("nieuw-ingestuurd.md")]
    assert len(mine) == 1 and mine[0].severity == "warning" and mine[0].field == "title"
    assert mine[0].message.startswith(
        f"Lijkt op een bestaande actie: content/actions/{original.name}"
    )
    assert mine[0].line == 2, "the warning points at the title line"
    theirs = [w for w in warnings if w.path.endswith(original.name)]
    assert theirs and "nieuw-ingestuurd.md" in theirs[0].message


def test_a_lightly_edited_summary_is_a_likely_duplicate(real_content_copy):
    original = _original(real_content_copy)
    entry = catalogue_of(real_content_copy).actions[original.stem]
    words = entry.summary.split()
    words[-3:] = ["en", "verder", "niets."]
    planted = real_content_copy / "actions" / "nog-een-keer.md"
    text = _set(original.read_text(encoding="utf-8"), "title", '"Kwartels, zeppelins en marmelade"')
    planted.write_text(_set(text, "summary", '"' + " ".join(words) + '"'), encoding="utf-8")
    warnings = review_catalogue(catalogue_of(real_content_copy), today=TODAY, last_changed={})
    mine = [w for w in warnings if w.path.endswith("nog-een-keer.md")]
    assert [w.field for w in mine] == ["summary"]
    assert original.name in mine[0].message


def test_different_actions_on_one_theme_are_not_duplicates(content):
    text = (
        "---\ntitle: x\nsummary: x\norganisations: [{name: Zorggroep Oost}]\n"
        "regions: [twente]\nsectors: [hospitals]\nsuccess_factors: [onboarding]\n"
        "interventions: [flexpool]\nstatus: running\n---\n"
    )
    (content / "actions" / "flexpool-twente.md").write_text(
        _set(
            _set(text, "title", "Flexpool voor zorgmedewerkers in Twente"),
            "summary",
            "Medewerkers in Twente kiezen zelf hun diensten bij vier ziekenhuizen.",
        ),
        "utf-8",
    )
    (content / "actions" / "flexpool-achterhoek.md").write_text(
        _set(
            _set(text, "title", "Een flexpool voor starters in de Achterhoek"),
            "summary",
            "Starters in de Achterhoek werken hun eerste jaar in een vaste flexpool.",
        ),
        "utf-8",
    )
    catalogue = catalogue_of(content)
    assert len(catalogue.actions) == 2
    warnings = review_catalogue(catalogue, today=TODAY, last_changed={})
    assert [w for w in warnings if w.field != "evidence"] == []


def test_an_old_updated_date_asks_the_contact_to_confirm(real_content_copy):
    original = _original(real_content_copy)
    text = original.read_text(encoding="utf-8")
    text = (
        _set(text, "updated", "'2024-11-22'")
        if re.search(r"^updated:", text, re.M)
        else text.replace("\n---", "\nupdated: '2024-11-22'\n---", 1)
    )
    text = (
        text.replace("\n---", "\ncontact:\n  name: Anna de Vries\n  email: anna@example.nl\n---", 1)
        if not re.search(r"^contact:", text, re.M)
        else text
    )
    original.write_text(text, encoding="utf-8")
    catalogue = catalogue_of(real_content_copy)
    assert catalogue.errors == []
    warnings = review_catalogue(catalogue, today=TODAY, last_changed={})
    assert len(warnings) == 1
    warning = warnings[0]
    assert warning.path.endswith(original.name) and warning.field == "updated"
    contact = catalogue.actions[original.stem].data["contact"]
    email = f" ({contact['email']})" if contact.get("email") else ""
    assert warning.message == (
        "Meer dan 2 jaar niet bijgewerkt: laatst bijgewerkt op 2024-11-22. Vraag de "
        f"contactpersoon, {contact['name']}{email}, of de gegevens nog kloppen. Zet daarna "
        f"'updated: {TODAY.isoformat()}'."
    )
    # One day later it is not yet two years old.
    assert review_catalogue(catalogue, today=date(2026, 11, 22), last_changed={}) == []


def _git(folder: Path, *args: str, when: str | None = None):
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def test_without_updated_the_last_commit_counts(real_content_copy):
    for path in real_content_copy.glob("*/*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"^updated:.*\n", "", text, flags=re.M), encoding="utf-8")
    catalogue = catalogue_of(real_content_copy)
    assert review_catalogue(catalogue, today=TODAY) == [], "not a git checkout: no history"
    _git(real_content_copy, "init", "-q")
    _git(real_content_copy, "add", ".")
    _git(real_content_copy, "commit", "-qm", "old", when="2023-01-10T12:00:00+00:00")
    newest = sorted((real_content_copy / "actions").glob("*.md"))[-1]
    newest.write_text(newest.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    _git(real_content_copy, "commit", "-qam", "new", when="2026-10-01T12:00:00+00:00")
    warnings = review_catalogue(catalogue_of(real_content_copy), today=TODAY)
    stale = {Path(w.path).name for w in warnings}
    assert newest.name not in stale
    assert len(stale) == len(catalogue.actions) + len(catalogue.cases) - 1
    assert all("laatst gewijzigd op 2023-01-10." in w.message for w in warnings)


def test_warnings_show_but_never_fail_the_check(real_content_copy, capsys, monkeypatch):
    original = _original(real_content_copy)
    planted = real_content_copy / "actions" / "dubbel.md"
    title = catalogue_of(real_content_copy).actions[original.stem].title
    planted.write_text(_set(original.read_text("utf-8"), "title", f'"{title} (nieuw)"'), "utf-8")
    monkeypatch.chdir(real_content_copy.parent)
    assert main(["validate", "--warnings", "--format", "github", "content"]) == 0
    out = capsys.readouterr().out
    assert "::warning file=content/actions/dubbel.md,line=2" in out
    assert main(["validate", "content"]) == 0
    assert "warning" not in capsys.readouterr().out, "warnings only when asked for"


def test_an_action_without_evidence_and_a_value_without_baseline_are_warned(content):
    (content / "actions" / "zonder-bewijs.md").write_text(
        "---\ntitle: Stay-gesprekken in de wijkzorg\nsummary: Teamleiders voeren elk half jaar "
        "een gesprek over wat medewerkers vasthoudt.\norganisations: [{name: Zorggroep Oost}]\n"
        "regions: [twente]\nsectors: [vvt]\nsuccess_factors: [organisational-climate]\n"
        "interventions: [coaching]\nstatus: running\noutcomes:\n  - measure: outflow\n"
        "    result: improved\n    value: 9\n    unit: percent\n    source: https://example.org\n"
        "  - measure: participants\n    result: improved\n    value: 40\n    unit: persons\n---\n",
        encoding="utf-8",
    )

    warnings = review_catalogue(catalogue_of(content), today=TODAY, last_changed={})

    said = {(w.field, w.line): w.message for w in warnings if w.path.endswith("zonder-bewijs.md")}
    assert said[("evidence", 2)] == (
        "Geen niveau van bewijs. Voeg 'evidence' toe, met de trede op de bewijsladder die de "
        "bronnen dragen (idea, described, experiences, measured, replicated, evaluated) en een "
        "toelichting op wat ze laten zien."
    )
    assert said[("outcomes[0].baseline", 13)] == (
        "Een gemeten waarde zonder nulmeting. Voeg 'baseline' toe (het getal vóór de actie, "
        "in dezelfde eenheid) als de bron dat noemt."
    )
    assert not any(field == "outcomes[1].baseline" for field, _ in said), "persons need none"
    assert all(w.severity == "warning" for w in warnings)
