"""Rules across files: valid, unique and unreserved slugs, unique titles, and references
(`related`, a story's `actions`) to actions that exist."""

from __future__ import annotations

import re

from ..problems import FieldPath, Problem
from ..vocabulary import fold, nearest
from .frontmatter import Source

SLUG_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MAX_SLUG = 80


def check_slug(source: Source, kind: str, reserved: frozenset[str]) -> list[Problem]:
    """The file name is a slug; an action's is none of `reserved` (routes.py)."""
    slug = source.path.stem
    problems = []
    if not SLUG_PATTERN.fullmatch(slug) or len(slug) > MAX_SLUG:
        shown = source.display.rsplit("/", 1)[-1]  # control characters written as escapes
        problems.append(
            Problem(
                source.display,
                1,
                1,
                "",
                f"De bestandsnaam '{shown}' kan niet: gebruik alleen kleine letters, cijfers "
                f"en koppeltekens. Noem het bestand '{fold(slug)[:MAX_SLUG] or 'naam'}.md'.",
            )
        )
    if kind == "action" and slug in reserved:
        problems.append(
            Problem(
                source.display,
                1,
                1,
                "",
                f"De naam '{slug}' is al van een pagina van de catalogus. Geef het bestand "
                f"een andere naam, bijvoorbeeld '{slug}-actie.md'.",
            )
        )
    return problems


def normalised_title(title: str) -> str:
    return " ".join(fold(title).split("-"))


def check_catalogue(
    actions: dict[str, Source],
    cases: dict[str, Source],
    duplicates: list[tuple[str, Source, Source]],
) -> list[Problem]:
    """Rules across files: duplicates, and references to actions that do not exist."""
    problems = []
    for kind, first, second in duplicates:
        problems.append(
            Problem(
                second.display,
                1,
                1,
                "",
                f"Er is al een {'actie' if kind == 'action' else 'verhaal'} met de naam "
                f"'{second.path.stem}': {first.display}. Geef een van de twee bestanden een "
                "andere naam.",
            )
        )
    for group in (actions, cases):
        titles: dict[str, Source] = {}
        for slug in sorted(group):
            source = group[slug]
            title = source.data.get("title") if source.data else None
            if not isinstance(title, str):
                continue
            key = normalised_title(title)
            if key in titles:
                other = titles[key]
                problems.append(
                    source.problem(
                        ("title",),
                        f"De titel {title!r} staat ook in {other.display}. Kies een andere titel.",
                    )
                )
            else:
                titles[key] = source
    known = sorted(actions)
    for slug, source in sorted(actions.items()):
        related = source.data.get("related") if source.data else None
        for i, other in enumerate(related if isinstance(related, list) else []):
            if other == slug:
                problems.append(
                    source.problem(
                        ("related", i),
                        "Een actie kan niet naar zichzelf verwijzen. Haal deze naam weg.",
                    )
                )
            elif isinstance(other, str) and other not in actions:
                problems.append(_missing_action(source, ("related", i), other, known))
    for _slug, source in sorted(cases.items()):
        named = source.data.get("actions") if source.data else None
        for i, other in enumerate(named if isinstance(named, list) else []):
            if isinstance(other, str) and other not in actions:
                problems.append(_missing_action(source, ("actions", i), other, known))
    return problems


def _missing_action(source: Source, parts: FieldPath, slug: str, known: list[str]) -> Problem:
    guess = nearest(slug, known)
    tip = (
        f"Bedoelt u '{guess}'?"
        if guess
        else "Gebruik de bestandsnaam van een actie in content/actions/, zonder .md."
    )
    return source.problem(parts, f"Er is geen actie '{slug}'. {tip}")
