"""Macros for the editorial pages (mkdocs-macros, `module_name: hooks/macros`).

Macros run only on the pages listed under `force_render_paths` in mkdocs.yml. Each macro
places a part that the core made from the catalogue (actiebank.site.editorial) into the
page, so editors move tables and figures around in Markdown. The site hook hands the
planned site over as config["actiebank_site"] before any page is rendered.
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
