"""Each validation rule, shown with one bad file: the message names file, line, column and
field, says what is wrong and, where it can, what to write instead."""

import io
import random
import shutil
import zlib
from pathlib import Path

import pytest
from PIL import Image

from support import catalogue_of

BAD = Path(__file__).parent / "fixtures" / "bad"

# file, line, column, field, words the message must contain
CASES = [
    (
        "actions/unknown-region.md",
        5,
        11,
        "regions[0]",
        "'brabant' is not a region (did you mean 'noord-brabant'?)",
    ),
    ("actions/unknown-status.md", 9, 9, "status", "(did you mean 'running'?)"),
    ("actions/unknown-field.md", 10, 1, "organsations", "(did you mean 'organisations'?)"),
    ("actions/missing-required.md", 2, 1, "regions", "required field 'regions' is missing"),
    ("actions/summary-too-short.md", 3, 10, "summary", "write 30 to 400 characters"),
    ("actions/bad-email.md", 12, 10, "contact.email", "not a valid e-mail address"),
    ("actions/bad-url.md", 12, 10, "links[0].url", "starting with https://"),
    ("actions/outcome-value-without-unit.md", 13, 5, "outcomes[0].value", "needs 'unit'"),
    ("actions/started-in-future.md", 10, 10, "started", "is in the future"),
    ("actions/ended-before-started.md", 11, 8, "ended", "is before started '2022-05'"),
    ("actions/impossible-date.md", 10, 10, "updated", "not a real date"),
    ("actions/related-missing.md", 10, 11, "related[0]", "there is no action 'bestaat-niet'"),
    ("actions/related-self.md", 10, 11, "related[0]", "cannot be related to itself"),
    (
        "actions/duplicate-title.md",
        2,
        8,
        "title",
        "already used by content/actions/buddy-voor-starters.md",
    ),
    ("actions/regio.md", 1, 1, "", "'regio' is reserved"),
    ("actions/Hoofdletters.md", 1, 1, "", "rename it to 'hoofdletters.md'"),
    ("actions/image-missing.md", 11, 8, "image.src", "does not exist"),
    (
        "actions/image-not-an-image.md",
        11,
        8,
        "image.src",
        "is not a readable JPEG, PNG or WebP image",
    ),
    ("actions/body-script.md", 12, 6, "body", "<script> is not allowed"),
    (
        "actions/body-javascript-link.md",
        12,
        12,
        "body",
        "'javascript:alert(1)' uses an unsafe scheme",
    ),
    ("actions/body-event-handler.md", 12, 1, "body", "event attribute 'onerror'"),
    (
        "actions/python-tag.md",
        10,
        16,
        "sectors_extra",
        "'!!python/object/apply:os.system' is not allowed",
    ),
    ("actions/yaml-syntax.md", 3, 1, "", "not valid YAML"),
    ("actions/no-front-matter.md", 1, 1, "", "does not start with front matter"),
    ("actions/unclosed-front-matter.md", 1, 1, "", "front matter is not closed"),
    ("actions/not-a-mapping.md", 2, 1, "", "must be fields"),
    ("actions/invalid-utf8.md", 2, 11, "", "not valid UTF-8"),
    ("actions/alias-bomb.md", 2, 32, "", "more than 50 aliases"),
    (
        "actions/stopped-without-reason.md",
        9,
        9,
        "stopped_because",
        "the status is 'stopped', so 'stopped_because' is required",
    ),
    (
        "actions/evidence-idea-not-idea.md",
        11,
        10,
        "evidence.level",
        "'idea' is only for actions with status 'idea', and this one is 'running': choose 'described' or a higher level, or set status: idea",
    ),
    (
        "actions/idea-with-measured-level.md",
        11,
        10,
        "evidence.level",
        "the status is 'idea', so the action has not been carried out: choose 'idea' instead of 'measured'",
    ),
    (
        "actions/measured-without-outcome.md",
        17,
        10,
        "evidence.level",
        "'measured' needs an outcome with a value, a source and a result other than 'pending', and no outcome has all three; add one or choose 'experiences'",
    ),
    (
        "actions/replicated-one-measurement.md",
        22,
        10,
        "evidence.level",
        "'replicated' needs two outcomes of the same measure, each with a value, a source and a result other than 'pending'; add the second measurement or choose 'measured'",
    ),
    (
        "actions/evaluated-without-source.md",
        11,
        10,
        "evidence.level",
        "'evaluated' needs 'evidence.source' naming the evaluation",
    ),
    (
        "actions/cost-level-disagrees.md",
        11,
        10,
        "costs.level",
        "'low' does not fit EUR 25.000 a year: that is 'medium'",
    ),
    (
        "actions/amount-without-per.md",
        11,
        3,
        "costs.amount_eur",
        "'amount_eur' needs 'per' beside it (one of total, year, participant, organisation)",
    ),
    (
        "actions/unknown-evidence-level.md",
        11,
        10,
        "evidence.level",
        "'proven' is not a level of evidence; allowed: idea, described, experiences, measured, replicated, evaluated",
    ),
    # What a hostile pull request tried (issue 10): each refused with the fix.
    (
        "actions/control-escape.md",
        12,
        9,
        "contact.name",
        "holds the invisible control character U+001B at character 6",
    ),
    ("actions/nul-escape.md", 10, 11, "funding[0]", "holds the invisible control character U+0000"),
    ("actions/noncharacter-escape.md", 11, 12, "links[0].title", "U+FFFE"),
    ("actions/bidi-override.md", 2, 29, "", "the invisible control character U+202E"),
    (
        "actions/bidi-escape.md",
        2,
        8,
        "title",
        "holds the invisible control character U+202E at character 21",
    ),
    (
        "actions/nested-brackets.md",
        10,
        22,
        "funding[0][0][0][0][0][0][0][0][0][0][0][0]",
        "nested more than 12 levels deep",
    ),
    (
        "actions/updated-trailing-newline.md",
        10,
        10,
        "updated",
        "holds a line break; write it on one line",
    ),
    ("actions/value-infinite.md", 13, 12, "outcomes[0].value", "'.inf' is not a finite number"),
    ("actions/amount-infinite.md", 11, 15, "costs.amount_eur", "'.inf' is not a finite number"),
    (
        "actions/amount-leading-zero.md",
        11,
        15,
        "costs.amount_eur",
        "'015000' starts with a zero (YAML reads '015000' as 6656, an octal number): write 15000, or put it in quotes",
    ),
    ("actions/email-with-query.md", 12, 10, "contact.email", "is not a valid e-mail address"),
    ("actions/key-with-newline.md", 10, 1, "", "a field name must be a plain word on one line"),
    ("actions/body-reserved-id.md", 13, 1, "body", "the id '__config' on <p> is not allowed"),
    ("actions/body-title-heading.md", 11, 1, "body", "start sections with '## '"),
    (
        "actions/image-truncated-jpeg.md",
        11,
        8,
        "image.src",
        "'../images/afgebroken.jpg' is not a readable JPEG, PNG or WebP image (it may be damaged or cut off)",
    ),
    (
        "actions/image-corrupt-png.md",
        11,
        8,
        "image.src",
        "'../images/kapot.png' is not a readable JPEG, PNG or WebP image",
    ),
    (
        "actions/image-tall-png.md",
        11,
        8,
        "image.src",
        "the image is 64x20000 pixels; each side may be at most 10,000 pixels",
    ),
    ("cases/case-unknown-action.md", 7, 11, "actions[0]", "(did you mean 'buddy-voor-starters'?)"),
    ("cases/case-date-future.md", 3, 7, "date", "is in the future"),
]


def plant_images(images: Path) -> None:
    """The images the bad entries name: a fake, and three that passed Pillow's verify()
    but crashed the build once site/ was emptied."""
    (images / "nep.png").write_bytes(b"dit is geen png")
    photo = io.BytesIO()
    Image.frombytes("RGB", (400, 300), random.Random(1).randbytes(400 * 300 * 3)).save(
        photo, "JPEG"
    )
    (images / "afgebroken.jpg").write_bytes(photo.getvalue()[: len(photo.getvalue()) // 2])
    drawing = io.BytesIO()
    Image.frombytes("RGB", (200, 200), random.Random(2).randbytes(200 * 200 * 3)).save(
        drawing, "PNG"
    )
    damaged = bytearray(drawing.getvalue())
    chunk = damaged.index(b"IDAT")  # length, type, data, CRC
    length = int.from_bytes(damaged[chunk - 4 : chunk], "big")
    damaged[chunk + 104 : chunk + 304] = bytes(200)  # damage the compressed pixels...
    crc = zlib.crc32(damaged[chunk : chunk + 4 + length])  # ...behind a correct checksum
    damaged[chunk + 4 + length : chunk + 8 + length] = crc.to_bytes(4, "big")
    (images / "kapot.png").write_bytes(bytes(damaged))
    Image.new("RGB", (64, 20000), (200, 10, 10)).save(images / "lang.png")  # over WebP's limit


def test_the_planted_images_pass_a_header_check_but_not_a_decode(tmp_path):
    plant_images(tmp_path)
    for name in ("afgebroken.jpg", "kapot.png"):
        with Image.open(tmp_path / name) as image:
            image.verify()  # what the validator did before: it passes
        with pytest.raises((OSError, SyntaxError)), Image.open(tmp_path / name) as image:
            image.load()


@pytest.mark.parametrize("name, line, column, field, words", CASES, ids=[c[0] for c in CASES])
def test_bad_file_is_reported_with_position_field_and_fix(
    content, name, line, column, field, words
):
    shutil.copy(BAD / name, content / name)
    plant_images(content / "images")

    catalogue = catalogue_of(content)

    mine = [p for p in catalogue.errors if p.path == f"content/{name}"]
    assert mine, f"no error for {name}; all problems: {catalogue.problems}"
    first = mine[0]
    assert (first.line, first.column, first.field) == (line, column, field), str(first)
    assert words in first.message
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
    assert any("unsafe scheme" in p.message for p in problems)


def test_huge_image_file_is_refused(content):
    huge = content / "images" / "buddy.png"
    huge.write_bytes(huge.read_bytes() + b"\0" * (5 * 1024 * 1024 + 1))
    problems = catalogue_of(content).errors
    assert any(p.field == "image.src" and "at most 5 MB" in p.message for p in problems)


def test_image_with_too_many_pixels_is_refused(content):
    from PIL import Image

    Image.new("1", (8000, 6000)).save(content / "images" / "buddy.png", optimize=True)
    problems = catalogue_of(content).errors
    assert any(p.field == "image.src" and "megapixels" in p.message for p in problems)


def test_empty_content_folder_is_an_error(tmp_path):
    (tmp_path / "content").mkdir()
    problems = catalogue_of(tmp_path / "content").errors
    assert len(problems) == 1 and "holds no actions or cases" in problems[0].message


def test_missing_content_folder_is_an_error(tmp_path):
    problems = catalogue_of(tmp_path / "nergens").errors
    assert "does not exist" in problems[0].message


def test_duplicate_slug_across_kinds_is_allowed_but_titles_within_a_kind_are_not(content):
    # An action and a case may share a slug: they live under different URLs.
    shutil.copy(content / "cases" / "verhaal-buddy.md", content / "cases" / "flexpool-regio.md")
    catalogue = catalogue_of(content)
    assert [(p.path, p.field) for p in catalogue.errors] == [
        ("content/cases/verhaal-buddy.md", "title")
    ]
    assert "already used by content/cases/flexpool-regio.md" in catalogue.errors[0].message
    assert "flexpool-regio" in catalogue.actions and "flexpool-regio" in catalogue.cases
