"""Each validation rule, shown with one bad file: the message names file, line, column and
field, says what is wrong and, where it can, what to write instead."""

import io
import random
import re
import shutil
import zlib
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from support import catalogue_of

BAD = Path(__file__).parent / "fixtures" / "bad"
# "Not in the future" is judged against this day, so a message that names it is exact.
TODAY = date(2030, 1, 15)

# file, line, column, field, the whole message (checked on TODAY: two name the date)
CASES = [
    (
        "actions/unknown-region.md",
        5,
        11,
        "regions[0]",
        "'brabant' is geen regio. Bedoelt u 'noord-brabant'?",
    ),
    (
        "actions/unknown-status.md",
        9,
        9,
        "status",
        "'runing' is geen status. Bedoelt u 'running' (Loopt)?",
    ),
    (
        "actions/unknown-field.md",
        10,
        1,
        "organsations",
        "'organsations' is geen veld. Bedoelt u 'organisations'?",
    ),
    (
        "actions/missing-required.md",
        2,
        1,
        "regions",
        "Het verplichte veld 'regions' ontbreekt. Voeg het toe (kies uit: national (Landelijk), groningen, fryslan, drenthe, overijssel, twente, ijssel-vecht, flevoland, gelderland, achterhoek, stedendriehoek (Stedendriehoek en Noordwest-Veluwe), midden-gelderland en nog 29 andere; alle staan op de pagina Velden, bij Bijdragen).",
    ),
    (
        "actions/summary-too-short.md",
        3,
        10,
        "summary",
        "De tekst is 8 tekens lang. Schrijf 30 tot 400 tekens.",
    ),
    (
        "actions/bad-email.md",
        12,
        10,
        "contact.email",
        "'geen-adres' is geen geldig e-mailadres. Schrijf het als naam@voorbeeld.nl.",
    ),
    (
        "actions/bad-url.md",
        12,
        10,
        "links[0].url",
        "'ftp://example.org/x' is geen webadres. Schrijf het volledige adres, dat begint met https:// "
        "en een naam als www.voorbeeld.nl heeft, zonder spaties, aanhalingstekens of '@' ervoor.",
    ),
    (
        "actions/outcome-value-without-unit.md",
        13,
        5,
        "outcomes[0].value",
        "Bij 'value' hoort ook het veld 'unit'. Voeg 'unit' toe (kies uit: percent (procent), percentage-points (procentpunt), persons (personen), score, euro, days (dagen)).",
    ),
    (
        "actions/started-in-future.md",
        10,
        10,
        "started",
        "'2099-01' ligt in de toekomst. Vul een maand in tot en met 2030-01.",
    ),
    (
        "actions/ended-before-started.md",
        11,
        8,
        "ended",
        "'2021' ligt vóór de start, '2022-05'. Verwissel de twee, of verbeter het jaar.",
    ),
    (
        "actions/impossible-date.md",
        10,
        10,
        "updated",
        "'2024-02-30' bestaat niet als datum. Controleer de dag en de maand.",
    ),
    (
        "actions/related-missing.md",
        10,
        11,
        "related[0]",
        "Er is geen actie 'bestaat-niet'. Gebruik de bestandsnaam van een actie in content/actions/, zonder .md.",
    ),
    (
        "actions/related-self.md",
        10,
        11,
        "related[0]",
        "Een actie kan niet naar zichzelf verwijzen. Haal deze naam weg.",
    ),
    (
        "actions/duplicate-title.md",
        2,
        8,
        "title",
        "De titel 'Buddy voor starters in de wijkverpleging' staat ook in content/actions/buddy-voor-starters.md. Kies een andere titel.",
    ),
    (
        "actions/regio.md",
        1,
        1,
        "",
        "De naam 'regio' is al van een pagina van de catalogus. Geef het bestand een andere naam, bijvoorbeeld 'regio-actie.md'.",
    ),
    (
        "actions/Hoofdletters.md",
        1,
        1,
        "",
        "De bestandsnaam 'Hoofdletters.md' kan niet: gebruik alleen kleine letters, cijfers en koppeltekens. Noem het bestand 'hoofdletters.md'.",
    ),
    (
        "actions/image-missing.md",
        11,
        8,
        "image.src",
        "De afbeelding '../images/ontbreekt.png' bestaat niet. Zet de afbeelding in content/images/, of verbeter het pad.",
    ),
    (
        "actions/image-not-an-image.md",
        11,
        8,
        "image.src",
        "'../images/nep.png' is geen leesbare JPEG-, PNG- of WebP-afbeelding (misschien is het bestand beschadigd of maar half opgeslagen). Sla de afbeelding opnieuw op met een fotoprogramma.",
    ),
    (
        "actions/body-script.md",
        12,
        6,
        "body",
        "Het HTML-element <script> mag niet in de tekst. Gebruik gewone opmaak (Markdown), of een van de veilige elementen (zie Bijdragen).",
    ),
    (
        "actions/body-javascript-link.md",
        12,
        12,
        "body",
        "De link 'javascript:alert(1)' is niet veilig. Gebruik een adres dat begint met https:// of mailto:.",
    ),
    (
        "actions/body-event-handler.md",
        12,
        1,
        "body",
        "Het attribuut 'onerror' bij <img> mag niet: de tekst mag geen scripts starten. Haal het weg.",
    ),
    (
        "actions/python-tag.md",
        10,
        16,
        "sectors_extra",
        "De markering '!!python/object/apply:os.system' mag niet. Schrijf een gewone waarde, zonder '!'.",
    ),
    (
        "actions/yaml-syntax.md",
        3,
        1,
        "",
        "De gegevens bovenaan zijn niet te lezen: een lijst die met [ begint, wordt niet gesloten met ]. Let op de inspringing, de dubbele punten en de aanhalingstekens (zet een waarde met ': ' of '#' tussen aanhalingstekens).",
    ),
    (
        "actions/no-front-matter.md",
        1,
        1,
        "",
        "Het bestand begint niet met de gegevens. Zet eerst een regel '---', dan de velden (title: ...), en dan weer een regel '---'.",
    ),
    (
        "actions/unclosed-front-matter.md",
        1,
        1,
        "",
        "De gegevens bovenaan worden niet afgesloten. Zet een regel '---' na het laatste veld.",
    ),
    (
        "actions/not-a-mapping.md",
        2,
        1,
        "",
        "De gegevens bovenaan moeten velden zijn (regels als 'naam: waarde'), niet een lijst.",
    ),
    (
        "actions/invalid-utf8.md",
        2,
        11,
        "",
        "Het bestand is geen geldige UTF-8-tekst (byte 0xe9). Sla het op als UTF-8.",
    ),
    (
        "actions/alias-bomb.md",
        2,
        32,
        "",
        "De gegevens gebruiken meer dan 50 verwijzingen (*naam). Schrijf de waarden voluit.",
    ),
    (
        "actions/stopped-without-reason.md",
        9,
        9,
        "stopped_because",
        "De status is 'stopped' (Gestopt), dus het veld 'stopped_because' is verplicht. Schrijf daar in één of twee zinnen (10 tot 300 tekens) waarom de actie stopte.",
    ),
    (
        "actions/evidence-idea-not-idea.md",
        11,
        10,
        "evidence.level",
        "Het niveau 'idea' past alleen bij de status 'idea', en deze actie heeft de status 'running'. Kies 'described' of een hoger niveau, of zet de status op 'idea'.",
    ),
    (
        "actions/idea-with-measured-level.md",
        11,
        10,
        "evidence.level",
        "De status is 'idea', dus de actie is nog niet uitgevoerd. Kies het niveau 'idea' in plaats van 'measured'.",
    ),
    (
        "actions/measured-without-outcome.md",
        17,
        10,
        "evidence.level",
        "Het niveau is 'measured' (Gemeten), maar geen enkel resultaat van deze actie of van een "
        "verhaal erover heeft een waarde, een bron en een uitkomst anders dan 'pending'. Vul die "
        "drie aan bij een resultaat, of kies 'experiences'.",
    ),
    (
        "actions/replicated-one-measurement.md",
        22,
        10,
        "evidence.level",
        "Het niveau is 'replicated' (Herhaald gemeten), maar geen maat is op twee plaatsen of in "
        "twee perioden gemeten, met elk een waarde, een bron en een uitkomst anders dan 'pending' "
        "(twee gelijke resultaten tellen één keer). Voeg de tweede meting toe met haar eigen "
        "'period', of kies 'measured'.",
    ),
    (
        "actions/evaluated-without-source.md",
        11,
        10,
        "evidence.level",
        "Het niveau is 'evaluated' (Onderzocht), maar 'evidence.source' ontbreekt. Noem daar het onderzoek (een webadres of een korte bronvermelding), of kies een lager niveau.",
    ),
    (
        "actions/cost-level-disagrees.md",
        11,
        10,
        "costs.level",
        "'low' past niet bij € 25.000 per jaar; dat is 'medium' (low: minder dan € 10.000, medium: € 10.000 tot en met € 100.000, high: meer). Kies 'medium'.",
    ),
    (
        "actions/amount-without-per.md",
        11,
        3,
        "costs.amount_eur",
        "Bij 'amount_eur' hoort ook het veld 'per'. Voeg 'per' toe (kies uit: total (in totaal), year (per jaar), participant (per deelnemer), organisation (per organisatie)).",
    ),
    (
        "actions/unknown-evidence-level.md",
        11,
        10,
        "evidence.level",
        "'proven' is geen niveau van bewijs. Kies uit: idea (Idee), described (Beschreven), experiences (Ervaringen), measured (Gemeten), replicated (Herhaald gemeten), evaluated (Onderzocht).",
    ),
    # What a hostile pull request tried (issue 10): each refused with the fix.
    (
        "actions/control-escape.md",
        12,
        9,
        "contact.name",
        "Op plaats 6 staat het onzichtbare teken U+001B. Verwijder het; zo'n teken komt vaak mee bij het kopiëren uit een pdf of een tekstverwerker.",
    ),
    (
        "actions/nul-escape.md",
        10,
        11,
        "funding[0]",
        "Op plaats 4 staat het onzichtbare teken U+0000. Verwijder het; zo'n teken komt vaak mee bij het kopiëren uit een pdf of een tekstverwerker.",
    ),
    (
        "actions/noncharacter-escape.md",
        11,
        12,
        "links[0].title",
        "Op plaats 9 staat het onzichtbare teken U+FFFE. Verwijder het; zo'n teken komt vaak mee bij het kopiëren uit een pdf of een tekstverwerker.",
    ),
    (
        "actions/bidi-override.md",
        2,
        29,
        "",
        "Het bestand bevat het onzichtbare teken U+202E. Verwijder het; zo'n teken komt vaak mee bij het kopiëren uit een pdf of een tekstverwerker.",
    ),
    (
        "actions/bidi-escape.md",
        2,
        8,
        "title",
        "Op plaats 21 staat het onzichtbare teken U+202E. Verwijder het; zo'n teken komt vaak mee bij het kopiëren uit een pdf of een tekstverwerker.",
    ),
    (
        "actions/nested-brackets.md",
        10,
        22,
        "funding[0][0][0][0][0][0][0][0][0][0][0][0]",
        "De waarde zit meer dan 12 niveaus diep. Zo diep gaat geen enkel veld: controleer de haken.",
    ),
    (
        "actions/updated-trailing-newline.md",
        10,
        10,
        "updated",
        "Er staat een regelovergang in de tekst. Zet de tekst op één regel (alleen een samenvatting of een toelichting mag meer regels hebben).",
    ),
    (
        "actions/value-infinite.md",
        13,
        12,
        "outcomes[0].value",
        "'.inf' is geen gewoon getal. Schrijf een getal, zoals 1500 of 12.5.",
    ),
    (
        "actions/amount-infinite.md",
        11,
        15,
        "costs.amount_eur",
        "'.inf' is geen gewoon getal. Schrijf een getal, zoals 1500 of 12.5.",
    ),
    (
        "actions/amount-leading-zero.md",
        11,
        15,
        "costs.amount_eur",
        "'015000' begint met een nul. Zo leest het bestand het als een ander getal: 6656. Schrijf 15000, of zet de waarde tussen aanhalingstekens als het een code is.",
    ),
    (
        "actions/email-with-query.md",
        12,
        10,
        "contact.email",
        "'info%40zorg.nl?bcc=x@evil.example' is geen geldig e-mailadres. Schrijf het als naam@voorbeeld.nl.",
    ),
    (
        "actions/key-with-newline.md",
        10,
        1,
        "",
        "Een veldnaam is één gewoon woord op één regel, zoals 'title'.",
    ),
    (
        "actions/body-reserved-id.md",
        13,
        1,
        "body",
        "De id '__config' bij <p> mag niet: een id die begint met '__', 'md-' of 'ab-' is van de site zelf. Gebruik een gewone naam, zoals 'aanpak'.",
    ),
    (
        "actions/body-title-heading.md",
        11,
        1,
        "body",
        "Een kop met één '#' is de titel van de pagina, en die zet de site zelf. Begin een kopje met '## ', bijvoorbeeld '## Aanpak'.",
    ),
    (
        "actions/image-truncated-jpeg.md",
        11,
        8,
        "image.src",
        "'../images/afgebroken.jpg' is geen leesbare JPEG-, PNG- of WebP-afbeelding (misschien is het bestand beschadigd of maar half opgeslagen). Sla de afbeelding opnieuw op met een fotoprogramma.",
    ),
    (
        "actions/image-corrupt-png.md",
        11,
        8,
        "image.src",
        "'../images/kapot.png' is geen leesbare JPEG-, PNG- of WebP-afbeelding (misschien is het bestand beschadigd of maar half opgeslagen). Sla de afbeelding opnieuw op met een fotoprogramma.",
    ),
    (
        "actions/image-tall-png.md",
        11,
        8,
        "image.src",
        "De afbeelding is 64x20000 pixels; elke zijde mag hoogstens 10.000 pixels zijn. Snijd haar bij, of maak haar kleiner.",
    ),
    (
        "cases/case-unknown-action.md",
        7,
        11,
        "actions[0]",
        "Er is geen actie 'buddy-voor-starter'. Bedoelt u 'buddy-voor-starters'?",
    ),
    (
        "cases/case-date-future.md",
        3,
        7,
        "date",
        "'2099-02-01' ligt in de toekomst. Vul een datum in tot en met 2030-01-15.",
    ),
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


def undated(message: str) -> str:
    """The part of a message that does not name TODAY (a build judges by the real day)."""
    return re.sub(r" tot en met [0-9-]+\.$", "", message)


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
