"""Rules across files: valid, unique and unreserved slugs, unique titles, references
(`related`, a story's `actions`) to actions that exist, and the evidence levels that count
the outcomes of stories ('measured', 'replicated')."""

from __future__ import annotations

import re

from ..problems import FieldPath, Problem
from ..routes import reserved_slugs
from ..vocabulary import fold, fold_confusables, nearest
from .evidence import measurements, replicated_measures
from .frontmatter import Source

SLUG_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MAX_SLUG = 80


def check_slug(source: Source, kind: str, reserved: frozenset[str]) -> list[Problem]:
    """The file name is a slug, and not the name of a page of the site in its kind's
    folder: for an action none of `reserved` (reserved_action_slugs), for a story none of
    routes.STORY_PAGES."""
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
    elif kind != "action" and slug in reserved_slugs(kind, ()):
        problems.append(
            Problem(
                source.display,
                1,
                1,
                "",
                f"De naam '{slug}' is al van de pagina met alle verhalen: dit verhaal zou "
                "geen eigen pagina krijgen. Geef het bestand een andere naam, bijvoorbeeld "
                f"'{slug}-verhaal.md'.",
            )
        )
    return problems


def normalised_title(title: str) -> str:
    """A title as compared for a title used twice: look-alike letters of other alphabets
    as the Latin ones they imitate, folded, words separated by one space."""
    return " ".join(fold(fold_confusables(title)).split("-"))


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


# Steps of the ladder that say no outcome was measured.
UNMEASURED_LEVELS = ("idea", "described", "experiences")


def check_evidence(actions: dict[str, Source], stories: dict[str, Source]) -> list[Problem]:
    """'measured' needs a measurement, 'replicated' one measure measured twice: in the
    action's own outcomes or in those of the (valid) stories that implement it. A level
    that says nothing was measured, on an action with a measurement, is a warning: the
    site would show a measured result beside "Beschreven"."""
    problems = []
    for slug, source in sorted(actions.items()):
        data = source.data if isinstance(source.data, dict) else {}
        evidence = data.get("evidence")
        level = evidence.get("level") if isinstance(evidence, dict) else None
        if level not in ("measured", "replicated", *UNMEASURED_LEVELS):
            continue
        implementing = {
            name: story.data
            for name, story in stories.items()
            if isinstance(story.data, dict)
            and isinstance(story.data.get("actions"), list)
            and slug in story.data["actions"]
        }
        found = measurements(slug, data, implementing)
        if level in UNMEASURED_LEVELS:
            if found:
                problems.append(
                    source.problem(
                        ("evidence", "level"),
                        f"Het niveau is '{level}', dat zegt dat er niets gemeten is, maar een "
                        "resultaat heeft een waarde, een bron en een uitkomst: de site toont "
                        "het als gemeten resultaat. Kies 'measured', of haal 'value' weg als "
                        "het cijfer geen meting is (zet het dan in 'note').",
                        severity="warning",
                    )
                )
            continue
        if level == "measured" and not found:
            message = (
                "Het niveau is 'measured' (Gemeten), maar geen enkel resultaat van deze actie "
                "of van een verhaal erover heeft een waarde, een bron en een uitkomst anders "
                "dan 'pending'. Vul die drie aan bij een resultaat, of kies 'experiences'."
            )
        elif level == "replicated" and not replicated_measures(found):
            lower = "measured" if found else "experiences"
            message = (
                "Het niveau is 'replicated' (Herhaald gemeten), maar geen maat is op twee "
                "plaatsen of in twee perioden gemeten, met elk een waarde, een bron en een "
                "uitkomst anders dan 'pending' (twee gelijke resultaten tellen één keer). "
                "Voeg de tweede meting toe met haar eigen 'period', of kies "
                f"'{lower}'."
            )
        else:
            continue
        problems.append(source.problem(("evidence", "level"), message))
    return problems
