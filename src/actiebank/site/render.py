"""The one Jinja environment that renders every generated page part, export and feed.

Autoescaping is on for every template: contributor text reaches HTML and XML only as
escaped data. Contributor Markdown bodies never pass through here as templates; they
arrive as sanitised HTML marked safe by the caller. Undefined names raise: a typo in a
template fails the build instead of printing nothing.

The templates live in `site/templates/`; a project overrides any of them by placing a
file of the same name in `overrides/actiebank/` (the theme's custom_dir, see
`Renderer.for_theme`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup

from .. import routes

# The folder inside the theme's custom_dir whose templates replace the core's.
OVERRIDES_FOLDER = "actiebank"
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


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


# Small counts in running text are written as words (B1 Dutch): "tot vier acties".
COUNT_WORDS = (
    "nul",
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
)


def dutch_count(value: int) -> str:
    """4 -> 'vier'; from 13 on, the number in digits."""
    return COUNT_WORDS[value] if 0 <= value < len(COUNT_WORDS) else dutch_number(value)


def package_loader() -> BaseLoader:
    return PackageLoader("actiebank.site", "templates")


class Renderer:
    """Renders the core's templates, from the package or a project's overrides."""

    def __init__(self, loader: BaseLoader | None = None):
        self.environment = Environment(
            loader=loader or package_loader(),
            autoescape=select_autoescape(enabled_extensions=("html", "xml"), default=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.environment.filters["dutch_date"] = dutch_date
        self.environment.filters["dutch_number"] = dutch_number
        # Every address comes from routes.py: {{ root }}{{ routes.catalogue_url() }}.
        self.environment.globals["routes"] = routes

    @classmethod
    def for_theme(cls, custom_dir: str | Path | None) -> Renderer:
        """Templates in <custom_dir>/actiebank/ (the theme's overrides folder, when it has
        one) before the package's own."""
        overrides = Path(custom_dir) / OVERRIDES_FOLDER if custom_dir else None
        if overrides is None or not overrides.is_dir():
            return cls()
        return cls(ChoiceLoader([FileSystemLoader(str(overrides)), package_loader()]))

    def render(self, template: str, **context: Any) -> Markup:
        return Markup(self.environment.get_template(template).render(**context))
