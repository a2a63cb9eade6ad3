"""What the site concludes about an action is decided once (content/facts.py): a measured
result, the effect verdicts, the measures, the cost level and the implementing stories."""

from __future__ import annotations

from actiebank.content.facts import action_facts, catalogue_facts, cost_level
from support import catalogue_of
from support.sample_catalogue import ACTIONS, write_sample

SOURCE = "https://www.voorbeeld.nl/resultaten"


def test_only_a_figure_with_a_source_and_a_verdict_is_a_measured_result():
    qualitative = {"measure": "qualitative", "result": "improved"}
    no_source = {"measure": "outflow", "result": "improved", "value": 12, "unit": "percent"}
    awaited = {"measure": "outflow", "result": "pending", "value": 12, "source": SOURCE}
    for outcomes in ([qualitative], [no_source], [awaited], []):
        facts = action_facts("a", {"outcomes": outcomes}, {})
        assert not facts.measured and not facts.measurements, outcomes
        assert "improved" not in facts.effects
    assert action_facts("a", {"outcomes": [awaited]}, {}).effects == ("pending",)

    measured = dict(no_source, source=SOURCE)
    facts = action_facts("a", {"outcomes": [qualitative, measured, awaited]}, {})
    assert facts.measured and facts.effects == ("improved", "pending")
    assert facts.measures == ("qualitative", "outflow")


def test_a_story_that_implements_the_action_adds_its_measured_results():
    story = {
        "actions": ["a", "b"],
        "period": "2023",
        "outcomes": [
            {
                "measure": "absenteeism",
                "result": "worsened",
                "value": 6,
                "source": SOURCE,
                "action": "a",
            },
            {
                "measure": "outflow",
                "result": "improved",
                "value": 3,
                "source": SOURCE,
                "action": "b",
            },
        ],
    }
    facts = catalogue_facts({"a": {}, "b": {}, "c": {}}, {"verhaal": story})
    assert facts["a"].measured and facts["a"].effects == ("worsened",)
    assert facts["a"].measures == ("absenteeism",) and facts["a"].implementations == ("verhaal",)
    assert facts["b"].effects == ("improved",) and facts["b"].measures == ("outflow",)
    assert not facts["c"].measured and facts["c"].implementations == ()


def test_the_cost_level_is_the_file_s_or_that_of_an_amount_a_year():
    assert cost_level({"level": "high", "amount_eur": 5, "per": "year"}) == ("high", False)
    assert cost_level({"amount_eur": 9_999, "per": "year"}) == ("low", True)
    assert cost_level({"amount_eur": 10_000, "per": "year"}) == ("medium", True)
    assert cost_level({"amount_eur": 100_001, "per": "year"}) == ("high", True)
    # An amount in total or per participant says nothing about a year.
    assert cost_level({"amount_eur": 25_000, "per": "total"}) == (None, False)
    assert cost_level({"amount_eur": 500, "per": "participant"}) == (None, False)
    assert cost_level(None) == (None, False)


def test_a_level_that_says_nothing_was_measured_beside_a_measurement_is_a_warning(tmp_path):
    """The site would show a measured result beside "Beschreven": validate says so, at the
    level, and keeps the entry (an editor decides)."""
    content = tmp_path / "content"
    actions = dict(ACTIONS)
    actions["buddy-haaglanden"] = ACTIONS["buddy-haaglanden"].replace(
        "level: measured", "level: described"
    )
    write_sample(content, actions)
    catalogue = catalogue_of(content)
    assert not catalogue.errors
    (warning,) = [w for w in catalogue.warnings if w.field == "evidence.level"]
    assert warning.path.endswith("buddy-haaglanden.md") and "'measured'" in warning.message
    assert "buddy-haaglanden" in catalogue.actions and catalogue.facts["buddy-haaglanden"].measured
