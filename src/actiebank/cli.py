"""The `actiebank` command: validate, schema, new, export.

Each subcommand finds its project (the folder with schema/ and mkdocs.yml: the working
folder or one above it, or $ACTIEBANK_ROOT) and calls the core; nothing here knows MkDocs.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from .content.catalogue import KIND_FOLDERS, load_catalogue
from .content.review import review_catalogue
from .content.schema import schema_drift, write_schemas
from .contribute.importer import import_command
from .contribute.issue_form import ISSUE_FORM_PATH, issue_form
from .contribute.scaffold import new_entry
from .problems import Problem
from .project import Project, find_project, read_project
from .site.export import export_files


def content_roots(paths: list[Path]) -> dict[Path, set[Path] | None]:
    """Each content folder to load, with the files to report on (None: all of them)."""
    roots: dict[Path, set[Path] | None] = {}
    for path in paths:
        path = path.resolve()
        if path.is_file() or path.suffix == ".md":
            root = path.parent.parent if path.parent.name in KIND_FOLDERS.values() else path.parent
            files = roots.setdefault(root, set())
            if files is not None:
                files.add(path)
        elif path.name in KIND_FOLDERS.values():
            roots[path.parent] = None
        else:
            roots[path] = None
    return roots


def project_for(content_dir: Path) -> Project:
    """The project a content folder belongs to: the one around it when its mkdocs.yml names
    it (with the command's schema if it has none of its own), else the command's project
    reading this folder (with no editorial pages)."""
    around = read_project(content_dir.resolve().parent)
    if around.content_dir.resolve() == content_dir.resolve():
        if (around.schema_dir / "vocabularies.yaml").is_file():
            return around
        return replace(around, schema_dir=find_project().schema_dir)
    return find_project().with_content(content_dir)


def _command_data(text: str) -> str:
    # GitHub's workflow command format: a line break in contributor text would otherwise
    # end the annotation and start a command of the contributor's choosing.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _command_property(text: str) -> str:
    return _command_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation_title(problem: Problem) -> str:
    """The heading of a pull-request annotation: what kind of message, about which field."""
    kind = "Fout" if problem.severity == "error" else "Waarschuwing"
    return f"{kind} in {problem.field}" if problem.field else f"{kind} in het bestand"


def format_problem(problem: Problem, style: str) -> str:
    if style == "github":
        level = "error" if problem.severity == "error" else "warning"
        return (
            f"::{level} file={_command_property(problem.path)},line={problem.line},"
            f"col={problem.column},title={_command_property(annotation_title(problem))}"
            f"::{_command_data(problem.message)}"
        )
    return str(problem)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def run_validate(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths] or [Path("content")]
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        print(f"{path}: dit bestand of deze map bestaat niet", file=sys.stderr)
    if missing:
        return 2
    problems: list[Problem] = []
    counts = [0, 0]
    for root, only in content_roots(paths).items():
        catalogue = load_catalogue(project_for(root), display_base=Path.cwd())
        counts[0] += len(catalogue.actions)
        counts[1] += len(catalogue.cases)
        found = list(catalogue.problems)
        if args.with_warnings:
            found += review_catalogue(catalogue)
        wanted = {p.resolve() for p in only} if only is not None else None
        problems += [p for p in found if wanted is None or Path(p.path).resolve() in wanted]
    errors = [p for p in problems if p.severity == "error"]
    for problem in problems:
        print(format_problem(problem, args.format))
    files = len({p.path for p in errors})
    if errors:
        print(
            f"\n{_count(len(errors), 'fout', 'fouten')} in {_count(files, 'bestand', 'bestanden')}."
            " Er komt niets op de site tot alles is opgelost.",
            file=sys.stderr,
        )
        return 1
    print(
        f"Alles in orde: {_count(counts[0], 'actie', 'acties')} en "
        f"{_count(counts[1], 'verhaal', 'verhalen')} zonder fouten.",
        file=sys.stderr,
    )
    return 0


def run_schema(args: argparse.Namespace) -> int:
    schema_dir = find_project().schema_dir
    if args.check:
        stale = schema_drift(schema_dir)
        for path in stale:
            print(
                f"{path}: de lijsten met waarden wijken af van schema/vocabularies.yaml. "
                "Voer 'actiebank schema' uit om ze opnieuw te schrijven.",
                file=sys.stderr,
            )
        return 1 if stale else 0
    for written in write_schemas(schema_dir):
        print(f"geschreven: {written}")
    return 0


def run_new(args: argparse.Namespace) -> int:
    project = find_project()
    if args.kind == "issue-form":
        return _write_issue_form(
            Path(args.output or project.root / ISSUE_FORM_PATH),
            issue_form(project.schema_dir),
            check=args.check,
        )
    if not args.title:
        print(f'Geef een titel: actiebank new {args.kind} "Titel"', file=sys.stderr)
        return 2
    try:
        path = new_entry(args.kind, args.title, Path(args.content), schema_dir=project.schema_dir)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(path.as_posix())
    print(
        f"Vul de velden in en controleer het bestand met: actiebank validate {path.as_posix()}",
        file=sys.stderr,
    )
    return 0


def _write_issue_form(target: Path, text: str, *, check: bool) -> int:
    if check:
        current = target.read_text(encoding="utf-8") if target.is_file() else ""
        if current != text:
            print(
                f"{target}: wijkt af van het schema. Voer 'actiebank new issue-form' uit.",
                file=sys.stderr,
            )
            return 1
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8", newline="\n")
    print(target.as_posix())
    return 0


def run_export(args: argparse.Namespace) -> int:
    project = project_for(Path(args.content))
    catalogue = load_catalogue(project, display_base=Path.cwd())
    for problem in catalogue.problems:
        print(problem, file=sys.stderr)
    if catalogue.errors:
        print(
            f"{_count(len(catalogue.errors), 'fout', 'fouten')} in de inhoud; er is niets "
            "geëxporteerd.",
            file=sys.stderr,
        )
        return 1
    site_url = project.site_url if args.site_url is None else args.site_url
    for name, data in export_files(catalogue, site_url=site_url).items():
        target = Path(args.out) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"geschreven: {target}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="actiebank",
        description="Actiebank: acties om medewerkers in zorg en welzijn te behouden.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for add in (_add_validate, _add_schema, _add_new, _add_import, _add_export):
        add(commands)
    return parser


def _add_validate(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    validate = commands.add_parser("validate", help="controleer acties en verhalen")
    validate.add_argument("paths", nargs="*", help="bestanden of mappen (zonder: content/)")
    validate.add_argument(
        "--format",
        choices=["text", "github"],
        default="text",
        help="'github' schrijft de meldingen als aantekeningen bij de pull request",
    )
    validate.add_argument(
        "--warnings",
        dest="with_warnings",
        action="store_true",
        help="meld ook acties die op elkaar lijken en acties die twee jaar niet zijn "
        "bijgewerkt (een waarschuwing houdt niets tegen)",
    )
    validate.set_defaults(run=run_validate)


def _add_schema(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    schema = commands.add_parser("schema", help="schrijf de lijsten met waarden in schema/*.json")
    schema.add_argument("--check", action="store_true", help="meld alleen of ze afwijken")
    schema.set_defaults(run=run_schema)


def _add_new(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    new = commands.add_parser(
        "new",
        help="schrijf een actie of verhaal om in te vullen (of het issue-formulier)",
        description="Schrijf content/actions/<naam>.md (of content/cases/) met elk veld, of "
        "maak het issue-formulier van GitHub opnieuw uit het schema.",
    )
    new.add_argument("kind", choices=["action", "case", "issue-form"])
    new.add_argument("title", nargs="?", help="de titel; daaruit volgt de bestandsnaam")
    new.add_argument("--content", default="content", help="de map met de inhoud (zonder: content)")
    new.add_argument(
        "--output",
        default=None,
        help=f"alleen issue-form: waar het komt (zonder: {ISSUE_FORM_PATH} in het project)",
    )
    new.add_argument(
        "--check",
        action="store_true",
        help="alleen issue-form: stop met code 1 als het bestand afwijkt van het schema",
    )
    new.set_defaults(run=run_new)


def _add_export(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = commands.add_parser(
        "export",
        help="schrijf de open data (api/actions.json, api/actions.csv, api/cases.json)",
    )
    export.add_argument(
        "--out", default="export", help="de map om in te schrijven (zonder: export)"
    )
    export.add_argument("--content", default="content", help="de map met de inhoud")
    export.add_argument(
        "--site-url",
        default=None,
        help="het adres van de site, voor het veld `url` (zonder: site_url uit mkdocs.yml "
        "van het project, zodat de bestanden gelijk zijn aan de gepubliceerde)",
    )
    export.set_defaults(run=run_export)


def run_import(args: argparse.Namespace) -> int:
    project = find_project()
    return import_command(
        [Path(p) for p in args.files],
        project,
        display_base=Path.cwd(),
        out=sys.stdout,
        err=sys.stderr,
    )


def _add_import(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    imported = commands.add_parser(
        "import",
        help="zet voorstellen uit het formulier van de site (.md, .txt of .eml) in content/",
        description="Schrijf elk voorstel in content/actions/ of content/cases/, onder een "
        "eigen bestandsnaam, en controleer het zoals `actiebank validate` dat doet. Code 0 "
        "als alles is ingelezen en goed is, 1 als er iets op te lossen is, 2 als een bestand "
        "geen voorstel bevat.",
    )
    imported.add_argument("files", nargs="+", help="het gedownloade bestand of de bewaarde e-mail")
    imported.set_defaults(run=run_import)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
