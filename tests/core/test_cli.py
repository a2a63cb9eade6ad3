"""`actiebank validate` as a contributor runs it."""

import shutil
from pathlib import Path

from actiebank.cli import format_problem
from actiebank.problems import Problem
from support import run_cli

BAD = Path(__file__).parent / "fixtures" / "bad"


def test_valid_content_exits_zero(content):
    result = run_cli("validate", cwd=content.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Alles in orde: 2 acties en 1 verhaal zonder fouten." in result.stderr


def test_problems_exit_one_with_every_message_and_no_traceback(content):
    for name in (
        "actions/unknown-region.md",
        "actions/python-tag.md",
        "actions/invalid-utf8.md",
        "actions/alias-bomb.md",
        "cases/case-unknown-action.md",
    ):
        shutil.copy(BAD / name, content / name)
    result = run_cli("validate", cwd=content.parent)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 5
    assert lines[-1].startswith("content/cases/case-unknown-action.md:7:11: actions[0]:")
    assert (
        "content/actions/unknown-region.md:5:11: regions[0]: 'brabant' is geen regio. "
        "Bedoelt u 'noord-brabant'?" in lines
    )
    assert (
        "5 fouten in 5 bestanden. Er komt niets op de site tot alles is opgelost." in result.stderr
    )


def test_one_file_is_checked_against_the_whole_catalogue(content):
    shutil.copy(BAD / "actions/unknown-region.md", content / "actions")
    case = content / "cases" / "verhaal-buddy.md"
    result = run_cli("validate", str(case.relative_to(content.parent)), cwd=content.parent)
    assert result.returncode == 0, result.stdout  # the broken action is not this file's problem
    result = run_cli("validate", "content/actions/unknown-region.md", cwd=content.parent)
    assert result.returncode == 1 and "regions[0]" in result.stdout


def test_github_format_makes_annotations(content):
    shutil.copy(BAD / "actions/unknown-status.md", content / "actions")
    result = run_cli("validate", "--format", "github", cwd=content.parent)
    assert result.stdout.startswith(
        "::error file=content/actions/unknown-status.md,line=9,col=9,"
        "title=Fout in status::'runing' is geen status. Bedoelt u 'running' (Loopt)?\n"
    )


def test_a_path_that_does_not_exist_is_named(tmp_path):
    result = run_cli("validate", "nergens", cwd=tmp_path)
    assert result.returncode == 2
    assert "nergens: dit bestand of deze map bestaat niet" in result.stderr


def test_the_project_content_is_valid():
    root = Path(__file__).resolve().parents[2]
    result = run_cli("validate", cwd=root)
    assert result.returncode == 0, result.stdout


def test_github_annotations_escape_contributor_text():
    # A line break in a field name or message would end the annotation and start a
    # workflow command of the contributor's choosing.
    problem = Problem(
        "content/actions/x,y.md",
        3,
        1,
        "a:b\n::error file=z::nep",
        "'a\n::set-output name=x::y' is not a field (100%)",
    )
    line = format_problem(problem, "github")
    assert "\n" not in line and "\r" not in line
    assert line == (
        "::error file=content/actions/x%2Cy.md,line=3,col=1,"
        "title=Fout in a%3Ab%0A%3A%3Aerror file=z%3A%3Anep::'a%0A::set-output name=x::y' "
        "is not a field (100%25)"
    )


def test_a_problem_without_a_field_is_annotated_on_the_file():
    warning = Problem("content/actions/x.md", 1, 1, "", "Meer dan 2 jaar ...", "warning")
    assert format_problem(warning, "github") == (
        "::warning file=content/actions/x.md,line=1,col=1,"
        "title=Waarschuwing in het bestand::Meer dan 2 jaar ..."
    )
    assert str(warning) == "content/actions/x.md:1:1: waarschuwing: Meer dan 2 jaar ..."


def test_one_problem_in_one_file_is_counted_in_the_singular(content):
    shutil.copy(BAD / "actions/unknown-region.md", content / "actions")
    result = run_cli("validate", cwd=content.parent)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "1 fout in 1 bestand. Er komt niets op de site tot alles is opgelost."
    )
