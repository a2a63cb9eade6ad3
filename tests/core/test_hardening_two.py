"""Hardening, round two (issue 24): contributor text is read in linear time, the page's
Content-Security-Policy allows only the templates' own inline scripts, every slug a page
of the site uses is refused for its kind, and the smaller findings (CDATA, the skip link's
id, mailto: queries, look-alike letters in titles)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import signal
import time
from contextlib import contextmanager
from pathlib import Path

import material
import pytest

from actiebank import routes
from actiebank.content import body, crossfile, frontmatter, layout, sanitise, sources
from actiebank.content.body import check_body
from actiebank.content.catalogue import KIND_FOLDERS
from actiebank.content.frontmatter import Source
from actiebank.content.sanitise import reserved_id
from actiebank.content.sanitise import sanitise as clean_html
from actiebank.contribute import importer
from actiebank.contribute.proposal import entry_file
from actiebank.routes import CASES, STORY_PAGES, reserved_slugs
from actiebank.site import csp, ordering
from actiebank.vocabulary import load_vocabularies
from support import ROOT, SCHEMA_DIR, catalogue_of

SIZE = 100_000  # characters of each hostile text
BOUND = 2.0  # seconds any one check may take on it (a linear check takes milliseconds)


class TooSlow(BaseException):
    """Not an Exception: code under test that catches every Exception cannot swallow it."""


@contextmanager
def within(seconds: float, what: str):
    """Fail when the block runs longer than `seconds` (the regex engine and Python code
    both stop at the signal, so a quadratic pattern fails in seconds, not hours)."""

    def stop(*_):
        raise TooSlow(f"{what} took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def hostile(unit: str, end: str = "!") -> str:
    """`unit` repeated to SIZE characters, with a last character that makes a match fail."""
    return unit * (SIZE // len(unit)) + end


# Units that make backtracking patterns rescan: runs that open something and never close
# it, characters that two parts of a pattern could both take, and plenty of nothing.
UNITS = [
    "<a:",
    "<a b ",
    "](",
    "](<",
    "`",
    "`" * 64 + "a",
    "`a``",
    "a-",
    "a.",
    "a@",
    "a.a@",
    "-",
    "(",
    "\t ",
    "0",
    "aaa",
    "&#",
    "[",
    "[a]: ",
    ">",
    '"',
    "<script",
    "</script",
    "<meta charset=",
    "http://a",
    "https://a.",
    "xn--a-",
    "> ",
    "---",
    "\\",
    "=?utf-8?q?a?= ",
    "display:none;",
    "height:0;",
]

# Every compiled pattern in src/actiebank that reads contributor text (bodies, front matter
# values and keys, file names, titles, e-mails in `actiebank import`, the proposal form's
# texts), with how the code calls it. Patterns on the project's own files (templates,
# mkdocs.yml, the editorial pages' markers) and on messages are not here.
PATTERNS = {
    "body._FENCE": (body._FENCE, "match"),
    "body._BACKTICKS": (body._BACKTICKS, "finditer"),
    "body._LINK_OPEN": (body._LINK_OPEN, "finditer"),
    "body._LINK_END": (body._LINK_END, "search"),
    "body._MD_REFERENCE": (body._MD_REFERENCE, "finditer"),
    "body._TITLE_HEADING": (body._TITLE_HEADING, "match"),
    "body._AUTOLINK": (body._AUTOLINK, "finditer"),
    "body._CONTROL_OR_SPACE": (body._CONTROL_OR_SPACE, "sub"),
    "body._SCHEME": (body._SCHEME, "match"),
    "sanitise._RESERVED_ID": (sanitise._RESERVED_ID, "match"),
    "sanitise._PLAIN_ID": (sanitise._PLAIN_ID, "fullmatch"),
    "crossfile.SLUG_PATTERN": (crossfile.SLUG_PATTERN, "fullmatch"),
    "layout.ENTRY_NAME": (layout.ENTRY_NAME, "fullmatch"),
    "layout.IMAGE_NAME": (layout.IMAGE_NAME, "fullmatch"),
    "frontmatter._PLAIN_INT": (frontmatter._PLAIN_INT, "fullmatch"),
    "frontmatter._PLAIN_FLOAT": (frontmatter._PLAIN_FLOAT, "fullmatch"),
    "frontmatter._LEADING_ZERO": (frontmatter._LEADING_ZERO, "match"),
    "frontmatter._ANY_CONTROL": (frontmatter._ANY_CONTROL, "search"),
    "frontmatter._CONTROL": (frontmatter._CONTROL, "search"),
    "sources.WEB_ADDRESS": (re.compile(sources.WEB_ADDRESS), "search"),
    "sources.SOURCE": (re.compile(sources.SOURCE), "search"),
    "importer._OPENING": (importer._OPENING, "match"),
    "importer._ZERO": (importer._ZERO, "fullmatch"),
    "entry_file._NUMBER": (entry_file._NUMBER, "fullmatch"),
    "entry_file._ESCAPES": (entry_file._ESCAPES, "sub"),
    "entry_file._PLAIN": (entry_file._PLAIN, "fullmatch"),
    "entry_file._ENTITY_START": (entry_file._ENTITY_START, "sub"),
    "entry_file._HEADING_START": (entry_file._HEADING_START, "match"),
    "routes._SOURCE_LINK": (routes._SOURCE_LINK, "sub"),
    "ordering._NUMBER": (ordering._NUMBER, "finditer"),
    "csp._SCRIPT_OPEN": (csp._SCRIPT_OPEN, "finditer"),
    "csp._SCRIPT_CLOSE": (csp._SCRIPT_CLOSE, "search"),
    "csp._CHARSET": (csp._CHARSET, "search"),
}


def run(pattern: re.Pattern[str], how: str, text: str) -> None:
    if how == "finditer":
        list(pattern.finditer(text))
    elif how == "sub":
        pattern.sub(" ", text)
    else:
        getattr(pattern, how)(text)


def schema_patterns() -> dict[str, re.Pattern[str]]:
    """Every `pattern` of the published schemas: jsonschema runs each with re.search on
    the contributor's value."""
    found: dict[str, re.Pattern[str]] = {}

    def visit(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                found.setdefault(node["pattern"], re.compile(node["pattern"]))
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        visit(json.loads(path.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_every_pattern_on_contributor_text_runs_in_linear_time(name):
    pattern, how = PATTERNS[name]
    for unit in UNITS:
        for text in (hostile(unit), hostile(unit, end="")):
            with within(BOUND, f"{name} on {unit!r} x {SIZE // len(unit)}"):
                run(pattern, how, text)


def test_every_schema_pattern_runs_in_linear_time():
    patterns = schema_patterns()
    assert len(patterns) >= 5
    for source, pattern in patterns.items():
        for unit in UNITS:
            with within(BOUND, f"schema pattern {source[:40]!r} on {unit!r}"):
                pattern.search(hostile(unit))


def test_code_spans_and_link_destinations_are_what_the_patterns_found():
    """The one-pass readers of code spans and link destinations agree with the patterns
    they replace (still used by the proposal form's script) on every short text of the
    characters that matter."""
    import itertools

    old_code = re.compile(r"(`+)(?:(?!\1).)+?\1")
    old_link = re.compile(r"\]\(\s*<?([^\s>]*?)\)?(?:\s|$|>)")
    for size in range(7):
        for letters in itertools.product("`a](< )", repeat=size):
            line = "".join(letters)
            assert body.code_spans(line) == [
                (m.start(), m.end()) for m in old_code.finditer(line)
            ], line
            assert body.link_destinations(line) == [
                (m.start(1), m.group(1)) for m in old_link.finditer(line)
            ], line


def body_of(text: str) -> Source:
    return Source(Path("content/actions/x.md"), "content/actions/x.md", {}, text, 10)


def messages(text: str) -> list[str]:
    return [p.message for p in check_body(body_of(text))]


@pytest.mark.parametrize(
    "unit",
    [
        *("<a:", "<a b ", "<a\n", "`", "`a``", "](", "](<", "[a](<b ", "<!--", "<![CDATA["),
        *("<?", "</a", "<a b='", "x<", "&#", "<b>", "<p id=x>", "[r]: <", "    <a b "),
        "`" * 64 + "a",
    ],
)
def test_a_hostile_body_is_checked_in_linear_time(unit):
    text = hostile(unit)
    with within(BOUND, f"check_body on {unit!r} x {SIZE // len(unit)}"):
        check_body(body_of(text))


def test_a_line_of_unfinished_tags_is_refused_not_passed():
    """120 KB of '<a:' took 44 s and passed; it is refused now, in milliseconds, because a
    '<' that opens a tag that never closes sends the build's Markdown down the same
    quadratic path."""
    start = time.perf_counter()
    found = messages("## Aanpak\n\n" + "<a:" * 40_000)
    assert time.perf_counter() - start < BOUND
    assert found == [
        "Met '<a:<a:<a:<a:' begint een HTML-element dat nergens wordt afgesloten met '>'. "
        "Bedoelt u het teken '<' zelf? Zet er dan een spatie achter, of schrijf '&lt;'."
    ]
    # A '<' with a space after it, or '&lt;', is text.
    assert messages("Minder dan < een derde, of &lt;een kwart.") == []


def test_an_unclosed_comment_cannot_hide_a_script_from_the_check():
    found = messages("Tekst <!-- en dan <script>alert(1)</script> verder")
    assert found == [body._UNCLOSED_COMMENT]


@pytest.mark.parametrize("text", ["<![CDATA[ tekst ]]>", "Voor <![CDATA[ en nooit dicht"])
def test_cdata_in_a_body_is_refused(text):
    assert messages(text) == [body._CDATA]


def test_a_processing_instruction_or_declaration_is_refused():
    assert len(messages("<?php echo 1 ?>")) == 1
    assert len(messages("<!DOCTYPE html>")) == 1


# --------------------------------------------------------------------------- ids

ID = re.compile(r"""\bid\s*=\s*["']([^"']*)["']""")


def template_ids() -> tuple[set[str], set[str]]:
    """The ids the page templates write: fixed ones, and the start of those they make
    from a name ('p-{{ kind }}-...' -> 'p-')."""
    fixed: set[str] = set()
    made: set[str] = set()
    folders = [
        ROOT / "overrides",
        ROOT / "src" / "actiebank" / "site" / "templates",
        Path(material.__file__).parent / "templates",
    ]
    for folder in folders:
        for path in folder.rglob("*.html"):
            for value in ID.findall(path.read_text(encoding="utf-8")):
                if "{" not in value:
                    fixed.add(value)
                elif not value.startswith("{"):
                    made.add(value.split("{", 1)[0])
    return fixed, made


def test_every_id_the_page_templates_use_is_refused_in_a_body():
    fixed, made = template_ids()
    assert "hoofdinhoud" in fixed  # the skip link's target (overrides/main.html)
    assert {name for name in fixed if not reserved_id(name)} == set()
    assert {prefix for prefix in made if not reserved_id(prefix + "naam")} == set()
    # Plain names a contributor uses stay allowed.
    assert not reserved_id("aanpak") and not reserved_id("resultaten-2023")


def test_the_skip_links_target_is_refused_and_removed():
    header = (ROOT / "overrides" / "partials" / "header.html").read_text(encoding="utf-8")
    target = re.search(r'href="#([^"]+)"', header).group(1)
    assert messages(f'<p id="{target}">Tekst</p>') == [
        f"De id '{target}' bij <p> mag niet: de pagina gebruikt die naam zelf "
        "(bijvoorbeeld voor de link 'Ga naar de inhoud'). Gebruik een andere naam, zoals "
        "'aanpak'."
    ]
    assert "id=" not in clean_html(f'<p id="{target}">Tekst</p>')


# --------------------------------------------------------------------------- mailto


@pytest.mark.parametrize(
    "link",
    [
        "[mail](mailto:info@zorg.nl?bcc=x@evil.example)",
        "[mail](mailto:info@zorg.nl?cc=x@evil.example)",
        "[mail](mailto:info@zorg.nl?subject=Hallo)",
        "[mail](mailto:info@zorg.nl%3Fbcc=x@evil.example)",
        "[mail](mailto:info@zorg.nl,x@evil.example)",
        '<a href="mailto:info@zorg.nl?bcc=x@evil.example">mail</a>',
        '<a href="MAILTO:info@zorg.nl&#63;bcc=x@evil.example">mail</a>',
        "[mail]: mailto:info@zorg.nl?body=tekst",
    ],
)
def test_a_mailto_link_with_a_query_is_refused(link):
    found = messages(link)
    assert len(found) == 1 and "mag niet: een mailto:-link in de tekst is één" in found[0]


def test_a_plain_mailto_link_stays_allowed():
    assert messages("[Mail ons](mailto:info@zorg.nl) of <a href='mailto:a@b.nl'>hier</a>") == []


# --------------------------------------------------------------------------- titles


def test_a_title_with_look_alike_letters_is_a_title_used_twice(content):
    first = content / "actions" / "flexpool-regio.md"
    text = first.read_text(encoding="utf-8")
    title = re.search(r"^title: (.+)$", text, re.M).group(1).strip("\"'")
    # Cyrillic а, е, о, р, с in place of the Latin letters, where the title has them.
    look_alike = title.translate(str.maketrans("aeopcT", "аеорсТ"))
    assert look_alike != title
    copy = content / "actions" / "flexpool-regio-kopie.md"
    copy.write_text(text.replace(title, look_alike, 1), encoding="utf-8")
    problems = [p for p in catalogue_of(content).errors if p.field == "title"]
    assert [p.path for p in problems] == ["content/actions/flexpool-regio.md"] or [
        p.path for p in problems
    ] == ["content/actions/flexpool-regio-kopie.md"]
    assert "staat ook in" in problems[0].message
    assert crossfile.normalised_title(look_alike) == crossfile.normalised_title(title)


# --------------------------------------------------------------------------- slugs

FACETS = [f.path for f in load_vocabularies(SCHEMA_DIR / "vocabularies.yaml").facets]


def test_a_story_named_index_is_refused(content):
    story = next((content / "cases").glob("*.md"))
    story.rename(content / "cases" / "index.md")
    problems = [p for p in catalogue_of(content).errors if p.path == "content/cases/index.md"]
    assert [p.message for p in problems] == [
        "De naam 'index' is al van de pagina met alle verhalen: dit verhaal zou geen eigen "
        "pagina krijgen. Geef het bestand een andere naam, bijvoorbeeld 'index-verhaal.md'."
    ]


@pytest.mark.parametrize(
    "kind, slug",
    [("action", s) for s in sorted(reserved_slugs("action", FACETS))]
    + [("case", s) for s in sorted(reserved_slugs("case", FACETS))],
)
def test_every_reserved_slug_is_refused_for_its_kind(content, kind, slug):
    folder = content / KIND_FOLDERS[kind]
    entry = next(folder.glob("*.md"))
    entry.rename(folder / f"{slug}.md")
    display = f"content/{KIND_FOLDERS[kind]}/{slug}.md"
    problems = [p for p in catalogue_of(content).errors if p.path == display]
    assert any(f"De naam '{slug}' is al van" in p.message for p in problems), problems


def test_every_page_of_the_site_in_an_entry_folder_has_a_reserved_name(content, tmp_path):
    """The site's own pages and files under /acties/ and /verhalen/ (from plan_site, so
    the test follows the routes): the first part of each address is a reserved slug of
    that folder's kind, or an entry's own."""
    from actiebank.content.catalogue import load_catalogue
    from actiebank.contribute.proposal import form_spec
    from actiebank.routes import ACTIONS
    from actiebank.site.images import ImageStore
    from actiebank.site.plan import plan_site
    from actiebank.site.render import Renderer
    from support import project_at

    catalogue = load_catalogue(project_at(content))
    assert not catalogue.errors
    site = plan_site(
        catalogue,
        dates={},
        images=ImageStore(tmp_path / "cache"),
        renderer=Renderer.for_theme(ROOT / "overrides"),
        proposal_form=form_spec(SCHEMA_DIR, catalogue=catalogue),
    )
    own = {ACTIONS: set(catalogue.actions), CASES: set(catalogue.cases)}
    kinds = {ACTIONS: "action", CASES: "case"}
    names = {folder: set() for folder in own}
    for address in [*site.pages, *(p.url for p in site.pages.values()), *site.files]:
        folder, _, rest = address.partition("/")
        if folder in own and rest:
            first = rest.split("/", 1)[0]
            name = first.removesuffix(".md") if "/" not in rest else first
            if "/" in rest or rest.endswith(".md"):
                names[folder].add(name)
    for folder, found in names.items():
        unreserved = found - own[folder] - reserved_slugs(kinds[folder], FACETS)
        assert unreserved == set(), (folder, unreserved)
    assert "index" in names[CASES] and "index" in STORY_PAGES


# --------------------------------------------------------------------------- CSP

THEME = [ROOT / "overrides", Path(material.__file__).parent / "templates"]


def digest(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def page_with(*scripts: str) -> str:
    tags = "".join(f"<script>{s}</script>" for s in scripts)
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        '<script id="__config" type="application/json">{"base": ".."}</script>'
        f"</head><body><article>{tags}</article></body></html>"
    )


def policy_of(html: str) -> str:
    return re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)


def test_only_the_inline_scripts_the_templates_write_are_hashed():
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    own = re.search(r"<script>(.*?)</script>", main).group(1)
    base = (
        Path(material.__file__).parent / "templates" / "partials" / "javascripts" / "base.html"
    ).read_text(encoding="utf-8")
    material_script = re.search(r"<script>(.*?)</script>", base).group(1)
    rendered = re.sub(r"\{\{.*?\}\}", "../..", material_script)
    planted = "alert(document.cookie)"
    # Material's script with a value no template prints: a way out of its string.
    imitation = re.sub(r"\{\{.*?\}\}", '"+alert(1)+"', material_script)
    elsewhere = re.sub(r"\{\{.*?\}\}", "//evil.example/x", material_script)

    page = csp.with_policy(
        page_with(own, rendered, planted, imitation, elsewhere), csp.template_scripts(THEME)
    )
    policy = policy_of(page)
    assert digest(own) in policy and digest(rendered) in policy
    for script in (planted, imitation, elsewhere):
        assert digest(script) not in policy, script
    # Without the templates' scripts, no inline script is allowed at all.
    assert "sha256" not in policy_of(csp.with_policy(page_with(own, planted)))


def test_finding_the_scripts_of_a_page_is_linear():
    text = page_with("x") + "<script" * 20_000 + "<p>" + "</script" * 20_000
    with within(BOUND, "with_policy"):
        csp.with_policy(text, csp.template_scripts(THEME))


# A hook for the test build only: an inline script reaches the body of every page before
# the policy is written, as a script that got past the sanitiser would.
PLANT = """
def on_post_page(output, page, config):
    script = "<script>window.planted = true; document.title = 'geplant'</script>"
    return output.replace("</article>", script + "</article>", 1)
"""
RECORDER = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(
    e.effectiveDirective + " " + (e.blockedURI || "inline")));
"""


@pytest.mark.browser
def test_a_planted_inline_script_does_not_run_but_the_sites_own_scripts_do(
    tmp_path, browser, pages_server
):
    from support import build_site, copy_project
    from support.sample_catalogue import write_sample

    project = copy_project(tmp_path / "project", with_content=False)
    write_sample(project / "content")
    (project / "hooks" / "plant.py").write_text(PLANT, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - hooks/plant.py\n", 1),
        encoding="utf-8",
    )
    build_site(project)
    built = (project / "site" / "over" / "index.html").read_text(encoding="utf-8")
    assert "<script>window.planted = true;" in built
    assert digest("window.planted = true; document.title = 'geplant'") not in policy_of(built)

    server = pages_server(project / "site")
    context = browser.new_context(locale="nl-NL")
    context.add_init_script(RECORDER)
    page = context.new_page()
    page.goto(server.root + "over/", wait_until="load")
    page.wait_for_timeout(100)  # violations are reported asynchronously
    assert page.evaluate("window.planted") is None
    assert page.title() != "geplant"
    assert page.evaluate("window.__violations") == ["script-src-elem inline"]
    # The site's own scripts ran: main.html's inline one, Material's inline one, and the
    # site's files.
    assert page.evaluate("document.documentElement.classList.contains('js')")
    assert page.evaluate("typeof __md_get") == "function"
    assert page.evaluate("typeof window.Actiebank") == "object"
    context.close()
