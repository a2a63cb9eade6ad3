"""Properties: any entry the schema allows validates, and any damage to a valid entry gives a
message, never a traceback.

The strategy is derived from the schema itself (types, lengths, enumerations, required
fields, patterns), so a field added to the schema is generated without touching this file.
Rules the schema cannot express (dates up to today, `ended` after `started`, references to
existing actions, image files) are honoured by drawing those fields from their real range.
"""

from __future__ import annotations

import copy
import shutil
from datetime import date
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from actiebank.content.catalogue import normalise_years
from actiebank.content.evidence import measurements, replicated_measures
from actiebank.content.rules import cost_level_for
from actiebank.content.schema import load_schema
from support import SCHEMA_DIR, catalogue_of

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2026, 1, 15)
EXISTING_ACTIONS = ["buddy-voor-starters", "flexpool-regio"]

# Printable text a contributor could type: letters, digits, punctuation, spaces.
TEXT = st.characters(
    categories=("L", "N", "P", "Zs", "Sm", "Sc"), exclude_characters="\u2028\u2029\x85\xa0"
)


def resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def strategy_for(schema: dict, node: dict, name: str = "") -> st.SearchStrategy:
    node = resolve(schema, node)
    if "enum" in node:
        return st.sampled_from(node["enum"])
    kind = node.get("type")
    if isinstance(kind, list):  # a year as text or as a number
        return st.one_of([strategy_for(schema, {**node, "type": k}, name) for k in kind])
    if kind == "integer":
        return st.integers(
            min_value=node.get("minimum", -1000),
            max_value=min(node.get("maximum", 10**6), TODAY.year - 1),
        )
    if kind == "object":
        properties = node.get("properties", {})
        required = set(node.get("required", ()))
        if "value" in properties and "unit" in properties:  # dependentRequired value -> unit
            required = required | {"unit"}
        fields = {key: strategy_for(schema, sub, key) for key, sub in properties.items()}
        return st.fixed_dictionaries(
            {k: v for k, v in fields.items() if k in required},
            optional={k: v for k, v in fields.items() if k not in required},
        )
    if kind == "array":
        unique = node.get("uniqueItems", False)
        return st.lists(
            strategy_for(schema, node["items"], name),
            min_size=node.get("minItems", 0),
            max_size=3,
            unique=unique,
        )
    if kind == "number":
        return st.floats(
            min_value=node.get("minimum", -1e6), max_value=1e6, allow_nan=False
        ) | st.integers(min_value=int(node.get("minimum", -1000)), max_value=10**6)
    if kind == "boolean":
        return st.booleans()
    if kind == "string":
        if "pattern" in node:
            return pattern_strategy(name, node)
        low = node.get("minLength", 0)
        return st.text(
            TEXT, min_size=node.get("minLength", 0), max_size=min(node.get("maxLength", 60), 60)
        ).filter(lambda s: len(s.strip()) >= low or low == 0)
    raise AssertionError(f"the schema uses a type this strategy does not know: {node}")


def pattern_strategy(name: str, node: dict) -> st.SearchStrategy:
    if name == "url":
        return st.from_regex(r"https://[a-z]{3,10}\.nl(/[a-z0-9-]{1,12}){0,2}", fullmatch=True)
    if name == "email":
        return st.from_regex(r"[a-z]{2,8}@[a-z]{2,8}\.nl", fullmatch=True)
    if name in ("started", "ended", "period") and node.get("type") == "integer":
        return st.integers(2000, TODAY.year - 1)
    if name in ("started", "ended"):
        return st.integers(2000, TODAY.year - 1).map(str) | st.builds(
            lambda y, m: f"{y}-{m:02d}", st.integers(2000, TODAY.year - 1), st.integers(1, 12)
        )
    if name in ("updated", "date"):
        return st.dates(date(2000, 1, 1), TODAY).map(date.isoformat)
    if name == "period":
        return st.sampled_from(["2021", "2021-2023", "2019"])
    if name in ("related", "actions"):
        return st.sampled_from(EXISTING_ACTIONS)
    return st.from_regex(node["pattern"], fullmatch=True)


def follow_the_rules_across_fields(d: dict) -> dict:
    """Bend a drawn action to the content model's rules across fields (also in the schema
    under `allOf`), each to the nearest entry that keeps them."""
    if d["status"] == "stopped":
        d.setdefault("stopped_because", "De doelen werden niet gehaald.")
    evidence = d.get("evidence")
    if evidence:
        if d["status"] == "idea" or evidence["level"] == "idea":
            d["status"] = evidence["level"] = "idea"
        if evidence["level"] == "replicated" and not replicated_measures(measurements("x", d, {})):
            evidence["level"] = "measured"
        if evidence["level"] == "measured" and not measurements("x", d, {}):
            evidence["level"] = "experiences"
        if evidence["level"] == "evaluated":
            evidence.setdefault("source", "Evaluatie door een onderzoeksbureau, 2024")
    costs = d.get("costs")
    if costs and costs.get("per") == "year" and "amount_eur" in costs and "level" in costs:
        costs["level"] = cost_level_for(costs["amount_eur"])
    return d


def the_outcomes_name_their_story_s_actions(d: dict) -> dict:
    """An outcome of a story names one of the story's actions, and names it when the story
    names more than one (a rule across fields that no JSON Schema can hold)."""
    actions = d.get("actions") or []
    for outcome in d.get("outcomes") or []:
        if not actions:
            break
        if outcome.get("action") not in actions and ("action" in outcome or len(actions) > 1):
            outcome["action"] = actions[0]
    return d


def entries(kind: str) -> st.SearchStrategy:
    schema = load_schema(kind, SCHEMA_DIR)
    data = strategy_for(schema, schema)
    whole_schema = Draft202012Validator(schema)

    def fix(d: dict) -> dict:
        d.pop("image", None)  # an image must exist on disk: covered by the rule tests
        if kind == "action":
            started, ended = str(d.get("started") or ""), str(d.get("ended") or "")
            if started and ended and ended < started[: len(ended)]:
                d["started"], d["ended"] = ended, started
            if d.get("related"):
                d["related"] = [s for s in d["related"] if s != "nieuw"]
            follow_the_rules_across_fields(d)
        else:
            the_outcomes_name_their_story_s_actions(d)
        return d

    # The fixes above must leave an entry the whole schema allows, rules included.
    return data.map(fix).filter(whole_schema.is_valid)


def write_entry(content: Path, kind: str, data: dict, body: str = "Tekst.\n") -> Path:
    folder = "actions" if kind == "action" else "cases"
    path = content / folder / "nieuw.md"
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return path


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(kind=st.sampled_from(["action", "case"]), data=st.data())
def test_any_entry_the_schema_allows_validates(tmp_path_factory, kind, data):
    content = tmp_path_factory.mktemp("p") / "content"
    shutil.copytree(FIXTURES / "valid", content)
    entry = data.draw(entries(kind))
    # Titles must differ from the fixtures' titles (a cross-file rule).
    entry["title"] = "Nieuw " + entry["title"]
    entry["title"] = entry["title"][:120]
    write_entry(content, kind, entry)

    catalogue = catalogue_of(content, today=TODAY)

    assert catalogue.problems == []
    group = catalogue.actions if kind == "action" else catalogue.cases
    expected = copy.deepcopy(entry)
    normalise_years(expected)  # a year written as a number reaches the site as text
    assert group["nieuw"].data == expected


VALID_TEXT = (FIXTURES / "valid" / "actions" / "buddy-voor-starters.md").read_bytes()


def damage() -> st.SearchStrategy:
    position = st.integers(0, len(VALID_TEXT) - 1)
    return st.one_of(
        st.tuples(st.just("delete"), position, st.integers(1, 40)),
        st.tuples(st.just("insert"), position, st.binary(min_size=1, max_size=8)),
        st.tuples(
            st.just("insert"),
            position,
            st.sampled_from(
                [
                    b":",
                    b"- ",
                    b"\n",
                    b"  ",
                    b"&a ",
                    b"*a",
                    b"!!python/name:os.system ",
                    b"[",
                    b"{",
                    b"'",
                    b'"',
                    b"#",
                    b"---\n",
                    b"\t",
                    b"\xff",
                    b"<script>",
                    b"\x00",
                ]
            ),
        ),
        st.tuples(st.just("replace"), position, st.binary(min_size=1, max_size=4)),
        st.tuples(st.just("truncate"), position, st.just(b"")),
    )


def apply(text: bytes, change) -> bytes:
    kind, at, arg = change
    if kind == "delete":
        return text[:at] + text[at + arg :]
    if kind == "insert":
        return text[:at] + arg + text[at:]
    if kind == "replace":
        return text[:at] + arg + text[at + len(arg) :]
    return text[:at]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(changes=st.lists(damage(), min_size=1, max_size=3))
def test_damage_to_a_valid_entry_gives_messages_never_a_traceback(tmp_path_factory, changes):
    content = tmp_path_factory.mktemp("d") / "content"
    shutil.copytree(FIXTURES / "valid", content)
    text = VALID_TEXT
    for change in changes:
        text = apply(text, change)
    target = content / "actions" / "buddy-voor-starters.md"
    target.write_bytes(text)

    catalogue = catalogue_of(content, today=TODAY)  # must not raise

    mine = [p for p in catalogue.errors if p.path.endswith("buddy-voor-starters.md")]
    published = "buddy-voor-starters" in catalogue.actions
    # Either the damage left a valid entry that is published, or the contributor is told
    # where it is broken and the entry stays off the site: never both, never neither.
    assert published != bool(mine), (text, catalogue.problems)
    for problem in mine:
        assert problem.line >= 1 and problem.column >= 1 and problem.message
        assert str(problem).startswith(f"{problem.path}:{problem.line}:{problem.column}:")
