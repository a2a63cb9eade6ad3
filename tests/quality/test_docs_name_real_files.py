"""Documentation that is true: every file, folder and module that the documents, the
docstrings and the comments name exists in the repository, so a move or a rename cannot
leave them pointing at nothing.

Read: ARCHITECTURE.md, README.md and CONTRIBUTING.md; the docstrings and comments of the
Python code in src/ and hooks/; the comments of mkdocs.yml; the comments of the templates
in src/ and overrides/. A reference is a path with a file extension (`site/cards.py`,
`catalogue.js`), a backticked path that starts with the name of a folder of the repository
(`contribute/proposal/`, `scripts/install`), or a dotted module (`actiebank.site.csp`).
A path is found when it is the end of a path in the repository (`site/cards.py` is
src/actiebank/site/cards.py), relative to the file that names it, or one of Material's
templates (which overrides/ extends). "see `name` in file.js" must name the file that
defines it.
"""

from __future__ import annotations

import ast
import importlib.util
import io
import re
import subprocess
import tokenize
from collections.abc import Iterator
from pathlib import Path

from support import ROOT

DOCUMENTS = ("ARCHITECTURE.md", "README.md", "CONTRIBUTING.md")
EXTENSIONS = "py|js|html|css|md|yml|yaml|json|toml|txt|xml|xsl|sh|cfg"
# A path with an extension, not inside a URL or a longer path.
FILE = re.compile(rf"(?<![\w/.:@~$\\-])((?:[\w.-]+/)*[\w-][\w.-]*\.(?:{EXTENSIONS}))(?![\w/-])")
BACKTICKED = re.compile(r"`([^`\n]+)`")
MODULE = re.compile(r"(?<![\w./-])actiebank(?:\.\w+)+")
# "see `drawCard` in actiebank.js": where a name is defined.
CLAIM = re.compile(rf"\bsee `(\w+)`(?:\(\))? in `?((?:[\w.-]+/)*[\w-][\w.-]*\.(?:{EXTENSIONS}))")
# What is named but is not a file of the repository, each for a reason.
NOT_IN_THE_REPOSITORY = {
    # Written by the build into site/.
    "site/",
    "sitemap.xml",
    # Installed by scripts/install into node_modules/, served at /admin/.
    "decap-cms.js",
    # The theme's compiled stylesheet, named by its hash (an example of one).
    "main.57a0d79d.min.css",
    # The folder where a project puts its own copy of a core template (none does yet).
    "overrides/actiebank/",
    # Examples of an entry's file and of links between entries, not real entries.
    "buddy.md",
    "content/actions/buddy.md",
    "content/actions/buddy-voor-nieuwe-collegas.md",
    "content/actions/x.md",
    "../acties/x.md",
    "../actions/x.md",
}
# Addresses of the published site (and the generated pages behind them), not files:
# acties/regio/zuid-holland/feed.xml, api/actions.json, verhalen/index.md.
SITE_ADDRESSES = ("acties/", "verhalen/", "api/")
# Written in the same change by another part of the work; allowed only while missing.
ANNOUNCED = {"TESTING.md", "docs/content-model.md"}


def repository_paths() -> tuple[set[str], set[str]]:
    """The files a commit of the working tree would hold, and their folders."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    files = {name for name in listed.split("\0") if name and (ROOT / name).exists()}
    folders = {str(parent) for name in files for parent in Path(name).parents} - {"."}
    return files, folders


FILES, FOLDERS = repository_paths()
FOLDER_NAMES = {Path(name).name for name in FOLDERS}


def _material_templates() -> Path | None:
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "templates"


MATERIAL = _material_templates()


def found(reference: str, named_in: str) -> bool:
    ref = reference.removeprefix("./")
    is_folder = ref.endswith("/")
    ref = ref.rstrip("/")
    candidates = FOLDERS if is_folder else FILES | FOLDERS
    if ref in candidates or any(c.endswith(f"/{ref}") for c in candidates):
        return True
    if (ROOT / named_in).parent.joinpath(ref).exists():
        return True
    return MATERIAL is not None and (MATERIAL / ref).is_file()


def module_found(name: str) -> bool:
    """actiebank.site.csp is src/actiebank/site/csp.py; what follows a module is a name in
    it (actiebank.site.plan.plan_site); a name a package imports counts too."""
    path = ROOT / "src" / "actiebank"
    for part in name.split(".")[1:]:
        if (path / part).is_dir():
            path = path / part
        elif (path / f"{part}.py").is_file():
            return True
        else:
            init = path / "__init__.py"
            return init.is_file() and re.search(rf"\b{part}\b", init.read_text("utf-8")) is not None
    return True


def texts() -> Iterator[tuple[str, str]]:
    """(file, text) for every document, docstring and comment that is read."""
    for name in DOCUMENTS:
        yield name, (ROOT / name).read_text(encoding="utf-8")
    for name in sorted(FILES):
        path = ROOT / name
        if not path.is_file():
            continue  # deleted since the test started
        if name.endswith(".py") and name.startswith(("src/", "hooks/")):
            source = path.read_text(encoding="utf-8")
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef):
                    docstring = ast.get_docstring(node)
                    if docstring:
                        yield name, docstring
            for token in tokenize.generate_tokens(io.StringIO(source).readline):
                if token.type == tokenize.COMMENT:
                    yield name, token.string
        elif name == "mkdocs.yml":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip().startswith("#"):
                    yield name, line
        elif name.endswith((".html", ".xml", ".xsl")) and name.startswith(("src/", "overrides/")):
            source = path.read_text(encoding="utf-8")
            for comment in re.finditer(r"\{#(.*?)#\}|<!--(.*?)-->", source, re.S):
                yield name, comment.group(1) or comment.group(2)


def references(text: str) -> set[str]:
    named = {match.group(1) for match in FILE.finditer(text)}
    for match in BACKTICKED.finditer(text):
        token = re.match(r"[\w./-]*", match.group(1)).group(0)  # type: ignore[union-attr]
        # `site/templates/`, `contribute/proposal/`: paths from a folder of the repository;
        # not addresses of the site (`acties/`) or folders a build makes (`.site.partial/`).
        if "/" in token and token.split("/", 1)[0] in FOLDER_NAMES:
            named.add(token)
    # Placeholders and patterns (content/actions/<slug>.md, *.decap-cms.js) name no file.
    return {ref for ref in named if not re.search(r"[<>*{}]|\.\.\.", ref)}


def path_found(reference: str, named_in: str) -> bool:
    if found(reference, named_in):
        return True
    # `content/catalogue.load_catalogue`: a name in content/catalogue.py.
    head, _, tail = reference.rpartition("/")
    if "." in tail and not re.search(rf"\.(?:{EXTENSIONS})$", tail):
        module = f"{head}/{tail.split('.')[0]}.py" if head else f"{tail.split('.')[0]}.py"
        return found(module, named_in)
    return False


def test_documents_docstrings_and_comments_name_files_that_exist():
    missing = set()
    for named_in, text in texts():
        for reference in references(text):
            allowed = (
                reference in NOT_IN_THE_REPOSITORY
                or reference in ANNOUNCED
                or reference.startswith(SITE_ADDRESSES)
            )
            if not allowed and not path_found(reference, named_in):
                missing.add(f"{named_in}: {reference}")
        for module in MODULE.findall(text):
            if module.rsplit(".", 1)[-1] in {*EXTENSIONS.split("|"), "io"}:
                continue  # actiebank.js, actiebank.github.io: a file, a host
            if not module_found(module):
                missing.add(f"{named_in}: {module}")
    assert not missing, "named, but not in the repository:\n" + "\n".join(sorted(missing))


def defines(name: str, source: str) -> bool:
    """Whether a script, module or template defines `name` (not only calls it)."""
    n = re.escape(name)
    return (
        re.search(
            rf"\b(?:function|def|class|macro)\s+{n}\b|^\s*(?:const |let |var )?{n}\s*[=:]",
            source,
            re.M,
        )
        is not None
    )


def wrong_claims(named_in: str, text: str) -> set[str]:
    """ "`name` in file.js" where that file does not define the name."""
    wrong = set()
    for name, file in CLAIM.findall(" ".join(text.split())):
        holders = [
            ROOT / f
            for f in FILES
            if (f == file or f.endswith(f"/{file}")) and (ROOT / f).is_file()
        ]
        if not any(defines(name, h.read_text(encoding="utf-8")) for h in holders):
            wrong.add(f"{named_in}: `{name}` is not defined in {file}")
    return wrong


def test_a_name_said_to_be_in_a_file_is_in_it():
    """`drawCard` in actiebank.js: the file that defines it, not one that calls it."""
    wrong = set()
    for named_in, text in texts():
        wrong |= wrong_claims(named_in, text)
    assert not wrong, "\n".join(sorted(wrong))


def test_every_exception_is_still_needed():
    """An exception for a file that has since been added to the repository goes, so the
    file is checked like every other. (TESTING.md and docs/content-model.md are named
    before they are written; once they exist they are found, and checked, anyway.)"""
    for name in NOT_IN_THE_REPOSITORY - {"site/", "overrides/actiebank/"}:
        assert not found(name, "README.md"), f"{name} is in the repository: take it off"
    assert not (ROOT / "overrides" / "actiebank").exists(), "take overrides/actiebank/ off"


def _package_docstring(package: str) -> str:
    tree = ast.parse((ROOT / package / "__init__.py").read_text(encoding="utf-8"))
    return ast.get_docstring(tree) or ""


def test_package_docstrings_name_every_module():
    for package in (
        "src/actiebank/site",
        "src/actiebank/contribute",
        "src/actiebank/contribute/proposal",
    ):
        docstring = _package_docstring(package)
        parts = [
            p.stem if p.is_file() else p.name
            for p in sorted((ROOT / package).iterdir())
            if (p.suffix == ".py" and not p.name.startswith("_"))
            or (p.is_dir() and (p / "__init__.py").is_file())
        ]
        unnamed = [part for part in parts if not re.search(rf"\b{part}\b", docstring)]
        assert not unnamed, f"{package}/__init__.py does not name {unnamed}"


def test_architecture_names_every_hook():
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    hooks = sorted(p.name for p in (ROOT / "hooks").glob("*.py"))
    assert hooks
    unnamed = [name for name in hooks if not re.search(rf"\b{re.escape(name)}\b", text)]
    assert not unnamed, f"ARCHITECTURE.md does not name hooks/{unnamed}"


def test_the_check_finds_a_moved_file_and_a_wrong_claim():
    """The scan itself: a stale path, a stale module and a wrong "in file" are caught."""
    assert "src/actiebank/layout.py" in references("see src/actiebank/layout.py")
    assert not path_found("src/actiebank/layout.py", "mkdocs.yml")
    assert path_found("src/actiebank/content/layout.py", "mkdocs.yml")
    assert path_found("site/cards.py", "ARCHITECTURE.md")
    assert not path_found("downloads.js", "src/actiebank/site/templates/_parts.html")
    assert not module_found("actiebank.csp") and module_found("actiebank.site.csp")
    assert module_found("actiebank.contribute.proposal.form_spec")
    assert references("`contribute/proposal/`") == {"contribute/proposal/"}
    assert path_found("contribute/proposal/", "ARCHITECTURE.md")
    assert not found("src/actiebank/nowhere/", "README.md")
    assert references("`/acties/`, `acties/x/` and `.venv/bin/actiebank`") == set()
    assert wrong_claims("x", "see `drawCard` in catalogue.js")  # it only calls it there
    assert not wrong_claims("x", "see `drawCard` in\n actiebank.js")
