"""Warnings for the people who review a contribution: likely duplicates, stale entries,
and actions without an evidence level or a measured value without its baseline.

Neither is an error: a warning shows on the pull request (and with `actiebank validate
--warnings`) but never changes the exit code, because only a person can tell whether two
similar actions are one, or whether an old entry is still current.

Likely duplicate: two entries of one kind whose titles are at least 85% alike
(difflib's ratio on the folded titles) or whose summaries share at least half of their
words (Jaccard index on folded word sets). On the real catalogue (23 actions, November
2026) the closest pairs reach 72% on titles ("... in Noord-Brabant" twice) and 38% on
summaries, so these thresholds leave a clear margin, while a re-submitted action with a
reworded title or a lightly edited summary still crosses them (see the tests).

Stale: an entry whose `updated` date, or without one its last git commit, is more than
two years old. The history comes from one `git log` over the whole content folder.
"""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path

from ..problems import Problem
from ..vocabulary import fold
from .catalogue import Catalogue, Entry
from .history import last_commit_dates

TITLE_THRESHOLD = 0.85
SUMMARY_THRESHOLD = 0.5
STALE_YEARS = 2


def _words(text: str) -> list[str]:
    return [w for w in fold(text).split("-") if w]


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _position(entry: Entry, name: str) -> tuple[int, int]:
    return entry.key_positions.get((name,), (1, 1))


def likely_duplicates(entries: list[Entry]) -> list[Problem]:
    """A warning on each of two entries that look alike, naming the other file."""
    titles = [" ".join(_words(e.title)) for e in entries]
    title_words = [frozenset(t.split()) for t in titles]
    summaries = [frozenset(_words(e.summary)) for e in entries]
    problems = []
    close: list[tuple[int, int, float, float]] = []
    for i in range(len(entries)):
        # SequenceMatcher caches what it learns about its second sequence: one per entry.
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(titles[i])
        for j in range(i + 1, len(entries)):
            total = len(titles[i]) + len(titles[j])
            title = 0.0
            # ratio() is slow: only titles of similar length that share some words get it
            # (a title 85% alike in letters but sharing under half of its words would
            # need a typo in nearly every word).
            if (
                total
                and 2 * min(len(titles[i]), len(titles[j])) / total >= TITLE_THRESHOLD
                and _jaccard(title_words[i], title_words[j]) >= 0.5
            ):
                matcher.set_seq1(titles[j])
                title = matcher.ratio()
            summary = _jaccard(summaries[i], summaries[j])
            if title >= TITLE_THRESHOLD or summary >= SUMMARY_THRESHOLD:
                close.append((i, j, title, summary))
    for i, j, title, summary in close:
        for this, other in ((entries[i], entries[j]), (entries[j], entries[i])):
            if title >= TITLE_THRESHOLD:
                field, why = "title", f"de titel lijkt voor {title:.0%} op '{other.title}'"
            else:
                field, why = "summary", f"de samenvatting deelt {summary:.0%} van de woorden"
            line, column = _position(this, field)
            what = "een bestaande actie" if this.kind == "action" else "een bestaand verhaal"
            same = "dezelfde actie" if this.kind == "action" else "hetzelfde verhaal"
            problems.append(
                Problem(
                    this.display,
                    line,
                    column,
                    field,
                    f"Lijkt op {what}: {other.display} ({why}). Is het {same}? Vul dan liever "
                    "dat bestand aan.",
                    "warning",
                )
            )
    return problems


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _who(entry: Entry) -> str:
    contact = entry.data.get("contact") or {}
    if contact.get("name"):
        email = f" ({contact['email']})" if contact.get("email") else ""
        return f"de contactpersoon, {contact['name']}{email},"
    if entry.data.get("author"):
        return f"de auteur, {entry.data['author']},"
    names = [o.get("name") for o in entry.data.get("organisations") or [] if o.get("name")]
    return f"{names[0]}" if names else "de organisatie"


def stale_entries(
    entries: list[Entry], today: date, last_changed: dict[Path, str]
) -> list[Problem]:
    """A warning on each entry not updated (nor committed) for more than two years."""
    limit = _years_before(today, STALE_YEARS)
    problems = []
    for entry in entries:
        written = entry.data.get("updated")
        since = written if isinstance(written, str) else last_changed.get(entry.path.resolve())
        try:
            day = date.fromisoformat(since) if since else None
        except ValueError:
            continue  # the validator reports a bad date
        if day is None or day >= limit:
            continue
        line, column = _position(entry, "updated") if written else (1, 1)
        how = "bijgewerkt" if written else "gewijzigd"
        problems.append(
            Problem(
                entry.display,
                line,
                column,
                "updated" if written else "",
                f"Meer dan {STALE_YEARS} jaar niet bijgewerkt: laatst {how} op "
                f"{day.isoformat()}. Vraag {_who(entry)} of de gegevens nog kloppen. Zet "
                f"daarna 'updated: {today.isoformat()}'.",
                "warning",
            )
        )
    return problems


def missing_evidence(actions: list[Entry]) -> list[Problem]:
    """A warning on each action without an evidence level, and on each measured outcome
    without a baseline: a figure without its starting point says little (a count of
    persons, such as participants, needs none)."""
    problems = []
    for action in actions:
        if "evidence" not in action.data:
            line, column = _position(action, "title")
            problems.append(
                Problem(
                    action.display,
                    line,
                    column,
                    "evidence",
                    "Geen niveau van bewijs. Voeg 'evidence' toe, met de trede op de "
                    "bewijsladder die de bronnen dragen (idea, described, experiences, "
                    "measured, replicated, evaluated) en een toelichting op wat ze laten zien.",
                    "warning",
                )
            )
        for number, outcome in enumerate(action.data.get("outcomes") or []):
            if (
                "value" in outcome
                and "baseline" not in outcome
                and outcome.get("unit") != "persons"
                and outcome.get("measure") != "participants"  # a reach has no before
            ):
                line, column = action.key_positions.get(("outcomes", number, "value"), (1, 1))
                problems.append(
                    Problem(
                        action.display,
                        line,
                        column,
                        f"outcomes[{number}].baseline",
                        "Een gemeten waarde zonder nulmeting. Voeg 'baseline' toe (het getal "
                        "vóór de actie, in dezelfde eenheid) als de bron dat noemt.",
                        "warning",
                    )
                )
    return problems


def review_catalogue(
    catalogue: Catalogue, *, today: date | None = None, last_changed: dict[Path, str] | None = None
) -> list[Problem]:
    """Every review warning for the valid entries of a catalogue, sorted like problems."""
    today = today or date.today()
    if last_changed is None:
        last_changed = last_commit_dates(catalogue.content_dir)
    problems: list[Problem] = []
    for group in (catalogue.actions, catalogue.cases):
        entries = list(group.values())
        problems += likely_duplicates(entries)
        problems += stale_entries(entries, today, last_changed)
    problems += missing_evidence(list(catalogue.actions.values()))
    return sorted(problems, key=lambda p: (p.path, p.line, p.column, p.field, p.message))
