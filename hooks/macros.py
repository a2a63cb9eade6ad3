"""Macros for the editorial pages (mkdocs-macros, `module_name: hooks/macros`).

Macros run only on the pages listed under `force_render_paths` in mkdocs.yml. Each macro
places a part that the core made from the catalogue (actiebank.site.editorial) into the
page, so editors move tables, figures and lists around in Markdown. The site hook hands
the planned site over as config["actiebank_site"] before any page is rendered.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from actiebank.site.editorial import Editorial
from actiebank.site.pages import Site


class EditorialMacros:
    """The macros, by the names editors write in Markdown: each places a part of the
    planned site's editorial (actiebank.site.editorial) on the page being rendered."""

    def __init__(self, env: Any) -> None:
        self.env = env

    def _editorial(self) -> Editorial:
        site: Site = self.env.conf["actiebank_site"]
        # The site hook plans the site, editorial included, before any page is rendered.
        assert site.editorial is not None, "the site was planned without its editorial parts"
        return site.editorial

    def _root(self) -> str:
        # The way back to the site root from the page being rendered.
        url: str = self.env.page.url
        return "../" * url.count("/")

    def bewijsladder(self) -> Markup:
        """The six steps of the evidence ladder, explained, with their actions."""
        return self._editorial().evidence_ladder(self._root())

    def kostenniveaus(self) -> Markup:
        """The three cost levels, explained, with their actions."""
        return self._editorial().cost_levels(self._root())

    def zoekveld(self) -> Markup:
        """A search field that opens the catalogue filtered on the words typed."""
        return self._editorial().search_field(self._root())

    def succesfactoren(self) -> Markup:
        """The three success factors as large tiles, with their number of actions."""
        return self._editorial().factor_tiles(self._root())

    def provinciekaart(self) -> Markup:
        """A map of the Netherlands with the number of actions per province."""
        return self._editorial().province_map(self._root())

    def landelijk(self) -> Markup:
        """The actions that run in the whole country (not on the map)."""
        return self._editorial().national(self._root())

    def kerncijfers(self) -> Markup:
        """Actions, stories, organisations and actions with a measured result."""
        return self._editorial().figures(self._root())

    def nieuwste_acties(self, aantal: int = 6) -> Markup:
        """The newest actions as cards."""
        return self._editorial().newest_actions(self._root(), int(aantal))

    def uitgelichte_verhalen(self, aantal: int = 3) -> Markup:
        """The featured stories as cards."""
        return self._editorial().featured_stories(self._root(), int(aantal))

    def nieuwste_verhalen(self, aantal: int = 3) -> Markup:
        """The newest stories that are not featured."""
        return self._editorial().newest_stories(self._root(), int(aantal))

    def downloads(self) -> Markup:
        """The data page's downloads, with the date of the newest data."""
        return self._editorial().downloads(self._root())

    def dataset(self) -> Markup:
        """The open data described for dataset search engines (schema.org, JSON-LD)."""
        return self._editorial().dataset()

    def kolommen(self) -> Markup:
        """Every column of the spreadsheet explained, sheet by sheet."""
        return self._editorial().columns()

    def insluiten(self) -> Markup:
        """The code to show a list on another site, with a live example."""
        return self._editorial().embed_example(self._root())


def define_env(env: Any) -> None:
    """mkdocs-macros' entry point: every public method of EditorialMacros is a macro."""
    macros = EditorialMacros(env)
    for name in vars(EditorialMacros):
        if not name.startswith("_"):
            env.macro(getattr(macros, name), name)
