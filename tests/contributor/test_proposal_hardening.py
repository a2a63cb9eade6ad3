"""The proposal form's checker (assets/javascripts/proposal.js) on hostile input, run in
Node as the browser runs it: every pattern it runs on a contributor's text takes time
linear in that text, and it names files and flags titles as the validator and
`actiebank import` do.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from actiebank.content.crossfile import normalised_title
from actiebank.contribute.proposal import form_spec
from actiebank.contribute.scaffold import make_slug
from actiebank.routes import STORY_PAGES
from support import ROOT, SCHEMA_DIR

SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "proposal.js"
TODAY = "2025-01-01"
# Each question is timed inside Node, so the bound is about the checker, not Node's start.
BOUND_SECONDS = 2.0
SIZE = 100_000

# Each question: {kind, values}; each answer: the checker's problems, the file name, and
# how long `check` took.
NODE_HARNESS = r"""
const api = require(process.argv[1]);
const asked = JSON.parse(require("fs").readFileSync(0, "utf8"));
const answers = asked.questions.map((ask) => {
  const start = process.hrtime.bigint();
  const errors = api.check(asked.spec, ask.kind, ask.values, { today: asked.today });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const slug = api.makeSlug(asked.spec, ask.kind, String(ask.values.title || ""));
  return { errors, seconds, slug };
});
process.stdout.write(JSON.stringify(answers));
"""


def ask_node(spec: dict, questions: list[dict]) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    run = subprocess.run(
        [node, "-e", NODE_HARNESS, str(SCRIPT)],
        input=json.dumps({"spec": spec, "today": TODAY, "questions": questions}),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def spec() -> dict:
    return form_spec(SCHEMA_DIR)


# Lines that made the old patterns backtrack (a run of backticks that closes nothing took
# the browser seconds at 2 KB and would take hours at 100 KB), and the other shapes the
# patterns meet: autolink starts, link openings, brackets. (A line that starts with three
# backticks opens a fenced block, which is not read for links: each line starts otherwise.)
ADVERSARIAL = {
    "backticks then a letter": "x " + "`" * SIZE + "a",
    "a letter then backticks": "a" + "`" * SIZE,
    "backtick runs that never close": "``a`" * (SIZE // 4),
    "autolink starts": "<a:" * (SIZE // 3),
    "opening brackets": "[" * SIZE,
    "link openings": "](" * (SIZE // 2),
    "links opened with '<'": "](<" * (SIZE // 3),
    "links never closed": "[x](a" * (SIZE // 5),
    "references": "[r]: " + "[" * SIZE,
}


def test_hostile_bodies_are_checked_in_linear_time(spec):
    questions = [
        {"kind": "action", "values": {"title": "Proef", "body": {"aanpak": body}}}
        for body in ADVERSARIAL.values()
    ]
    answers = ask_node(spec, questions)
    slow = {
        name: round(answer["seconds"], 2)
        for name, answer in zip(ADVERSARIAL, answers, strict=True)
        if answer["seconds"] > BOUND_SECONDS
    }
    assert not slow, f"checked slower than {BOUND_SECONDS} s: {slow}"


def test_a_hostile_body_still_has_its_unsafe_links_found(spec):
    """Fast, and not by skipping: a bad link after 100 KB of backticks and link openings
    is still refused, and one inside a code span is not."""
    bad = "[x](javascript:alert(1))"
    mail = "[x](mailto:a@voorbeeld.nl?bcc=b@voorbeeld.nl)"
    bodies = [
        "x " + "`" * SIZE + " " + bad,
        "](" * (SIZE // 2) + "\n" + mail,
        "`" + bad + "` en " + "`" * SIZE + "a",
    ]
    questions = [
        {"kind": "case", "values": {"title": "Proef", "body": {"het-verhaal": body}}}
        for body in bodies
    ]
    answers = ask_node(spec, questions)
    codes = [
        [e["code"] for e in answer["errors"] if e["path"].startswith("body.")] for answer in answers
    ]
    assert codes == [["unsafe-link"], ["mailto-query"], []]
    assert all(answer["seconds"] < BOUND_SECONDS for answer in answers)


@pytest.mark.parametrize(
    "url",
    [
        "mailto:a@voorbeeld.nl?bcc=b@voorbeeld.nl",
        "mailto:a@voorbeeld.nl%3Fcc=b@voorbeeld.nl",
        "mailto:a@voorbeeld.nl,b@voorbeeld.nl",
        "MAILTO:a@voorbeeld.nl&amp;body=x",
        "mailto:naam",
    ],
)
def test_a_mailto_link_is_one_address(spec, url):
    answers = ask_node(
        spec,
        [
            {"kind": "action", "values": {"title": "Proef", "body": {"aanpak": f"[x]({url})"}}},
            {
                "kind": "action",
                "values": {"title": "Proef", "body": {"aanpak": "[x](mailto:a@voorbeeld.nl)"}},
            },
        ],
    )
    refused, plain = (
        [e["code"] for e in a["errors"] if e["path"] == "body.aanpak"] for a in answers
    )
    assert refused == ["mailto-query"]
    assert plain == []


@pytest.mark.parametrize("title", ["Index", "index", "  INDEX!"])
def test_a_story_titled_index_gets_the_file_name_import_gives_it(spec, title):
    """The list of stories is /verhalen/ (made from verhalen/index.md): a story named
    'index' would never get its page, so the form, like `actiebank import`, adds the
    kind's word. An action named 'index' gets '-actie', as before."""
    assert "index" in STORY_PAGES
    story, action = ask_node(
        spec,
        [
            {"kind": "case", "values": {"title": title}},
            {"kind": "action", "values": {"title": title}},
        ],
    )
    assert story["slug"] == "index-verhaal" == make_slug(title, kind="case")
    assert action["slug"] == "index-actie"


def test_a_title_in_look_alike_letters_is_a_title_used_twice(spec):
    """'Buddy' with a Cyrillic 'у' and 'В' is the title 'Buddy' to a reader, and to the
    validator (crossfile.normalised_title); the form says so too."""
    used = "Buddy in de wijk"
    disguised = "\u0412udd\u0443 in de wijk"  # Cyrillic Ve and U
    assert normalised_title(disguised) == normalised_title(used)
    spec = {**spec, "titles": {"action": {normalised_title(used): used}, "case": {}}}
    flagged, fresh = ask_node(
        spec,
        [
            {"kind": "action", "values": {"title": disguised}},
            {"kind": "action", "values": {"title": "Een heel andere titel"}},
        ],
    )
    assert "duplicate-title" in [e["code"] for e in flagged["errors"] if e["path"] == "title"]
    assert "duplicate-title" not in [e["code"] for e in fresh["errors"]]
