"""What the catalogue concludes about each action, decided here once.

An action's file states its fields; the site also says things the file does not state:
whether the action has a measured result, what its results' verdicts are, what it
measured, its cost level where only an amount a year is given, and which stories
implement it. Each of those is decided in this module, by the content model's rules, and
every page, count, filter, export, feed, plan gap and search record reads the answer
here. Two pages can then never disagree on, say, how many actions have a measured result.

- **Measured result**: an outcome with a value, a source and a verdict other than
  'pending' (evidence.py), the action's own or one of a story that implements it.
  Qualitative findings ("positief", no figure) are no measured result.
- **Effects**: the verdicts of the measured results (improved, no change, worsened), and
  'pending' where an outcome's result is awaited. An action with none has no measured
  result (the effect filter's "Niet gemeten").
- **Measures**: what the action and its implementations measured, whatever the result.
- **Cost level**: the level the file gives; where it gives none but an amount a year, the
  level that amount falls in (the content model, "Costs").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .evidence import Measurement, measurements, outcomes_in, story_outcomes_for
from .rules import cost_level_for

# The verdict of an outcome whose result is not known yet.
PENDING = "pending"
# The order of the effect filter's values (the vocabulary `outcome_result`).
EFFECT_ORDER = ("improved", "no-change", "worsened", PENDING)
# The verdicts of a measured result: an action with one of them has a measured result.
MEASURED_VERDICTS = EFFECT_ORDER[:-1]


@dataclass(frozen=True)
class ActionFacts:
    """The conclusions about one action that its file does not state in one field."""

    slug: str
    evidence: str | None  # the step on the evidence ladder, as the file gives it
    measurements: tuple[Measurement, ...]
    effects: tuple[str, ...]  # in EFFECT_ORDER
    measures: tuple[str, ...]  # in the order first reported: own outcomes, then stories
    cost_level: str | None
    cost_level_derived: bool  # True when the level comes from an amount a year
    implementations: tuple[str, ...]  # slugs of the stories with outcomes for the action

    @property
    def measured(self) -> bool:
        """Whether the action has a measured result (the one definition of the site)."""
        return bool(self.measurements)

    def as_fields(self) -> dict[str, Any]:
        """The facts as fields a filter can name (`facts.effects`, `facts.cost_level`)."""
        return {
            "evidence": self.evidence,
            "measured": self.measured,
            "effects": list(self.effects),
            "measures": list(self.measures),
            "cost_level": self.cost_level,
        }


def cost_level(costs: object) -> tuple[str | None, bool]:
    """The cost level and whether it was derived from an amount a year."""
    if not isinstance(costs, Mapping):
        return None, False
    level = costs.get("level")
    if isinstance(level, str):
        return level, False
    amount = costs.get("amount_eur")
    if (
        costs.get("per") == "year"
        and isinstance(amount, (int, float))
        and not isinstance(amount, bool)
    ):
        return cost_level_for(amount), True
    return None, False


def action_facts(
    slug: str, data: Mapping[str, Any], stories: Mapping[str, Mapping[str, Any]]
) -> ActionFacts:
    """Decide the facts of one action from its data and the stories in the catalogue."""
    found = measurements(slug, data, stories)
    reported = outcomes_in(data)
    implementations = []
    for story_slug in sorted(stories):
        own = story_outcomes_for(slug, stories[story_slug])
        if own:
            implementations.append(story_slug)
            reported.extend(own)
    verdicts = {m.outcome.get("result") for m in found}
    if any(o.get("result") == PENDING for o in reported):
        verdicts.add(PENDING)
    measures: list[str] = []
    for outcome in reported:
        measure = outcome.get("measure")
        if isinstance(measure, str) and measure not in measures:
            measures.append(measure)
    evidence = data.get("evidence")
    level = evidence.get("level") if isinstance(evidence, Mapping) else None
    costs, derived = cost_level(data.get("costs"))
    return ActionFacts(
        slug=slug,
        evidence=level if isinstance(level, str) else None,
        measurements=tuple(found),
        effects=tuple(v for v in EFFECT_ORDER if v in verdicts),
        measures=tuple(measures),
        cost_level=costs,
        cost_level_derived=derived,
        implementations=tuple(implementations),
    )


def catalogue_facts(
    actions: Mapping[str, Mapping[str, Any]], stories: Mapping[str, Mapping[str, Any]]
) -> dict[str, ActionFacts]:
    """The facts of every action, by slug, in the order of `actions`."""
    return {slug: action_facts(slug, data, stories) for slug, data in actions.items()}
