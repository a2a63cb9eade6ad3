"""Synthetic catalogues of any size for the benchmark.

    .venv/bin/python bench/generate.py bench/work/n1000 --actions 1000 [--seed 7] [--floor]

writes a complete Actiebank project to the destination (the real mkdocs.yml, hooks,
theme overrides, schema and editorial pages, with a generated content/actions/,
content/cases/ and content/images/ in place of the real ones): N actions, N/10 case
stories and a few JPEG images, every value drawn from schema/vocabularies.yaml, every
body a Dutch-looking story of 300 to 600 words in the sections contributors write.
With --floor it also writes `<dest>-floor/`, the same titles and bodies as plain pages
of a plain mkdocs-material site: the floor the benchmark compares against.

The output depends only on N and the seed (no clock, no hash order), so two runs give
byte-identical files and a benchmark can be repeated on another machine.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from actiebank.content.evidence import measurements, replicated_measures
from actiebank.content.rules import cost_level_for
from actiebank.routes import reserved_action_slugs
from actiebank.vocabulary import Vocabularies, fold, load_vocabularies

# What a generated project takes from the real one; content/ is handled apart because
# its actions, cases and images are replaced by generated ones.
PROJECT_FILES = ("mkdocs.yml", "hooks", "overrides", "schema")
ENTRY_FOLDERS = ("actions", "cases", "images")
# The newest date a generated entry carries: fixed, so output never depends on today.
LATEST_YEAR = 2025

PLACES = (
    "Almelo",
    "Amersfoort",
    "Apeldoorn",
    "Arnhem",
    "Assen",
    "Bergen op Zoom",
    "Breda",
    "Delft",
    "Deventer",
    "Doetinchem",
    "Dordrecht",
    "Drachten",
    "Ede",
    "Eindhoven",
    "Emmen",
    "Enschede",
    "Gouda",
    "Groningen",
    "Haarlem",
    "Harderwijk",
    "Heerlen",
    "Helmond",
    "Hengelo",
    "Hilversum",
    "Hoorn",
    "Leeuwarden",
    "Leiden",
    "Lelystad",
    "Maastricht",
    "Meppel",
    "Middelburg",
    "Nijmegen",
    "Oss",
    "Purmerend",
    "Roermond",
    "Roosendaal",
    "Rotterdam",
    "Schiedam",
    "Sittard",
    "Sneek",
    "Terneuzen",
    "Tiel",
    "Tilburg",
    "Utrecht",
    "Veenendaal",
    "Venlo",
    "Vlissingen",
    "Weert",
    "Winterswijk",
    "Zaandam",
    "Zeist",
    "Zoetermeer",
    "Zutphen",
    "Zwolle",
    "Alkmaar",
    "Amsterdam-Noord",
    "Den Bosch",
    "Den Helder",
    "Gorinchem",
    "Hardenberg",
    "Heerenveen",
    "Kampen",
    "Katwijk",
    "Nieuwegein",
    "Oosterhout",
    "Rijswijk",
    "Steenwijk",
    "Uden",
    "Veghel",
    "Vlaardingen",
    "Wageningen",
    "Woerden",
    "Zwijndrecht",
    "Barneveld",
    "Coevorden",
    "Delfzijl",
    "Goes",
    "Hoogeveen",
)
ORGANISATION_KINDS = (
    "Zorggroep {place}",
    "Stichting Thuiszorg {place}",
    "Ziekenhuis {place}",
    "GGZ {place}",
    "Welzijn {place}",
    "Jeugdzorg {place}",
    "Kinderopvang {place}",
    "Woonzorgcentrum De Linde {place}",
    "Huisartsenpraktijk {place}",
    "Zorgcentrum {place}",
    "Stichting Gehandicaptenzorg {place}",
    "Wijkteam {place}",
    "Zorgcoöperatie {place}",
)
TITLE_PATTERNS = (
    "{intervention} voor {group} bij {org}",
    "{intervention} in {region}: {group} blijven langer",
    "Samen sterker: {intervention_lower} voor {group}",
    "{group} behouden met {intervention_lower} ({org})",
    "Regionaal {intervention_lower} voor {group} in {region}",
)
FIRST_NAMES = (
    "Anouk",
    "Bram",
    "Carmen",
    "Daan",
    "Esra",
    "Fleur",
    "Gijs",
    "Hanna",
    "Ilse",
    "Joost",
    "Karim",
    "Lotte",
    "Mirjam",
    "Noah",
    "Priya",
    "Ruben",
    "Sanne",
    "Tim",
    "Yara",
    "Wouter",
    "Fatima",
    "Jeroen",
    "Marloes",
    "Sem",
)
LAST_NAMES = (
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Dijk",
    "Yılmaz",
    "El Amrani",
    "Kuipers",
    "Veenstra",
    "Postma",
    "van der Berg",
)
ROLES = (
    "HR-adviseur",
    "teamleider",
    "programmamanager",
    "opleidingsadviseur",
    "projectleider",
    "regiocoördinator",
    "praktijkopleider",
    "beleidsmedewerker",
)
STOPPED_BECAUSE = (
    "De doelen werden niet gehaald en de kosten liepen op.",
    "De subsidie stopte en de organisaties vonden geen andere financiering.",
    "Er meldden zich te weinig deelnemers aan.",
)
FUNDING = (
    "REACT-EU",
    "IZA",
    "SectorplanPlus",
    "Regionaal Actieplan",
    "Stagefonds Zorg",
    "eigen middelen",
)

APPROACH = (
    "In {year} zijn we bij {org} gestart met {intervention_lower} voor {group}.",
    "De aanleiding was een hoge uitstroom in het eerste jaar: bijna {pct} procent van de nieuwe collega's vertrok binnen twaalf maanden.",
    "Een werkgroep van verpleegkundigen, verzorgenden en een HR-adviseur heeft het programma in {months} maanden ontworpen.",
    "Elke nieuwe medewerker krijgt in de eerste weken een vaste buddy uit het eigen team, die ook tijd krijgt om die rol goed te vervullen.",
    "We plannen in het eerste half jaar drie vaste gesprekken: na vier weken, na drie maanden en na zes maanden.",
    "De gesprekken gaan niet over functioneren, maar over hoe iemand zich voelt in het team en wat er nodig is om te blijven.",
    "Teamleiders volgen vooraf een korte training over het voeren van stay-gesprekken en het herkennen van signalen van vertrek.",
    "Voor {group} is een apart introductieprogramma gemaakt, met praktijkdagen op verschillende afdelingen.",
    "Samen met het ROC in de regio {region} hebben we de opleiding afgestemd op het werk in de wijk.",
    "De roosters houden rekening met de opleidingsdagen, zodat niemand hoeft te kiezen tussen leren en werken.",
    "Medewerkers kunnen via een eenvoudige app hun vragen stellen en een gesprek met een coach aanvragen.",
    "Om de werkdruk te verlagen zijn eenvoudige taken losgeknipt uit de functie van de verpleegkundige en bij een nieuwe functie ondergebracht.",
    "We werken samen met {count} andere organisaties in {region}, zodat medewerkers ook bij een andere werkgever ervaring kunnen opdoen.",
    "Een vitaliteitscoach bezoekt elke maand de teams en denkt mee over belasting, herstel en roosterwensen.",
    "De regionale werkgeversorganisatie coördineert de aanpak en houdt de cijfers bij.",
    "Leidinggevenden bespreken elk kwartaal met hun team wat goed gaat en wat beter kan in de begeleiding van nieuwe collega's.",
    "Er is een vast aanspreekpunt voor {group}, bereikbaar per telefoon en per e-mail.",
    "Wie twijfelt over vertrek, kan een loopbaangesprek aanvragen bij een onafhankelijke adviseur.",
    "In de eerste maand loopt iedere nieuwe collega minstens vijf diensten boventallig mee.",
    "De praktijkbegeleiders krijgen vier uur per week voor hun begeleidende taken, vastgelegd in het rooster.",
    "We hebben de vacatureteksten herschreven zodat ze eerlijk laten zien hoe het werk eruitziet.",
    "Via een lerend netwerk delen de deelnemende organisaties elk kwartaal hun ervaringen.",
    "Oudere medewerkers kunnen kiezen voor minder nachtdiensten en meer tijd voor het begeleiden van jongere collega's.",
    "Zij-instromers behouden tijdens de opleiding hun salaris en krijgen een baangarantie na het behalen van hun diploma.",
)
APPROACH_LIST = (
    "een welkomstdag met een rondleiding door de organisatie",
    "een vaste buddy in het eigen team",
    "een persoonlijk ontwikkelplan na drie maanden",
    "intervisie met andere starters elke zes weken",
    "een opleidingsbudget van {euro} euro per jaar",
    "een exitgesprek bij elk vertrek, afgenomen door iemand buiten het team",
    "flexibele roosters voor medewerkers met mantelzorgtaken",
    "een terugkomdag na een half jaar",
)
RESULTS = (
    "Na een jaar was de uitstroom onder {group} gedaald van {pct} naar {pct_low} procent.",
    "Van de {n} deelnemers werkt {pct_high} procent na twee jaar nog bij {org}.",
    "Het verzuim in de deelnemende teams daalde met {small} procentpunt.",
    "In het medewerkersonderzoek gaven deelnemers de begeleiding gemiddeld een {score}.",
    "Teamleiders zeggen dat nieuwe collega's sneller zelfstandig kunnen werken.",
    "De kosten van werving en inwerken zijn naar schatting met {euro} euro per jaar gedaald.",
    "Niet alle doelen zijn gehaald: het aantal herintreders bleef achter bij de verwachting.",
    "Uit de exitgesprekken blijkt dat werkdruk en roosters de belangrijkste redenen voor vertrek blijven.",
    "De resultaten zijn gemeten met de gegevens van de salarisadministratie en een korte vragenlijst.",
    "De instroom via de opleiding steeg in {year} tot {n} nieuwe collega's.",
    "Deelnemers noemen vooral de vaste buddy en de eerlijke gesprekken als reden om te blijven.",
    "Omdat de aanpak pas kort loopt, zijn de cijfers over behoud nog voorlopig.",
    "De voortijdige uitval tijdens de opleiding is gehalveerd ten opzichte van eerdere jaren.",
    "Ook ervaren collega's zijn positief: zij voelen zich gewaardeerd in hun rol als begeleider.",
    "Een externe evaluatie door een hogeschool bevestigt het beeld uit de eigen cijfers.",
    "In {region} nemen inmiddels {count} organisaties deel aan de aanpak.",
)
LESSONS = (
    "Begin klein: één team dat enthousiast is, overtuigt de rest van de organisatie beter dan een plan.",
    "Geef begeleiders echt tijd in het rooster; zonder die tijd verwatert de aanpak binnen een paar maanden.",
    "Wat niet werkte: een digitaal portaal dat niemand gebruikte, omdat het los stond van het dagelijkse werk.",
    "Betrek {group} zelf bij het ontwerp; zij weten het best wat ze in de eerste weken missen.",
    "Meet vanaf het begin, anders is achteraf niet te zeggen wat de aanpak heeft opgeleverd.",
    "Stay-gesprekken werken alleen als er ook iets met de uitkomst gebeurt.",
    "Regionale samenwerking kost tijd, maar voorkomt dat organisaties elkaars medewerkers wegkapen.",
    "De financiering uit {funding} was nodig om te beginnen, maar de aanpak moet daarna in de gewone begroting passen.",
    "We hadden de teamleiders eerder moeten betrekken; zij bepalen of een nieuwe collega zich welkom voelt.",
    "Een vaste contactpersoon bij de opleiding voorkomt veel misverstanden over roosters en stages.",
    "Niet iedere medewerker wil een buddy; bied het aan, maar maak het niet verplicht.",
    "Houd de administratie licht: één formulier per gesprek is genoeg.",
    "Deel de resultaten met de teams, ook als ze tegenvallen.",
)
COSTS = (
    "De aanpak kost ongeveer {euro} euro per jaar, vooral aan uren van begeleiders.",
    "De eerste twee jaar zijn betaald uit {funding}; daarna uit het eigen opleidingsbudget.",
)
CASE_TEXT = (
    "{person} werkt sinds {year} als {role} bij {org} en vertelt hoe de aanpak in de praktijk uitpakt.",
    '"In het begin was het zoeken," zegt {person}. "Maar na een paar maanden merkten we dat nieuwe collega\'s bleven."',
    "Het team in {region} begon met een kleine groep {group}.",
    "De buddy's kregen vooraf een korte training en maandelijks een terugkommoment.",
    "Volgens {person} zit het succes in de aandacht: iemand die vraagt hoe het gaat, en dan ook luistert.",
    "Er waren ook tegenvallers: niet elke buddy had genoeg tijd, en sommige roosters botsten met de opleiding.",
    "Inmiddels is de aanpak uitgebreid naar alle locaties van {org}.",
    "De teams bespreken elk kwartaal wat beter kan; die gesprekken hebben de aanpak steeds verbeterd.",
    '"Ik zou het iedere organisatie aanraden," zegt {person}. "Begin gewoon, en leer onderweg."',
    "Ook de regionale werkgeversorganisatie volgt de resultaten en deelt ze met andere organisaties.",
)

# A small grammar for the rest of the prose. Whole sentences drawn from a short list repeat
# so often that gzip shrinks a catalogue of them sixteen times, where real stories shrink
# about three times; sentences built word group by word group repeat as real prose does,
# so the compressed sizes the benchmark reports (catalogue page, search index) are honest.
SUBJECTS = (
    "de teamleider",
    "een nieuwe collega",
    "het wijkteam",
    "de praktijkbegeleider",
    "iedere starter",
    "de regiegroep",
    "het bestuur",
    "de ondernemingsraad",
    "een ervaren verzorgende",
    "de HR-afdeling",
    "de locatiemanager",
    "de werkgroep",
    "een verpleegkundige in opleiding",
    "de stagecoördinator",
    "het kernteam",
    "de cliëntenraad",
    "elke buddy",
    "de opleidingsadviseur",
    "een zij-instromer",
    "de vitaliteitscoach",
    "het regionale netwerk",
    "de roosteraar",
    "de wijkverpleegkundige",
    "een herintreder",
    "het management",
    "de begeleider",
    "de jobcoach",
    "het ROC",
    "de hogeschool",
    "een oudere medewerker",
    "de projectgroep",
    "de leerafdeling",
)
VERBS = (
    "bespreekt",
    "plant",
    "organiseert",
    "volgt",
    "evalueert",
    "begeleidt",
    "ondersteunt",
    "onderzoekt",
    "verbetert",
    "deelt",
    "regelt",
    "coördineert",
    "bezoekt",
    "meet",
    "noteert",
    "verzorgt",
    "kiest",
    "bepaalt",
    "ontwikkelt",
    "test",
    "herziet",
    "bewaakt",
    "vernieuwt",
    "beoordeelt",
    "bekijkt",
    "verdeelt",
    "bereidt",
    "vereenvoudigt",
    "agendeert",
    "verkent",
    "bundelt",
    "financiert",
    "verlengt",
    "beschrijft",
)
OBJECTS = (
    "het rooster",
    "de eerste werkweek",
    "een persoonlijk leerplan",
    "de intervisie",
    "het exitgesprek",
    "de inwerkmap",
    "de scholingsdagen",
    "het vitaliteitsbudget",
    "de overdracht",
    "het welkomstpakket",
    "de proeftijd",
    "de praktijkopdrachten",
    "de nachtdiensten",
    "het loopbaangesprek",
    "de werkdruk",
    "de stageplekken",
    "het opleidingsplan",
    "de terugkomdagen",
    "de teamafspraken",
    "het verzuimbeleid",
    "de vacatureteksten",
    "de begeleidingsuren",
    "het meeloopprogramma",
    "de evaluatie",
    "de wachtlijst voor scholing",
    "het mentorschap",
    "de functie-eisen",
    "de taakverdeling",
    "het welzijn van collega's",
    "de zorgtechnologie",
    "het digitale leerplatform",
    "de samenwerking met de gemeente",
    "de doorstroom naar niveau 4",
    "de cijfers over verloop",
)
ADVERBIALS = (
    "elke maand",
    "na drie weken",
    "samen met het ROC",
    "in overleg met het team",
    "zonder extra papierwerk",
    "tijdens de avonddienst",
    "op vaste momenten",
    "met hulp van een coach",
    "sinds de zomer",
    "aan het begin van elk kwartaal",
    "in kleine groepen",
    "op de eigen afdeling",
    "per locatie",
    "met een korte vragenlijst",
    "tijdens het teamoverleg",
    "in de eerste honderd dagen",
    "twee keer per jaar",
    "buiten de drukke ochtenduren",
    "samen met de cliëntenraad",
    "op verzoek van de medewerker",
    "in een vast tempo",
    "met steun van de regio",
    "in het eerste jaar",
    "vanaf de tweede week",
    "met een vast budget",
    "na elke stageperiode",
    "voor alle locaties tegelijk",
)
REASONS = (
    "zodat niemand er alleen voor staat",
    "omdat de uitval in het eerste jaar hoog was",
    "want de teams vroegen erom",
    "zodat leren en werken beter samengaan",
    "omdat ervaren collega's anders overbelast raken",
    "zodat het werk vol te houden blijft",
    "omdat de vacatures lang openstonden",
    "zodat nieuwe collega's sneller meedraaien",
    "want vertrek kost de organisatie veel geld",
    "omdat de cliënten vaste gezichten willen",
    "zodat de kennis in huis blijft",
    "omdat de roosters te krap waren",
    "zodat iedereen weet waar hij terechtkan",
    "want goede begeleiding loont",
    "omdat de regio dezelfde mensen zoekt",
    "zodat talent niet onopgemerkt blijft",
)
ADJECTIVES = (
    "vaste",
    "nieuwe",
    "korte",
    "extra",
    "eigen",
    "regionale",
    "digitale",
    "wekelijkse",
    "gezamenlijke",
    "persoonlijke",
    "eerste",
    "gewone",
    "praktische",
    "flexibele",
    "duidelijke",
    "aparte",
    "jaarlijkse",
    "heldere",
    "kleine",
    "brede",
)
STREETS = (
    "Kerkstraat",
    "Molenweg",
    "Stationsplein",
    "Dorpsstraat",
    "Beukenlaan",
    "Julianastraat",
    "Wilhelminapark",
    "Lindelaan",
    "Havenkade",
    "Schoolstraat",
)
# Dutch builds words by compounding: 'inwerk' + 'buddy' + 'gesprek'. Compounds give the
# prose the long tail of rare words that real stories have.
MODIFIERS = (
    "zorg",
    "team",
    "werk",
    "leer",
    "wijk",
    "cliënt",
    "stage",
    "nacht",
    "weekend",
    "inwerk",
    "loopbaan",
    "vitaliteits",
    "scholings",
    "praktijk",
    "buddy",
    "mentor",
    "welkomst",
    "terugkom",
    "verzuim",
    "personeels",
    "kwaliteits",
    "regio",
    "locatie",
    "avond",
    "ochtend",
    "thuis",
    "familie",
    "mantelzorg",
    "teamleiders",
    "starters",
    "intake",
    "exit",
    "behouds",
    "wervings",
    "rooster",
    "opleidings",
    "ontwikkel",
    "verpleeg",
    "veiligheids",
    "medicatie",
    "overdrachts",
    "functie",
    "taak",
    "dienst",
)
HEADS = (
    ("overleg", "het"),
    ("plan", "het"),
    ("gesprek", "het"),
    ("rooster", "het"),
    ("budget", "het"),
    ("traject", "het"),
    ("programma", "het"),
    ("moment", "het"),
    ("dossier", "het"),
    ("beleid", "het"),
    ("protocol", "het"),
    ("formulier", "het"),
    ("dienst", "de"),
    ("begeleiding", "de"),
    ("training", "de"),
    ("afspraak", "de"),
    ("dag", "de"),
    ("map", "de"),
    ("lijst", "de"),
    ("aanpak", "de"),
    ("evaluatie", "de"),
    ("werkplek", "de"),
    ("ronde", "de"),
    ("cursus", "de"),
    ("regeling", "de"),
    ("vergadering", "de"),
    ("check", "de"),
    ("kaart", "de"),
    ("planning", "de"),
)
OPENERS = (
    "Daarnaast",
    "Verder",
    "In de praktijk",
    "Sinds kort",
    "Inmiddels",
    "Bovendien",
    "Ook",
    "Vervolgens",
    "Tegelijk",
    "In het begin",
    "Later",
    "Soms",
    "Meestal",
)


@dataclass
class Generated:
    """What was written: the project folder and the slugs, in the order of writing."""

    project: Path
    actions: list[str] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)


class Writer:
    """Draws every value from the vocabularies with one seeded random generator."""

    def __init__(self, vocabularies: Vocabularies, seed: int):
        self.rng = random.Random(seed)
        self.vocabularies = vocabularies
        self.titles: set[str] = set()
        self.slugs: set[str] = set()

    # ----------------------------------------------------------------- values

    def terms(self, name: str, low: int, high: int) -> list:
        terms = self.vocabularies[name].terms
        return self.rng.sample(terms, self.rng.randint(low, min(high, len(terms))))

    def organisation(self) -> str:
        return self.rng.choice(ORGANISATION_KINDS).format(place=self.rng.choice(PLACES))

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def month(self, low: int = 2016, high: int = LATEST_YEAR) -> str:
        return f"{self.rng.randint(low, high)}-{self.rng.randint(1, 12):02d}"

    def day(self) -> str:
        return (
            f"{self.rng.randint(2022, LATEST_YEAR)}-{self.rng.randint(1, 12):02d}-"
            f"{self.rng.randint(1, 28):02d}"
        )

    def slots(self, org: str, group: str, intervention: str, region: str) -> dict:
        rng = self.rng
        pct = rng.randint(18, 45)
        return {
            "org": org,
            "group": group.lower(),
            "intervention_lower": intervention.lower(),
            "region": region,
            "year": rng.randint(2018, LATEST_YEAR),
            "pct": pct,
            "pct_low": rng.randint(6, pct - 4),
            "pct_high": rng.randint(60, 95),
            "months": rng.randint(3, 9),
            "count": rng.randint(3, 14),
            "n": rng.randint(12, 240),
            "small": rng.randint(1, 4),
            "score": f"{rng.randint(70, 88) / 10:.1f}".replace(".", ","),
            "euro": f"{rng.randint(5, 120) * 1000:,}".replace(",", "."),
            "funding": rng.choice(FUNDING),
            "person": self.person(),
            "role": rng.choice(ROLES),
        }

    def unique_title(self, make) -> str:
        """A title no other entry has (the validator refuses duplicate titles)."""
        for _ in range(30):
            title = make()
            key = fold(title)
            if key not in self.titles and len(title) <= 120:
                self.titles.add(key)
                return title
        number = 2
        while fold(f"{title} {number}") in self.titles:
            number += 1
        self.titles.add(fold(f"{title} {number}"))
        return f"{title} {number}"

    def unique_slug(self, title: str, reserved: tuple[str, ...] = ()) -> str:
        words = fold(title).split("-")
        slug = ""
        for word in words:
            if len(slug) + len(word) + 1 > 60:
                break
            slug = f"{slug}-{word}" if slug else word
        base, number = slug, 2
        while slug in self.slugs or slug in reserved:
            slug = f"{base}-{number}"
            number += 1
        self.slugs.add(slug)
        return slug

    # ----------------------------------------------------------------- text

    def paragraphs(self, sentences: tuple[str, ...], words: int, slots: dict) -> list[str]:
        """Paragraphs of 2 to 4 sentences until about `words` words are written."""
        rng, out, count, current = self.rng, [], 0, []
        pool = list(sentences)
        rng.shuffle(pool)
        index = 0
        while count < words:
            if rng.random() < 0.2:
                sentence = pool[index % len(pool)].format(**slots)
                index += 1
            else:
                sentence = self.sentence()
            current.append(sentence)
            count += len(sentence.split())
            if len(current) >= rng.randint(2, 4):
                out.append(" ".join(current))
                current = []
        if current:
            out.append(" ".join(current))
        return out

    def sentence(self) -> str:
        """One sentence from the grammar: who does what, when or how, and often why."""
        rng = self.rng
        subject, verb, thing = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)
        if rng.random() < 0.6:
            head, article = rng.choice(HEADS)
            word = rng.choice(MODIFIERS) + (rng.choice(MODIFIERS) if rng.random() < 0.3 else "")
            thing = f"{article} {word}{head}"
        if rng.random() < 0.4:
            article, _, noun = thing.partition(" ")
            if article in ("de", "het", "een") and not noun.startswith(("eerste", "digitale")):
                thing = f"{article} {rng.choice(ADJECTIVES)} {noun}"
        tail = rng.random()
        if tail < 0.15:
            thing += f" voor {rng.choice(self.vocabularies['target_group'].terms).nl.lower()}"
        elif tail < 0.3:
            thing += f" in {rng.choice(PLACES)}"
        elif tail < 0.4:
            thing += f" aan de {rng.choice(STREETS)}"
        elif tail < 0.5:
            thing += f" binnen {rng.randint(2, 16)} weken"
        how = rng.choice(ADVERBIALS)
        form = rng.randint(0, 3)
        if form == 0:
            text = f"{subject} {verb} {thing} {how}"
        elif form == 1:
            text = f"{rng.choice(OPENERS)} {verb} {subject} {thing} {how}"
        elif form == 2:
            text = f"{how[0].upper() + how[1:]} {verb} {subject} {thing}"
        else:
            text = f"{subject} {verb} {thing}, {rng.choice(REASONS)}"
        if form != 3 and rng.random() < 0.5:
            text += f", {rng.choice(REASONS)}"
        return text[0].upper() + text[1:] + "."

    def action_body(self, slots: dict, link: str) -> str:
        rng = self.rng
        total = rng.randint(270, 490)
        approach = self.paragraphs(APPROACH, int(total * 0.42), slots)
        listed = [item.format(**slots) for item in rng.sample(APPROACH_LIST, rng.randint(3, 5))]
        parts = ["## Aanpak", "", approach[0], "", "De aanpak bestaat uit:", ""]
        parts += [f"- {item}" for item in listed]
        parts += [""] + [p for paragraph in approach[1:] for p in (paragraph, "")]
        parts += ["## Resultaten", ""]
        parts += [
            p
            for paragraph in self.paragraphs(RESULTS, int(total * 0.3), slots)
            for p in (paragraph, "")
        ]
        parts += ["## Lessen", ""]
        parts += [
            p
            for paragraph in self.paragraphs(LESSONS, int(total * 0.2), slots)
            for p in (paragraph, "")
        ]
        if rng.random() < 0.5:
            parts += [
                "## Kosten en financiering",
                "",
                " ".join(s.format(**slots) for s in COSTS),
                "",
            ]
        parts += [
            "## Contact",
            "",
            f"Meer weten? Lees het [verslag van de aanpak]({link}) of "
            f"neem contact op met {slots['person']}, {slots['role']} bij {slots['org']}.",
            "",
        ]
        return "\n".join(parts)

    def case_body(self, slots: dict, actions: list[tuple[str, str]]) -> str:
        words = self.rng.randint(250, 450)
        parts = [
            p for paragraph in self.paragraphs(CASE_TEXT, words, slots) for p in (paragraph, "")
        ]
        # The case page itself links the actions named in `actions:`; the body only names them.
        names = " en ".join(f"'{title}'" for _, title in actions)
        parts += ["## Over de actie", "", f"Dit verhaal hoort bij {names}."]
        return "\n".join([*parts, ""])

    # ----------------------------------------------------------------- entries

    def action(self, image: str | None) -> tuple[str, dict, str]:
        rng = self.rng
        org = self.organisation()
        regions = self.terms("region", 1, 2)
        sectors = self.terms("sector", 1, 2)
        interventions = self.terms("intervention", 1, 3)
        groups = self.terms("target_group", 1, 3)
        region_label = regions[0].nl
        slots = self.slots(org, groups[0].nl, interventions[0].nl, region_label)

        def make_title():
            return rng.choice(TITLE_PATTERNS).format(
                intervention=interventions[0].nl,
                group=groups[0].nl.lower(),
                org=org,
                intervention_lower=interventions[0].nl.lower(),
                region=region_label,
            )

        title = self.unique_title(make_title)
        title = title[0].upper() + title[1:]
        started = self.month()
        link = f"https://www.{fold(org)}.nl/verslag-{rng.randint(100, 999)}"
        data: dict = {
            "title": title,
            "summary": (
                f"{org} zet {interventions[0].nl.lower()} in om {groups[0].nl.lower()} "
                f"in {region_label} te behouden. " + self.sentence()
            ),
            "organisations": [{"name": org, "url": f"https://www.{fold(org)}.nl/"}],
            "regions": [t.slug for t in regions],
            "sectors": [t.slug for t in sectors],
            "success_factors": [t.slug for t in self.terms("success_factor", 1, 2)],
            "interventions": [t.slug for t in interventions],
            "status": rng.choice(self.vocabularies["status"].slugs),
            "target_groups": [t.slug for t in groups],
            "started": started,
        }
        if rng.random() < 0.5:
            data["career_pillars"] = [t.slug for t in self.terms("career_pillar", 1, 2)]
        if data["status"] in ("completed", "stopped"):
            # Never before `started`: the validator refuses an end before the start.
            year = rng.randint(min(int(started[:4]) + 1, LATEST_YEAR), LATEST_YEAR)
            data["ended"] = (
                f"{year}-{rng.randint(1, 12):02d}" if year > int(started[:4]) else f"{year}-12"
            )
        if data["status"] == "stopped":
            data["stopped_because"] = rng.choice(STOPPED_BECAUSE)
        if rng.random() < 0.8 and data["status"] != "idea":
            data["outcomes"] = [self.outcome(link) for _ in range(rng.randint(1, 3))]
        data["evidence"] = self.evidence(data, link)
        if rng.random() < 0.6:
            amount = rng.randint(2, 300) * 1000
            data["costs"] = {
                "level": cost_level_for(amount),
                "amount_eur": amount,
                "per": "year",
                "note": "vooral uren van begeleiders en teamleiders",
            }
            data["funding"] = rng.sample(FUNDING, rng.randint(1, 2))
        if rng.random() < 0.7:
            person = slots["person"]
            data["contact"] = {
                "name": person,
                "role": slots["role"],
                "organisation": org,
                "email": f"{fold(person).replace('-', '.')}@{fold(org)}.nl",
            }
        if image:
            data["image"] = {
                "src": f"../images/{image}",
                "alt": f"Medewerkers van {org} tijdens een teamoverleg",
            }
        data["links"] = [{"title": "Verslag van de aanpak", "url": link}]
        data["updated"] = self.day()
        return title, data, self.action_body(slots, link)

    def outcome(self, source: str) -> dict:
        rng = self.rng
        outcome = {
            "measure": rng.choice(self.vocabularies["outcome_measure"].slugs),
            "result": rng.choice(("improved", "improved", "no-change", "pending", "worsened")),
        }
        if outcome["measure"] != "qualitative" and rng.random() < 0.7:
            outcome["value"] = rng.randint(2, 40)
            outcome["unit"] = rng.choice(("percent", "percentage-points", "persons"))
            outcome["period"] = f"{rng.randint(2019, 2023)}-{LATEST_YEAR}"
            outcome["source"] = source
        return outcome

    def evidence(self, data: dict, source: str) -> dict:
        """The highest step on the ladder the drawn outcomes carry, or a step below it."""
        if data["status"] == "idea":
            return {"level": "idea"}
        levels = ["described", "experiences"]
        if measurements("x", data, {}):
            levels.append("measured")
        if replicated_measures(measurements("x", data, {})):
            levels.append("replicated")
        if self.rng.random() < 0.1:
            return {"level": "evaluated", "source": source}
        return {"level": self.rng.choice(levels[-2:])}

    def case(
        self, actions: list[tuple[str, str, dict]], image: str | None
    ) -> tuple[str, dict, str]:
        rng = self.rng
        action_data = actions[0][2]
        org = action_data["organisations"][0]["name"]
        region = self.vocabularies["region"].label(action_data["regions"][0])
        slots = self.slots(org, "nieuwe collega's", "de aanpak", region)
        title = self.unique_title(
            lambda: rng.choice(
                (
                    "Zo houdt {org} {who} vast",
                    "Het verhaal van {person} bij {org}",
                    "Een jaar {what} bij {org}",
                    "{person}: waarom ik bleef bij {org}",
                )
            ).format(
                org=org,
                person=self.person(),
                who=rng.choice(
                    ("starters", "zij-instromers", "jonge collega's", "ervaren collega's")
                ),
                what=rng.choice(("buddy's", "stay-gesprekken", "leren en werken", "coaching")),
            )
        )
        data: dict = {
            "title": title,
            "date": self.day(),
            "summary": f"Hoe {org} in {region} nieuwe collega's behoudt. " + self.sentence(),
            "organisations": [{"name": org}],
            "regions": list(action_data["regions"]),
            "actions": [slug for slug, _, _ in actions],
            "sectors": list(action_data["sectors"]),
            "author": self.person(),
        }
        if rng.random() < 0.1:
            data["featured"] = True
        if image:
            data["image"] = {
                "src": f"../images/{image}",
                "alt": f"Een medewerker van {org} aan het werk",
            }
        return title, data, self.case_body(slots, [(slug, title) for slug, title, _ in actions])


def write_entry(path: Path, data: dict, body: str) -> None:
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")


def write_image(path: Path, rng: random.Random, number: int) -> None:
    """A 960x640 JPEG with coloured shapes: photo-like size without shipping photos."""
    from PIL import Image, ImageDraw

    width, height = 960, 640
    image = Image.new("RGB", (width, height), tuple(rng.randint(40, 200) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randint(0, width), rng.randint(0, height)
        size = rng.randint(20, 260)
        draw.ellipse((x, y, x + size, y + size), fill=tuple(rng.randint(0, 255) for _ in range(3)))
    # Noise keeps the JPEG at a realistic size (a flat drawing compresses to nothing).
    # (Pillow's effect_noise is not seeded, so the noise comes from the seeded generator.)
    noise = Image.frombytes("L", (width, height), rng.randbytes(width * height)).convert("RGB")
    Image.blend(image, noise, 0.25).save(path, "JPEG", quality=82, optimize=True)


def copy_project_files(destination: Path) -> None:
    """The real configuration, hooks, theme and editorial pages, without its entries."""
    destination.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__")
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, dirs_exist_ok=True, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, destination / name)
    content = destination / "content"
    content.mkdir(exist_ok=True)
    for source in (ROOT / "content").iterdir():
        if source.name in ENTRY_FOLDERS:
            continue
        if source.is_dir():
            shutil.copytree(source, content / source.name, dirs_exist_ok=True, ignore=ignore)
        else:
            shutil.copy2(source, content / source.name)
    if not (content / "index.md").exists():
        # mkdocs.yml names a home page; a checkout without the editorial pages still builds.
        (content / "index.md").write_text("# Actiebank\n", encoding="utf-8")
    node_modules = ROOT / "node_modules"
    if node_modules.is_dir() and not (destination / "node_modules").exists():
        (destination / "node_modules").symlink_to(node_modules, target_is_directory=True)


def generate(
    destination: Path,
    actions: int,
    *,
    seed: int = 7,
    cases: int | None = None,
    images: int | None = None,
    with_project: bool = True,
) -> Generated:
    """Write a project (or only content/ when with_project is False) with a synthetic catalogue.

    Defaults: one case story per ten actions, one image per twenty actions (at least 2),
    shared by about a third of the entries, as uploads would be in a real catalogue.
    """
    destination = Path(destination)
    if with_project:
        copy_project_files(destination)
    content = destination / "content"
    for folder in ENTRY_FOLDERS:
        shutil.rmtree(content / folder, ignore_errors=True)
        (content / folder).mkdir(parents=True)
    cases = actions // 10 if cases is None else cases
    images = max(2, actions // 20) if images is None else images
    writer = Writer(load_vocabularies(ROOT / "schema" / "vocabularies.yaml"), seed)
    rng = writer.rng
    result = Generated(project=destination)

    for number in range(images):
        name = f"foto-{number + 1:04d}.jpg"
        write_image(content / "images" / name, random.Random(f"{seed}-image-{number}"), number)
        result.images.append(name)

    reserved = reserved_action_slugs(f.path for f in writer.vocabularies.facets)
    written: list[tuple[str, str, dict]] = []
    for _ in range(actions):
        image = rng.choice(result.images) if result.images and rng.random() < 0.35 else None
        title, data, body = writer.action(image)
        slug = writer.unique_slug(title, reserved)
        if written and rng.random() < 0.3:
            data["related"] = sorted({s for s, _, _ in rng.sample(written, min(len(written), 2))})
        write_entry(content / "actions" / f"{slug}.md", data, body)
        written.append((slug, title, data))
        result.actions.append(slug)
        result.titles[slug] = title

    case_slugs: set[str] = set()
    for number in range(cases):
        # Each story is about the action(s) it follows, spread over the whole catalogue.
        start = number * max(1, actions // max(cases, 1))
        about = [written[(start + k) % len(written)] for k in range(rng.randint(1, 2))]
        image = rng.choice(result.images) if result.images and rng.random() < 0.4 else None
        title, data, body = writer.case(about, image)
        slug = fold(title)[:60].strip("-")
        base, suffix = slug, 2
        while slug in case_slugs:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        case_slugs.add(slug)
        write_entry(content / "cases" / f"{slug}.md", data, body)
        result.cases.append(slug)
        result.titles[f"cases/{slug}"] = title
    return result


FLOOR_CONFIG = {
    "site_name": "Actiebank (floor)",
    "site_url": "https://actiebank.github.io/actiebank/",
    "docs_dir": "docs",
    "theme": {"name": "material", "language": "nl", "font": False},
    "plugins": [{"search": {"lang": "nl"}}],
    "markdown_extensions": ["admonition", {"toc": {"permalink": False}}],
    "nav": [{"Home": "index.md"}],
    "not_in_nav": "/acties/\n/verhalen/\n",
}


def write_floor(project: Path, destination: Path) -> Path:
    """The floor: each entry's title and body as a plain page of a plain mkdocs-material site.

    Same Markdown, same theme, same search plugin, pages kept out of the navigation as
    the catalogue's are; no hooks, no macros, no front matter, no catalogue pages.
    """
    destination = Path(destination)
    shutil.rmtree(destination, ignore_errors=True)
    docs = destination / "docs"
    for folder in ("acties", "verhalen"):
        (docs / folder).mkdir(parents=True)
    (destination / "mkdocs.yml").write_text(
        yaml.safe_dump(FLOOR_CONFIG, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    (docs / "index.md").write_text(
        "# Actiebank\n\nDe ondergrens van de benchmark.\n", encoding="utf-8"
    )
    for kind, folder in (("actions", "acties"), ("cases", "verhalen")):
        for path in sorted((project / "content" / kind).glob("*.md")):
            text = path.read_text(encoding="utf-8")
            _, front, body = text.split("---\n", 2)
            title = yaml.safe_load(front)["title"]
            (docs / folder / path.name).write_text(f"# {title}\n{body}", encoding="utf-8")
    return destination


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("destination", type=Path)
    parser.add_argument("--actions", type=int, default=100)
    parser.add_argument("--cases", type=int, default=None, help="default: actions / 10")
    parser.add_argument("--images", type=int, default=None, help="default: actions / 20")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--floor",
        action="store_true",
        help="also write <destination>-floor, the plain mkdocs-material floor",
    )
    args = parser.parse_args(argv)
    shutil.rmtree(args.destination, ignore_errors=True)
    result = generate(
        args.destination, args.actions, seed=args.seed, cases=args.cases, images=args.images
    )
    print(
        f"{args.destination}: {len(result.actions)} actions, {len(result.cases)} case "
        f"stories, {len(result.images)} images"
    )
    if args.floor:
        floor = write_floor(
            args.destination, args.destination.with_name(args.destination.name + "-floor")
        )
        print(f"{floor}: the floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
