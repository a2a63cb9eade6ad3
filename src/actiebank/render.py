"""The Jinja environment that renders every generated page part, export and feed.

Autoescaping is on for every template: contributor text reaches HTML and XML only as
escaped data. Contributor Markdown bodies never pass through here as templates; they
arrive as sanitised HTML marked safe by the caller.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import ChainableUndefined, Environment, PackageLoader, select_autoescape
from markupsafe import Markup

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


def dutch_date(value: str | None) -> str:
    """'2024-01-15' -> '15 januari 2024'; '2022-03' -> 'maart 2022'; '2021' -> '2021'."""
    if not value:
        return ""
    parts = str(value).split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return str(value)


def dutch_number(value: float | int | None) -> str:
    """1234.5 -> '1.234,5': Dutch thousands and decimal separators."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("actiebank", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "xml"), default=True),
        # Optional front-matter fields are simply absent: an absent one shows nothing.
        undefined=ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["dutch_date"] = dutch_date
    env.filters["dutch_number"] = dutch_number
    return env


def render(template: str, **context) -> Markup:
    return Markup(environment().get_template(template).render(**context))
