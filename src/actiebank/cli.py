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


def format_problem(problem: Problem, style: str) -> str:
    if style == "github":
        level = "error" if problem.severity == "error" else "warning"
        return (
            f"::{level} file={_command_property(problem.path)},line={problem.line},"
            f"col={problem.column},title={_command_property(problem.field or 'content')}"
            f"::{_command_data(problem.message)}"
        )
    return str(problem)


def run_validate(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths] or [Path("content")]
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        print(f"{path}: no such file or folder", file=sys.stderr)
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
            f"\n{len(errors)} problem{'s' if len(errors) != 1 else ''} in {files} "
            f"file{'s' if files != 1 else ''}; nothing is published until all are fixed.",
            file=sys.stderr,
        )
        return 1
    print(f"ok: {counts[0]} actions and {counts[1]} case stories are valid", file=sys.stderr)
    return 0


def run_schema(args: argparse.Namespace) -> int:
    schema_dir = find_project().schema_dir
    if args.check:
        stale = schema_drift(schema_dir)
        for path in stale:
            print(
                f"{path}: enumerations differ from schema/vocabularies.yaml; run "
                "'actiebank schema' to rewrite them",
                file=sys.stderr,
            )
        return 1 if stale else 0
    for written in write_schemas(schema_dir):
        print(f"wrote {written}")
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
        print(f'give a title: actiebank new {args.kind} "Titel"', file=sys.stderr)
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
                f"{target}: differs from the schema; run 'actiebank new issue-form'",
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
        print(f"{len(catalogue.errors)} problems in content; nothing was exported", file=sys.stderr)
        return 1
    site_url = project.site_url if args.site_url is None else args.site_url
    for name, data in export_files(catalogue, site_url=site_url).items():
        target = Path(args.out) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"wrote {target}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="actiebank",
        description="Actiebank: the catalogue of retention actions in Dutch care.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for add in (_add_validate, _add_schema, _add_new, _add_import, _add_export):
        add(commands)
    return parser


def _add_validate(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    validate = commands.add_parser("validate", help="check actions and case stories")
    validate.add_argument("paths", nargs="*", help="files or folders (default: content/)")
    validate.add_argument(
        "--format",
        choices=["text", "github"],
        default="text",
        help="'github' prints workflow annotations for the pull request",
    )
    validate.add_argument(
        "--warnings",
        dest="with_warnings",
        action="store_true",
        help="also report likely duplicates and entries not updated for "
        "two years (warnings never fail)",
    )
    validate.set_defaults(run=run_validate)


def _add_schema(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    schema = commands.add_parser("schema", help="write the vocabularies into schema/*.json")
    schema.add_argument("--check", action="store_true", help="only report drift")
    schema.set_defaults(run=run_schema)


def _add_new(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    new = commands.add_parser(
        "new",
        help="write a new action or case story to fill in (or the issue form)",
        description="Write content/actions/<slug>.md (or content/cases/) with every field, "
        "or regenerate the GitHub issue form from the schema.",
    )
    new.add_argument("kind", choices=["action", "case", "issue-form"])
    new.add_argument("title", nargs="?", help="the title; the file name is made from it")
    new.add_argument("--content", default="content", help="the content folder (default: content)")
    new.add_argument(
        "--output",
        default=None,
        help=f"issue-form only: where to write it (default: {ISSUE_FORM_PATH} in the project)",
    )
    new.add_argument(
        "--check",
        action="store_true",
        help="issue-form only: exit 1 when the file differs from the schema",
    )
    new.set_defaults(run=run_new)


def _add_export(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = commands.add_parser(
        "export",
        help="write the JSON and CSV exports (api/actions.json, api/actions.csv, api/cases.json)",
    )
    export.add_argument("--out", default="export", help="folder to write into (default: export)")
    export.add_argument("--content", default="content", help="the content folder")
    export.add_argument(
        "--site-url",
        default=None,
        help="the site's address, for the `url` "
        "field (default: site_url from the project's mkdocs.yml, so the files "
        "equal the published ones)",
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
        help="put proposals from the site's form (.md, .txt or .eml) into content/",
        description="Write each proposal under content/actions/ or content/cases/ with a "
        "file name of its own, then validate it as `actiebank validate` does. Exit 0 when "
        "all are in and valid, 1 when one has problems to fix, 2 when a file holds none.",
    )
    imported.add_argument("files", nargs="+", help="the downloaded file or the saved e-mail")
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
