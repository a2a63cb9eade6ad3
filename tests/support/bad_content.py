"""Content that must be refused, and the exact Dutch message for each: the bad entries
in tests/core/fixtures/bad/ (CASES) with the images they name, and files the content
model does not name (PLANTED). The rule tests, the build that refuses them and the check
of every message's wording share them."""

from __future__ import annotations

import io
import random
import re
import zlib
from datetime import date
from pathlib import Path

from PIL import Image

from . import ROOT

BAD = ROOT / "tests" / "core" / "fixtures" / "bad"
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
        "en een naam als www.voorbeeld.nl heeft, zonder spaties, aanhalingstekens of '@' ervoor. "
        "Een letter met een accent, zoals ë, staat in een webadres als code (%C3%AB): kopieer "
        "het adres uit de adresbalk van uw browser.",
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


def undated(message: str) -> str:
    """The part of a message that does not name TODAY (a build judges by the real day)."""
    return re.sub(r" tot en met [0-9-]+\.$", "", message)


MACRO = "{{ self.__init__.__globals__.__builtins__.__import__('os').popen('id').read() }}"

NOT_AN_ENTRY = (
    "Dit is geen actie, verhaal, afbeelding of pagina van de redactie. Een actie hoort in "
    "content/actions/<naam>.md, een verhaal in content/cases/<naam>.md. Een nieuwe pagina zet "
    "de redactie in mkdocs.yml, onder 'extra: actiebank: pages'."
)
NOT_AN_IMAGE = (
    "In content/images/ staan alleen afbeeldingen: JPEG, PNG of WebP. Haal dit bestand weg "
    "(een SVG- of HTML-bestand kan scripts starten bij bezoekers)."
)
NOT_ONE_ACTION = (
    "In content/actions/ staat alleen één bestand per actie, met de naam <naam>.md (kleine "
    "letters, cijfers en koppeltekens). Verplaats of verwijder dit bestand."
)
# name, what to write (text, or a symlink target), the message
PLANTED = [
    ("content/images/evil.html", "<script>alert(1)</script>", NOT_AN_IMAGE),
    (
        "content/images/logo.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        NOT_AN_IMAGE,
    ),
    (
        "content/images/Foto.JPG",
        "niet echt",
        "De naam 'Foto.JPG' kan niet voor een afbeelding. Gebruik kleine letters, cijfers en "
        "koppeltekens, en laat de naam eindigen op .jpg, .jpeg, .png of .webp (in kleine "
        "letters).",
    ),
    ("content/actions/x.markdown", "---\ntitle: x\n---\n", NOT_ONE_ACTION),
    ("content/actions/Upper.MD", "---\ntitle: x\n---\n", NOT_ONE_ACTION),
    ("content/acties-extra.md", "<script>alert(1)</script>\n", NOT_AN_ENTRY),
    (
        "content/acties/regio/sneaky.md",
        "# Hoi\n",
        "Dit bestand staat in een map die niet bij de inhoud hoort. Acties horen in "
        "content/actions/, verhalen in content/cases/ en afbeeldingen in content/images/. "
        "Verplaats of verwijder het bestand.",
    ),
    ("content/bijdragen/extra.md", "# Hoi\n", NOT_AN_ENTRY),
    ("content/macro.md", f"---\nrender_macros: true\n---\n{MACRO}\n", NOT_AN_ENTRY),
    ("content/.verborgen.md", "# Hoi\n", NOT_AN_ENTRY),
]
