"""The Dutch words of the proposal form: its fieldsets, hints, how a message names a
field, the messages the browser shows and the texts of each kind (action, story).

All of it is data the form's description (spec.py) carries to the page and its script;
the sentences address the reader as "u".
"""

from __future__ import annotations

from ...content.sources import SOURCE, WEB_ADDRESS

# Fields the editors fill in; they are in the spec but not on the form.
EDITORIAL = {
    "updated": "De redactie vult dit in als zij de gegevens controleert.",
    "featured": "De redactie kiest welke verhalen op de voorpagina staan.",
    "review": "De redactie vult dit in als zij de gegevens met de bronnen vergelijkt.",
}

# The form's fieldsets, in order: a legend and the fields inside. A field of the schema
# that no fieldset names is shown in the last one (see `_layout`).
LAYOUT: dict[str, list[tuple[str, list[str]]]] = {
    "action": [
        ("De actie", ["title", "summary", "status", "stopped_because", "started", "ended"]),
        ("Wie en waar", ["organisations", "regions", "sectors"]),
        ("Soort actie", ["success_factors", "interventions", "target_groups", "career_pillars"]),
        ("Resultaten en bewijs", ["outcomes", "evidence"]),
        ("Kosten en financiering", ["costs", "funding"]),
        ("Contact en verder lezen", ["contact", "links", "related", "image"]),
    ],
    "case": [
        ("Het verhaal", ["title", "date", "summary", "author"]),
        ("Wie en waar", ["organisations", "regions", "sectors"]),
        ("Over welke acties", ["actions"]),
        ("Verder lezen", ["links", "image"]),
    ],
}
OTHER_LEGEND = "Overige gegevens"

# The body sections' hints, addressed to the reader as "u" (scaffold.py's are for the
# file template); the headings themselves come from scaffold.BODY.
SECTION_HINTS = {
    "Aanpak": "Hoe werkt de actie? Wie doet wat, hoe vaak, en wat is ervoor nodig?",
    "Resultaten": "Wat heeft de actie opgeleverd? Noem cijfers als u die heeft.",
    "Lessen": "Wat werkte goed, en wat niet? Wat zou u een andere organisatie aanraden?",
    "Kosten en financiering": "Wat kostte de actie, en wie betaalde?",
    "Contact": "Bij wie kunnen lezers terecht met vragen?",
    "Het verhaal": "Vertel wat er gebeurde, met de woorden van de mensen zelf.",
}

# How a message names a field: 'Vul {noun} in.' The article makes the sentence; a list's
# `one` names one of its values: 'Kies minstens één regio.'
NOUNS: dict[str, str] = {
    "title": "een titel",
    "summary": "een samenvatting",
    "date": "de datum",
    "author": "de naam van de auteur",
    "status": "de status",
    "started": "de start",
    "ended": "het einde",
    "stopped_because": "de reden",
    "organisations[].name": "de naam van de organisatie",
    "organisations[].url": "de website van de organisatie",
    "outcomes[].measure": "wat er gemeten is",
    "outcomes[].result": "de uitkomst",
    "outcomes[].value": "de waarde",
    "outcomes[].unit": "de eenheid",
    "outcomes[].baseline": "de nulmeting",
    "outcomes[].period": "de periode",
    "outcomes[].source": "de bron",
    "outcomes[].note": "de toelichting",
    "evidence.level": "het niveau van bewijs",
    "evidence.source": "de bron van het bewijs",
    "evidence.note": "de toelichting op het bewijs",
    "costs.level": "het kostenniveau",
    "costs.amount_eur": "het bedrag",
    "costs.per": "waar het bedrag voor is",
    "costs.note": "de toelichting op de kosten",
    "costs.source": "de bron van de kosten",
    "funding": "een subsidie of fonds",
    "contact.name": "de naam van de contactpersoon",
    "contact.role": "de functie",
    "contact.organisation": "de organisatie",
    "contact.email": "het e-mailadres",
    "contact.url": "de webpagina",
    "image.src": "de bestandsnaam",
    "image.alt": "de beschrijving van de afbeelding",
    "links[].title": "de titel van de link",
    "links[].url": "het webadres",
    "related": "een actie",
    "actions": "een actie",
    "updated": "de datum",
    "featured": "uitgelicht",
}
ONE: dict[str, str] = {
    "organisations": "organisatie",
    "outcomes": "resultaat",
    "links": "link",
    "funding": "subsidie of fonds",
    "related": "actie",
    "actions": "actie",
}
# What a row of a list of groups is called: 'Organisatie 2', 'Resultaat 1'.
ROW_NAMES = {"organisations": "Organisatie", "outcomes": "Resultaat", "links": "Link"}
ADD_LABELS = {
    "organisations": "Nog een organisatie toevoegen",
    "outcomes": "Een resultaat toevoegen",
    "links": "Een link toevoegen",
    "funding": "Nog een subsidie of fonds toevoegen",
    "related": "Nog een actie toevoegen",
    "actions": "Nog een actie toevoegen",
}

# The help texts of fields.nl.yaml are written for the file; where the form asks
# otherwise, or where the text says "je", the form says this instead.
FORM_HELP = {
    "outcomes[].unit": "De eenheid van de waarde.",
    # The bands stand beside each choice on the form.
    "costs.level": "Wat de actie één organisatie ongeveer per jaar kost.",
    "image": (
        "Heeft u een foto of illustratie? Stuur die mee als bijlage bij uw "
        "e-mail, of voeg haar op GitHub toe aan het voorstel."
    ),
    "image.src": "De naam van het bestand, bijvoorbeeld team-buddy.jpg.",
    "related": (
        "Andere acties in de Actiebank die hierop lijken of erbij horen. Begin te typen en "
        "kies een actie uit de lijst."
    ),
    "actions": (
        "De acties in de Actiebank waar dit verhaal over gaat. Begin te typen en kies een "
        "actie uit de lijst."
    ),
}

# The same, for one kind only: a story is about what happened, not what runs.
KIND_HELP = {
    "case": {
        "organisations": "De organisaties waar het verhaal over gaat.",
        "regions": (
            "De provincies of arbeidsmarktregio's waar het verhaal speelt; kies 'Landelijk' "
            "als het overal is."
        ),
    },
}

# Each pattern of the schemas as the sentence a message and a hint use.
PATTERN_SENTENCES = {
    "^(19|20)[0-9]{2}(-(0[1-9]|1[0-2]))?$": (
        "Schrijf {noun} als een jaar of een maand, bijvoorbeeld 2023 of 2023-09.",
        "Schrijf een jaar of een maand, bijvoorbeeld 2023 of 2023-09.",
    ),
    "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$": (
        "Schrijf {noun} als jaar-maand-dag, bijvoorbeeld 2024-03-01.",
        "Schrijf de datum als jaar-maand-dag, bijvoorbeeld 2024-03-01.",
    ),
    "^(19|20)[0-9]{2}(-(19|20)[0-9]{2})?$": (
        "Schrijf {noun} als een jaar of een reeks jaren, bijvoorbeeld 2022 of 2021-2023.",
        "Een jaar of een reeks jaren, bijvoorbeeld 2022 of 2021-2023.",
    ),
    WEB_ADDRESS: (
        "Vul een volledig webadres in dat begint met https:// of http://, zonder spaties.",
        "Een volledig webadres dat begint met https://.",
    ),
    SOURCE: (
        "Vul bij {noun} een webadres in dat begint met https://, of een korte "
        "bronvermelding van 10 tot 300 tekens, zoals ‘Jaarverslag Zorggroep Noord 2023’.",
        "Een webadres of een korte bronvermelding van 10 tot 300 tekens.",
    ),
    "^[a-z0-9]+(-[a-z0-9]+)*$": (
        "Kies een actie uit de lijst; de naam bestaat uit kleine letters, cijfers en koppeltekens.",
        "",
    ),
    "\\.([jJ][pP][eE]?[gG]|[pP][nN][gG]|[wW][eE][bB][pP])$": (
        "De naam van het bestand moet eindigen op .jpg, .jpeg, .png of .webp.",
        "Een JPEG-, PNG- of WebP-bestand van hoogstens 5 MB.",
    ),
    "^[A-Za-z0-9_+-]+(\\.[A-Za-z0-9_+-]+)*@([A-Za-z0-9]+(-+[A-Za-z0-9]+)*\\.)+[A-Za-z]{2,63}$": (
        "Vul een e-mailadres in zoals naam@voorbeeld.nl, zonder spaties.",
        "",
    ),
}

# The generic messages; {noun}, {Noun}, {one}, {min}, {max}, {count}, ... are filled in
# by the script.
MESSAGES = {
    "required-text": "Vul {noun} in.",
    "required-choice": "Kies {noun}.",
    "required-many-choice": "Kies minstens één {one}.",
    "required-many": "Vul minstens één {one} in.",
    "required-with-text": "Vul {noun} in: u heeft {other} ingevuld.",
    "required-with-choice": "Kies {noun}: u heeft {other} ingevuld.",
    "length-between": "Vul {noun} in van {min} tot {max} tekens; u heeft er nu {count}.",
    "length-min": "Vul {noun} in van minstens {min} tekens; u heeft er nu {count}.",
    "length-max": "Maak {noun} korter: hoogstens {max} tekens; u heeft er nu {count}.",
    "control": (
        "Verwijder {what} op plaats {position}; zulke tekens komen vaak mee bij het kopiëren "
        "uit een pdf of een tekstverwerker."
    ),
    "control-tab": "de tab",
    "control-break": "de regelovergang",
    "control-other": "het onzichtbare teken U+{code}",
    "number": (
        "Vul {noun} in als getal, zonder punt, spatie of eenheid; gebruik een komma voor "
        "decimalen, bijvoorbeeld 15000 of 12,5."
    ),
    "minimum": "Vul voor {noun} {minimum} of meer in.",
    "choice": "Kies {noun} uit de lijst.",
    "unique": "U noemt ‘{value}’ twee keer; laat er één staan.",
    "future-month": "{Noun} ligt in de toekomst; vul een maand in tot en met {max}.",
    "future-day": "De datum ligt in de toekomst; vul een datum in tot en met {max}.",
    "not-a-day": "De datum {value} bestaat niet; controleer de dag en de maand.",
    "years-reversed": (
        "{Noun} {value} eindigt vóór het begint; schrijf het eerste jaar eerst: {fixed}."
    ),
    "ended-before-started": (
        "Het einde ({ended}) ligt vóór de start ({started}); verwissel ze of verbeter het jaar."
    ),
    "unknown-action": (
        "Er is geen actie ‘{value}’ in de Actiebank; kies een actie uit de lijst die "
        "verschijnt als u begint te typen."
    ),
    "duplicate-title": (
        "Er staat al {article} {kind} met deze titel in de Actiebank: ‘{title}’. Gaat het "
        "om dezelfde? Stuur dan liever een aanvulling. Anders: kies een andere titel."
    ),
    "file-name": "Vul alleen de naam van het bestand in, zonder map ervoor.",
    "unsafe-link": (
        "De link ‘{value}’ is niet toegestaan; gebruik alleen adressen die beginnen met "
        "https://, http://, mailto: of tel:."
    ),
    "mailto-query": (
        "De link ‘{value}’ mag niet: een mailto:-link in de tekst is één e-mailadres, "
        "zonder ‘?’ en zonder tweede adres. Schrijf het als mailto:naam@voorbeeld.nl."
    ),
    "summary-one": "Er is 1 probleem in het formulier",
    "summary-many": "Er zijn {count} problemen in het formulier",
    "row": "{name} {number}",
}

KIND_TEXTS = {
    "action": {
        "label": "Een actie",
        "noun": "actie",
        "article": "een",
        "subject": "Voorstel voor de Actiebank: {title}",
    },
    "case": {
        "label": "Een verhaal",
        "noun": "verhaal",
        "article": "een",
        "subject": "Verhaal voor de Actiebank: {title}",
    },
}
