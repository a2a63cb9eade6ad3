"""Schema errors as messages a contributor can act on.

jsonschema says what failed in its own terms ("'brabant' is not one of [...]"); each
keyword here has a function that says it for a contributor, in plain Dutch ("u"), at the
field's position, with the nearest valid value where there is one. A keyword without a
function of its own still gets a Dutch sentence, never the library's English. Rules across
fields (subschemas marked `x-rule`) are worded by `rules.py` instead, at the field to change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..problems import FieldPath, Problem
from ..vocabulary import Vocabularies, Vocabulary, fold, nearest
from .frontmatter import Source
from .schema import validators_for
from .sources import SOURCE_RULE

if TYPE_CHECKING:  # jsonschema is loaded only to explain a refused entry (schema.py)
    from jsonschema.exceptions import ValidationError

TYPE_NAMES = {
    "string": "tekst",
    "array": "een lijst",
    "object": "velden (naam: waarde)",
    "number": "een getal",
    "integer": "een heel getal",
    "boolean": "true of false",
}
YEAR_FIELDS = ("started", "ended", "period")


@dataclass
class Explaining:
    """One schema error and what is needed to word it."""

    error: ValidationError
    source: Source
    schema: dict[str, Any]
    vocabularies: Vocabularies

    @property
    def parts(self) -> FieldPath:
        return tuple(self.error.absolute_path)

    @property
    def value(self) -> object:
        return self.error.instance

    @property
    def sub(self) -> dict[str, Any]:
        return self.error.schema if isinstance(self.error.schema, dict) else {}

    def at(
        self, message: str, parts: FieldPath | None = None, *, key: bool = False
    ) -> list[Problem]:
        return [self.source.problem(self.parts if parts is None else parts, message, key=key)]


def check_schema(
    source: Source, kind: str, vocabularies: Vocabularies, schema_dir: Path
) -> list[Problem]:
    """Every schema error of an entry, worded, one message per field and kind of mistake."""
    validators = validators_for(kind, schema_dir)
    if validators.is_valid(source.data):
        return []
    validator = validators.explaining
    schema: dict[str, Any] = dict(validator.schema)  # type: ignore[arg-type]
    problems: list[Problem] = []
    errors = sorted(
        validator.iter_errors(source.data), key=lambda e: list(map(str, e.absolute_path))
    )
    for error in errors:
        if under_rule(error, schema):
            continue  # a rule across fields: rules.py words it
        explain = EXPLAINERS.get(error.validator, _as_jsonschema_says)
        problems.extend(explain(Explaining(error, source, schema, vocabularies)))
    seen: set[tuple[str, str]] = set()
    unique = []
    for problem in problems:
        if (problem.field, problem.message) not in seen:
            seen.add((problem.field, problem.message))
            unique.append(problem)
    return unique


def under_rule(error: ValidationError, schema: dict[str, Any]) -> bool:
    """Whether the error comes from a rule across fields (a subschema marked `x-rule`)."""
    node: object = schema
    for step in error.schema_path:
        try:
            node = node[step]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return False
        if isinstance(node, dict) and "x-rule" in node:
            return True
    return False


# --------------------------------------------------------------------------- per keyword


def _required(e: Explaining) -> list[Problem]:
    missing = re.match(r"'([^']+)'", e.error.message)
    name = missing.group(1) if missing else e.error.message
    hint = _what_goes_in(e.sub.get("properties", {}).get(name, {}), e.vocabularies)
    return e.at(
        f"Het verplichte veld '{name}' ontbreekt. Voeg het toe{f' ({hint})' if hint else ''}.",
        (*e.parts, name),
        key=bool(e.parts),
    )


def _what_goes_in(node: dict[str, Any], vocabularies: Vocabularies) -> str:
    """What a missing field holds, in a few words: its length or its values."""
    vocabulary = vocabularies.get(node.get("title", "")) or vocabularies.get(
        node.get("items", {}).get("title", "")
    )
    if vocabulary is not None:
        return f"kies uit: {_choices(vocabulary)}"
    low, high = node.get("minLength"), node.get("maxLength")
    return _length_rule(low, high) if low or high else ""


def _additional_properties(e: Explaining) -> list[Problem]:
    allowed = list(e.sub.get("properties", {}))
    problems = []
    given = e.value if isinstance(e.value, dict) else {}
    for key in [k for k in given if k not in allowed]:
        guess = nearest(key, allowed) or nearest(fold(key).replace("-", "_"), allowed)
        tip = (
            f"Bedoelt u '{guess}'?" if guess else f"Hier passen deze velden: {', '.join(allowed)}."
        )
        problems += e.at(f"'{key}' is geen veld. {tip}", (*e.parts, key), key=True)
    return problems


def _enum(e: Explaining) -> list[Problem]:
    vocabulary = e.vocabularies.get(e.sub.get("title", ""))
    if vocabulary is None:
        return e.at(
            f"{_cap(_got(e.value))} kan hier niet. Kies uit: {_list(e.sub.get('enum', []))}."
        )
    noun = vocabulary.noun or f"waarde uit de lijst '{vocabulary.name}'"
    if e.value in (None, ""):
        return e.at(f"Dit veld is leeg. Kies een {noun} uit: {_choices(vocabulary)}.")
    guess = vocabulary.nearest(e.value)
    tip = (
        f"Bedoelt u {_choice(vocabulary, guess)}?"
        if guess
        else f"Kies uit: {_choices(vocabulary)}."
    )
    return e.at(f"{_cap(_got(e.value))} is geen {noun}. {tip}")


def _not(e: Explaining) -> list[Problem]:
    if isinstance(e.value, str) and "pattern" in e.sub.get("not", {}):
        return e.at(control_character(e.value))
    return _as_jsonschema_says(e)


def _type(e: Explaining) -> list[Problem]:
    expected = e.sub.get("type")
    value = e.value
    if isinstance(expected, list):  # a year: text or a whole number
        want = " of ".join(TYPE_NAMES.get(str(t), str(t)) for t in expected)
        how = _pattern_words(e.parts, e.sub)[1]
        return e.at(f"Hier hoort {want}, maar er staat {_got(value)}. {how}")
    want = TYPE_NAMES.get(str(expected), str(expected))
    tip = ""
    if expected == "array" and isinstance(value, str):
        tip = (
            f" Schrijf het als lijst: [{value}], of zet elke waarde op een eigen regel "
            f"met '- ' ervoor: '- {value}'."
        )
    elif expected == "string" and isinstance(value, bool):
        tip = (
            " In dit bestand betekenen yes, no, on en off: true of false. Zet de tekst "
            "tussen aanhalingstekens."
        )
    elif expected == "string" and isinstance(value, (int, float)):
        tip = f" Zet de waarde tussen aanhalingstekens: '{value}'."
    elif expected == "number" and isinstance(value, str):
        tip = (
            " Schrijf het getal zonder aanhalingstekens en zonder eenheid, met een punt "
            "voor de decimalen, bijvoorbeeld 12.5."
        )
    return e.at(f"Hier hoort {want}, maar er staat {_got(value)}.{tip}")


def _min_items(e: Explaining) -> list[Problem]:
    name = e.sub.get("items", {}).get("title", "")
    count = e.sub.get("minItems", 1)
    tail = f" Kies uit: {_choices(e.vocabularies[name])}." if name in e.vocabularies else ""
    return e.at(
        f"De lijst is leeg. Geef minstens {count} {'waarde' if count == 1 else 'waarden'}.{tail}"
    )


def _unique_items(e: Explaining) -> list[Problem]:
    value = e.value
    dupes = (
        sorted({repr(v) for v in value if value.count(v) > 1}) if isinstance(value, list) else []
    )
    what = " en ".join(dupes) or "Een waarde"
    return e.at(f"{what} staat er meer dan één keer in. Noem elke waarde één keer.")


def _length_rule(low: int | None, high: int | None) -> str:
    if low and high:
        return f"{low} tot {high} tekens"
    return f"minstens {low} tekens" if low else f"hoogstens {high} tekens"


def _length(e: Explaining) -> list[Problem]:
    if e.parts and e.parts[-1] == "source":
        return _pattern(e)  # too short or too long, a source is told what a source is
    count = len(e.value)  # type: ignore[arg-type]
    rule = _length_rule(e.sub.get("minLength"), e.sub.get("maxLength"))
    return e.at(f"De tekst is {count} {'teken' if count == 1 else 'tekens'} lang. Schrijf {rule}.")


def _pattern(e: Explaining) -> list[Problem]:
    what, how = _pattern_words(e.parts, e.sub)
    return e.at(f"{_cap(_got(e.value))} is {what}. {how}")


def _bound(e: Explaining) -> list[Problem]:
    if any(p in YEAR_FIELDS for p in e.parts):
        return e.at(
            f"{e.value} is geen jaar van 1900 tot en met 2099. Schrijf het jaar met vier "
            "cijfers, bijvoorbeeld 2023."
        )
    if e.error.validator == "minimum":
        low = e.sub.get("minimum")
        return e.at(f"{e.value} is kleiner dan {low}. Schrijf een getal van minstens {low}.")
    high = e.sub.get("maximum")
    return e.at(f"{e.value} is groter dan {high}. Schrijf een getal van hoogstens {high}.")


def _dependent_required(e: Explaining) -> list[Problem]:
    needed = re.findall(r"'([^']+)' is a dependency of '([^']+)'", e.error.message)
    if not needed:
        return _as_jsonschema_says(e)
    missing, because = needed[0]
    vocabulary = e.vocabularies.get(e.sub.get("properties", {}).get(missing, {}).get("title", ""))
    tail = f" (kies uit: {_choices(vocabulary)})" if vocabulary else ""
    return e.at(
        f"Bij '{because}' hoort ook het veld '{missing}'. Voeg '{missing}' toe{tail}.",
        (*e.parts, because),
        key=True,
    )


def _min_properties(e: Explaining) -> list[Problem]:
    name = next((p for p in reversed(e.parts) if isinstance(p, str)), "")
    return e.at(
        f"Er staat niets in '{name}'. Vul minstens één veld in, of haal '{name}' weg."
        if name
        else "Hier staat niets. Vul minstens één veld in."
    )


def _as_jsonschema_says(e: Explaining) -> list[Problem]:
    # A keyword without wording of its own: say it plainly, never in the library's English.
    return e.at(
        f"{_cap(_got(e.value))} past niet bij de regels van dit veld. Op de pagina Velden "
        "(bij Bijdragen) staat wat hier mag."
    )


EXPLAINERS: dict[str, Callable[[Explaining], list[Problem]]] = {
    "required": _required,
    "additionalProperties": _additional_properties,
    "enum": _enum,
    "not": _not,
    "type": _type,
    "minItems": _min_items,
    "uniqueItems": _unique_items,
    "minLength": _length,
    "maxLength": _length,
    "pattern": _pattern,
    "minimum": _bound,
    "maximum": _bound,
    "dependentRequired": _dependent_required,
    "minProperties": _min_properties,
}


# --------------------------------------------------------------------------- wording


def _got(value: object) -> str:
    if value is None:
        return "een lege waarde"
    if value == "":
        return "een lege tekst"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "velden"
    return repr(value) if isinstance(value, str) else str(value)


def _cap(text: str) -> str:
    """The text as the start of a sentence; a value stays as written (true, 'x', 12)."""
    return text if text in ("true", "false") else text[:1].upper() + text[1:]


def _list(values: Iterable[str], limit: int = 12) -> str:
    values = list(values)
    shown = ", ".join(values[:limit])
    return shown + (
        f" en nog {len(values) - limit} andere; alle staan op de pagina Velden, bij Bijdragen"
        if len(values) > limit
        else ""
    )


def _choice(vocabulary: Vocabulary, slug: str) -> str:
    """A value as written in a file, with its Dutch label where that says more."""
    label = vocabulary.label(slug)
    return f"'{slug}'" if fold(label) == slug else f"'{slug}' ({label})"


def _choices(vocabulary: Vocabulary, limit: int = 12) -> str:
    shown = [
        slug if fold(vocabulary.label(slug)) == slug else f"{slug} ({vocabulary.label(slug)})"
        for slug in vocabulary.slugs
    ]
    return _list(shown, limit)


def control_character(value: str) -> str:
    """Which invisible character a text holds, where, and what to do."""
    found = next(
        (
            i
            for i, c in enumerate(value)
            if ord(c) < 32
            or 127 <= ord(c) < 160
            or c in "\u2028\u2029\ufffe\uffff"
            or 0x202A <= ord(c) <= 0x202E
            or 0x2066 <= ord(c) <= 0x2069
        ),
        0,
    )
    char = value[found]
    if char in "\n\r\u2028\u2029":
        return (
            "Er staat een regelovergang in de tekst. Zet de tekst op één regel (alleen een "
            "samenvatting of een toelichting mag meer regels hebben)."
        )
    return (
        f"Op plaats {found + 1} staat het onzichtbare teken U+{ord(char):04X}. Verwijder het; "
        "zo'n teken komt vaak mee bij het kopiëren uit een pdf of een tekstverwerker."
    )


# What a value of a field with a pattern is not, and how to write it.
PATTERN_WORDS = {
    "started": ("geen maand of jaar", "Schrijf JJJJ of JJJJ-MM, bijvoorbeeld '2023-09'."),
    "ended": ("geen maand of jaar", "Schrijf JJJJ of JJJJ-MM, bijvoorbeeld '2023-09'."),
    "updated": ("geen datum", "Schrijf JJJJ-MM-DD, bijvoorbeeld '2024-03-01'."),
    "date": ("geen datum", "Schrijf JJJJ-MM-DD, bijvoorbeeld '2024-03-01'."),
    "period": (
        "geen periode",
        "Schrijf een jaar of een reeks jaren, bijvoorbeeld '2022' of '2021-2023'.",
    ),
    "url": (
        "geen webadres",
        "Schrijf het volledige adres, dat begint met https:// en een naam als "
        "www.voorbeeld.nl heeft, zonder spaties, aanhalingstekens of '@' ervoor. Een letter "
        "met een accent, zoals ë, staat in een webadres als code (%C3%AB): kopieer het adres "
        "uit de adresbalk van uw browser.",
    ),
    "source": ("geen bron", SOURCE_RULE),
    "email": ("geen geldig e-mailadres", "Schrijf het als naam@voorbeeld.nl."),
    "src": (
        "geen naam van een JPEG-, PNG- of WebP-bestand",
        "De naam eindigt op .jpg, .jpeg, .png of .webp.",
    ),
    "related": (
        "geen naam van een actie",
        "Gebruik de bestandsnaam van de actie zonder .md (kleine letters, cijfers en "
        "koppeltekens).",
    ),
}
PATTERN_WORDS["actions"] = PATTERN_WORDS["related"]


def _pattern_words(parts: FieldPath, sub: dict[str, Any]) -> tuple[str, str]:
    name = next((p for p in reversed(parts) if isinstance(p, str)), "")
    if name in PATTERN_WORDS:
        return PATTERN_WORDS[name]
    if sub.get("maxLength") == 80:  # a slug
        return PATTERN_WORDS["related"]
    return ("niet goed geschreven", "Op de pagina Velden (bij Bijdragen) staat hoe het moet.")
