"""What counts as a measurement, and when an outcome is measured again (the content model,
"Evidence" and "Implementations").

An outcome counts as a measurement when it has a value, a source (sources.py) and a
verdict other than 'pending'. An action's outcomes are its own and those of the stories
that implement it: a story that names the action and carries outcomes for it (each names
its `action` when the story names more than one). The same measure measured in two places
(the action itself, or a story) or in two periods is measured again ('replicated');
identical outcomes (same measure, value, period and source) count once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .sources import is_source

OWN = ""  # the place of an action's own outcomes; a story's is its slug


@dataclass(frozen=True)
class Measurement:
    """One outcome that counts as a measurement, with where and when it was measured."""

    measure: str
    value: float
    period: str | None
    source: str
    place: str  # OWN, or the slug of the story that reports it
    outcome: Mapping[str, Any]

    @property
    def same_as(self) -> tuple[str, float, str | None, str]:
        return (self.measure, self.value, self.period, self.source)


def is_measurement(outcome: object) -> bool:
    """An outcome with a value, a source and a verdict other than 'pending'."""
    return (
        isinstance(outcome, Mapping)
        and isinstance(outcome.get("value"), (int, float))
        and not isinstance(outcome.get("value"), bool)
        and is_source(outcome.get("source"))
        and isinstance(outcome.get("measure"), str)
        and outcome.get("result") not in (None, "pending")
    )


def outcomes_in(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    outcomes = data.get("outcomes")
    return [o for o in outcomes if isinstance(o, Mapping)] if isinstance(outcomes, list) else []


def _year(value: object) -> str | None:
    return str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None


def story_outcomes_for(action: str, story: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The outcomes a story reports for one of its actions."""
    named = story.get("actions")
    actions = [a for a in named if isinstance(a, str)] if isinstance(named, list) else []
    if action not in actions:
        return []
    only = len(actions) == 1
    return [
        o
        for o in outcomes_in(story)
        if o.get("action") == action or (only and o.get("action") is None)
    ]


def measurements(
    action: str, data: Mapping[str, Any], stories: Mapping[str, Mapping[str, Any]]
) -> list[Measurement]:
    """The action's own measurements and those of the stories that implement it, identical
    ones once, in a fixed order (own first, then by story slug)."""
    found: list[Measurement] = []
    seen: set[tuple[str, float, str | None, str]] = set()

    def add(outcomes: Iterable[Mapping[str, Any]], place: str, period: object) -> None:
        for outcome in outcomes:
            if not is_measurement(outcome):
                continue
            measurement = Measurement(
                measure=outcome["measure"],
                value=outcome["value"],
                period=_year(outcome.get("period")) or _year(period),
                source=outcome["source"],
                place=place,
                outcome=outcome,
            )
            if measurement.same_as not in seen:
                seen.add(measurement.same_as)
                found.append(measurement)

    add(outcomes_in(data), OWN, None)
    for slug in sorted(stories):
        story = stories[slug]
        add(story_outcomes_for(action, story), slug, story.get("period"))
    return found


def replicated_measures(found: Iterable[Measurement]) -> list[str]:
    """The measures measured in two places, or in one place in two known periods."""
    by_measure: dict[str, list[Measurement]] = {}
    for measurement in found:
        by_measure.setdefault(measurement.measure, []).append(measurement)
    return sorted(
        measure
        for measure, group in by_measure.items()
        if any(_another_occasion(x, y) for i, x in enumerate(group) for y in group[i + 1 :])
    )


def _another_occasion(x: Measurement, y: Measurement) -> bool:
    return x.place != y.place or (
        x.period is not None and y.period is not None and x.period != y.period
    )
