"""The `actiebank` command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .catalogue import KIND_FOLDERS, load_catalogue
from .problems import Problem


def content_roots(paths: list[Path]) -> dict[Path, set[Path] | None]:
    """Each content folder to load, with the files to report on (None: all of them)."""
    roots: dict[Path, set[Path] | None] = {}
    for path in paths:
        path = path.resolve()
        if path.is_file() or path.suffix == ".md":
            root = path.parent.parent if path.parent.name in KIND_FOLDERS.values() else path.parent
            if roots.get(root, set()) is not None:
                roots.setdefault(root, set()).add(path)
        elif path.name in KIND_FOLDERS.values():
            roots[path.parent] = None
        else:
            roots[path] = None
    return roots


def _command_data(text: str) -> str:
    # GitHub's workflow command format: a line break in contributor text would otherwise
    # end the annotation and start a command of the contributor's choosing.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _command_property(text: str) -> str:
    return _command_data(text).replace(":", "%3A").replace(",", "%2C")


def format_problem(problem: Problem, style: str) -> str:
    if style == "github":
        level = "error" if problem.severity == "error" else "warning"
        return (f"::{level} file={_command_property(problem.path)},line={problem.line},"
                f"col={problem.column},title={_command_property(problem.field or 'content')}"
                f"::{_command_data(problem.message)}")
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
        catalogue = load_catalogue(root)
        counts[0] += len(catalogue.actions)
        counts[1] += len(catalogue.cases)
        wanted = {p.resolve() for p in only} if only is not None else None
        for problem in catalogue.problems:
            if wanted is None or Path(problem.path).resolve() in wanted:
                problems.append(problem)
        if args.with_warnings:
            from .review import review_catalogue  # contributor warnings; optional module

            for problem in review_catalogue(catalogue):
                if wanted is None or Path(problem.path).resolve() in wanted:
                    problems.append(problem)
    errors = [p for p in problems if p.severity == "error"]
    for problem in problems:
        print(format_problem(problem, args.format))
    files = len({p.path for p in errors})
    if errors:
        print(f"\n{len(errors)} problem{'s' if len(errors) != 1 else ''} in {files} "
              f"file{'s' if files != 1 else ''}; nothing is published until all are fixed.",
              file=sys.stderr)
        return 1
    print(f"ok: {counts[0]} actions and {counts[1]} case stories are valid", file=sys.stderr)
    return 0


def run_schema(args: argparse.Namespace) -> int:
    from .schema import schema_drift, write_schemas

    if args.check:
        stale = schema_drift()
        for path in stale:
            print(f"{path}: enumerations differ from schema/vocabularies.yaml; run "
                  "'actiebank schema' to rewrite them", file=sys.stderr)
        return 1 if stale else 0
    for path in write_schemas():
        print(f"wrote {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="actiebank", description="Actiebank: "
                                     "the catalogue of retention actions in Dutch care.")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check actions and case stories")
    validate.add_argument("paths", nargs="*", help="files or folders (default: content/)")
    validate.add_argument("--format", choices=["text", "github"], default="text",
                          help="'github' prints workflow annotations for the pull request")
    validate.add_argument("--warnings", dest="with_warnings", action="store_true",
                          help="also report likely duplicates and entries not updated "
                          "for two years (warnings never fail)")
    validate.set_defaults(run=run_validate)

    schema = commands.add_parser("schema", help="write the vocabularies into schema/*.json")
    schema.add_argument("--check", action="store_true", help="only report drift")
    schema.set_defaults(run=run_schema)

    for register in _extensions():
        register(commands)
    return parser


def _extensions():
    """Subcommands that live in their own modules (new, export, ...)."""
    import importlib

    for name in ("scaffold", "export"):
        try:
            module = importlib.import_module(f"actiebank.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"actiebank.{name}":
                raise
            continue
        yield module.register_command


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
