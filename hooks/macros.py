"""Macros for the editorial pages (mkdocs-macros, `module_name: hooks/macros`).

Macros run only on the pages listed under `force_render_paths` in mkdocs.yml. Each macro
places a part that the core made from the catalogue (actiebank.site.editorial) into the
page, so editors move tables, figures and lists around in Markdown. The site hook hands
the planned site over as config["actiebank_site"] before any page is rendered.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup


def define_env(env: Any) -> None:
    def editorial() -> Any:
        return env.conf["actiebank_site"].editorial

    def root() -> str:
        # The way back to the site root from the page being rendered.
        return "../" * env.page.url.count("/")

    @env.macro
    def bewijsladder() -> Markup:
        """The six steps of the evidence ladder, explained, with their actions."""
        return editorial().evidence_ladder(root())

    @env.macro
    def kostenniveaus() -> Markup:
        """The three cost levels, explained, with their actions."""
        return editorial().cost_levels(root())

    @env.macro
    def zoekveld() -> Markup:
        """A search field that opens the catalogue filtered on the words typed."""
        return editorial().search_field(root())

    @env.macro
    def succesfactoren() -> Markup:
        """The three success factors as large tiles, with their number of actions."""
        return editorial().factor_tiles(root())

    @env.macro
    def provinciekaart() -> Markup:
        """A map of the Netherlands with the number of actions per province."""
        return editorial().province_map(root())

    @env.macro
    def landelijk() -> Markup:
        """The actions that run in the whole country (not on the map)."""
        return editorial().national(root())

    @env.macro
    def kerncijfers() -> Markup:
        """Actions, stories, organisations and actions with a measured result."""
        return editorial().figures(root())

    @env.macro
    def nieuwste_acties(aantal: int = 6) -> Markup:
        """The newest actions as cards."""
        return editorial().newest_actions(root(), int(aantal))

    @env.macro
    def uitgelichte_verhalen(aantal: int = 3) -> Markup:
        """The featured stories as cards."""
        return editorial().featured_stories(root(), int(aantal))

    @env.macro
    def nieuwste_verhalen(aantal: int = 3) -> Markup:
        """The newest stories that are not featured."""
        return editorial().newest_stories(root(), int(aantal))

    @env.macro
    def downloads() -> Markup:
        """The data page's downloads, with the date of the newest data."""
        return editorial().downloads(root())

    @env.macro
    def kolommen() -> Markup:
        """Every column of the spreadsheet explained, sheet by sheet."""
        return editorial().columns()

    @env.macro
    def insluiten() -> Markup:
        """The code to show a list on another site, with a live example."""
        return editorial().embed_example(root())
