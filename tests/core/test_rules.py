"""Each validation rule, shown with one bad file: the message names file, line, column and
field, says what is wrong and, where it can, what to write instead."""

import shutil
from pathlib import Path

import pytest
from PIL import Image

from support import catalogue_of
from support.bad_content import BAD, CASES, TODAY, plant_images


def test_the_planted_images_pass_a_header_check_but_not_a_decode(tmp_path):
    plant_images(tmp_path)
    for name in ("afgebroken.jpg", "kapot.png"):
        with Image.open(tmp_path / name) as image:
            image.verify()  # what the validator did before: it passes
        with pytest.raises((OSError, SyntaxError)), Image.open(tmp_path / name) as image:
            image.load()


@pytest.mark.parametrize("name, line, column, field, message", CASES, ids=[c[0] for c in CASES])
def test_bad_file_is_reported_with_position_field_and_fix(
    content, name, line, column, field, message
):
    shutil.copy(BAD / name, content / name)
    plant_images(content / "images")

    catalogue = catalogue_of(content, today=TODAY)

    mine = [p for p in catalogue.errors if p.path == f"content/{name}"]
    assert mine, f"no error for {name}; all problems: {catalogue.problems}"
    first = mine[0]
    assert (first.line, first.column, first.field) == (line, column, field), str(first)
    assert first.message == message
    assert str(first).startswith(f"content/{name}:{line}:{column}:")
    # The broken entry never reaches the site; the valid ones still do.
    slug = Path(name).stem
    assert slug not in catalogue.actions and slug not in catalogue.cases
    assert "buddy-voor-starters" in catalogue.actions


def test_every_bad_file_has_a_rule_test():
    named = {c[0] for c in CASES}
    on_disk = {p.relative_to(BAD).as_posix() for p in BAD.rglob("*.md")}
    assert on_disk == named


def test_all_problems_of_all_files_in_one_run(content):
    for name, *_ in CASES:
        shutil.copy(BAD / name, content / name)
    plant_images(content / "images")

    catalogue = catalogue_of(content)

    reported = {p.path for p in catalogue.errors}
    assert {f"content/{c[0]}" for c in CASES} <= reported
    # The second file with a title is the one told; the first stays published.
    assert list(catalogue.actions) == ["buddy-voor-starters", "flexpool-regio"]


def test_valid_fixture_content_has_no_problem(content):
    catalogue = catalogue_of(content)
    assert catalogue.problems == []
    assert sorted(catalogue.actions) == ["buddy-voor-starters", "flexpool-regio"]
    assert sorted(catalogue.cases) == ["verhaal-buddy"]


def test_braces_and_safe_html_in_a_body_are_not_problems(content):
    body = catalogue_of(content).actions["buddy-voor-starters"].body
    assert "{{ deze }}" in body and "<details>" in body


def test_script_inside_a_code_block_is_text_not_a_problem(content):
    page = content / "actions" / "flexpool-regio.md"
    page.write_text(
        page.read_text() + "\n```html\n<script>voorbeeld()</script>\n```\n\n"
        "Inline `<script>` ook.\n",
        encoding="utf-8",
    )
    assert catalogue_of(content).problems == []


def test_obfuscated_javascript_link_is_refused(content):
    page = content / "actions" / "flexpool-regio.md"
    page.write_text(
        page.read_text() + '\n<a href="java&#115;cript:alert(1)">x</a>\n', encoding="utf-8"
    )
    problems = catalogue_of(content).errors
    assert any(
        p.message == "De link 'javascript:alert(1)' bij <a> is niet veilig. Gebruik een "
        "adres dat begint met https:// of mailto:."
        for p in problems
    ), problems


def refused_at(content: Path, field: str) -> list[str]:
    """The messages validating `content` gives at one field."""
    return [p.message for p in catalogue_of(content).errors if p.field == field]


def test_huge_image_file_is_refused(content):
    huge = content / "images" / "buddy.png"
    huge.write_bytes(huge.read_bytes() + b"\0" * (5 * 1024 * 1024 + 1))
    assert refused_at(content, "image.src") == [
        "De afbeelding is 5,0 MB groot; hoogstens 5 MB mag. Sla haar kleiner op (2000 "
        "pixels breed is ruim genoeg)."
    ]


@pytest.mark.parametrize("src", ['"../images/bu\\0ddy.png"', "../images/" + "b" * 5000 + ".png"])
def test_an_image_path_no_file_can_have_is_refused_not_a_crash(content, src):
    """A NUL written as a YAML escape, or a name longer than the system allows: found by the
    property test of the proposal form as a ValueError from the path, now a message."""
    entry = content / "actions" / "buddy-voor-starters.md"
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace("src: ../images/buddy.png", f"src: {src}"), encoding="utf-8")
    # (The schema refuses the NUL and the length at the same field too.)
    assert (
        "Dit pad kan geen bestandsnaam zijn. Schrijf het pad vanaf dit bestand, "
        "bijvoorbeeld ../images/naam.jpg."
    ) in refused_at(content, "image.src")


def test_image_with_too_many_pixels_is_refused(content):
    from PIL import Image

    Image.new("1", (8000, 6000)).save(content / "images" / "buddy.png", optimize=True)
    assert refused_at(content, "image.src") == [
        "De afbeelding is 8000x6000 pixels; hoogstens 40 megapixels mag. Maak haar kleiner."
    ]


def test_empty_content_folder_is_an_error(tmp_path):
    (tmp_path / "content").mkdir()
    problems = catalogue_of(tmp_path / "content").errors
    assert len(problems) == 1
    assert problems[0].message == (
        "In de map content staan geen acties of verhalen. Zet er minstens één actie in, als "
        'content/actions/<naam>.md (actiebank new action "Titel").'
    )


def test_missing_content_folder_is_an_error(tmp_path):
    problems = catalogue_of(tmp_path / "nergens").errors
    assert problems[0].message == (
        "Deze map bestaat niet. Maak de map content, met daarin de mappen actions/ en cases/."
    )


def test_duplicate_slug_across_kinds_is_allowed_but_titles_within_a_kind_are_not(content):
    # An action and a case may share a slug: they live under different URLs.
    shutil.copy(content / "cases" / "verhaal-buddy.md", content / "cases" / "flexpool-regio.md")
    catalogue = catalogue_of(content)
    assert [(p.path, p.field) for p in catalogue.errors] == [
        ("content/cases/verhaal-buddy.md", "title")
    ]
    assert catalogue.errors[0].message == (
        f"De titel {catalogue.cases['flexpool-regio'].title!r} staat ook in "
        "content/cases/flexpool-regio.md. Kies een andere titel."
    )
    assert "flexpool-regio" in catalogue.actions and "flexpool-regio" in catalogue.cases
