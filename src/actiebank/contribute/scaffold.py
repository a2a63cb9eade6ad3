"""`actiebank new`: a new action or case story as a file to fill in.

The file lists every field of the schema. Required fields carry an empty placeholder that
`actiebank validate` rejects with a message saying what to write, so an unfilled template
can never be published by accident; optional fields are commented out, each with a
one-line explanation and its allowed values, all read from the schemas and the
vocabularies file (see reference.py).
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

from ..content.catalogue import KIND_FOLDERS
from ..content.crossfile import MAX_SLUG
from ..content.schema import vocabularies_path
from ..routes import reserved_action_slugs, reserved_slugs
from ..vocabulary import Vocabularies, fold, load_vocabularies
from .fields import Field, required_words, rule, schema_fields

WIDTH = 92

BODY = {
    "action": [
        ("Aanpak", "Hoe werkt de actie? Wie doet wat, hoe vaak, en wat is ervoor nodig?"),
        ("Resultaten", "Wat heeft de actie opgeleverd? Noem cijfers als u ze heeft."),
        ("Lessen", "Wat werkte goed, en wat niet? Wat zou u een ander aanraden?"),
        ("Kosten en financiering", "Wat kostte het, en wie betaalde?"),
        ("Contact", "Bij wie kunnen lezers terecht met vragen?"),
    ],
    "case": [
        ("Het verhaal", "Vertel wat er gebeurde, met de woorden van de mensen zelf."),
    ],
}


# --------------------------------------------------------------------------- slugs


def make_slug(
    title: str,
    taken: set[str] | frozenset[str] = frozenset(),
    *,
    kind: str = "action",
    reserved: frozenset[str] = frozenset(),
) -> str:
    """A file name for a title: folded to ASCII, at most 80 characters, unique.

    'Oriëntatiebaan – zij-instromers' -> 'orientatiebaan-zij-instromers'; when that is
    taken, 'orientatiebaan-zij-instromers-2', and so on. An action never gets a name the
    catalogue's pages use (`reserved`: regio, sector, index, ...; 'index-actie'), a story
    never the name of the list of stories (routes.STORY_PAGES: 'index-verhaal').
    """
    # An apostrophe joins its word ("collega's" -> "collegas"), as Decap's slugs do.
    base = _shorten(fold(re.sub(r"['’‘`]", "", title)), MAX_SLUG) or (
        "actie" if kind == "action" else "verhaal"
    )
    if kind == "action" and base in reserved:
        base = f"{base}-actie"
    elif kind != "action" and base in reserved_slugs(kind, ()):
        base = f"{base}-verhaal"
    slug, number = base, 2
    while slug in taken:
        suffix = f"-{number}"
        slug = _shorten(base, MAX_SLUG - len(suffix)) + suffix
        number += 1
    return slug


def _shorten(slug: str, limit: int) -> str:
    """Cut at a word boundary where one is near, so a long title loses whole words."""
    if len(slug) <= limit:
        return slug
    cut = slug[:limit]
    if slug[limit] != "-" and "-" in cut and cut.rindex("-") > limit // 2:
        cut = cut[: cut.rindex("-")]
    return cut.strip("-")


# --------------------------------------------------------------------------- the template


def _comment(text: str, indent: str, first: str = "# ", rest: str = "#   ") -> list[str]:
    width = max(40, WIDTH - len(indent))
    return [
        indent + line
        for line in textwrap.wrap(
            text, width=width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
        )
    ]


def _explain(item: Field, with_name: bool = False) -> str:
    need = required_words(item)
    if need == "ja":
        need = "verplicht"
    elif need == "nee":
        need = "optioneel"
    else:
        need = "verplicht " + (need[4:] if need.startswith("ja, ") else need)
    name = f"{item.name}: " if with_name else ""
    text = f"{name}{item.label} ({need}): {rule(item)[:1].lower()}{rule(item)[1:]}."
    return f"{text} {item.help}" if item.help else text


def _choices(item: Field) -> str:
    return "Kies uit: " + ", ".join(f"{slug} = {nl}" for slug, nl in item.values)


def _placeholder(item: Field) -> str:
    """A value that fails validation until it is replaced (or left empty when optional)."""
    if item.many:
        return "[]"
    if item.type in ("number", "boolean"):
        return ""
    return '""'


def _explanation(item: Field, indent: str, with_name: bool = False) -> list[str]:
    lines = _comment(
        _explain(item, with_name),
        indent,
        first="# " if not with_name else "#   ",
        rest="#   " if not with_name else "#       ",
    )
    if item.vocabulary is not None:
        lines += _comment(
            _choices(item),
            indent,
            first="#   " if not with_name else "#       ",
            rest="#     " if not with_name else "#         ",
        )
    return lines


def _skeleton(item: Field, indent: str, title: str | None, dash: bool = False) -> list[str]:
    """The YAML of a field, without comments."""
    key = indent[:-2] + "- " if dash else indent
    if item.type != "object":
        value = json.dumps(title, ensure_ascii=False) if title is not None else _placeholder(item)
        return [f"{key}{item.name}: {value}".rstrip()]
    lines = [f"{key}{item.name}:"]
    step = "    " if item.many else "  "
    for number, child in enumerate(item.children):
        lines += _skeleton(child, indent + step, None, dash=item.many and number == 0)
    return lines


def _field_lines(item: Field, indent: str, title: str | None, dash: bool = False) -> list[str]:
    """The explanation and the YAML of one field.

    An optional field is commented out as a whole: its explanation (and its parts') stands
    above, so removing the '# ' from its YAML lines is all it takes to use it. A required
    group explains each part right above that part.
    """
    if not item.required:
        lines = _explanation(item, indent)
        for child in item.children:
            lines += _explanation(child, indent, with_name=True)
        return lines + [
            indent + "# " + line[len(indent) :] for line in _skeleton(item, indent, title)
        ]
    if item.type != "object":
        return _explanation(item, indent[:-2] if dash else indent) + _skeleton(
            item, indent, title, dash
        )
    lines = [*_explanation(item, indent), f"{indent[:-2] + '- ' if dash else indent}{item.name}:"]
    step = "    " if item.many else "  "
    for number, child in enumerate(item.children):
        lines += _field_lines(child, indent + step, None, dash=item.many and number == 0)
    return lines


def entry_template_text(
    kind: str,
    title: str,
    *,
    schema_dir: Path,
    vocabularies: Vocabularies | None = None,
    path_hint: str = "",
) -> str:
    """The text of a new entry: front matter with every field, then the body sections."""
    vocabularies = vocabularies or load_vocabularies(vocabularies_path(schema_dir))
    fields = schema_fields(kind, schema_dir, vocabularies)
    what = "actie" if kind == "action" else "verhaal"
    lines = ["---"]
    lines += _comment(
        f"Nieuw{'e' if kind == 'action' else ''} {what} voor de Actiebank. Vul elk "
        'verplicht veld in: zolang er een leeg veld ("" of []) staat, keurt de '
        "controle het bestand af. Optionele velden staan uit met een # ervoor: haal "
        "het # weg als u ze gebruikt. Uitleg van elk veld: de pagina Bijdragen > "
        "Velden op de site.",
        "",
    )
    check = f"actiebank validate {path_hint}".rstrip()
    lines += _comment(f"Controleer het bestand met: {check}", "")
    lines.append("")
    for item in fields:
        lines += _field_lines(item, "", title if item.name == "title" else None)
        lines.append("")
    lines[-1] = "---"
    lines.append("")
    for heading, hint in BODY[kind]:
        lines += [
            f"## {heading}",
            "",
            f"<!-- {hint} Verwijder dit kopje als u het niet gebruikt. -->",
            "",
        ]
    return "\n".join(lines)


def new_entry(kind: str, title: str, content_dir: Path, *, schema_dir: Path) -> Path:
    """Write a new entry file for the title and return its path."""
    if not fold(title):
        raise ValueError(
            "Geef een titel met letters of cijfers, bijvoorbeeld: "
            'actiebank new action "Buddy voor nieuwe collega\'s"'
        )
    folder = Path(content_dir) / KIND_FOLDERS[kind]
    folder.mkdir(parents=True, exist_ok=True)
    taken = {p.stem for p in folder.glob("*.md")}
    vocabularies = load_vocabularies(vocabularies_path(schema_dir))
    reserved = reserved_action_slugs(f.path for f in vocabularies.facets)
    slug = make_slug(title, taken, kind=kind, reserved=reserved)
    path = folder / f"{slug}.md"
    text = entry_template_text(
        kind, title, schema_dir=schema_dir, vocabularies=vocabularies, path_hint=path.as_posix()
    )
    with path.open("x", encoding="utf-8", newline="\n") as handle:  # never overwrite
        handle.write(text)
    return path
