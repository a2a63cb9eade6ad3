"""The proposal form on /bijdragen/voorstellen/: a contributor without a GitHub account
fills in an action or a story in the browser and sends it as a file.

`form_spec(schema_dir)` describes both forms, generated from the field model (fields.py):
per field its Dutch label, a hint in whole sentences, whether it is required (and when),
the widget, the limits and the patterns (as ECMAScript regular expressions), the Dutch
messages, and the rules across fields in a form the browser checks
(`overrides/assets/javascripts/proposal.js`). The page embeds the spec; the script reads
it, checks every field by the validator's rules and writes the entry file.

`entry_text(kind, values)` writes that same entry file in Python, character for
character: the tests hold the two to each other, and the editors' importer
(importer.py) reads what either wrote.

The values of a form, as both write them, are a mapping from field name to:
text (str), number (str, as typed: '15000' or '12,5'), boolean (bool), one choice (a
slug), many choices or texts (a list), a group (a mapping of its fields) or a list of
groups (a list of mappings); `values["body"]` maps each body section's id to its text.
Empty texts, lists and groups are left out of the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..content.catalogue import KIND_FOLDERS, Catalogue
from ..content.crossfile import MAX_SLUG, normalised_title
from ..content.rules import cost_level_for
from ..content.schema import load_schema, vocabularies_path
from ..routes import reserved_action_slugs
from ..vocabulary import Vocabularies, Vocabulary, load_vocabularies
from .fields import Field, field_texts, pattern_words, schema_fields
from .scaffold import BODY

SPEC_VERSION = 1

# A number as a Dutch reader types it: no thousands separator, a comma for decimals. A
# dot is refused rather than guessed at: '15.000' means fifteen thousand to a Dutch
# reader and fifteen to YAML.
NUMBER_PATTERN = r"^-?(?:0|[1-9][0-9]{0,14})(?:,[0-9]{1,6})?$"
_NUMBER = re.compile(NUMBER_PATTERN[1:-1])

# Around a text, only these are trimmed (the same in Python and JavaScript, whose own
# notions of white space differ).
TRIM = " \t\n\r"

# Where an image named in the form is kept, relative to the entry file.
IMAGE_FOLDER = "../images/"

# How long a mailto: or GitHub address may get before the page offers the download.
MAILTO_LIMIT = 1800
GITHUB_LIMIT = 8000

# Fields the editors fill in; they are in the spec but not on the form.
EDITORIAL = {
    "updated": "De redactie vult dit in als zij de gegevens controleert.",
    "featured": "De redactie kiest welke verhalen op de voorpagina staan.",
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
    "^https?://[^\\s/$.?#][^\\s]*$": (
        "Vul een volledig webadres in dat begint met https:// of http://, zonder spaties.",
        "Een volledig webadres dat begint met https://.",
    ),
    "^[a-z0-9]+(-[a-z0-9]+)*$": (
        "Kies een actie uit de lijst; de naam bestaat uit kleine letters, cijfers en koppeltekens.",
        "",
    ),
    "\\.([jJ][pP][eE]?[gG]|[pP][nN][gG]|[wW][eE][bB][pP])$": (
        "De naam van het bestand moet eindigen op .jpg, .jpeg, .png of .webp.",
        "Een JPEG-, PNG- of WebP-bestand van hoogstens 5 MB.",
    ),
    "^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$": (
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

# Python's \s (which the validator's messages use) and ECMAScript's \s differ; the
# validator accepts a value when either accepts it, so a pattern's \s means the
# characters both call white space.
_COMMON_SPACE = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"


# --------------------------------------------------------------------------- the spec


def ecma_pattern(pattern: str) -> str:
    """A schema pattern as an ECMAScript regular expression that accepts what the
    validator accepts."""
    out, in_class, i = [], False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            pair = pattern[i : i + 2]
            if pair == "\\s":
                out.append(_COMMON_SPACE if in_class else f"[{_COMMON_SPACE}]")
            elif pair == "\\S" and not in_class:
                out.append(f"[^{_COMMON_SPACE}]")
            elif pair == "\\S":
                raise ValueError(f"cannot write \\S inside a class for the browser: {pattern}")
            else:
                out.append(pair)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


def _node(schema: dict[str, Any], path: str) -> dict[str, Any]:
    """The schema node of a field path such as 'outcomes[].note', references followed."""

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            node = {
                **schema["$defs"][node["$ref"].rsplit("/", 1)[-1]],
                **{k: v for k, v in node.items() if k != "$ref"},
            }
        return node

    node = schema
    for part in path.split("."):
        many = part.endswith("[]")
        node = resolve(node["properties"][part.removesuffix("[]")])
        if many:
            node = resolve(node["items"])
    return node


def _value_node(node: dict[str, Any]) -> dict[str, Any]:
    """The node of each value: the items of a list, else the node itself."""
    if node.get("type") == "array":
        items = node.get("items", {})
        return items if isinstance(items, dict) else {}
    return node


def _noun(item: Field) -> str:
    return NOUNS.get(item.path, f"‘{item.label}’")


def _one(item: Field) -> str:
    if item.name in ONE:
        return ONE[item.name]
    if item.vocabulary is not None:
        return item.vocabulary.nl.lower()
    return item.label.lower()


# A list of choices longer than this shows the values without their explanations.
DESCRIBED_UP_TO = 10


def _options(item: Field) -> list[dict[str, Any]]:
    """The values to choose from, a region under its province; a short list with each
    value's one-line explanation."""
    vocabulary = item.vocabulary
    if vocabulary is None:
        return []
    parents = {t.parent for t in vocabulary.terms if t.parent}
    described = len(vocabulary.terms) <= DESCRIBED_UP_TO and not parents

    def option(slug: str, label: str) -> dict[str, Any]:
        term = vocabulary.by_slug.get(slug)
        out: dict[str, Any] = {"value": slug, "label": label}
        if described and term is not None and term.description:
            out["description"] = term.description
        return out

    if not parents:
        return [option(slug, label) for slug, label in item.values]
    top = [t for t in vocabulary.terms if not t.parent]
    return [
        {
            **option(t.slug, t.nl),
            "children": [option(c.slug, c.nl) for c in vocabulary.children(t.slug)],
        }
        for t in top
    ]


def _widget(item: Field, node: dict[str, Any], top: bool) -> str:
    if item.type == "object":
        return "rows" if item.many else "group"
    if item.type == "choice":
        if item.many:
            return "checkboxes"
        # A ladder or a band (a group's few values, each explained) reads best as radio
        # buttons; inside a list's rows a select keeps each row short.
        described = (
            item.vocabulary is not None
            and len(item.vocabulary.terms) <= DESCRIBED_UP_TO
            and all(t.description for t in item.vocabulary.terms)
        )
        in_rows = "[]" in item.path
        return "radios" if (top and item.required) or (described and not in_rows) else "select"
    if item.type == "boolean":
        return "checkbox"
    if item.type == "number":
        return "number"
    if item.many:
        return "list"
    if node.get("x-paragraph"):
        return "textarea"
    return "text"


def _input_type(item: Field) -> str:
    if item.pattern and item.pattern.startswith("^https?://"):
        return "url"
    if item.format == "email" or (item.pattern and "@" in item.pattern):
        return "email"
    return "text"


AUTOCOMPLETE = {
    "contact.name": "name",
    "contact.role": "organization-title",
    "contact.organisation": "organization",
    "contact.email": "email",
}


def _hint(item: Field, kind: str) -> str:
    """The hint under a label: the field's help, then its format, in whole sentences."""
    text = KIND_HELP.get(kind, {}).get(item.path) or FORM_HELP.get(item.path, item.help)
    sentences = [text] if text else []
    if item.pattern in PATTERN_SENTENCES and item.type == "text":
        sentence = PATTERN_SENTENCES[item.pattern][1]
        if sentence and sentence not in text:
            sentences.append(sentence)
    if item.type == "text" and not item.pattern:
        low, high = item.min_length, item.max_length
        if low and high and low > 1:
            sentences.append(f"Gebruik {low} tot {high} tekens.")
        elif high and high < 2000:
            sentences.append(f"Hoogstens {high} tekens.")
    if item.type == "number":
        sentences.append("Gebruik een komma voor decimalen, bijvoorbeeld 12,5.")
    return " ".join(s if s.endswith((".", "?", "!")) else s + "." for s in sentences)


def _marker(item: Field, schema: dict[str, Any], vocabularies: Vocabularies) -> str:
    """What the label says about the field being required: '(verplicht)' and when."""
    if item.required and item.within and not item.within.endswith("[]"):
        return "verplicht als u hier iets invult"
    if item.required:
        return "verplicht"
    if item.required_with:
        prefix = item.path.rsplit(".", 1)[0] + "." if "." in item.path else ""
        others = " en ".join(NOUNS.get(prefix + n, n) for n in item.required_with)
        return f"verplicht als u {others} invult"
    if item.required_when:
        name, equals = item.required_when
        vocabulary = _vocabulary_of(schema, name, vocabularies)
        label = vocabulary.label(equals) if vocabulary else equals
        return (
            f"verplicht als de {name if vocabulary is None else vocabulary.nl.lower()} ‘{label}’ is"
        )
    return ""


def _field_spec(
    item: Field, schema: dict[str, Any], vocabularies: Vocabularies, top: bool, kind: str
) -> dict[str, Any]:
    node = _node(schema, item.path)
    value = _value_node(node)
    forbidden = value.get("not", {}).get("pattern") if isinstance(value.get("not"), dict) else None
    spec: dict[str, Any] = {
        "name": item.name,
        "path": item.path,
        "label": item.label,
        "hint": _hint(item, kind),
        "required": item.required,
        "marker": _marker(item, schema, vocabularies),
        "type": item.type,
        "many": item.many,
        "widget": _widget(item, node, top),
        "noun": _noun(item),
    }
    if item.name in EDITORIAL and top:
        spec["editorial"] = True
        spec["hint"] = EDITORIAL[item.name]
    if item.many:
        spec["one"] = _one(item)
        item_label = field_texts(kind).get(f"{item.path}[]", {}).get("label")
        spec["item_label"] = item_label or spec["one"][:1].upper() + spec["one"][1:]
        spec["min_items"] = item.min_items or 0
        spec["unique"] = item.unique
        if item.name in ADD_LABELS:
            spec["add_label"] = ADD_LABELS[item.name]
        if item.type == "object":
            spec["row_name"] = ROW_NAMES.get(item.name, item.label)
    if item.required_when:
        name, equals = item.required_when
        vocabulary = _vocabulary_of(schema, name, vocabularies)
        spec["required_when"] = {
            "field": name,
            "value": equals,
            "label": vocabulary.label(equals) if vocabulary else equals,
        }
    if item.required_with:
        spec["required_with"] = item.required_with
    if item.within is not None:
        spec["within"] = item.within
    if item.type == "choice":
        spec["options"] = _options(item)
        spec["grouped"] = any("children" in o for o in spec["options"])
        if spec["widget"] == "radios" and not (top and item.required):
            spec["none_label"] = "Niet opgegeven"
    if item.type == "text":
        spec["input"] = _input_type(item)
        if item.min_length is not None:
            spec["min_length"] = item.min_length
        if item.max_length is not None:
            spec["max_length"] = item.max_length
        if item.pattern:
            spec["pattern"] = ecma_pattern(item.pattern)
            spec["pattern_message"] = _pattern_message(item)
        if forbidden:
            spec["forbidden"] = ecma_pattern(forbidden)
        if item.path in AUTOCOMPLETE:
            spec["autocomplete"] = AUTOCOMPLETE[item.path]
        if item.path.endswith("image.src"):
            spec["prefix"] = IMAGE_FOLDER
        if item.pattern == "^[a-z0-9]+(-[a-z0-9]+)*$":
            spec["refers_to"] = "action"
        if item.pattern and item.pattern.startswith("^(19|20)[0-9]{2}(-(0[1-9]"):
            spec["date"] = "month"
        elif item.pattern and item.pattern.startswith("^[0-9]{4}-"):
            spec["date"] = "day"
    if item.type == "number":
        spec["input"] = "text"
        if item.minimum is not None:
            spec["minimum"] = item.minimum
    if item.children:
        spec["children"] = [
            _field_spec(c, schema, vocabularies, False, kind) for c in item.children
        ]
        if item.type == "object" and not item.many and not item.required:
            spec["hint"] = " ".join(
                s
                for s in (
                    spec["hint"],
                    "Vult u hier iets in, dan zijn de velden met (verplicht) nodig.",
                )
                if s
            )
    return spec


def _pattern_message(item: Field) -> str:
    if item.pattern in PATTERN_SENTENCES:
        return PATTERN_SENTENCES[item.pattern][0]
    words = pattern_words().get(item.pattern or "", "het juiste patroon")
    return f"Schrijf {{noun}} als {words}."


def _vocabulary_of(
    schema: dict[str, Any], name: str, vocabularies: Vocabularies
) -> Vocabulary | None:
    node = _value_node(_node(schema, name))
    title = node.get("title", "")
    return vocabularies.get(title) if isinstance(title, str) else None


def _rules(kind: str, schema: dict[str, Any], vocabularies: Vocabularies) -> list[dict[str, Any]]:
    """The rules across fields, for the browser; each schema rule (`x-rule`) has one.

    The messages are the validator's (rules.py) in Dutch, at the same field.
    """
    rules: list[dict[str, Any]] = []
    names = {r.get("x-rule") for r in schema.get("allOf", []) if "x-rule" in r}
    if "costs" in schema.get("properties", {}):
        names |= {r.get("x-rule") for r in _node(schema, "costs").get("allOf", []) if "x-rule" in r}
    if not names:
        return rules
    levels = vocabularies["evidence_level"]
    status = vocabularies["status"]
    costs = vocabularies["cost_level"]
    known = {
        "stopped-because",
        "idea-only-with-idea",
        "idea-status-idea-level",
        "measured-needs-an-outcome",
        "replicated-needs-two-outcomes",
        "evaluated-needs-a-source",
        "cost-level-agrees-with-amount",
    }
    unknown = names - known
    if unknown:
        raise ValueError(f"the form has no browser check for the rule(s) {sorted(unknown)}")
    if "stopped-because" in names:
        rules.append(
            {
                "rule": "required-when",
                "field": "stopped_because",
                "when": "status",
                "equals": "stopped",
                "message": (
                    f"De status is ‘{status.label('stopped')}’: vul in waarom de actie stopte, "
                    "in één of twee zinnen (10 tot 300 tekens)."
                ),
            }
        )
    usable = schema["$defs"].get("usable_outcome", {})
    excluded = usable.get("properties", {}).get("result", {}).get("not", {}).get("const")
    rules.append(
        {
            "rule": "evidence",
            "level": "evidence.level",
            "status": "status",
            "outcomes": "outcomes",
            "source": "evidence.source",
            "usable": {"required": usable.get("required", []), "not_result": excluded},
            "idea": "idea",
            "measured": "measured",
            "replicated": "replicated",
            "evaluated": "evaluated",
            "labels": {t.slug: t.nl for t in levels.terms},
            "status_labels": {t.slug: t.nl for t in status.terms},
            "messages": {
                "idea-not-idea": (
                    f"‘{levels.label('idea')}’ past alleen bij de status "
                    f"‘{status.label('idea')}’, en deze actie heeft de status ‘{{status}}’. "
                    f"Kies ‘{levels.label('described')}’ of hoger, of zet de status op "
                    f"‘{status.label('idea')}’."
                ),
                "status-idea": (
                    f"De status is ‘{status.label('idea')}’, dus de actie is nog niet "
                    f"uitgevoerd: kies ‘{levels.label('idea')}’ in plaats van ‘{{level}}’."
                ),
                "measured": (
                    f"‘{levels.label('measured')}’ vraagt een resultaat met een waarde, een "
                    "bron en een uitkomst die niet ‘Nog niet bekend’ is. Vul zo’n resultaat "
                    f"in, of kies ‘{levels.label('experiences')}’."
                ),
                "replicated": (
                    f"‘{levels.label('replicated')}’ vraagt twee resultaten met dezelfde "
                    "maat, elk met een waarde, een bron en een uitkomst die niet ‘Nog niet "
                    "bekend’ is. Vul de tweede meting in, of kies ‘{lower}’."
                ),
                "evaluated": (
                    f"‘{levels.label('evaluated')}’ vraagt de bron van de evaluatie: vul de "
                    "bron van het bewijs in (een webadres of een korte bronvermelding), of "
                    "kies een lager niveau."
                ),
            },
        }
    )
    # The cost bands, read from the rule's branches (exclusiveMaximum of the lowest,
    # maximum of the middle one), checked against rules.cost_level_for.
    branches = _node(schema, "costs")["allOf"][0]["then"]["anyOf"]
    low_below = branches[0]["properties"]["amount_eur"]["exclusiveMaximum"]
    medium_up_to = branches[1]["properties"]["amount_eur"]["maximum"]
    if (
        cost_level_for(low_below - 0.01) != "low"
        or cost_level_for(low_below) != "medium"
        or cost_level_for(medium_up_to) != "medium"
        or cost_level_for(medium_up_to + 0.01) != "high"
    ):
        raise ValueError("the schema's cost bands differ from rules.cost_level_for")
    rules.append(
        {
            "rule": "cost-level",
            "level": "costs.level",
            "amount": "costs.amount_eur",
            "per": "costs.per",
            "per_value": "year",
            "low_below": low_below,
            "medium_up_to": medium_up_to,
            "levels": ["low", "medium", "high"],
            "labels": {t.slug: t.nl for t in costs.terms},
            "message": (
                "‘{stated}’ past niet bij {amount} per jaar: dat is ‘{expected}’. Laag is "
                f"minder dan € {_dutch(low_below)}, midden € {_dutch(low_below)} tot "
                f"€ {_dutch(medium_up_to)} en hoog meer dan € {_dutch(medium_up_to)} per jaar."
            ),
        }
    )
    return rules


def _dutch(amount: float) -> str:
    return f"{amount:,.0f}".replace(",", ".")


def _layout(kind: str, fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    shown = [f["name"] for f in fields if not f.get("editorial")]
    sections = [
        {"legend": legend, "fields": [n for n in names if n in shown]}
        for legend, names in LAYOUT[kind]
    ]
    placed = {n for s in sections for n in s["fields"]}
    rest = [n for n in shown if n not in placed]
    if rest:
        sections.append({"legend": OTHER_LEGEND, "fields": rest})
    return [s for s in sections if s["fields"]]


def _kind_spec(kind: str, schema_dir: Path, vocabularies: Vocabularies) -> dict[str, Any]:
    schema = load_schema(kind, schema_dir)
    by_name = {f.name: f for f in schema_fields(kind, schema_dir, vocabularies)}
    if "body" in by_name:
        raise ValueError("a field named 'body' would clash with the form's body sections")
    # The file lists the fields in the schema's order (schema_fields puts required first).
    fields = [
        _field_spec(by_name[name], schema, vocabularies, True, kind)
        for name in schema["properties"]
    ]
    texts = KIND_TEXTS[kind]
    return {
        **texts,
        "folder": f"content/{KIND_FOLDERS[kind]}",
        "fields": fields,
        "layout": _layout(kind, fields),
        "body": [
            {"id": _section_id(heading), "heading": heading, "hint": SECTION_HINTS.get(heading, "")}
            for heading, _ in BODY[kind]
        ],
        "rules": _rules(kind, schema, vocabularies) if kind == "action" else [],
    }


def _section_id(heading: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-")


def form_spec(schema_dir: Path, *, catalogue: Catalogue | None = None) -> dict[str, Any]:
    """Both forms, as JSON-serialisable data for the page and its script.

    With the catalogue, the spec also knows the actions a story or `related` may name,
    the titles already used and the file names already taken.
    """
    schema_dir = Path(schema_dir)
    vocabularies = load_vocabularies(vocabularies_path(schema_dir))
    spec: dict[str, Any] = {
        "version": SPEC_VERSION,
        "kinds": {kind: _kind_spec(kind, schema_dir, vocabularies) for kind in KIND_TEXTS},
        "messages": MESSAGES,
        "number_pattern": NUMBER_PATTERN,
        "max_slug": MAX_SLUG,
        "reserved": sorted(reserved_action_slugs(f.path for f in vocabularies.facets)),
        "limits": {"mailto": MAILTO_LIMIT, "github": GITHUB_LIMIT},
        "actions": [],
        "taken": {"action": [], "case": []},
        "titles": {"action": {}, "case": {}},
    }
    if catalogue is not None:
        spec["actions"] = [
            {"slug": slug, "title": entry.title}
            for slug, entry in sorted(catalogue.actions.items())
        ]
        for kind, entries in (("action", catalogue.actions), ("case", catalogue.cases)):
            spec["taken"][kind] = sorted(entries)
            spec["titles"][kind] = {
                normalised_title(e.title): e.title for _, e in sorted(entries.items())
            }
    return spec


# --------------------------------------------------------------------------- the file


def clean(kind_spec: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """The values as the file holds them: texts trimmed, empty ones left out."""
    out: dict[str, Any] = {}
    for field in kind_spec["fields"]:
        if field["name"] in values:
            value = _clean_value(field, values[field["name"]])
            if value is not None:
                out[field["name"]] = value
    body = values.get("body") or {}
    sections = {}
    for section in kind_spec["body"]:
        text = _clean_text(body.get(section["id"]))
        if text:
            sections[section["id"]] = text
    if sections:
        out["body"] = sections
    return out


def _clean_text(value: object) -> str:
    if value is None or isinstance(value, bool):
        return ""
    text = value if isinstance(value, str) else _number_text(value)
    return text.replace("\r\n", "\n").replace("\r", "\n").strip(TRIM)


def _number_text(value: object) -> str:
    """A number a Python caller passes (12.5) as the form writes it ('12,5')."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value).replace(".", ",").removesuffix(",0")
    return str(value)


def _clean_one(field: Mapping[str, Any], value: object) -> Any:
    kind = field["type"]
    if kind == "object":
        if not isinstance(value, Mapping):
            return None
        group = {}
        for child in field["children"]:
            if child["name"] in value:
                cleaned = _clean_value(child, value[child["name"]])
                if cleaned is not None:
                    group[child["name"]] = cleaned
        return group or None
    if kind == "boolean":
        return True if value is True else None
    text = _clean_text(value)
    return text or None


def _clean_value(field: Mapping[str, Any], value: object) -> Any:
    if not field["many"]:
        return _clean_one(field, value)
    items = value if isinstance(value, list) else [] if value is None else [value]
    kept = [c for c in (_clean_one(field, item) for item in items) if c is not None]
    return kept or None


_ESCAPES = re.compile(
    '[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff"\\\\]'
)
_PLAIN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
# Words YAML 1.1 reads as true, false or nothing.
_YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "null"}


def quote(text: str) -> str:
    """A YAML double-quoted scalar: every invisible character written as an escape, so a
    line of the file is always one field, even after an e-mail program wraps it."""

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        if char in '"\\':
            return "\\" + char
        if char == "\n":
            return "\\n"
        if char == "\t":
            return "\\t"
        return f"\\u{ord(char):04x}"

    return '"' + _ESCAPES.sub(escape, text) + '"'


def _scalar(field: Mapping[str, Any], value: Any) -> str:
    kind = field["type"]
    if kind == "boolean":
        return "true"
    if kind == "number" and _NUMBER.fullmatch(value):
        return str(value).replace(",", ".")
    if kind == "choice" and _PLAIN.fullmatch(value) and value not in _YAML_WORDS:
        return str(value)
    if field.get("prefix"):
        value = field["prefix"] + value
    return quote(value)


def _yaml(field: Mapping[str, Any], value: Any, indent: str) -> list[str]:
    name = field["name"]
    if field["type"] == "object":
        children = field["children"]
        if field["many"]:
            lines = [f"{indent}{name}:"]
            for row in value:
                row_lines = _group_lines(children, row, indent + "    ")
                row_lines[0] = indent + "  - " + row_lines[0][len(indent) + 4 :]
                lines += row_lines
            return lines
        return [f"{indent}{name}:", *_group_lines(children, value, indent + "  ")]
    if field["many"]:
        if field["type"] == "choice":
            return [f"{indent}{name}: [{', '.join(_scalar(field, v) for v in value)}]"]
        return [f"{indent}{name}:", *(f"{indent}  - {_scalar(field, v)}" for v in value)]
    return [f"{indent}{name}: {_scalar(field, value)}"]


def _group_lines(children: Iterable[Mapping[str, Any]], value: Any, indent: str) -> list[str]:
    lines = []
    for child in children:
        if child["name"] in value:
            lines += _yaml(child, value[child["name"]], indent)
    return lines


_ENTITY_START = re.compile(r"&(?=[#A-Za-z])")
_HEADING_START = re.compile(r"( {0,3})#")


def body_markdown(text: str) -> str:
    """A body section as plain text in Markdown: no HTML, no entity and no heading of
    its own, so what a contributor typed is what the page shows."""
    text = _ENTITY_START.sub("&amp;", text).replace("<", "&lt;")
    return "\n".join(
        _HEADING_START.sub(lambda m: m.group(1) + "\\#", line, count=1)
        if _HEADING_START.match(line)
        else line
        for line in text.split("\n")
    )


def entry_text(
    kind: str, values: Mapping[str, Any], *, spec: Mapping[str, Any] | None = None
) -> str:
    """The entry file for a form's values, exactly as the page's script writes it.

    `spec` is the form_spec the page was built with; by default the one of the project
    the `actiebank` command finds (see project.find_project).
    """
    if spec is None:
        from ..project import find_project

        spec = form_spec(find_project().schema_dir)
    kind_spec = spec["kinds"][kind]
    cleaned = clean(kind_spec, values)
    lines = ["---"]
    for field in kind_spec["fields"]:
        if field["name"] in cleaned:
            lines += _yaml(field, cleaned[field["name"]], "")
    lines.append("---")
    body = cleaned.get("body", {})
    for section in kind_spec["body"]:
        if section["id"] in body:
            lines += ["", f"## {section['heading']}", "", body_markdown(body[section["id"]])]
    return "\n".join(lines) + "\n"
