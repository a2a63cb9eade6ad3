"""The one vocabularies file: every facet value, its Dutch and English label and parent,
and the facet registry (which vocabulary is which catalogue filter, under which path)."""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

REGISTRY_KEY = "facets"


@dataclass(frozen=True)
class Term:
    slug: str
    nl: str
    en: str
    parent: str | None = None
    description: str = ""  # a one-line explanation for visitors, where the value needs one
    better: str = ""  # for an outcome measure: 'lower' or 'higher' is the improvement
    path: str = ""  # its Dutch name in addresses; the slug where that is Dutch already
    synonyms: tuple[str, ...] = ()  # Dutch words people type for it, for search
    # "Mijn plan" names it as a gap when no action in the plan has this value.
    plan_check: bool = False

    @property
    def address(self) -> str:
        """The value as it stands in an address: /acties/sector/<address>/."""
        return self.path or self.slug


@dataclass
class Vocabulary:
    name: str
    nl: str
    en: str
    terms: list[Term] = field(default_factory=list)
    noun: str = ""  # one value in a message: "'brabant' is geen regio"

    @cached_property
    def by_slug(self) -> dict[str, Term]:
        return {t.slug: t for t in self.terms}

    @property
    def slugs(self) -> list[str]:
        return [t.slug for t in self.terms]

    def label(self, slug: str) -> str:
        term = self.by_slug.get(slug)
        return term.nl if term else slug

    def children(self, slug: str) -> list[Term]:
        return [t for t in self.terms if t.parent == slug]

    def nearest(self, value: object) -> str | None:
        """The valid slug a contributor most likely meant, or None."""
        return nearest(
            value,
            self.slugs,
            labels={t.nl.lower(): t.slug for t in self.terms}
            | {t.en.lower(): t.slug for t in self.terms},
            prefer=[t.slug for t in self.terms if t.parent is None],
        )


@dataclass(frozen=True)
class FacetSpec:
    """One catalogue filter as the registry names it."""

    path: str  # the Dutch path name under /acties/
    vocabulary: str
    field: str  # the front-matter field, e.g. 'regions' or 'outcomes[].measure'
    nl: str = ""  # the filter's name where it is not the vocabulary's
    # The noun in "Acties per ..." where the filter's name does not read well there
    # ("Acties per kostenniveau", not "Acties per kosten").
    per: str = ""
    # The value an action carries when it names none ("Niet opgegeven"), if the filter
    # offers one.
    missing: Term | None = None
    # The filter's values are what the site concludes from the field (content/facts.py:
    # an `ActionFacts` field such as 'effects'), not the field's values as written.
    derived: str = ""


def nearest(
    value: object,
    choices: list[str],
    labels: dict[str, str] | None = None,
    prefer: list[str] | None = None,
) -> str | None:
    """Suggest the choice closest to value: a label match, then a word match, then spelling."""
    if not isinstance(value, str) or not value.strip() or not choices:
        return None
    text = value.strip().lower()
    folded = fold(text)
    if labels and text in labels:
        return labels[text]
    if folded in choices:
        return folded
    contains = [
        c for c in choices if (folded and folded in c.split("-")) or c.endswith("-" + folded)
    ]
    if contains:
        preferred = [c for c in contains if prefer and c in prefer]
        return sorted(preferred or contains, key=len)[0]
    close = difflib.get_close_matches(folded, choices, n=1, cutoff=0.6)
    if close:
        return close[0]
    if labels:
        close = difflib.get_close_matches(text, list(labels), n=1, cutoff=0.75)
        if close:
            return labels[close[0]]
    return None


def fold(text: str) -> str:
    """'Zuid Holland' -> 'zuid-holland', 'Fryslân' -> 'fryslan'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = "".join(ch if ch.isalnum() else "-" for ch in plain.lower())
    return "-".join(part for part in out.split("-") if part)


# Cyrillic and Greek letters that look like Latin ones. `fold` drops every letter it cannot
# write in ASCII, so 'Buddy' with a Cyrillic 'у' folds to 'budd' and slips past a check
# for a title used twice; `fold_confusables` first writes each look-alike as the Latin
# letter it imitates. Only letters that look alike in common fonts are here; the rest of
# those alphabets stays as it is.
LOOK_ALIKES = (
    # Cyrillic: the Latin letter, then the letter that imitates it
    *("AА", "BВ", "CС", "EЕ", "EЁ", "HН", "IІ", "IЇ", "JЈ", "KК", "MМ", "OО", "PР", "SЅ"),
    *("TТ", "XХ", "YУ", "YҮ", "aа", "bь", "cс", "dԁ", "eе", "eё", "hһ", "iі", "iї", "jј"),
    *("lӏ", "oо", "pр", "qԛ", "sѕ", "wԝ", "xх", "yу", "yү"),
    # Greek
    *("AΑ", "BΒ", "EΕ", "HΗ", "IΙ", "KΚ", "MΜ", "NΝ", "OΟ", "PΡ", "TΤ", "XΧ", "YΥ", "ZΖ"),
    *("aα", "iι", "kκ", "oο", "pρ", "uυ", "vν", "xχ"),
)
_CONFUSABLES = str.maketrans({pair[1]: pair[0] for pair in LOOK_ALIKES})


def fold_confusables(text: str) -> str:
    """The text with Cyrillic and Greek look-alikes of Latin letters written in Latin:
    'Вuddy' (a Cyrillic 'В') -> 'Buddy'. For comparing texts people read, such as
    titles; slugs and search use `fold` alone."""
    return text.translate(_CONFUSABLES)


class Vocabularies(dict[str, Vocabulary]):
    """name -> Vocabulary, in the file's order, with the facet registry."""

    def __init__(self, *args: Any, facets: list[FacetSpec] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.facets: list[FacetSpec] = list(facets or [])

    def facet(self, path: str) -> FacetSpec:
        return next(f for f in self.facets if f.path == path)

    def facet_of(self, vocabulary: str) -> FacetSpec | None:
        """The filter a vocabulary is, if any."""
        return next((f for f in self.facets if f.vocabulary == vocabulary), None)

    def missing_label(self, vocabulary: str) -> str:
        """What the filter of a vocabulary calls an entry that names none of its values
        ("Niet opgegeven", "Niet bekend"): the page and the spreadsheet say it alike."""
        spec = self.facet_of(vocabulary)
        if spec is None or spec.missing is None:
            raise KeyError(f"no filter offers a value for entries without {vocabulary}")
        return spec.missing.nl


def _term(value: dict[str, Any]) -> Term:
    return Term(
        slug=value["slug"],
        nl=value["nl"],
        en=value["en"],
        parent=value.get("parent"),
        description=value.get("description", ""),
        better=value.get("better", ""),
        path=value.get("path", ""),
        synonyms=tuple(value.get("synonyms", ())),
        plan_check=bool(value.get("plan_check", False)),
    )


# The project's own file (a maintainer's review, see CODEOWNERS), read with libyaml where
# PyYAML has it: 0.03 s instead of 0.3 s, and a validation or a build reads it 3 times.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_vocabularies(path: Path) -> Vocabularies:
    raw = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER)
    facets = [
        FacetSpec(
            path=f["path"],
            vocabulary=f["vocabulary"],
            field=f["field"],
            nl=f.get("nl", ""),
            per=f.get("per", ""),
            missing=_term(f["missing"]) if "missing" in f else None,
            derived=f.get("derived", ""),
        )
        for f in raw.pop(REGISTRY_KEY, [])
    ]
    vocabularies = Vocabularies(facets=facets)
    for name, spec in raw.items():
        terms = [_term(v) for v in spec["values"]]
        vocabularies[name] = Vocabulary(
            name=name, nl=spec["nl"], en=spec["en"], terms=terms, noun=spec.get("noun", "")
        )
    return vocabularies
