"""The proposal form on /bijdragen/voorstellen/: its description from the schema, the
entry file it writes (the same in Python and in the browser), its checks (the same as
the validator's) and the form itself in Chromium, as a contributor fills it in.

The browser's checker is a plain function file (assets/javascripts/proposal.js) that Node
loads as well: the property tests ask it hundreds of questions through one Node process,
and ask the project's validator the same ones.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import regress
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actiebank.content import catalogue as catalogue_module
from actiebank.content.catalogue import latest_date_anywhere
from actiebank.contribute.proposal import NUMBER_PATTERN, entry_text, form_spec
from actiebank.contribute.scaffold import make_slug
from support import ROOT, SCHEMA_DIR, catalogue_of
from support.browser import axe_now

SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "proposal.js"
FIELD_TEXTS = yaml.safe_load(
    (ROOT / "src" / "actiebank" / "contribute" / "assets" / "fields.nl.yaml").read_text("utf-8")
)
TODAY = latest_date_anywhere()

# --------------------------------------------------------------------------- helpers


def all_fields(fields: list[dict]) -> dict[str, dict]:
    """Every field of a kind's spec by its path: 'outcomes[].unit' -> its spec."""
    found = {}
    for field in fields:
        found[field["path"]] = field
        found.update(all_fields(field.get("children", [])))
    return found


def texts_for(kind: str) -> dict[str, dict]:
    return {**FIELD_TEXTS["common"], **FIELD_TEXTS.get(kind, {})}


NODE_HARNESS = r"""
const api = require(process.argv[1]);
const lines = require("readline").createInterface({ input: process.stdin });
let spec = null;
lines.on("line", (line) => {
  const ask = JSON.parse(line);
  let answer;
  try {
    if (ask.spec) { spec = ask.spec; answer = { ok: true }; }
    else answer = {
      errors: api.check(spec, ask.kind, ask.values, { today: ask.today }),
      text: api.entryText(spec, ask.kind, ask.values),
      slug: api.makeSlug(spec, ask.kind, String(ask.values.title || "")),
    };
  } catch (error) { answer = { exception: String((error && error.stack) || error) }; }
  process.stdout.write(JSON.stringify(answer) + "\n");
});
"""


class Checker:
    """proposal.js in one Node process: check(kind, values) and the file it writes."""

    def __init__(self, spec: dict):
        node = shutil.which("node")
        if node is None:
            pytest.skip("node is not installed")
        self.process = subprocess.Popen(
            [node, "-e", NODE_HARNESS, str(SCRIPT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        assert self.ask({"spec": spec}) == {"ok": True}

    def ask(self, question: dict) -> dict:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(question) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        assert "exception" not in answer, answer["exception"]
        return answer

    def check(self, kind: str, values: dict) -> dict:
        return self.ask({"kind": kind, "values": values, "today": TODAY.isoformat()})

    def close(self) -> None:
        assert self.process.stdin
        self.process.stdin.close()
        self.process.wait(timeout=10)


# A tiny catalogue for the property tests: two actions to name, a story, an image.
STUB_ACTION = """---
title: {title}
summary: Een bestaande actie waar het voorstel naar kan verwijzen, voor de proef.
organisations:
  - name: Zorggroep Proef
regions: [haaglanden]
sectors: [vvt]
success_factors: [onboarding]
interventions: [buddy]
status: running
---
"""
STUB_CASE = """---
title: Een bestaand verhaal
date: "2024-01-15"
summary: Een bestaand verhaal over een bestaande actie, voor de proef van het formulier.
organisations:
  - name: Zorggroep Proef
regions: [haaglanden]
actions: [buddy-proef]
---
"""
# The smallest valid PNG (1 x 1 pixel).
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture(scope="module", autouse=True)
def vocabularies_read_once():
    """load_catalogue reads the vocabularies file on every call, a tenth of a second with
    the pure-Python YAML reader; the property tests call it hundreds of times."""
    read = functools.cache(catalogue_module.load_vocabularies)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(catalogue_module, "load_vocabularies", read)
        yield


@pytest.fixture(scope="module")
def stub_content(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("proposal") / "content"
    (folder / "actions").mkdir(parents=True)
    (folder / "cases").mkdir()
    (folder / "images").mkdir()
    for slug, title in (("buddy-proef", "Buddy voor de proef"), ("flexpool-proef", "Flexpool")):
        (folder / "actions" / f"{slug}.md").write_text(STUB_ACTION.format(title=title), "utf-8")
    (folder / "cases" / "verhaal-proef.md").write_text(STUB_CASE, "utf-8")
    (folder / "images" / "proef.png").write_bytes(PNG)
    catalogue = catalogue_of(folder, today=TODAY)
    assert not catalogue.problems, catalogue.problems
    return folder


@pytest.fixture(scope="module")
def stub_spec(stub_content) -> dict:
    return form_spec(SCHEMA_DIR, catalogue=catalogue_of(stub_content, today=TODAY))


@pytest.fixture(scope="module")
def checker(stub_spec):
    running = Checker(stub_spec)
    yield running
    running.close()


@pytest.fixture(scope="module")
def spec() -> dict:
    return form_spec(SCHEMA_DIR)


BASE = {
    "action": {
        "title": "Proefactie voor het formulier",
        "summary": "Nieuwe collega's lopen drie maanden mee met een vaste buddy in hun team.",
        "organisations": [{"name": "Zorggroep Testland"}],
        "regions": ["haaglanden"],
        "sectors": ["vvt"],
        "success_factors": ["onboarding"],
        "interventions": ["buddy"],
        "status": "running",
    },
    "case": {
        "title": "Een nieuw verhaal voor het formulier",
        "date": "2024-03-01",
        "summary": "Hoe een team in de wijk nieuwe collega's een vaste buddy gaf, en wat dat deed.",
        "organisations": [{"name": "Zorggroep Testland"}],
        "regions": ["rijnmond"],
        "actions": ["buddy-proef"],
    },
}
# A valid group to put a drawn value in: its required fields filled.
GROUP_BASE = {
    "organisations": {"name": "Zorggroep Testland"},
    "outcomes": {"measure": "outflow", "result": "pending"},
    "evidence": {"level": "described"},
    "costs": {"level": "low"},
    "contact": {"name": "Jan Proef"},
    "image": {"src": "proef.png", "alt": "Een proefafbeelding"},
    "links": {"title": "Meer lezen", "url": "https://example.org/"},
    "review": {"date": "2024-01-02"},
}


def top(path: str) -> str:
    """'outcomes[0].unit' -> 'outcomes': the field of the entry a problem is about."""
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def validator_fields(content: Path, kind: str, text: str) -> set[str]:
    """The fields the project's validator finds a problem in, for the entry `text`."""
    folder = content / ("actions" if kind == "action" else "cases")
    path = folder / "voorstel-uit-het-formulier.md"
    path.write_text(text, encoding="utf-8", newline="\n")
    try:
        catalogue = catalogue_of(content, today=TODAY)
    finally:
        path.unlink()
    found = set()
    for problem in catalogue.errors:
        if problem.field == "image.src" and "bestaat niet" in problem.message:
            continue  # the browser cannot know the editors' files; the image comes apart
        if not problem.field and (
            "onzichtbare teken" in problem.message or "NUL" in problem.message
        ):
            found.add("body")  # the front matter holds escapes only: it is in the body
            continue
        found.add(top(problem.field))
    return found


def browser_fields(answer: dict) -> set[str]:
    return {top(e["path"]) for e in answer["errors"]}


# --------------------------------------------------------------------------- form_spec


@pytest.mark.parametrize("kind", ["action", "case"])
def test_every_schema_field_is_in_the_spec_with_its_label_and_required_flag(
    spec, kind, schema_paths
):
    fields = all_fields(spec["kinds"][kind]["fields"])
    texts = texts_for(kind)
    paths = schema_paths(kind)
    assert set(fields) == set(paths)
    for path, required in paths.items():
        assert fields[path]["label"] == texts[path]["label"], path
        assert fields[path]["required"] is required, path
        if required and "." not in path:
            assert fields[path]["marker"] == "verplicht", path


def test_conditional_requirements_say_when(spec):
    fields = all_fields(spec["kinds"]["action"]["fields"])
    assert fields["stopped_because"]["required_when"] == {
        "field": "status",
        "value": "stopped",
        "label": "Gestopt",
    }
    assert fields["stopped_because"]["marker"] == "verplicht als de status ‘Gestopt’ is"
    assert fields["outcomes[].unit"]["required_with"] == ["value"]
    assert fields["costs.per"]["marker"] == "verplicht als u het bedrag invult"
    assert fields["contact.name"]["marker"] == "verplicht als u hier iets invult"


def test_widgets_fit_the_fields(spec):
    fields = all_fields(spec["kinds"]["action"]["fields"])
    assert fields["summary"]["widget"] == "textarea"
    assert fields["title"]["widget"] == "text"
    assert fields["status"]["widget"] == "radios"
    assert fields["sectors"]["widget"] == "checkboxes"
    assert fields["outcomes"]["widget"] == "rows"
    assert fields["funding"]["widget"] == "list"
    assert fields["contact"]["widget"] == "group"
    assert fields["evidence.level"]["widget"] == "radios"  # the ladder, with its steps
    assert fields["outcomes[].unit"]["widget"] == "select"
    assert fields["contact.email"]["input"] == "email"
    assert fields["organisations[].url"]["input"] == "url"
    # Every value with its Dutch label; a short list with each value's explanation.
    sectors = {o["value"]: o for o in fields["sectors"]["options"]}
    assert sectors["vvt"]["label"] == "Verpleging, verzorging en thuiszorg"
    assert sectors["vvt"]["description"]
    assert "description" not in fields["interventions"]["options"][0]
    assert fields["outcomes[].measure"]["widget"] == "select"


def test_regions_are_grouped_under_their_province(spec):
    vocabularies = yaml.safe_load((SCHEMA_DIR / "vocabularies.yaml").read_text("utf-8"))
    regions = all_fields(spec["kinds"]["action"]["fields"])["regions"]
    assert regions["grouped"] is True
    groups = {o["value"]: [c["value"] for c in o.get("children", [])] for o in regions["options"]}
    for value in vocabularies["region"]["values"]:
        if value.get("parent"):
            assert value["slug"] in groups[value["parent"]], value
        else:
            assert value["slug"] in groups, value
    assert groups["noord-brabant"] == [
        "west-brabant",
        "midden-brabant",
        "noordoost-brabant",
        "zuidoost-brabant",
    ]


@pytest.mark.parametrize("kind", ["action", "case"])
def test_hints_are_whole_sentences_addressed_as_u(spec, kind):
    fields = all_fields(spec["kinds"][kind]["fields"])
    for path, field in fields.items():
        hint = field["hint"]
        if not hint:
            continue
        assert hint[0].isupper() and hint.endswith((".", "?")), (path, hint)
        for fragment in ("een lijst met", "; elk:", "tekst van", "waarde uit de lijst"):
            assert fragment not in hint, (path, hint)
    words = json.dumps(spec, ensure_ascii=False)
    assert not re.search(r"\b(je|jij|jouw|jou)\b", words, re.I)


def test_patterns_are_ecmascript_and_messages_are_dutch(spec):
    for kind in ("action", "case"):
        for path, field in all_fields(spec["kinds"][kind]["fields"]).items():
            for key in ("pattern", "forbidden"):
                if key in field:
                    regress.Regex(field[key])  # raises when ECMA-262 cannot read it
            if "pattern" in field:
                assert field["pattern_message"].endswith("."), path
    regress.Regex(spec["number_pattern"])
    for key, message in spec["messages"].items():
        assert not re.search(r"\b(the|not|field|must|please)\b", message), (key, message)


def test_every_rule_across_fields_is_in_the_spec(spec):
    schema = json.loads((SCHEMA_DIR / "action.schema.json").read_text("utf-8"))
    named = {rule["x-rule"] for rule in schema["allOf"]}
    assert named >= {"stopped-because", "measured-needs-an-outcome", "evaluated-needs-a-source"}
    rules = {rule["rule"] for rule in spec["kinds"]["action"]["rules"]}
    assert rules == {"required-when", "evidence", "cost-level"}
    costs = next(r for r in spec["kinds"]["action"]["rules"] if r["rule"] == "cost-level")
    assert (costs["low_below"], costs["medium_up_to"]) == (10000, 100000)
    json.dumps(spec)  # the page embeds it


def test_the_spec_knows_the_catalogue(stub_spec):
    assert [a["slug"] for a in stub_spec["actions"]] == ["buddy-proef", "flexpool-proef"]
    assert stub_spec["taken"]["case"] == ["verhaal-proef"]
    assert stub_spec["titles"]["action"]["flexpool"] == "Flexpool"


# --------------------------------------------------------------------------- entry_text

FILLED_ACTION = {
    "title": "Buddy voor nieuwe collega’s in de wijk",
    "summary": (
        'Nieuwe collega\'s lopen drie maanden mee met een vaste buddy: "samen" leren.\n'
        "Zo voelen ze zich sneller thuis."
    ),
    "organisations": [
        {"name": "Zorggroep Testland", "url": "https://example.org/zorg"},
        {"name": "", "url": ""},  # an empty row is left out
    ],
    "regions": ["haaglanden", "rijnmond"],
    "sectors": ["vvt"],
    "success_factors": ["onboarding", "organisational-climate"],
    "interventions": ["buddy"],
    "status": "running",
    "target_groups": ["starters"],
    "started": "2023-09",
    "outcomes": [
        {
            "measure": "outflow",
            "result": "improved",
            "value": "12,5",
            "unit": "percent",
            "baseline": "20",
            "period": "2023",
            "source": "Jaarverslag 2023, blz. 4",
            "note": "Minder vertrek in het eerste jaar.",
        }
    ],
    "evidence": {"level": "measured", "source": "", "note": ""},
    "costs": {"level": "medium", "amount_eur": "15000", "per": "year", "note": "Uren buddy's."},
    "funding": ["IZA", ""],
    "contact": {"name": "Jan Jansen", "email": "jan@example.org", "role": ""},
    "links": [{"title": "Projectpagina", "url": "https://example.org/buddy"}],
    "body": {
        "aanpak": "Elke starter krijgt een buddy.\n\n# geen kop\n<b>ook geen HTML</b> & R&D",
        "lessen": "Plan tijd in voor de buddy's.",
        "resultaten": "   ",
    },
}


def test_a_filled_in_action_passes_the_validator(real_content_copy, spec):
    text = entry_text("action", FILLED_ACTION, spec=spec)
    path = real_content_copy / "actions" / "buddy-voor-nieuwe-collegas-in-de-wijk.md"
    path.write_text(text, encoding="utf-8")
    catalogue = catalogue_of(real_content_copy)
    assert not catalogue.problems, [str(p) for p in catalogue.problems]
    data = catalogue.actions[path.stem].data
    assert data["summary"] == FILLED_ACTION["summary"]
    assert data["outcomes"][0]["value"] == 12.5
    assert data["costs"] == {
        "level": "medium",
        "amount_eur": 15000,
        "per": "year",
        "note": "Uren buddy's.",
    }
    assert data["organisations"] == [
        {"name": "Zorggroep Testland", "url": "https://example.org/zorg"}
    ]
    assert "evidence" in data and data["evidence"] == {"level": "measured"}
    body = catalogue.actions[path.stem].body
    assert "## Aanpak" in body and "## Lessen" in body and "## Resultaten" not in body
    assert "\\# geen kop" in body and "&lt;b>" in body and "R&amp;D" in body


def test_the_file_lists_fields_in_schema_order(spec):
    text = entry_text("action", FILLED_ACTION, spec=spec)
    schema = json.loads((SCHEMA_DIR / "action.schema.json").read_text("utf-8"))
    written = re.findall(r"^([a-z_]+):", text, re.M)
    assert written == [name for name in schema["properties"] if name in written]
    assert text.startswith("---\ntitle: ") and text.endswith("Plan tijd in voor de buddy's.\n")


def test_a_filled_in_story_passes_the_validator(real_content_copy, spec):
    values = {
        "title": "Een buddy in de wijk: het verhaal van Sanne",
        "date": "2024-03-01",
        "summary": "Sanne begon als starter in de wijkverpleging en kreeg een vaste buddy.",
        "organisations": [{"name": "Zorggroep Testland"}],
        "regions": ["haaglanden"],
        "actions": ["brabant-buddysysteem"],
        "author": "Redactie",
        "body": {"het-verhaal": "Sanne vertelt."},
    }
    text = entry_text("case", values, spec=spec)
    (real_content_copy / "cases" / "een-buddy-in-de-wijk.md").write_text(text, "utf-8")
    catalogue = catalogue_of(real_content_copy)
    assert not catalogue.problems, [str(p) for p in catalogue.problems]
    assert "## Het verhaal\n\nSanne vertelt.\n" in text


TRICKY = [
    'Tekst met "aanhalingstekens" en een \\ backslash',
    "yes",
    "no",
    "null",
    "12",
    "- een streepje vooraan",
    "# hekje: en dubbele punt",
    "emoji 🙂 en Fryslân",
    "tab\tin het midden",
    "regel\u2028scheiding",
    "onzichtbaar\u202eteken",
    "nul\x00teken",
    "bom\ufefftekens",
    "  spaties rond  ",
]


@pytest.mark.parametrize("value", TRICKY)
def test_python_and_the_browser_write_the_same_file(stub_spec, checker, value):
    values = {
        **BASE["action"],
        "title": value,
        "funding": [value],
        "contact": {"name": value},
        "status": value,
        "outcomes": [{"measure": "outflow", "result": "pending", "value": value}],
        "body": {"aanpak": value, "lessen": f"[link](javascript:{value})"},
    }
    answer = checker.check("action", values)
    assert answer["text"] == entry_text("action", values, spec=stub_spec)
    # Whatever was typed, the file is readable YAML whose values are what was typed.
    front = answer["text"].split("\n---\n", 1)[0].removeprefix("---\n")
    data = yaml.safe_load(front)
    if value.strip(" \t\n\r"):
        assert data["contact"]["name"] == value.strip(" \t\n\r")


def test_python_and_the_browser_make_the_same_file_name(stub_spec, checker):
    for title in ("Oriëntatiebaan – zij-instromers", "Buddy voor de proef", "regio", "", "'"):
        answer = checker.check("action", {"title": title})
        taken = set(stub_spec["taken"]["action"])
        reserved = frozenset(stub_spec["reserved"])
        assert answer["slug"] == make_slug(title, taken, kind="action", reserved=reserved)


def test_the_browser_reports_messages_in_plain_dutch(checker):
    answer = checker.check("action", {**BASE["action"], "summary": "Twaalf tekens"})
    assert answer["errors"] == [
        {
            "path": "summary",
            "code": "length",
            "message": "Vul een samenvatting in van 30 tot 400 tekens; u heeft er nu 13.",
        }
    ]
    answer = checker.check(
        "action",
        {
            **BASE["action"],
            "status": "stopped",
            "costs": {"amount_eur": "15.000"},
            "image": {"src": "map/foto.jpg", "alt": "Een foto van het team"},
        },
    )
    messages = {e["path"]: e["message"] for e in answer["errors"]}
    assert messages["stopped_because"].startswith("De status is ‘Gestopt’: vul in waarom")
    assert messages["costs.amount_eur"].startswith("Vul het bedrag in als getal, zonder punt")
    assert messages["costs.per"] == "Kies waar het bedrag voor is: u heeft het bedrag ingevuld."
    # Stricter than the validator: the form asks for the file name only.
    assert messages["image.src"] == "Vul alleen de naam van het bestand in, zonder map ervoor."


# --------------------------------------------------------------------------- agreement


def leaf_paths(fields: dict[str, dict]) -> list[str]:
    return sorted(path for path, field in fields.items() if field["type"] != "object")


CONTROL = st.sampled_from(
    ["\t", "\n", "\x0b", "\x1f", "\x7f", "\x85", "\u2028", "\u202e", "\ufeff"]
)
TEXT = st.text(
    st.characters(blacklist_categories=("Cs",)),  # no lone surrogates: no file can hold one
    max_size=12,
)


def text_strategy(field: dict, stub_spec: dict):
    low = field.get("min_length") or 0
    high = field.get("max_length") or 400
    options = [
        TEXT,
        st.builds(lambda a, c, b: a + c + b, TEXT, CONTROL, TEXT),
        st.integers(max(0, low - 2), min(high, low + 2)).map(lambda n: "ä" * n),
        st.integers(max(0, high - 2), high + 2).map(lambda n: "b" * n),
        st.just(" \t "),
    ]
    pattern = field.get("pattern")
    if pattern:
        options.append(st.from_regex(pattern).map(lambda s: s[:300]))
    if field.get("date") == "month":
        options.append(st.from_regex(r"(19|20)[0-9]{2}(-[01][0-9])?", fullmatch=True))
        options.append(st.just(f"{TODAY.year + 1}-01"))
    if field.get("date") == "day":
        options.append(st.from_regex(r"[0-9]{4}-(0[1-9]|1[0-2])-[0-3][0-9]", fullmatch=True))
        options.append(st.sampled_from(["2023-02-29", "2024-02-29", "0000-01-01", "2099-01-01"]))
    if field.get("refers_to"):
        options.append(st.sampled_from([a["slug"] for a in stub_spec["actions"]] + ["verzonnen"]))
    if field.get("prefix"):  # an image: a file name without a folder
        return st.one_of(
            st.from_regex(r"[a-z0-9 ._-]{0,12}\.(jpg|JPEG|png|webp|gif|)", fullmatch=True),
            st.just("proef.png"),
            TEXT.filter(lambda s: "/" not in s and "\\" not in s),
        )
    if "@" in (pattern or ""):
        options.append(
            st.from_regex(r"[a-z.+]{0,4}@[a-z-]{0,4}(\.[a-z]{0,3}){0,2}", fullmatch=True)
        )
    if field.get("input") == "url":
        options.append(st.sampled_from(["https://example.org", "http:/x", "https:// x", "ftp://a"]))
    return st.one_of(options)


NUMBER = st.one_of(
    st.from_regex(NUMBER_PATTERN, fullmatch=True),
    st.from_regex(r"-?[0-9]{0,17}([.,][0-9]{0,8})?", fullmatch=True),
    st.sampled_from(["15.000", "1e3", "€ 5", "0x1F", "-0", "007", "12,5", ".5", "1 000"]),
    TEXT,
)


def value_strategy(field: dict, stub_spec: dict):
    if field["type"] == "choice":
        values = [o["value"] for o in field["options"]]
        values += [c["value"] for o in field["options"] for c in o.get("children", [])]
        one = st.one_of(st.sampled_from(values), TEXT)
    elif field["type"] == "number":
        one = NUMBER
    elif field["type"] == "boolean":
        one = st.booleans()
    else:
        one = text_strategy(field, stub_spec)
    if field["many"]:
        return st.lists(one, max_size=3)
    return one


def with_value(kind: str, path: str, value) -> dict:
    """The base entry of a kind with one field set to a drawn value."""
    values = json.loads(json.dumps(BASE[kind]))
    if path.startswith("body."):
        values["body"] = {path[5:]: value}
        return values
    parts = path.split(".")
    if len(parts) == 1:
        values[path.removesuffix("[]")] = value
        return values
    group, child = parts[0].removesuffix("[]"), parts[1]
    row = {**GROUP_BASE[group], child: value}
    values[group] = [row] if parts[0].endswith("[]") else row
    return values


BODY_TOKENS = st.sampled_from(
    [
        "a",
        " ",
        "é",
        "\n",
        "\t",
        "    ",
        "#",
        "## ",
        "<",
        ">",
        "&",
        "amp;",
        "lt;",
        "#58;",
        "colon;",
        "[x](",
        "](",
        ")",
        "[r]: ",
        "`",
        "```",
        "~~~",
        "javascript:",
        "JavaScript",
        "data:",
        "https://a",
        "mailto:",
        "\x0b",
        "\x85",
        "\u2028",
        "\ufeff",
        "<javascript:x>",
    ]
)
BODY = st.lists(BODY_TOKENS, max_size=16).map("".join)


@pytest.mark.slow  # the form's script in Node against the validator, on 300 drawn entries
@pytest.mark.parametrize("kind", ["action", "case"])
@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_browser_and_the_validator_agree_on_any_single_value(
    kind, data, stub_content, stub_spec, checker
):
    """Every field of the form, drawn from the schema's own rules and beyond them: the
    browser refuses exactly what the validator refuses, at the same field."""
    kind_spec = stub_spec["kinds"][kind]
    fields = all_fields(kind_spec["fields"])
    paths = leaf_paths(fields) + [f"body.{s['id']}" for s in kind_spec["body"]]
    path = data.draw(st.sampled_from(paths), label="field")
    if path.startswith("body."):
        value = data.draw(BODY, label="text")
    else:
        value = data.draw(value_strategy(fields[path], stub_spec), label="value")
    values = with_value(kind, path, value)
    answer = checker.check(kind, values)
    text = entry_text(kind, values, spec=stub_spec)
    assert answer["text"] == text
    assert browser_fields(answer) == validator_fields(stub_content, kind, text), (
        answer["errors"],
        text,
    )


OUTCOME = st.fixed_dictionaries(
    {
        "measure": st.sampled_from(["outflow", "retention", "satisfaction"]),
        "result": st.sampled_from(["improved", "no-change", "pending", ""]),
    },
    optional={
        "value": st.sampled_from(["12", "3,5", "", "x"]),
        "unit": st.sampled_from(["percent", "persons"]),
        "source": st.sampled_from(
            ["Jaarverslag 2023", "", "https://example.org/meting", "...", "http://", "Rapport"]
        ),
        "period": st.sampled_from(["2022", "2023", "2021-2023"]),
    },
)


@pytest.mark.slow  # the form's script in Node against the validator, on 300 drawn entries
@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    status=st.sampled_from(["idea", "pilot", "running", "completed", "stopped"]),
    stopped_because=st.sampled_from(["", "Het geld was op na twee jaar."]),
    level=st.sampled_from(
        ["", "idea", "described", "experiences", "measured", "replicated", "evaluated"]
    ),
    evidence_source=st.sampled_from(["", "Evaluatie door een hogeschool, 2023"]),
    outcomes=st.lists(OUTCOME, max_size=3),
    cost_level=st.sampled_from(["", "low", "medium", "high"]),
    amount=st.sampled_from(["", "0", "9999,99", "10000", "100000", "100000,01", "2.500", "x"]),
    per=st.sampled_from(["", "year", "total", "participant"]),
)
def test_the_browser_and_the_validator_agree_on_the_rules_across_fields(
    stub_content,
    stub_spec,
    checker,
    status,
    stopped_because,
    level,
    evidence_source,
    outcomes,
    cost_level,
    amount,
    per,
):
    values = {
        **BASE["action"],
        "status": status,
        "stopped_because": stopped_because,
        "evidence": {"level": level, "source": evidence_source},
        "outcomes": outcomes,
        "costs": {"level": cost_level, "amount_eur": amount, "per": per},
    }
    answer = checker.check("action", values)
    text = entry_text("action", values, spec=stub_spec)
    assert answer["text"] == text
    assert browser_fields(answer) == validator_fields(stub_content, "action", text), (
        answer["errors"],
        text,
    )


@pytest.mark.parametrize("title", ["Flexpool", "flexpool!", "Buddy voor de proef", "Iets nieuws"])
def test_a_title_already_used_is_refused_by_both(stub_content, stub_spec, checker, title):
    values = {**BASE["action"], "title": title}
    answer = checker.check("action", values)
    text = entry_text("action", values, spec=stub_spec)
    assert browser_fields(answer) == validator_fields(stub_content, "action", text)


# --------------------------------------------------------------------------- in Chromium

PAGE = "bijdragen/voorstellen/"


def open_form(page, base_url, watch):
    page.goto(f"{base_url}{PAGE}")
    page.wait_for_selector("[data-ab-proposal]:not([hidden])")
    return page.locator("form[data-ab-form=action]")


def fill_action(form, summary: str) -> None:
    form.get_by_label("Titel (verplicht)", exact=True).fill(FORM_VALUES["title"])
    form.get_by_label("Samenvatting (verplicht)", exact=True).fill(summary)
    form.locator("[data-ab-path='organisations[].name'] input").first.fill("Zorggroep Testland")
    form.get_by_role("group", name="Regio's (verplicht)").get_by_label("Haaglanden").check()
    form.get_by_role("group", name="Sectoren (verplicht)").get_by_label(
        "Verpleging, verzorging en thuiszorg"
    ).check()
    form.get_by_role("group", name="Succesfactoren (verplicht)").get_by_label("Onboarding").check()
    form.get_by_role("group", name="Interventies (verplicht)").get_by_label("Buddysysteem").check()
    form.get_by_role("group", name="Status (verplicht)").get_by_label("Loopt").check()
    form.get_by_label("Aanpak", exact=True).fill(FORM_VALUES["body"]["aanpak"])


FORM_VALUES = {
    "title": "Buddy voor nieuwe collega's in de wijk",
    "summary": "Nieuwe collega's lopen drie maanden mee met een vaste buddy in hun team.",
    "organisations": [{"name": "Zorggroep Testland"}],
    "regions": ["haaglanden"],
    "sectors": ["vvt"],
    "success_factors": ["onboarding"],
    "interventions": ["buddy"],
    "status": "running",
    "body": {"aanpak": "Elke starter krijgt drie maanden een buddy."},
}


@pytest.mark.browser
def test_a_contributor_fills_in_the_form_fixes_a_mistake_and_sends_it(
    page, watch, base_url, built_site, real_content_copy
):
    form = open_form(page, base_url, watch)
    fill_action(form, "Te kort")
    form.get_by_role("button", name="Controleer het voorstel").click()

    # The summary of problems has the focus and links to the field; the message stands
    # beside the field, which points to it.
    summary = form.locator("[data-ab-summary]")
    assert page.evaluate("document.activeElement.hasAttribute('data-ab-summary')")
    assert summary.locator("h2").inner_text() == "Er is 1 probleem in het formulier"
    message = "Vul een samenvatting in van 30 tot 400 tekens; u heeft er nu 7."
    box = form.get_by_label("Samenvatting (verplicht)", exact=True)
    assert box.get_attribute("aria-invalid") == "true"
    error_id = box.get_attribute("aria-describedby").split()[-1]
    assert page.locator(f"#{error_id}").inner_text() == message
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == box.get_attribute("id")

    # Corrected, the message goes as soon as the field is right.
    box.fill(FORM_VALUES["summary"])
    assert page.locator(f"#{error_id}").inner_text() == ""
    form.get_by_role("button", name="Controleer het voorstel").click()
    send = page.locator("[data-ab-send]")
    send.wait_for(state="visible")
    assert page.evaluate("document.activeElement.id") == "p-send-title"
    assert summary.is_hidden()

    # The downloaded file is what entry_text writes, and the validator accepts it.
    with page.expect_download() as download_info:
        send.get_by_role("button", name="Download het bestand").click()
    download = download_info.value
    slug = "buddy-voor-nieuwe-collegas-in-de-wijk"
    assert download.suggested_filename == f"{slug}.md"
    text = Path(download.path()).read_text("utf-8")
    spec = json.loads((built_site / PAGE / "formulier.json").read_text("utf-8"))
    assert text == entry_text("action", FORM_VALUES, spec=spec)
    (real_content_copy / "actions" / f"{slug}.md").write_text(text, "utf-8")
    catalogue = catalogue_of(real_content_copy)
    assert not catalogue.problems, [str(p) for p in catalogue.problems]
    assert slug in catalogue.actions

    # The e-mail carries the whole file; the GitHub link its path and content.
    mailto = urlsplit(send.get_by_role("link", name="Verstuur per e-mail").get_attribute("href"))
    assert mailto.scheme == "mailto" and mailto.path == "redactie@actiebank.example"
    query = parse_qs(mailto.query)
    assert query["subject"] == [f"Voorstel voor de Actiebank: {FORM_VALUES['title']}"]
    assert query["body"][0].replace("\r\n", "\n") == text
    assert send.locator("[data-ab-mail-too-long]").is_hidden()
    github = urlsplit(
        send.get_by_role("link", name=re.compile("Voorstellen op GitHub")).get_attribute("href")
    )
    assert (github.scheme, github.netloc, github.path) == (
        "https",
        "github.com",
        "/actiebank/actiebank/new/main",
    )
    query = parse_qs(github.query)
    assert query["filename"] == [f"content/actions/{slug}.md"]
    assert query["value"] == [text]
    assert send.locator("[data-ab-preview]").text_content() == text


@pytest.mark.browser
def test_a_long_proposal_offers_the_download_for_the_mail(page, watch, base_url):
    form = open_form(page, base_url, watch)
    fill_action(form, FORM_VALUES["summary"])
    form.get_by_label("Lessen", exact=True).fill("Een lange les over wat werkte en wat niet. " * 60)
    form.get_by_role("button", name="Controleer het voorstel").click()
    send = page.locator("[data-ab-send]")
    send.wait_for(state="visible")
    assert send.locator("[data-ab-mail-too-long]").is_visible()
    href = send.get_by_role("link", name="Verstuur per e-mail").get_attribute("href")
    assert len(href) < 1800
    assert "bijgevoegde bestand buddy-voor-nieuwe-collegas-in-de-wijk.md" in unquote(href)


@pytest.mark.browser
def test_rows_are_added_and_removed_and_the_story_form_has_its_own_fields(page, watch, base_url):
    form = open_form(page, base_url, watch)
    form.get_by_role("button", name="Een resultaat toevoegen").click()
    row = form.locator("[data-ab-path=outcomes] [data-ab-row]")
    assert row.count() == 1
    assert row.locator("legend").inner_text() == "Resultaat 1"
    assert page.evaluate("document.activeElement.tagName") == "SELECT"  # its first field
    form.get_by_role("button", name="Een resultaat toevoegen").click()
    assert row.nth(1).locator("legend").inner_text() == "Resultaat 2"
    row.first.get_by_role("button", name="Verwijder resultaat 1").click()
    assert row.count() == 1 and row.first.locator("legend").inner_text() == "Resultaat 1"

    # A problem in the second organisation is shown there, even with the first one empty.
    form.get_by_role("button", name="Nog een organisatie toevoegen").click()
    second = form.locator("[data-ab-path=organisations] [data-ab-row]").nth(1)
    second.get_by_label("Website", exact=True).fill("www.example.org")
    form.get_by_role("button", name="Controleer het voorstel").click()
    error = second.locator("[data-ab-path='organisations[].url'] [data-ab-error]")
    assert error.inner_text().startswith("Vul een volledig webadres in dat begint met https://")
    assert (
        "Organisatie 2, Website: vul een volledig webadres in"
        in form.locator("[data-ab-summary]").inner_text()
    )

    page.get_by_label("Een verhaal", exact=True).check()
    story = page.locator("form[data-ab-form=case]")
    assert story.is_visible() and form.is_hidden()
    story.get_by_role("button", name="Controleer het voorstel").click()
    errors = story.locator("[data-ab-summary] li")
    assert "Acties: vul minstens één actie in." in errors.all_inner_texts()
    # The actions to name are offered by title.
    options = page.locator("#p-actions option")
    assert options.count() > 10


@pytest.mark.browser
def test_the_form_works_after_instant_navigation(page, watch, base_url):
    page.goto(f"{base_url}bijdragen/")
    page.evaluate(
        """() => { const a = document.createElement("a"); a.href = "voorstellen/";
                   a.id = "naar-formulier"; a.textContent = "formulier";
                   document.querySelector("article").append(a); }"""
    )
    page.click("#naar-formulier")
    page.wait_for_selector("[data-ab-proposal]:not([hidden])")
    assert page.locator("[data-ab-nojs]").is_hidden()
    page.get_by_role("button", name="Controleer het voorstel").first.click()
    assert page.locator("form[data-ab-form=action] [data-ab-summary]").is_visible()


@pytest.mark.browser
def test_without_javascript_the_page_explains_the_e_mail(browser, base_url):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{base_url}{PAGE}")
    assert page.locator("[data-ab-proposal]").is_hidden()
    section = page.locator("[data-ab-nojs]")
    assert section.is_visible()
    assert (
        section.get_by_role("link", name="redactie@actiebank.example").get_attribute("href")
        == "mailto:redactie@actiebank.example"
    )
    assert "Samenvatting" in section.inner_text()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_axe_finds_nothing_in_any_state_of_the_form(browser, base_url, viewport):
    sizes = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
    context = browser.new_context(viewport=sizes[viewport], locale="nl-NL")
    context.add_init_script(path=str(ROOT / "node_modules" / "axe-core" / "axe.min.js"))
    page = context.new_page()

    page.goto(f"{base_url}{PAGE}")
    page.wait_for_selector("[data-ab-proposal]:not([hidden])")
    assert axe_now(page) == []
    form = page.locator("form[data-ab-form=action]")
    form.get_by_role("button", name="Een resultaat toevoegen").click()
    form.get_by_role("button", name="Controleer het voorstel").click()
    assert axe_now(page) == []
    fill_action(form, FORM_VALUES["summary"])
    form.locator("[data-ab-path=outcomes] [data-ab-row] button").click()
    form.get_by_role("button", name="Controleer het voorstel").click()
    page.locator("[data-ab-send]").wait_for(state="visible")
    assert axe_now(page) == []
    context.close()


def test_the_page_reads_its_description_from_a_file_beside_it(built_site):
    html = (built_site / PAGE / "index.html").read_text("utf-8")
    address = re.search(r'data-ab-spec="([^"]+)"', html).group(1)
    spec = json.loads((built_site / PAGE / address).resolve().read_text("utf-8"))
    assert spec == json.loads((built_site / PAGE / "formulier.json").read_text("utf-8"))
    assert spec["kinds"]["action"]["fields"][0]["name"] == "title"
    # No inline script: the page's policy runs the site's own files only.
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    assert not [body for attributes, body in scripts if "kinds" in body]
    assert "assets/javascripts/proposal.js" in html


def test_without_an_address_or_repository_the_page_offers_the_download_only(stub_content):
    from actiebank.site.pages import Page
    from actiebank.site.render import Renderer

    spec = form_spec(SCHEMA_DIR, catalogue=catalogue_of(stub_content, today=TODAY))
    context = {"spec": spec, "editors_email": None, "repo": None, "fields_page": None}
    page = Page(src_uri="x", url=PAGE, title="t", description="d", template="proposal.html")
    page.renderer, page.context = Renderer(), context
    html = str(page.render())
    assert "data-ab-download" in html
    assert "mailto:" not in html and "data-ab-github" not in html and "github.com" not in html
    assert ">Velden</a>" not in html
