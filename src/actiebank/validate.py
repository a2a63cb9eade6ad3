"""Validation: schema errors turned into messages a contributor can act on, plus the rules
a schema cannot express (dates against today, images on disk, safe bodies, and the
cross-file rules: duplicates and references between entries)."""

from __future__ import annotations

import html
import re
import warnings
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .frontmatter import Source
from .problems import Problem, field_path
from .sanitise import SAFE_ATTRIBUTES, SAFE_SCHEMES, SAFE_TAGS, reserved_id
from .schema import load_schema
from .vocabulary import Vocabularies, fold, nearest

RESERVED_ACTION_SLUGS = ("succesfactor", "regio", "resultaat", "sector", "doelgroep",
                         "interventie", "status", "feed", "index")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
# WebP cannot encode a side over 16,383 pixels; a web image needs far less.
MAX_IMAGE_SIDE = 10_000
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}

_validators: dict[str, tuple] = {}


def _validators_for(kind: str) -> tuple:
    """(explaining validator, fast yes/no check) for a kind of entry.

    jsonschema explains every error with its path and schema; jsonschema-rs answers "is
    this valid?" about thirty times faster. Most entries are valid, so the fast check runs
    first and jsonschema only explains the entries it refuses. `format` is dropped from
    the validation copy (patterns carry those rules) so both validators apply exactly the
    same keywords.
    """
    if kind not in _validators:
        schema = _inline_references(load_schema(kind))
        explain = Draft202012Validator(schema)
        try:
            import jsonschema_rs

            fast = jsonschema_rs.validator_for(schema).is_valid
        except ImportError:  # the explaining validator alone gives the same answers
            fast = explain.is_valid
        _validators[kind] = (explain, fast)
    return _validators[kind]


def _inline_references(schema: dict) -> dict:
    """The schema with every local `$ref` replaced by its definition.

    Our schemas are not recursive, and resolving references costs jsonschema a third of
    the validation time; the inlined copy accepts exactly the same documents.
    """
    definitions = schema.get("$defs", {})

    def inline(node):
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/") and len(node) == 1:
                return inline(definitions[ref.removeprefix("#/$defs/")])
            return {k: inline(v) for k, v in node.items() if k not in ("$defs", "format")}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    return inline(schema)


# --------------------------------------------------------------------------- schema


def check_schema(source: Source, kind: str, vocabularies: Vocabularies) -> list[Problem]:
    validator, is_valid = _validators_for(kind)
    if is_valid(source.data):
        return []
    schema = validator.schema
    problems = []
    for error in sorted(validator.iter_errors(source.data), key=lambda e: list(map(str, e.absolute_path))):
        if _under_rule(error, schema):
            continue  # a rule across fields: check_rules words it (see RULES)
        problems.extend(_explain(error, source, schema, vocabularies))
    # One message per field and kind of mistake is enough.
    seen, unique = set(), []
    for p in problems:
        if (p.field, p.message) not in seen:
            seen.add((p.field, p.message))
            unique.append(p)
    return unique


def _under_rule(error: ValidationError, schema: dict) -> bool:
    """Whether the error comes from a rule across fields (a subschema marked `x-rule`)."""
    node = schema
    for step in error.schema_path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return False
        if isinstance(node, dict) and "x-rule" in node:
            return True
    return False


_TYPE_NAMES = {"string": "text", "array": "a list", "object": "fields (name: value)",
               "number": "a number", "integer": "a whole number", "boolean": "true or false"}


def _got(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "fields"
    return repr(value) if isinstance(value, str) else str(value)


def _explain(error: ValidationError, source: Source, schema: dict,
             vocabularies: Vocabularies) -> list[Problem]:
    parts = tuple(error.absolute_path)
    kind = error.validator
    value = error.instance
    sub = error.schema if isinstance(error.schema, dict) else {}

    if kind == "required":
        missing = re.match(r"'([^']+)'", error.message)
        name = missing.group(1) if missing else error.message
        hint = _field_hint(schema, parts + (name,))
        return [source.problem(parts + (name,), f"the required field '{name}' is missing; "
                               f"add it{hint}", key=bool(parts))]
    if kind == "additionalProperties":
        allowed = list(sub.get("properties", {}))
        out = []
        extras = [k for k in value if k not in allowed]
        for key in extras:
            guess = nearest(key, allowed) or nearest(fold(key).replace("-", "_"), allowed)
            tip = f" (did you mean '{guess}'?)" if guess else \
                f"; the fields here are: {', '.join(allowed)}"
            out.append(source.problem(parts + (key,), f"'{key}' is not a field{tip}", key=True))
        return out
    if kind == "enum":
        vocabulary = vocabularies.get(sub.get("title", ""))
        if vocabulary is not None:
            what = {"region": "a region", "sector": "a sector", "success_factor": "a success factor",
                    "intervention": "an intervention", "status": "a status",
                    "target_group": "a target group", "career_pillar": "a career pillar",
                    "outcome_measure": "an outcome measure", "outcome_result": "an outcome result",
                    "outcome_unit": "a unit", "evidence_level": "a level of evidence",
                    "cost_level": "a cost level", "cost_per": "a choice for 'per'"}.get(vocabulary.name, f"a {vocabulary.name}")
            guess = vocabulary.nearest(value)
            tip = f" (did you mean '{guess}'?)" if guess else \
                f"; allowed: {_list(vocabulary.slugs)}"
            return [source.problem(parts, f"{_got(value)} is not {what}{tip}")]
        return [source.problem(parts, f"{_got(value)} is not allowed; use one of "
                               f"{_list(sub.get('enum', []))}")]
    if kind == "not" and isinstance(value, str) and "pattern" in sub.get("not", {}):
        return [source.problem(parts, _control_character(value))]
    if kind == "type":
        expected = sub.get("type")
        if isinstance(expected, list):  # a year: text or a whole number
            want = " or ".join(_TYPE_NAMES.get(t, t) for t in expected)
            return [source.problem(parts, f"expected {want}, got {_got(value)}"
                                   f"; {_pattern_hint(parts, sub).removeprefix('is not a month or year; ')}")]
        want = _TYPE_NAMES.get(expected, str(expected))
        tip = ""
        if expected == "array" and isinstance(value, str):
            tip = f"; write it as a list: [{value}] or one '- {value}' line per value"
        elif expected == "string" and isinstance(value, (int, float)) and not isinstance(value, bool):
            tip = f"; put it in quotes: '{value}'"
        elif expected == "string" and isinstance(value, bool):
            tip = "; YAML reads yes, no, on and off as true or false: put the text in quotes"
        elif expected == "number" and isinstance(value, str):
            tip = "; write the number without quotes or units, e.g. 12.5"
        return [source.problem(parts, f"expected {want}, got {_got(value)}{tip}")]
    if kind == "minItems":
        return [source.problem(parts, "the list is empty; give at least "
                               f"{sub.get('minItems', 1)} value" + _allowed_tail(sub, schema, vocabularies))]
    if kind == "uniqueItems":
        dupes = sorted({repr(v) for v in value if value.count(v) > 1}) if isinstance(value, list) else []
        return [source.problem(parts, f"{', '.join(dupes) or 'a value'} appears more than once; "
                               "list each value once")]
    if kind in ("minLength", "maxLength"):
        low, high = sub.get("minLength"), sub.get("maxLength")
        rule = (f"{low} to {high} characters" if low and high else
                f"at least {low} characters" if low else f"at most {high} characters")
        count = len(value)
        return [source.problem(parts, f"is {count} character{'s' if count != 1 else ''} long; "
                               f"write {rule}")]
    if kind == "pattern":
        return [source.problem(parts, f"{_got(value)} {_pattern_hint(parts, sub)}")]
    if kind in ("minimum", "maximum") and any(p in ("started", "ended", "period") for p in parts):
        return [source.problem(parts, f"{value} is not a year from 1900 to 2099; write the year "
                               "in four digits, e.g. 2023")]
    if kind == "minimum":
        return [source.problem(parts, f"{value} is below {sub.get('minimum')}; "
                               "write a number of at least that")]
    if kind == "maximum":
        return [source.problem(parts, f"{value} is above {sub.get('maximum')}; "
                               "write a number of at most that")]
    if kind == "dependentRequired":
        needed = re.findall(r"'([^']+)' is a dependency of '([^']+)'", error.message)
        if needed:
            missing, because = needed[0]
            vocabulary = {"unit": "outcome_unit", "per": "cost_per"}.get(missing, "")
            allowed = vocabularies.get(vocabulary)
            tail = f" (one of {_list(allowed.slugs)})" if allowed else ""
            return [source.problem(parts + (because,), f"'{because}' needs '{missing}' beside it{tail}",
                                   key=True)]
    return [source.problem(parts, error.message)]


def _control_character(value: str) -> str:
    """Which invisible character a text holds, where, and what to do."""
    found = next((i for i, c in enumerate(value)
                  if ord(c) < 32 or 127 <= ord(c) < 160 or c in "\u2028\u2029\ufffe\uffff"
                  or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069), 0)
    char = value[found]
    if char in "\n\r\u2028\u2029":
        return ("holds a line break; write it on one line (a line break is allowed only in a "
                "summary or a note)")
    return (f"holds the invisible control character U+{ord(char):04X} at character {found + 1}; "
            "delete it (it often comes from copying out of a PDF or a word processor)")


def _list(values, limit: int = 12) -> str:
    values = list(values)
    shown = ", ".join(values[:limit])
    return shown + (f" and {len(values) - limit} more (see schema/vocabularies.yaml)"
                    if len(values) > limit else "")


def _allowed_tail(sub: dict, schema: dict, vocabularies: Vocabularies) -> str:
    ref = sub.get("items", {}).get("$ref", "")
    name = ref.rsplit("/", 1)[-1]
    if name in vocabularies:
        return f", one of {_list(vocabularies[name].slugs)}"
    return ""


def _field_hint(schema: dict, parts: tuple) -> str:
    name = parts[-1]
    prop = schema.get("properties", {}).get(name, {}) if len(parts) == 1 else {}
    text = prop.get("description")
    return f" ({text})" if text else ""


def _pattern_hint(parts: tuple, sub: dict) -> str:
    name = next((p for p in reversed(parts) if isinstance(p, str)), "")
    if name in ("started", "ended"):
        return "is not a month or year; write YYYY or YYYY-MM, e.g. '2023-09'"
    if name == "period" and sub.get("type") != "string":
        return "is not a period; write a year or a span of years, e.g. '2022' or '2021-2023'"
    if name in ("updated", "date"):
        return "is not a date; write YYYY-MM-DD, e.g. '2024-03-01'"
    if name == "period":
        return "is not a period; write a year or a span of years, e.g. '2022' or '2021-2023'"
    if name == "url":
        return "is not a web address; write it in full, starting with https://"
    if name == "email":
        return "is not a valid e-mail address (name@example.nl)"
    if name == "src":
        return "is not a JPEG, PNG or WebP file name (.jpg, .jpeg, .png or .webp)"
    if name in ("related", "actions") or sub.get("maxLength") == 80:
        return ("is not a slug; use the file name of the action without .md "
                "(lower-case letters, digits and hyphens)")
    return f"does not match the pattern {sub.get('pattern')}"


# --------------------------------------------------------------------------- rules across fields
#
# Each rule is also in the schema (a subschema marked `x-rule`), so an editor that reads
# the published schema judges a file as this validator does; these functions only word
# the message, at the field a contributor has to change.

def cost_level_for(amount: float) -> str:
    """The cost level of an amount a year: under 10,000 low, up to 100,000 medium."""
    if amount < 10_000:
        return "low"
    return "medium" if amount <= 100_000 else "high"


def usable_outcomes(data: dict) -> list[dict]:
    """Outcomes that count as a measurement: a value, a source and a verdict."""
    outcomes = data.get("outcomes")
    return [o for o in outcomes if isinstance(o, dict) and "value" in o and "source" in o
            and o.get("result") not in (None, "pending")] if isinstance(outcomes, list) else []


def replicated_measures(data: dict) -> list[str]:
    """The measures with at least two usable outcomes."""
    counts: dict[str, int] = {}
    for outcome in usable_outcomes(data):
        measure = outcome.get("measure")
        if isinstance(measure, str):
            counts[measure] = counts.get(measure, 0) + 1
    return sorted(m for m, n in counts.items() if n >= 2)


def _euro(amount: float) -> str:
    return f"EUR {amount:,.0f}".replace(",", ".")


def check_rules(source: Source, kind: str) -> list[Problem]:
    """The content model's rules across fields: why a stopped action stopped, and the
    evidence level and cost level that the rest of the entry must bear out."""
    if kind != "action" or not isinstance(source.data, dict):
        return []
    data = source.data
    problems = []
    status = data.get("status")
    if status == "stopped" and "stopped_because" not in data:
        # Reported at the status, the line that makes the field required.
        line, column = source.position(("status",))
        problems.append(Problem(source.display, line, column, "stopped_because",
                                "the status is 'stopped', so 'stopped_because' is required: "
                                "add one or two sentences (10 to 300 characters) on why it "
                                "stopped"))
    evidence = data.get("evidence")
    level = evidence.get("level") if isinstance(evidence, dict) else None
    where = ("evidence", "level")
    if level == "idea" and status != "idea":
        problems.append(source.problem(where, f"'idea' is only for actions with status 'idea', "
                                       f"and this one is {status!r}: choose 'described' or a "
                                       "higher level, or set status: idea"))
    elif status == "idea" and isinstance(level, str) and level != "idea":
        problems.append(source.problem(where, f"the status is 'idea', so the action has not been "
                                       f"carried out: choose 'idea' instead of {level!r}"))
    elif level == "measured" and not usable_outcomes(data):
        problems.append(source.problem(where, "'measured' needs an outcome with a value, a "
                                       "source and a result other than 'pending', and no "
                                       "outcome has all three; add one or choose 'experiences'"))
    elif level == "replicated" and not replicated_measures(data):
        lower = "measured" if usable_outcomes(data) else "experiences"
        problems.append(source.problem(where, "'replicated' needs two outcomes of the same "
                                       "measure, each with a value, a source and a result "
                                       "other than 'pending'; add the second measurement or "
                                       f"choose '{lower}'"))
    elif level == "evaluated" and isinstance(evidence, dict) and "source" not in evidence:
        problems.append(source.problem(where, "'evaluated' needs 'evidence.source' naming the "
                                       "evaluation (a web address or a short citation); add it "
                                       "or choose a lower level"))
    costs = data.get("costs")
    if isinstance(costs, dict) and costs.get("per") == "year" \
            and isinstance(costs.get("amount_eur"), (int, float)) \
            and not isinstance(costs.get("amount_eur"), bool) \
            and isinstance(costs.get("level"), str):
        amount, stated = costs["amount_eur"], costs["level"]
        expected = cost_level_for(amount)
        if stated != expected and stated in ("low", "medium", "high"):
            problems.append(source.problem(("costs", "level"), f"{stated!r} does not fit "
                                           f"{_euro(amount)} a year: that is {expected!r} (low: "
                                           "under EUR 10.000, medium: EUR 10.000 to 100.000, "
                                           f"high: above); choose '{expected}'"))
    return problems


# --------------------------------------------------------------------------- entry rules


def check_dates(source: Source, kind: str, today: date) -> list[Problem]:
    data = source.data
    problems = []
    this_month = f"{today.year:04d}-{today.month:02d}"
    for name in ("started", "ended"):
        value = data.get(name)
        if isinstance(value, str) and re.fullmatch(r"\d{4}(-\d{2})?", value):
            if value > this_month[: len(value)]:
                problems.append(source.problem((name,), f"'{value}' is in the future; "
                                               f"give a month up to {this_month}"))
    started, ended = data.get("started"), data.get("ended")
    if isinstance(started, str) and isinstance(ended, str):
        length = min(len(started), len(ended))
        if ended[:length] < started[:length]:
            problems.append(source.problem(("ended",), f"'{ended}' is before started "
                                           f"'{started}'; swap them or correct the year"))
    for name in ("updated", "date"):
        value = data.get(name)
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                day = date.fromisoformat(value)
            except ValueError:
                problems.append(source.problem((name,), f"'{value}' is not a real date; "
                                               "check the day and month"))
                continue
            if day > today:
                problems.append(source.problem((name,), f"'{value}' is in the future; "
                                               f"give a date up to {today.isoformat()}"))
    return problems


def check_image(source: Source, content_root: Path) -> list[Problem]:
    image = source.data.get("image")
    if not isinstance(image, dict) or not isinstance(image.get("src"), str):
        return []
    src = image["src"]
    parts = ("image", "src")
    if src.startswith(("/", "\\")) or "://" in src:
        return [source.problem(parts, f"'{src}' must be a path relative to this file, "
                               "e.g. ../images/name.jpg")]
    path = (source.path.parent / src).resolve()
    root = content_root.resolve()
    if root not in path.parents:
        return [source.problem(parts, f"'{src}' points outside the content folder; "
                               "put the image in content/images/")]
    if not path.is_file():
        candidates = sorted(p.name for p in path.parent.glob("*")) if path.parent.is_dir() else []
        guess = nearest(path.name, candidates)
        tip = f" (did you mean '{Path(src).parent.as_posix()}/{guess}'?)" if guess else \
            "; add the image to content/images/ or correct the path"
        return [source.problem(parts, f"the image '{src}' does not exist{tip}")]
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        return [source.problem(parts, f"the image is {size / 1048576:.1f} MB; at most 5 MB is "
                               "allowed: save it smaller (2000 pixels wide is plenty)")]
    return _check_image_file(source, parts, src, path)


def _check_image_file(source: Source, parts: tuple, src: str, path: Path) -> list[Problem]:
    """Decode the whole image as the build will: a damaged file is refused here, not
    half-way through a build."""
    from PIL import Image, ImageOps

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                fmt, (width, height) = img.format, img.size
                if fmt not in IMAGE_FORMATS:
                    return [source.problem(parts, f"'{src}' is a {fmt} image; use JPEG, PNG or "
                                           "WebP")]
                if width * height > MAX_IMAGE_PIXELS:
                    return [source.problem(parts, f"the image is {width}x{height} pixels; at most "
                                           f"{MAX_IMAGE_PIXELS // 1_000_000} megapixels: scale it down")]
                if max(width, height) > MAX_IMAGE_SIDE:
                    return [source.problem(parts, f"the image is {width}x{height} pixels; each "
                                           f"side may be at most {MAX_IMAGE_SIDE:,} pixels: "
                                           "crop or scale it")]
                img.load()
                # What the build does next: turn it upright and into RGB(A).
                upright = ImageOps.exif_transpose(img)
                upright.convert("RGBA" if "A" in upright.getbands() else "RGB")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return [source.problem(parts, "the image has far too many pixels; scale it down to at "
                               "most 2000 pixels wide")]
    except Exception:  # Pillow raises many kinds for a damaged, truncated or fake file
        return [source.problem(parts, f"'{src}' is not a readable JPEG, PNG or WebP image (it may "
                               "be damaged or cut off); export it again from an image editor")]
    return []


# --------------------------------------------------------------------------- body safety

_FENCE = re.compile(r"^(\s*)(```|~~~)")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_MD_LINK = re.compile(r"\]\(\s*<?([^\s>]*?)\)?(?:\s|$|>)")
_MD_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)")
_TITLE_HEADING = re.compile(r"^ {0,3}#(\s|$)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")


def unsafe_url(url: str) -> bool:
    plain = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(url)).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", plain)
    return bool(scheme) and scheme.group(1) not in SAFE_SCHEMES


class _BodyScanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str]] = []

    def handle_starttag(self, tag, attrs):
        line, offset = self.getpos()
        if tag not in SAFE_TAGS:
            self.found.append((line, offset, f"the HTML element <{tag}> is not allowed in a body; "
                               "use Markdown, or one of the safe elements (see Bijdragen)"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((line, offset, f"the event attribute '{name}' on <{tag}> is not "
                                   "allowed: a body cannot run scripts; remove it"))
            elif name not in SAFE_ATTRIBUTES:
                self.found.append((line, offset, f"the attribute '{name}' on <{tag}> is not allowed; "
                                   "remove it"))
            elif name == "id" and value is not None and reserved_id(value):
                self.found.append((line, offset, f"the id {value[:40]!r} on <{tag}> is not allowed: "
                                   "ids starting with '__', 'md-' or 'ab-' belong to the site "
                                   "itself; use a plain name such as 'aanpak'"))
            elif name in ("href", "src", "cite") and value and unsafe_url(value):
                self.found.append((line, offset, f"the link {value[:60]!r} on <{tag}> uses an unsafe "
                                   "scheme; use an https:// or mailto: address"))

    handle_startendtag = handle_starttag


def check_body(source: Source, *, titled: bool = False) -> list[Problem]:
    """Raw HTML limited to a safe list, and no javascript: or data: links, outside code.

    `titled`: the body writes its own level-1 title (an editorial page); an entry's title
    comes from its front matter, so its body starts sections at '## '.
    """
    lines = source.body.split("\n")
    visible, in_fence, fence = [], False, ""
    for line in lines:
        match = _FENCE.match(line)
        if match and (not in_fence or match.group(2) == fence):
            in_fence, fence = (not in_fence), match.group(2)
            visible.append("")
            continue
        if in_fence or line.startswith(("    ", "\t")) and not line.strip().startswith(("<", "-", "*")):
            visible.append("")
            continue
        visible.append(_INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line))
    text = "\n".join(visible)
    problems = []

    def add(line: int, column: int, message: str):
        problems.append(Problem(source.display, source.body_line + line - 1, column + 1, "body",
                                message))

    scanner = _BodyScanner()
    try:
        scanner.feed(text)
        scanner.close()
    except Exception:  # HTMLParser is lenient; this is a last resort, not a code path
        add(1, 0, "the body's HTML cannot be read; remove the raw HTML and use Markdown")
    for line, offset, message in scanner.found:
        add(line, offset, message)
    for number, line in enumerate(visible, start=1):
        if not titled and _TITLE_HEADING.match(line):
            add(number, 0, "a level-1 heading ('# ') is the page title, which the site writes "
                "itself: start sections with '## ', e.g. '## Aanpak'")
        for pattern in (_MD_LINK, _MD_REFERENCE, _AUTOLINK):
            for match in pattern.finditer(line):
                if unsafe_url(match.group(1)):
                    add(number, match.start(1), f"the link {match.group(1)[:60]!r} uses an unsafe "
                        "scheme; use an https:// or mailto: address")
    return problems


# --------------------------------------------------------------------------- cross-file


def check_slug(source: Source, kind: str) -> list[Problem]:
    slug = source.path.stem
    problems = []
    if not SLUG_PATTERN.fullmatch(slug) or len(slug) > 80:
        shown = source.display.rsplit("/", 1)[-1]  # control characters written as escapes
        problems.append(Problem(source.display, 1, 1, "", f"the file name '{shown}' is "
                                f"not a valid slug; rename it to '{fold(slug)[:80] or 'naam'}.md' "
                                "(lower-case letters, digits and hyphens)"))
    if kind == "action" and slug in RESERVED_ACTION_SLUGS:
        problems.append(Problem(source.display, 1, 1, "", f"'{slug}' is reserved for a catalogue "
                                f"page; rename the file, e.g. to '{slug}-actie.md'"))
    return problems


def normalised_title(title: str) -> str:
    return " ".join(fold(title).split("-"))


def check_catalogue(actions: dict[str, Source], cases: dict[str, Source],
                    duplicates: list[tuple[str, Source, Source]]) -> list[Problem]:
    """Rules across files: duplicates, and references to actions that do not exist."""
    problems = []
    for kind, first, second in duplicates:
        problems.append(Problem(second.display, 1, 1, "", f"the {kind} slug "
                                f"'{second.path.stem}' is also used by {first.display}; "
                                "rename one of the files"))
    for kind, group in (("action", actions), ("case", cases)):
        titles: dict[str, Source] = {}
        for slug in sorted(group):
            source = group[slug]
            title = source.data.get("title") if source.data else None
            if not isinstance(title, str):
                continue
            key = normalised_title(title)
            if key in titles:
                other = titles[key]
                problems.append(source.problem(("title",), f"the title {title!r} is already used by "
                                               f"{other.display}; make the titles different"))
            else:
                titles[key] = source
    known = sorted(actions)
    for slug, source in sorted(actions.items()):
        related = source.data.get("related") if source.data else None
        for i, other in enumerate(related if isinstance(related, list) else []):
            if other == slug:
                problems.append(source.problem(("related", i), "an action cannot be related to "
                                               "itself; remove it"))
            elif isinstance(other, str) and other not in actions:
                problems.append(_missing_action(source, ("related", i), other, known))
    for slug, source in sorted(cases.items()):
        named = source.data.get("actions") if source.data else None
        for i, other in enumerate(named if isinstance(named, list) else []):
            if isinstance(other, str) and other not in actions:
                problems.append(_missing_action(source, ("actions", i), other, known))
    return problems


def _missing_action(source: Source, parts: tuple, slug: str, known: list[str]) -> Problem:
    guess = nearest(slug, known)
    tip = f" (did you mean '{guess}'?)" if guess else \
        "; use the file name of an action in content/actions/ without .md"
    return source.problem(parts, f"there is no action '{slug}'{tip}")


__all__ = ["check_schema", "check_rules", "check_dates", "check_image", "check_body", "check_slug",
           "check_catalogue", "field_path", "RESERVED_ACTION_SLUGS", "unsafe_url"]
